"""What an upgrade must keep, read from a Mizan database: for the upgrade fixture and its test.

Run as a separate process with an installation's environment (SQLITE_PATH or DATABASE_URL,
MIZAN_VAR_DIR with the keys, MEDIA_ROOT) and the code under test first on PYTHONPATH:
`tests/ops/make_upgrade_fixture.py` runs it with the previous release's code (a git worktree),
`tests/ops/test_upgrade.py` with the current code after `migrate`. It imports nothing from
`tests` and only the models, `complaints.identity.unseal` and `audit.verify_chain`, which both
releases have, so the same lines measure the database before and after the upgrade.

    state [--references R,R] [--audit-event ID]
                               JSON on stdout: the code's location, migrations (leaf nodes, all
                               known to the code, applied, unapplied), row counts of every table, the
                               files under MEDIA_ROOT, the audit chain (head, verification), and
                               for each sampled case (chosen here when no references are given):
                               reference, a SHA-256 of its decrypted identities, its timeline
                               (entries and a digest) and its attachments' SHA-256
    login --logins FILE --username U --reference R
                               the two-step login of a demo user with the password and
                               authenticator key of the demo logins file, then the desk's case
                               page R; JSON: the status of every step and whether the page shows R
"""

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mizan.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.migrations.executor import MigrationExecutor  # noqa: E402

import mizan  # noqa: E402
from mizan.audit.models import AuditEvent, AuditHead, verify_chain  # noqa: E402
from mizan.complaints.identity import IDENTITY_FIELDS, unseal  # noqa: E402
from mizan.complaints.models import Attachment, Case, TimelineEvent  # noqa: E402


def _sha256(value) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def migrations() -> dict:
    executor = MigrationExecutor(connection)
    leaves = sorted(executor.loader.graph.leaf_nodes())
    return {
        "leaf_nodes": [list(node) for node in leaves],
        "known": sorted(list(node) for node in executor.loader.graph.nodes),
        "applied": sorted([app, name] for app, name in executor.loader.applied_migrations),
        "unapplied": [[m.app_label, m.name] for m, _ in executor.migration_plan(leaves)],
    }


def row_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        tables = sorted(connection.introspection.table_names(cursor))
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def media_files() -> dict[str, str]:
    root = Path(settings.STORAGES["default"]["OPTIONS"]["location"])
    if not root.exists():
        return {}
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()}


def case_facts(case: Case) -> dict:
    """Reference, decrypted identity (as a hash), timeline and attachments of one case."""
    people = []
    for person in case.persons.order_by("id"):
        people.append([person.id, person.role] + [
            unseal(getattr(person, f"{field}_enc"), field, case.pk) for field in IDENTITY_FIELDS])
    timeline = [[event.id, event.at.isoformat(), event.kind, event.actor_id, event.actor_kind,
                 event.public, event.data]
                for event in TimelineEvent.objects.filter(case=case).order_by("id")]
    return {
        "reference": case.reference,
        "organisation": case.organisation.slug,
        "status": case.status,
        "anonymous": case.anonymous,
        "officer": case.officer.get_username() if case.officer_id else None,
        "persons": len(people),
        "identities_given": sum(1 for person in people if any(person[2:])),
        "identity_sha256": _sha256(people),
        "timeline_entries": len(timeline),
        "timeline_sha256": _sha256(timeline),
        "attachments": [{"id": a.id, "sha256": a.sha256, "stored_name": a.stored_name}
                        for a in Attachment.objects.filter(case=case).order_by("id")],
    }


def sample_references(per_org: int = 3) -> list[str]:
    """A few cases per organisation: with an identity in different statuses, and an anonymous one.

    The first organisation's first sample is one its `officer` holds, for the desk check.
    """
    chosen: list[str] = []
    for org_id in Case.objects.order_by("organisation_id").values_list("organisation_id", flat=True).distinct():
        cases = Case.objects.filter(organisation_id=org_id).order_by("id")
        named = cases.filter(anonymous=False).exclude(persons__name_enc="").distinct()
        mine = named.filter(officer__username__endswith="officer").first()
        picks = [mine] if mine else []
        statuses = {case.status for case in picks}
        for case in named:
            if len(picks) >= per_org - 1:
                break
            if case.status not in statuses:
                picks.append(case)
                statuses.add(case.status)
        anonymous = cases.filter(anonymous=True).first()
        picks += [anonymous] if anonymous else []
        chosen += [case.reference for case in picks]
    return chosen


