"""The house plan's one-way arrows, over the whole tree: a module never imports a module of a
higher layer, not even inside a function (README, "Architecture").

    entry points   the faces (desk, portal, api), every views*.py, urls.py and management
                   command, the operations package (backup, restore): they may import anything
    wings          search, reports, triage: they register into the core and read it
    core           complaints, followup: the records and the only code that changes them
    platform       accounts, audit, core (plumbing)
    lib            plain Python

and the faces file complaints only through the one way in, `complaints.intake.receive`.
"""

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
