"""A Mizan installation driven from outside, for the backup tests: fill it, keep writing to it, probe it.

Run as `python -m tests.ops.sitetool <command>` with the site's environment (SQLITE_PATH or
DATABASE_URL, MEDIA_ROOT, MIZAN_VAR_DIR), as a separate process like the platform's own web and
worker processes. The people and places are the suite's personas (`tests/conftest.py`: the same
organisations, units, facilities and one user per role, made with its `make_user`); pytest
fixtures cannot be called outside pytest, so their few lines of organisation and place data are
repeated here. Cases are filed and handled only through the domain functions.

    populate --cases N      the personas, then N cases with files, messages and transitions;
                            prints {"receipts": {receipt: reference}, "names": {reference: name}}
    more --cases N          N more cases in the existing organisation (prints the same)
    write --stop F --progress P
                            files cases (each with a unique file, every other one with a staff
                            message and file) until the file F exists; after every commit writes
                            the number of cases filed so far to P
    probe --receipts JSON   for each receipt: the reference it opens and the complainant's
                            decrypted name (proves the hash and data keys fit the database)
"""

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mizan.settings")

import django  # noqa: E402

django.setup()

from mizan.accounts.models import Facility, Governorate, Organisation, Role, Unit  # noqa: E402
from mizan.complaints.access import get_case_by_receipt  # noqa: E402
from mizan.complaints.identity import unseal  # noqa: E402
from mizan.complaints.intake import clean_intake  # noqa: E402
from mizan.complaints.models import Person  # noqa: E402
from mizan.complaints.services import (  # noqa: E402
    Upload,
    assign_case,
    post_complainant_message,
    post_message,
    submit_complaint,
    transition_case,
)
from mizan.complaints.workflow import Status  # noqa: E402
from tests.conftest import make_user  # noqa: E402

NARRATIVES = [
    "ضربوني في قسم الدقي واحتجزوني ثلاثة أيام بدون عرض على النيابة",
    "اتحجزت في القسم يومين ومحدش قالي التهمة إيه",
    "My brother was held at the police station for a week without seeing a lawyer",
    "Mon fils a été détenu trois jours sans voir de juge",
    "منعوا عني الزيارة والدوا في مركز الإصلاح",
]
CATEGORIES = [["torture", "arbitrary_detention"], ["arbitrary_detention"], ["due_process"],
              ["arbitrary_detention", "due_process"], ["torture"]]


def pdf(label: str) -> bytes:
    """A small PDF whose bytes are unique (random), so every stored file differs."""
    return b"%PDF-1.4\n% " + label.encode() + b"\n" + os.urandom(2048) + b"\n%%EOF\n"


def world():
    """The personas of tests/conftest.py: `org` with one user per role, `other_org` with `outsider`."""
    org = Organisation.objects.create(
        slug="moi-hr", kind="ministry", country="EG", reference_prefix="EG", weekend_days="4,5",
        name_ar="إدارة حقوق الإنسان بوزارة الداخلية", name_en="Human-rights department, Ministry of Interior",
        name_fr="Direction des droits de l'homme, ministère de l'Intérieur", is_default_intake=True,
    )
    other_org = Organisation.objects.create(
        slug="nhri", kind="nhri", country="MA", reference_prefix="NHRI", weekend_days="5,6",
        name_ar="المؤسسة الوطنية لحقوق الإنسان", name_en="National human-rights institution",
        name_fr="Institution nationale des droits de l'homme",
    )
    cairo = Governorate.objects.create(organisation=org, code="cairo", name_ar="القاهرة", name_en="Cairo", name_fr="Le Caire")
    giza = Governorate.objects.create(organisation=org, code="giza", name_ar="الجيزة", name_en="Giza", name_fr="Gizeh")
    hr = Unit.objects.create(organisation=org, code="hr", name_ar="قطاع حقوق الإنسان", name_en="Human-rights sector",
                             name_fr="Secteur des droits de l'homme", is_intake=True)
    Unit.objects.create(organisation=org, code="prisons", name_ar="قطاع الحماية المجتمعية",
                        name_en="Prisons administration", name_fr="Administration pénitentiaire")
    Facility.objects.create(organisation=org, kind="police_station", governorate=giza, name_ar="قسم شرطة الدقي",
                            name_en="Dokki police station", name_fr="Commissariat de Dokki")
    Facility.objects.create(organisation=org, kind="correction_centre", governorate=cairo,
                            name_ar="مركز إصلاح وتأهيل القاهرة", name_en="Cairo correction centre",
                            name_fr="Centre de réhabilitation du Caire")
    make_user("intake", org, Role.INTAKE_OFFICER, hr)
    make_user("officer", org, Role.CASE_OFFICER, hr, can_reveal=True, email="officer@example.org")
    make_user("officer2", org, Role.CASE_OFFICER, hr)
    make_user("supervisor", org, Role.SUPERVISOR, hr, can_reveal=True, email="sup@example.org")
    make_user("analyst", org, Role.ANALYST)
    make_user("auditor", org, Role.AUDITOR)
    make_user("orgadmin", org, Role.ORG_ADMIN)
    make_user("outsider", other_org, Role.SUPERVISOR, can_reveal=True)


