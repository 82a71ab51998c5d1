"""A real Mizan installation in a temporary folder, served as `make run` serves it, driven from outside.

Used by the reliability tests (kill-and-restart, concurrent officers) and by `bench/load.py`.
Like `bench/submissions.py`: key files made by `mizan.lib.keyfiles`, a fresh database (SQLite in
the folder, or a new PostgreSQL database created on the server of `database_url` and dropped
afterwards), migrations, then `python -m mizan.serve` (gunicorn + `manage.py db_worker`) on a
free 127.0.0.1 port, in its own process group so that `kill()` can SIGKILL all of it at once.

The people are made once by `prepare()`: one organisation receiving public complaints, an intake
unit, `officers` case officers and a supervisor, each with an API token (returned, never stored).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# What the suite's plugin puts in the environment for in-process tests: the served site must not
# inherit it (it reads its own key files and var folder, like a real installation).
_SUITE_ONLY = ("MIZAN_TESTING", "SECRET_KEY", "MIZAN_DATA_KEY", "MIZAN_HASH_KEY", "MEDIA_ROOT",
               "DATABASE_TEST_NAME", "EMAIL_BACKEND", "DJANGO_SETTINGS_MODULE", "SQLITE_PATH")

PASSWORD = "correct horse battery staple"  # of every prepared user (case officers log in without a second factor)

PREPARE = """
import json
from django.contrib.auth import get_user_model
from mizan.accounts.models import ApiToken, Governorate, Membership, Organisation, Role, Unit
o = Organisation.objects.create(slug='rel', kind='ministry', country='EG', reference_prefix='EG',
    name_ar='إدارة حقوق الإنسان', name_en='Human-rights department', is_default_intake=True)
Governorate.objects.create(organisation=o, code='cairo', name_ar='القاهرة', name_en='Cairo')
hr = Unit.objects.create(organisation=o, code='hr', name_ar='قطاع حقوق الإنسان', name_en='Human-rights sector',
    is_intake=True)
tokens = {}
people = [(f'officer{i}', Role.CASE_OFFICER) for i in range(1, OFFICERS + 1)] + [('supervisor', Role.SUPERVISOR)]
for name, role in people:
    user = get_user_model().objects.create_user(username=name, password=PASSWORD)
    Membership.objects.create(user=user, organisation=o, role=role, unit=hr)
    tokens[name] = ApiToken.issue(user, 'reliability')[1]
print('PREPARED ' + json.dumps(tokens))
"""

# Every case whole: the rows `submit_complaint` writes in its one transaction are all there, and
# every state change left its timeline row and its audit row (none without the other).
CONSISTENCY = """
import json
from collections import Counter
from mizan.audit.models import AuditEvent
from mizan.complaints.models import Case, Person, ReferenceCounter, TimelineEvent
from mizan.search.models import SearchDocument
problems = []
kinds = Counter((e.case_id, e.kind) for e in TimelineEvent.objects.only('case_id', 'kind'))
audits = Counter((a.target_id, a.action) for a in AuditEvent.objects.filter(target_type='case').only('target_id', 'action'))
people = set(Person.objects.filter(role='complainant').values_list('case_id', flat=True))
indexed = set(SearchDocument.objects.values_list('case_id', flat=True))
cases = list(Case.objects.values('pk', 'reference', 'status', 'version', 'officer_id'))
for c in cases:
    pk, ref = c['pk'], c['reference']
    for kind in ('submitted', 'acknowledged'):
        if kinds[(pk, kind)] != 1:
            problems.append(f'{ref}: {kinds[(pk, kind)]} timeline rows {kind!r}')
    if audits[(str(pk), 'case.create')] != 1:
        problems.append(f'{ref}: {audits[(str(pk), "case.create")]} audit rows case.create')
    if kinds[(pk, 'status')] != audits[(str(pk), 'case.transition')]:
        problems.append(f'{ref}: {kinds[(pk, "status")]} status rows, {audits[(str(pk), "case.transition")]} audit rows')
    if kinds[(pk, 'assigned')] != audits[(str(pk), 'case.assign')]:
        problems.append(f'{ref}: {kinds[(pk, "assigned")]} assigned rows, {audits[(str(pk), "case.assign")]} audit rows')
    if pk not in people:
        problems.append(f'{ref}: no complainant row')
    if pk not in indexed:
        problems.append(f'{ref}: not in the search index')
    if c['status'] != 'received' and kinds[(pk, 'status')] == 0:
        problems.append(f'{ref}: status {c["status"]} without a status row')
top = max((int(c['reference'].rsplit('-', 1)[1]) for c in cases), default=0)
counter = max(ReferenceCounter.objects.values_list('last', flat=True), default=0)
if counter < top:
    problems.append(f'reference counter {counter} behind the highest reference {top}')
print('CONSISTENCY ' + json.dumps({'cases': len(cases), 'problems': problems}))
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(url: str, body=None, headers=None, method=None, timeout=60):
    """(status, JSON body or None, milliseconds). HTTP errors are answers, not exceptions;
    connection errors (server down or killed) raise OSError."""
    data = json.dumps(body, ensure_ascii=False).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method or ("POST" if data is not None else "GET"),
                                 headers={"Content-Type": "application/json", **(headers or {})})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            raw, status = response.read(), response.status
    except urllib.error.HTTPError as error:
        raw, status = error.read(), error.code
    ms = (time.perf_counter() - start) * 1000
    try:
        payload = json.loads(raw) if raw else None
    except ValueError:
        payload = None
    return status, payload, ms


