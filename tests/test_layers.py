"""The house plan's one-way arrows, over the whole tree: a module never imports a module of a
higher layer, not even inside a function (README, "Architecture").

    entry points   the faces (desk, portal, api), every views*.py, urls.py and management
                   command, the operations package (backup, restore): they may import anything
    wings          search, reports, triage: they register into the core and read it
    core           complaints, followup: the records and the only code that changes them
    platform       accounts, audit, core (plumbing)
    lib            plain Python

and the faces file complaints only through the one way in, `complaints.intake.receive`.

An import of our own code inside a function (an arrow the top of the module does not show) is
there only with a comment saying why it cannot be at the top (issue 16).
"""

import ast
import io
import re
import tokenize
from pathlib import Path

from tests.layers import imports_of

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "mizan"
LAYERS = {
    "mizan.lib": 0,
    "mizan.core": 1, "mizan.accounts": 1, "mizan.audit": 1,
    "mizan.complaints": 2, "mizan.followup": 2,
    "mizan.search": 3, "mizan.reports": 3, "mizan.triage": 3,
}
TOP = 9
FACES = ("mizan.desk", "mizan.portal", "mizan.api", "mizan.ops")


def _module(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def _layer(module: str, path: Path | None = None) -> int | None:
    if path is not None and (path.name.startswith("views") or path.name in ("urls.py", "admin.py")
                             or "commands" in path.parts):
        return TOP
    if module.startswith(FACES) or module in ("mizan.urls", "mizan.settings", "mizan.wsgi", "mizan.serve"):
        return TOP
    for name, level in LAYERS.items():
        if module == name or module.startswith(name + "."):
            return level
    return None


def _modules():
    return [path for path in PACKAGE.rglob("*.py") if "migrations" not in path.parts]


def test_no_module_imports_a_higher_layer():
    upward = {}
    for path in _modules():
        level = _layer(_module(path), path)
        if level is None or level == TOP:
            continue
        higher = sorted(name for name in imports_of(path)
                        if name.startswith("mizan.") and (_layer(name) or 0) > level)
        if higher:
            upward[str(path.relative_to(ROOT))] = higher
    assert upward == {}


def test_the_two_cores_do_not_import_each_other_both_ways():
    def reaches(source: str, target: str) -> list[str]:
        return sorted(str(p.relative_to(ROOT)) for p in (PACKAGE / source).rglob("*.py")
                      if "migrations" not in p.parts and _layer(_module(p), p) != TOP
                      and any(n.startswith(f"mizan.{target}") for n in imports_of(p)))

    assert reaches("complaints", "followup") == [] or reaches("followup", "complaints") == []


def test_the_faces_file_complaints_only_through_intake_receive():
    writers = {str(path.relative_to(ROOT)) for path in _modules()
               if _module(path).startswith(("mizan.desk", "mizan.portal", "mizan.api"))
               and "submit_complaint" in path.read_text(encoding="utf-8")}
    assert writers == set()


def test_timeline_rows_are_written_in_one_place():
    writers = {str(path.relative_to(ROOT)) for path in _modules()
               if path.name not in ("timeline.py", "models.py")
               and any(marker in path.read_text(encoding="utf-8")
                       for marker in ("TimelineEvent(", "TimelineEvent.objects.create", "TimelineEvent.objects.bulk_create"))}
    assert writers == set()


def test_the_faces_show_a_case_to_its_complainant_only_through_the_one_public_view():
    # complaints/public.py builds it; the portal's tracking page and the tracking API read it.
    builders = {str(path.relative_to(ROOT)) for path in _modules()
                if _module(path).startswith(("mizan.portal", "mizan.api"))
                and any(marker in path.read_text(encoding="utf-8")
                        for marker in (".timeline.public()", "Kind.INTERNAL", "PUBLIC_EXPLANATION"))}
    assert builders == set()


# mizan/triage/ is being changed elsewhere: its in-function imports without a comment are brought
# in line after that work lands. Until then they are listed here, each (file, function, module
# imported), and nothing else is: the test below fails on any other one, on an entry outside
# mizan/triage/, and on an entry that no longer needs listing (so the list only shrinks).
PENDING_IN_TRIAGE = {
    ("mizan/triage/tasks.py", "triage_case", ".engine"),
    ("mizan/triage/tasks.py", "scan_case_pii", ".privacy"),
}


def _comments(source: str) -> dict[int, str]:
    """Line number -> the words of the comment on that line (a bare `noqa` says nothing)."""
    found = {}
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            words = re.sub(r"\bnoqa\b(:\s*[A-Z]+[0-9]+(\s*,\s*[A-Z]+[0-9]+)*)?", "", token.string.lstrip("#"))
            if re.search(r"\w", words):
                found[token.start[0]] = words.strip()
    return found


def _late_imports(source: str) -> list[tuple[int, str, str, bool]]:
    """(line, function, module, commented) of each import of our code (`mizan.*` or relative)
    inside a function. Commented: a comment on the import's own line(s) or on a comment line
    right above it, or above the first import of the run of imports it belongs to (so that one
    comment at the top of an AppConfig.ready() speaks for the imports under it)."""
    lines, comments = source.splitlines(), _comments(source)

    def said(node) -> bool:
        above = node.lineno - 1
        return (any(line in comments for line in range(node.lineno, node.end_lineno + 1))
                or (above in comments and lines[above - 1].lstrip().startswith("#")))

    def ours(node) -> str | None:
        if isinstance(node, ast.ImportFrom):
            name = "." * node.level + (node.module or "")
            return name if node.level or name == "mizan" or name.startswith("mizan.") else None
        names = [alias.name for alias in node.names if alias.name == "mizan" or alias.name.startswith("mizan.")]
        return names[0] if names else None

    found = []

    def visit(node, function: str | None) -> None:
        for _field, value in ast.iter_fields(node):
            children = value if isinstance(value, list) else [value]
            run_said = False  # the comment above the first import of a run of imports
            previous_was_import = False
            for child in children:
                if not isinstance(child, ast.AST):
                    continue
                is_import = isinstance(child, (ast.Import, ast.ImportFrom))
                if is_import:
                    if not previous_was_import:
                        run_said = said(child)
                    module = ours(child)
                    if function is not None and module is not None:
                        found.append((child.lineno, function, module, run_said or said(child)))
                previous_was_import = is_import
                inner = child.name if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else function
                visit(child, inner)

    visit(ast.parse(source), None)
    return found


def test_the_late_import_check_sees_what_it_should():
    sample = """
import mizan.lib.digits


def plain():
    from mizan.complaints.models import Case
    import os  # not ours: never counted


def explained():
    # Not at the top: statistics imports this module (rollup <-> statistics).
    from . import statistics
    from .models import Count

    value = 1  # a comment here speaks for nothing below
    from .rollup import write  # noqa: F401


class Config:
    def ready(self):
        from .tasks import sweep  # noqa: F401  (cycle: tasks imports this module)
"""
    assert _late_imports(sample) == [
        (6, "plain", "mizan.complaints.models", False),
        (12, "explained", ".", True),
        (13, "explained", ".models", True),
        (16, "explained", ".rollup", False),
        (21, "ready", ".tasks", True),
    ]


def test_an_import_of_our_code_inside_a_function_says_why_it_is_not_at_the_top():
    unexplained = {}
    for path in _modules():
        name = str(path.relative_to(ROOT))
        for line, function, module, commented in _late_imports(path.read_text(encoding="utf-8")):
            if not commented:
                unexplained[(name, function, module)] = f"{name}:{line} {function}() imports {module}"
    assert all(name.startswith("mizan/triage/") for name, _function, _module in PENDING_IN_TRIAGE)
    assert sorted(where for key, where in unexplained.items() if key not in PENDING_IN_TRIAGE) == []
    assert sorted(PENDING_IN_TRIAGE - unexplained.keys()) == []  # done: take it off the list