def _event(event) -> dict | None:
    return {"id": event.id, "hash": event.hash, "action": event.action} if event else None


def audit(event_id: int | None = None) -> dict:
    count, problems = verify_chain()
    head = AuditHead.objects.filter(pk=1).first()
    return {
        "rows": count,
        "problems": problems,
        "head": {"last_hash": head.last_hash, "count": head.count} if head else None,
        "last_event": _event(AuditEvent.objects.order_by("-id").first()),
        "event": _event(AuditEvent.objects.filter(pk=event_id).first()) if event_id else None,
    }


def search_facets() -> dict | None:
    """How many search documents hold the facet terms of their case (releases since the facets
    migration; None for an older release's code)."""
    try:
        from mizan.search.facets import document_facets
        from mizan.search.models import SearchDocument
    except ImportError:
        return None
    checked = wrong = 0
    for document in SearchDocument.objects.select_related("case").iterator():
        checked += 1
        case = document.case
        wrong += document.facets != document_facets(organisation_id=case.organisation_id, status=case.status,
                                                     urgency=case.urgency)
    return {"checked": checked, "wrong": wrong}


def state(references: list[str] | None, audit_event: int | None = None) -> dict:
    references = references or sample_references()
    cases = {case.reference: case for case in Case.objects.filter(reference__in=references)}
    return {
        "code": str(Path(mizan.__file__).resolve().parent),
        "vendor": connection.vendor,
        "migrations": migrations(),
        "row_counts": row_counts(),
        "media_files": media_files(),
        "audit": audit(audit_event),
        "search_facets": search_facets(),
        "cases": [case_facts(cases[ref]) if ref in cases else {"reference": ref, "missing": True}
                  for ref in references],
    }


def _demo_login(logins: Path, username: str) -> tuple[str, str | None]:
    """Password and authenticator key of `username` in a demo-logins file (seed_demo's format)."""
    for line in logins.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts and parts[0] == username:
            key = line.split("2FA key:")[1].split()[0] if "2FA key:" in line else None
            return parts[1], key
    raise SystemExit(f"{username} is not in {logins}")


def login(logins: Path, username: str, reference: str) -> dict:
    from django.test import Client
    from django.test.utils import override_settings
    from django.urls import reverse

    from mizan.lib import totp

    password, key = _demo_login(logins, username)
    # Static file addresses from the files themselves, not from collectstatic's manifest: what the
    # database upgrade changes is the page, not the static files (collectstatic takes a minute).
    storages = {**settings.STORAGES,
                "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    with override_settings(STORAGES=storages):
        client = Client()
        steps = {}
        response = client.post(reverse("login"), {"username": username, "password": password})
        steps["password"] = [response.status_code, response.get("Location", "")]
        if key:
            code = totp.totp(totp.secret_bytes(key), time.time())
            response = client.post(reverse("login_code"), {"code": code})
            steps["code"] = [response.status_code, response.get("Location", "")]
        response = client.get(reverse("desk:case", args=[reference]))
    body = response.content.decode("utf-8", "replace")
    steps["case_page"] = [response.status_code, response.get("Location", "")]
    return {"steps": steps, "shows_reference": reference in body, "bytes": len(body)}


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="upgrade_probe")
    sub = parser.add_subparsers(dest="command", required=True)
    p_state = sub.add_parser("state")
    p_state.add_argument("--references", default="")
    p_state.add_argument("--audit-event", type=int, help="also report this audit row (id, hash)")
    p_login = sub.add_parser("login")
    p_login.add_argument("--logins", type=Path, required=True)
    p_login.add_argument("--username", required=True)
    p_login.add_argument("--reference", required=True)
    args = parser.parse_args(argv)
    if args.command == "state":
        result = state([ref for ref in args.references.split(",") if ref], args.audit_event)
    else:
        result = login(args.logins, args.username, args.reference)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True, default=str)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