class Site:
    """One installation: `prepare()`, then `start()` / `kill()` / `stop()` as often as needed."""

    def __init__(self, *, database_url: str = "", web_workers: int = 3, officers: int = 2, label: str = "rel"):
        self.dir = Path(tempfile.mkdtemp(prefix=f"mizan-{label}-"))
        self.web_workers, self.officers = web_workers, officers
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.api = self.base + "/api/v1"
        self.server: subprocess.Popen | None = None
        self.starts = 0
        self.database_url = database_url
        self.dbname = None
        env = {k: v for k, v in os.environ.items() if k not in _SUITE_ONLY}
        env.update({
            "MIZAN_VAR_DIR": str(self.dir), "DJANGO_SETTINGS_MODULE": "mizan.settings",
            "MIZAN_THROTTLE_SUBMIT_PER_HOUR": "100000000", "MIZAN_THROTTLE_TRACK_PER_HOUR": "100000000",
            "LOG_LEVEL": "WARNING", "PYTHONUNBUFFERED": "1",
        })
        env.pop("DATABASE_URL", None)
        if database_url:
            import psycopg

            self.dbname = f"mizan_{label}_{os.getpid()}_{self.port}"
            with psycopg.connect(database_url, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{self.dbname}"')
            env["DATABASE_URL"] = database_url.rsplit("/", 1)[0] + "/" + self.dbname
        self.env = env
        self.log = open(self.dir / "server.log", "ab")  # noqa: SIM115 - kept open across restarts

    @property
    def backend(self) -> str:
        return "postgresql" if self.database_url else "sqlite"

    def manage(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=check,
                              capture_output=True, text=True, timeout=600)

    def prepare(self) -> dict[str, str]:
        """Keys, migrations, static files, the organisation and its staff; returns {username: API token}."""
        subprocess.run([sys.executable, "-m", "mizan.lib.keyfiles", str(self.dir / "keys")], cwd=ROOT,
                       env=self.env, check=True, capture_output=True)
        self.manage("migrate", "--noinput")
        self.manage("collectstatic", "--noinput", "-v0")  # as `make run` does: the desk's pages need it
        code = PREPARE.replace("OFFICERS", str(self.officers)).replace("PASSWORD", repr(PASSWORD))
        out = self.manage("shell", "-c", code).stdout
        line = next(x for x in out.splitlines() if x.startswith("PREPARED "))
        return json.loads(line.removeprefix("PREPARED "))

    def consistency(self) -> dict:
        """{"cases": n, "problems": [...]} from CONSISTENCY, run in its own process."""
        out = self.manage("shell", "-c", CONSISTENCY).stdout
        line = next(x for x in out.splitlines() if x.startswith("CONSISTENCY "))
        return json.loads(line.removeprefix("CONSISTENCY "))

    def start(self, timeout: float = 90) -> None:
        """Serve with `python -m mizan.serve` in a new process group; wait until the API answers."""
        assert self.server is None or self.server.poll() is not None, "already running"
        self.server = subprocess.Popen(
            [sys.executable, "-m", "mizan.serve", "--port", str(self.port), "--web-workers", str(self.web_workers)],
            cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        self.starts += 1
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                raise RuntimeError(f"the server exited with {self.server.returncode}; see {self.dir}/server.log:\n"
                                   + self.tail())
            try:
                if request(self.api + "/taxonomy", timeout=5)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"the server did not answer within {timeout} s:\n" + self.tail())

    def kill(self) -> None:
        """SIGKILL the whole process group (launcher, gunicorn master and workers, db_worker)."""
        pgid = self.server.pid  # start_new_session: the launcher leads its own group
        os.killpg(pgid, signal.SIGKILL)
        self.server.wait(timeout=30)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # the group is gone once every member is reaped
            try:
                os.killpg(pgid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.1)
        raise RuntimeError("processes of the killed server are still alive")

    def stop(self) -> None:
        """A clean stop (SIGTERM to the launcher, which stops gunicorn and the worker)."""
        if self.server is None or self.server.poll() is not None:
            return
        self.server.send_signal(signal.SIGTERM)
        try:
            self.server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.server.pid, signal.SIGKILL)
            self.server.wait(timeout=30)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.server.pid, signal.SIGKILL)  # anything left behind

    def tail(self, n: int = 4000) -> str:
        self.log.flush()
        return (self.dir / "server.log").read_bytes()[-n:].decode("utf-8", "replace")

    def close(self) -> None:
        """Stop the server, drop the PostgreSQL database, remove the folder."""
        try:
            self.stop()
        finally:
            self.log.close()
            if self.dbname:
                import psycopg

                with psycopg.connect(self.database_url, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{self.dbname}" WITH (FORCE)')
            shutil.rmtree(self.dir, ignore_errors=True)


def database_url_for_tests() -> str:
    """The PostgreSQL server to test on: DATABASE_URL when set (as `make test-postgres` sets it),
    else "" for SQLite. A PostgreSQL run whose server is unreachable fails, it never skips."""
    return os.environ.get("DATABASE_URL", "")
