"""Checking a JSON body against a schema of the OpenAPI document, `$ref`s resolved in `components`.

Uses `jsonschema` when it is installed; otherwise a small validator for the keywords pydantic
writes (type, properties, required, items, additionalProperties, enum, const, anyOf / oneOf /
allOf, formats date and date-time, bounds), so the check still runs without the package.
"""

from datetime import date, datetime

try:
    import jsonschema
except ImportError:  # pragma: no cover - depends on the environment
    jsonschema = None

_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def _resolve(schema: dict, document: dict) -> dict:
    while "$ref" in schema:
        node = document
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node[part]
        schema = {**node, **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def _date_time(value: str) -> bool:
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return "T" in value


def _date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def problems(value, schema: dict, document: dict, where: str = "$") -> list[str]:
    """Every way `value` breaks `schema` (empty when it matches)."""
    schema = _resolve(schema, document)
    found: list[str] = []
    for sub in schema.get("allOf", []):
        found += problems(value, sub, document, where)
    for keyword in ("anyOf", "oneOf"):
        if keyword in schema:
            matches = [s for s in schema[keyword] if not problems(value, s, document, where)]
            if not matches or (keyword == "oneOf" and len(matches) > 1):
                found.append(f"{where}: {value!r} matches {len(matches)} of {keyword}")
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_TYPES[t](value) for t in types):
            return [*found, f"{where}: {value!r} is not {types}"]
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{where}: {value!r} not in {schema['enum']}")
    if "const" in schema and value != schema["const"]:
        found.append(f"{where}: {value!r} != {schema['const']!r}")
    if isinstance(value, str):
        if schema.get("format") == "date-time" and not _date_time(value):
            found.append(f"{where}: {value!r} is not a date-time")
        if schema.get("format") == "date" and not _date(value):
            found.append(f"{where}: {value!r} is not a date")
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            found.append(f"{where}: longer than {schema['maxLength']}")
        if "minLength" in schema and len(value) < schema["minLength"]:
            found.append(f"{where}: shorter than {schema['minLength']}")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            found.append(f"{where}: below {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            found.append(f"{where}: above {schema['maximum']}")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                found.append(f"{where}: missing {name!r}")
        extra = schema.get("additionalProperties", True)
        for name, item in value.items():
            if name in properties:
                found += problems(item, properties[name], document, f"{where}.{name}")
            elif extra is False:
                found.append(f"{where}: unexpected {name!r}")
            elif isinstance(extra, dict):
                found += problems(item, extra, document, f"{where}.{name}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found += problems(item, schema["items"], document, f"{where}[{index}]")
    return found


def check(value, schema: dict, document: dict) -> list[str]:
    """Problems of `value` against `schema`, with jsonschema when available."""
    if jsonschema is not None:  # pragma: no cover - depends on the environment
        wrapped = {**schema, "components": document["components"]}
        validator = jsonschema.Draft202012Validator(wrapped, format_checker=jsonschema.FormatChecker())
        return [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(value)]
    return problems(value, schema, document)