def file_case(org, n: int, *, files: int = 1):
    """Case number `n`, filed as tests/conftest.py's `file_case` does, with `files` attachments."""
    anonymous = n % 4 == 3
    raw = {
        "narrative": f"{NARRATIVES[n % len(NARRATIVES)]} (#{n})",
        "categories": CATEGORIES[n % len(CATEGORIES)],
        "anonymous": anonymous,
        "incident_date": date(2026, 10, 1 + n % 28).isoformat(),
    }
    name = "" if anonymous else f"منى عبد الله {n}"
    if not anonymous:
        raw["complainant"] = {"name": name, "national_id": f"2900101{n:07d}", "phone": f"0100{n:07d}"}
    cleaned, errors = clean_intake(org, raw)
    if errors:
        raise SystemExit(f"intake refused case {n}: {errors}")
    uploads = [Upload(f"محضر-{n}-{i}.pdf", pdf(f"case {n} file {i}")) for i in range(files)]
    case, receipt = submit_complaint(organisation=org, channel="web", actor="complainant", files=uploads, **cleaned)
    return case, receipt, name


def handle(case, n: int) -> None:
    """Move some cases along the workflow, with messages and files both ways."""
    from django.contrib.auth import get_user_model

    users = {user.username: user for user in get_user_model().objects.all()}
    officer = users["officer"]
    if n % 3 == 0:
        return
    transition_case(actor=officer, case=case, to=Status.UNDER_REVIEW)
    assign_case(actor=users["supervisor"], case=case, officer=officer)
    transition_case(actor=officer, case=case, to=Status.IN_PROGRESS)
    post_message(actor=officer, case=case, body=f"ملاحظة داخلية {n}", internal=True,
                 files=[Upload(f"note-{n}.pdf", pdf(f"note {n}"))])
    if n % 3 == 1:
        transition_case(actor=officer, case=case, to=Status.AWAITING_COMPLAINANT, note="أرسل صورة المحضر من فضلك")
        post_complainant_message(case=case, body="المحضر مرفق", files=[Upload(f"reply-{n}.pdf", pdf(f"reply {n}"))])
    else:
        findings = {allegation.pk: {"finding": "substantiated", "note": "ثبت"} for allegation in case.allegations.all()}
        transition_case(actor=officer, case=case, to=Status.RESOLVED, note="ثبتت المخالفة", findings=findings)


def fill(count: int, start: int) -> dict:
    org = Organisation.objects.get(slug="moi-hr")
    out = {"receipts": {}, "names": {}}
    for n in range(start, start + count):
        case, receipt, name = file_case(org, n, files=1 + n % 2)
        handle(case, n)
        out["receipts"][receipt] = case.reference
        out["names"][case.reference] = name
    return out


def write(stop: Path, progress: Path) -> None:
    org = Organisation.objects.get(slug="moi-hr")
    from django.contrib.auth import get_user_model

    officer = get_user_model().objects.get(username="officer")
    n = 0
    while not stop.exists():
        case, _, _ = file_case(org, 10_000 + n)
        if n % 2:
            post_message(actor=officer, case=case, body=f"رسالة {n}", files=[Upload(f"w-{n}.pdf", pdf(f"w {n}"))])
        n += 1
        temporary = progress.with_suffix(".tmp")
        temporary.write_text(str(n))
        os.replace(temporary, progress)


def probe(receipts: dict) -> dict:
    found = {}
    for receipt in receipts:
        case = get_case_by_receipt(receipt)
        if case is None:
            found[receipt] = None
            continue
        person = Person.objects.filter(case=case, role="complainant").first()
        name = unseal(person.name_enc, "name", case.pk) if person else ""
        found[receipt] = {"reference": case.reference, "name": name}
    return found


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.ops.sitetool")
    commands = parser.add_subparsers(dest="command", required=True)
    populate_cmd = commands.add_parser("populate")
    populate_cmd.add_argument("--cases", type=int, default=12)
    more_cmd = commands.add_parser("more")
    more_cmd.add_argument("--cases", type=int, default=1)
    write_cmd = commands.add_parser("write")
    write_cmd.add_argument("--stop", type=Path, required=True)
    write_cmd.add_argument("--progress", type=Path, required=True)
    probe_cmd = commands.add_parser("probe")
    probe_cmd.add_argument("--receipts", required=True)
    args = parser.parse_args(argv)
    if args.command == "populate":
        world()
        print(json.dumps(fill(args.cases, 0)))
    elif args.command == "more":
        from mizan.complaints.models import Case

        print(json.dumps(fill(args.cases, 1000 + Case.objects.count())))
    elif args.command == "write":
        write(args.stop, args.progress)
    else:
        print(json.dumps(probe(json.loads(args.receipts))))


if __name__ == "__main__":
    main(sys.argv[1:])
