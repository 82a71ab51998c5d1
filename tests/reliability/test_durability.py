"""Never lose a complaint: an acknowledged receipt survives SIGKILL of the whole server at any moment.

The real server (`python -m mizan.serve`: gunicorn with 3 web processes and `manage.py
db_worker`) runs on a fresh database in a temporary folder, on SQLite, or on a new PostgreSQL
database when DATABASE_URL is set (`make test-reliability` runs both). Client threads file
complaints through `POST /api/v1/complaints` without pause; at a random moment of each round the
whole process group is killed with SIGKILL (no handler runs, nothing is flushed by the server),
then the server is started again on the same database. Every receipt that was answered with 201
must afterwards open its complaint through `GET /api/v1/track`, with the reference it was given;
every case in the database must be whole (timeline, audit, complainant, search document), and
`manage.py verify_audit` must pass.

SQLite durability, what we chose and why: WAL journal with `synchronous=FULL` (mizan/settings.py),
checked below on a connection made with the server's own settings. A 201 is sent only after the
transaction committed. In WAL mode a commit appends the transaction to the -wal file; with
`synchronous=NORMAL` that append is not fsync'd, which is still safe against a crash of the
process (the bytes are in the operating system's page cache and reach the disk without the
process) but can lose the last transactions on a power cut or a kernel crash. With FULL the WAL
is fsync'd at every commit, so an acknowledged complaint survives a power cut too. A receipt
handed to a person in danger is a promise, and intake is not the bottleneck (one fsync per
submission, BENCHMARKS.md), so we pay for FULL. This test proves the process-crash half (SIGKILL);
a power cut cannot be simulated here, it rests on SQLite's documented guarantee for FULL.
"""

import random
import threading
import time

import pytest

from .liveserver import Site, database_url_for_tests, request

pytestmark = pytest.mark.reliability

CLIENTS = 6
ROUNDS = 3
NARRATIVES = [
    "مسكوني من الشارع وودوني القسم وفضلت محجوز ٣ أيام من غير ما حد يقولي ليه، وضربوني على وشي.",
    "اعتُقل ابني دون أمر قضائي واحتُجز في مركز الشرطة أربعة أيام دون عرضه على النيابة العامة.",
    "J'ai été retenu au commissariat pendant deux jours sans voir d'avocat ni de médecin.",
    "My brother was beaten at the station and has not been allowed family visits for a month.",
]


@pytest.fixture
def site():
    site = Site(database_url=database_url_for_tests(), web_workers=3, label="durability")
    try:
        site.prepare()
        yield site
    finally:
        site.close()


@pytest.fixture
def sqlite_site():
    site = Site(label="pragmas")  # always SQLite, also in the PostgreSQL run
    try:
        site.prepare()
        yield site
    finally:
        site.close()


class Intake:
    """Client threads filing complaints until told to stop, whatever the server is doing."""

    def __init__(self, site: Site):
        self.site = site
        self.lock = threading.Lock()
        self.acknowledged: dict[str, str] = {}  # receipt -> reference, for every 201
        self.refused: list[tuple[int, object]] = []  # any other HTTP answer
        self.cut = 0  # requests that failed at the connection (server down or killed mid-request)
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self._run, args=(i,), daemon=True) for i in range(CLIENTS)]

    def _run(self, n: int) -> None:
        i = 0
        while not self.stopping.is_set():
            i += 1
            named = i % 2 == 0
            body = {"narrative": NARRATIVES[(n + i) % len(NARRATIVES)], "anonymous": not named,
                    "categories": ["arbitrary_detention"], "governorate": "cairo"}
            if named:
                body["complainant"] = {"name": f"مقدم شكوى {n}-{i}", "phone": "01000000000"}
            try:
                status, payload, _ms = request(self.site.api + "/complaints", body, timeout=30)
            except OSError:
                with self.lock:
                    self.cut += 1
                time.sleep(0.05)
                continue
            with self.lock:
                if status == 201:
                    assert payload["receipt"] not in self.acknowledged
                    self.acknowledged[payload["receipt"]] = payload["reference"]
                else:
                    self.refused.append((status, payload))

    def count(self) -> int:
        with self.lock:
            return len(self.acknowledged)

    def wait_for(self, n: int, timeout: float = 120) -> None:
        """Until `n` complaints in all were acknowledged; fails (with the server's log) if the
        server stops taking complaints."""
        deadline = time.monotonic() + timeout
        while self.count() < n:
            if time.monotonic() > deadline or self.refused:
                pytest.fail(f"the server stopped acknowledging complaints ({self.count()} of {n}); refused: "
                            f"{self.refused[:3]}\n{self.site.tail()}")
            time.sleep(0.02)


def test_sqlite_settings_make_a_commit_durable(sqlite_site):
    site = sqlite_site
    code = ("from django.db import connection\n"
            "c = connection.cursor()\n"
            "print('PRAGMAS', c.execute('PRAGMA journal_mode').fetchone()[0], c.execute('PRAGMA synchronous').fetchone()[0],"
            " c.execute('PRAGMA busy_timeout').fetchone()[0], connection.transaction_mode)\n")
    out = site.manage("shell", "-c", code).stdout
    line = next(x for x in out.splitlines() if x.startswith("PRAGMAS "))
    # journal_mode WAL, synchronous 2 = FULL, a 30 s busy timeout, BEGIN IMMEDIATE.
    assert line.split()[1:] == ["wal", "2", "30000", "IMMEDIATE"]


def test_acknowledged_complaints_survive_sigkill_of_the_server(site):
    rng = random.Random()
    intake = Intake(site)
    site.start()
    for thread in intake.threads:
        thread.start()
    rounds = []
    try:
        for _round in range(ROUNDS):
            before = intake.count()
            intake.wait_for(before + 5)  # the load is really running in this round
            time.sleep(rng.uniform(0.5, 4.0))
            cut_before = intake.cut
            site.kill()
            time.sleep(0.3)
            rounds.append({"acknowledged": intake.count() - before, "connection_errors_around_kill": intake.cut - cut_before})
            site.start()
        intake.wait_for(intake.count() + 5)  # the restarted server takes complaints again
    finally:
        intake.stopping.set()
        for thread in intake.threads:
            thread.join(timeout=60)

    assert site.starts == ROUNDS + 1
    assert intake.refused == [], intake.refused[:5]  # no 5xx, no 4xx: only 201s or cut connections
    assert all(r["acknowledged"] >= 5 for r in rounds), rounds

    lost, wrong = [], []
    for receipt, reference in intake.acknowledged.items():
        status, payload, _ms = request(site.api + "/track", headers={"X-Receipt": receipt})
        if status != 200:
            lost.append((reference, status))
        elif payload["reference"] != reference or payload["status"] != "received":
            wrong.append((reference, payload["reference"], payload["status"]))
    site.stop()

    assert lost == [], f"{len(lost)} of {len(intake.acknowledged)} acknowledged complaints lost: {lost[:10]}"
    assert wrong == []
    report = site.consistency()
    assert report["problems"] == []
    # Cases the server committed but could not answer before it died are whole too (counted here).
    assert report["cases"] >= len(intake.acknowledged)
    audit = site.manage("verify_audit", check=False)
    assert audit.returncode == 0, audit.stderr
    assert "chain intact" in audit.stdout
    print(f"\n{site.backend}: {len(intake.acknowledged)} acknowledged, {report['cases']} cases stored, "
          f"rounds {rounds}, connections cut {intake.cut}")
