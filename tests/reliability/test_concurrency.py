"""Officers acting on the same case at the same moment, against the real server and database.

One server (`python -m mizan.serve`, 3 gunicorn processes + the worker) on a fresh database:
SQLite by default, a new PostgreSQL database when DATABASE_URL is set. Every race starts its
contenders on a barrier, so the requests really overlap; each proves that exactly one wins, that
every other gets 409 with the clear message in the language asked for, that the final state is
legal, and that the timeline and the audit log hold exactly the one change (the database-wide
consistency check and `verify_audit` run at the end of the module). The same race is run through
the domain functions themselves, in threads of one process on the same database. Finally a burst
of concurrent writes of every kind must give no 5xx and no "database is locked" anywhere.
"""

import html
import http.cookiejar
import json
import re
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.utils import translation
from django.utils.translation import gettext

from mizan.complaints import workflow
from mizan.complaints.workflow import Status

from .liveserver import PASSWORD, Site, database_url_for_tests, request

pytestmark = pytest.mark.reliability

OFFICERS = 4
STALE = ("Someone else changed this case while you were working on it. "
         "Reload the page to see the latest version, then try again.")


@pytest.fixture(scope="module")
def live():
    site = Site(database_url=database_url_for_tests(), web_workers=3, officers=OFFICERS, label="concurrency")
    try:
        tokens = site.prepare()
        site.start()
        yield site, tokens
        site.stop()
        report = site.consistency()
        assert report["problems"] == []
        audit = site.manage("verify_audit", check=False)
        assert audit.returncode == 0, audit.stderr
        log = site.tail(10**8)
        assert "database is locked" not in log
        assert "Traceback" not in log, log[-4000:]
    finally:
        site.close()


def race(n, action):
    """Run action(i) for i in range(n) from n threads released together; results in order."""
    barrier = threading.Barrier(n)
    results = [None] * n

    def run(i):
        barrier.wait()
        results[i] = action(i)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return results


def officers(tokens):
    return [tokens[f"officer{i}"] for i in range(1, OFFICERS + 1)]


def file_case(site) -> str:
    status, payload, _ms = request(site.api + "/complaints", {
        "narrative": "احتجزوني في القسم يومين بدون عرض على النيابة", "anonymous": True,
        "categories": ["arbitrary_detention"]})
    assert status == 201, payload
    return payload["reference"]


def read(site, token, reference):
    status, payload, _ms = request(f"{site.api}/cases/{reference}", headers={"Authorization": f"Bearer {token}"})
    assert status == 200, payload
    return payload


def post(site, token, path, body, lang="en"):
    return request(site.api + path, body, headers={"Authorization": f"Bearer {token}", "Accept-Language": lang})


def test_same_transition_with_the_same_version_one_wins_the_others_get_stale(live):
    site, tokens = live
    reference = file_case(site)
    version = read(site, tokens["officer1"], reference)["version"]
    langs = ["en", "ar", "fr", "en"]
    results = race(OFFICERS, lambda i: post(site, officers(tokens)[i], f"/cases/{reference}/transitions",
                                            {"to": "under_review", "version": version}, lang=langs[i]))
    statuses = sorted(r[0] for r in results)
    assert statuses == [200, 409, 409, 409]
    for (status, payload, _ms), lang in zip(results, langs, strict=True):
        if status == 409:
            assert payload["error"]["code"] == "stale"
            with translation.override(lang):
                assert payload["error"]["message"] == gettext(STALE)
    with translation.override("ar"):
        assert gettext(STALE) != STALE  # the Arabic answer really is translated
    case = read(site, tokens["supervisor"], reference)
    assert case["status"] == "under_review"
    assert case["version"] == version + 1
    assert [e["kind"] for e in case["timeline"]].count("status") == 1


def test_different_steps_without_a_version_are_serialised_by_the_row_lock(live):
    """No `version` sent: the row lock alone orders them. From "received" one officer starts the
    review while the others declare the case inadmissible; whichever goes first, the others find
    a status their step cannot leave, and get 409 illegal_transition."""
    site, tokens = live
    reference = file_case(site)
    bodies = [{"to": "under_review"}] + [{"to": "inadmissible", "note": "خارج اختصاص الإدارة"}] * (OFFICERS - 1)
    results = race(OFFICERS, lambda i: post(site, officers(tokens)[i], f"/cases/{reference}/transitions", bodies[i]))
    winners = [i for i, r in enumerate(results) if r[0] == 200]
    # Review then inadmissible is also legal (under_review -> inadmissible): at most two succeed,
    # and only in that order; everything else is refused as illegal from the status it found.
    case = read(site, tokens["supervisor"], reference)
    status_rows = [e for e in case["timeline"] if e["kind"] == "status"]
    assert 1 <= len(winners) <= 2
    assert len(status_rows) == len(winners)
    assert all(r[0] in (200, 409) for r in results)
    assert all(r[1]["error"]["code"] == "illegal_transition" for r in results if r[0] == 409)
    if len(winners) == 2:
        assert 0 in winners and case["status"] == "inadmissible"
    else:
        assert case["status"] == ("under_review" if winners == [0] else "inadmissible")
    assert case["version"] == 1 + len(winners)


def test_officers_taking_the_same_case_at_once_one_gets_it(live):
    site, tokens = live
    reference = file_case(site)
    version = read(site, tokens["officer1"], reference)["version"]
    names = [f"officer{i}" for i in range(1, OFFICERS + 1)]
    results = race(OFFICERS, lambda i: post(site, tokens[names[i]], f"/cases/{reference}/assignment",
                                            {"officer": names[i], "version": version}))
    won = [names[i] for i, r in enumerate(results) if r[0] == 200]
    assert len(won) == 1
    assert sorted(r[0] for r in results) == [200, 409, 409, 409]
    assert all(r[1]["error"]["code"] == "stale" and r[1]["error"]["message"] == STALE
               for r in results if r[0] == 409)
    case = read(site, tokens["supervisor"], reference)
    assert case["officer"] == won[0]
    assert case["version"] == version + 1
    assert [e["kind"] for e in case["timeline"]].count("assigned") == 1


class DeskSession:
    """An officer logged in to the desk through the login form, with cookies and CSRF."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, site, username):
        self.site, self.jar = site, http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), self.NoRedirect)
        page = self.get("/accounts/login/")[1]
        status, _body = self.post("/accounts/login/", {"username": username, "password": PASSWORD,
                                                        "csrfmiddlewaretoken": self.csrf(page)})
        assert status == 302, f"login of {username} answered {status}"

    @staticmethod
    def csrf(page):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    def _open(self, req):
        try:
            with self.opener.open(req, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def get(self, path):
        return self._open(urllib.request.Request(self.site.base + path))

    def post(self, path, fields):
        data = urllib.parse.urlencode(fields).encode()
        return self._open(urllib.request.Request(self.site.base + path, data=data, headers={
            "Referer": self.site.base + path, "Content-Type": "application/x-www-form-urlencoded"}))


def test_desk_officers_starting_the_review_at_once_the_others_read_the_conflict(live):
    site, tokens = live
    reference = file_case(site)
    sessions = [DeskSession(site, f"officer{i}") for i in range(1, OFFICERS + 1)]
    forms = []
    for s in sessions:  # every officer has the page open, all with the same version
        status, page = s.get(f"/desk/cases/{reference}/")
        assert status == 200
        version = re.search(r'name="version" value="(\d+)"', page).group(1)
        forms.append({"csrfmiddlewaretoken": s.csrf(page), "version": version})
    assert len({f["version"] for f in forms}) == 1
    results = race(OFFICERS, lambda i: sessions[i].post(f"/desk/cases/{reference}/step/review/", forms[i]))
    assert sorted(r[0] for r in results) == [303, 409, 409, 409]
    # The desk speaks Arabic unless the officer chose otherwise. A loser whose request started
    # after the winner's commit is told the step no longer fits the status; one that started
    # before it is told someone else changed the case. Both are the 409 conflict notice.
    with translation.override("ar"):
        stale = html.escape(gettext(STALE))
        illegal = html.escape(gettext("A case in status “%(status)s” cannot take the step “%(step)s”.") % {
            "status": str(Status.UNDER_REVIEW.label), "step": str(workflow.by_name("review").label)})
    assert stale != html.escape(STALE)
    notices = [re.findall(r'role="alert">([^<]*)<', body) for status, body in results if status == 409]
    assert all(found in ([stale], [illegal]) for found in notices), notices
    case = read(site, tokens["supervisor"], reference)
    assert case["status"] == "under_review"
    assert [e["kind"] for e in case["timeline"]].count("status") == 1


RACE = """
import json, threading
from django.contrib.auth import get_user_model
from django.db import OperationalError, connection
from mizan.complaints.errors import Conflict
from mizan.complaints.models import Case
from mizan.complaints.services import assign_case, transition_case
ref, n = REFERENCE, COUNT
users = [get_user_model().objects.get(username=f'officer{i + 1}') for i in range(n)]
version = Case.objects.get(reference=ref).version
barrier = threading.Barrier(n)
results = [None] * n
def run(i):
    try:
        case = Case.objects.get(reference=ref)
        barrier.wait()
        if i % 2:
            assign_case(actor=users[i], case=case, officer=users[i], expected_version=version)
        else:
            transition_case(actor=users[i], case=case, to='under_review', expected_version=version)
        results[i] = 'ok'
    except Conflict as e:
        results[i] = 'conflict:' + e.code
    except OperationalError as e:
        results[i] = 'operational:' + str(e)
    finally:
        connection.close()
threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
[t.start() for t in threads]
[t.join() for t in threads]
c = Case.objects.get(reference=ref)
print('RACE ' + json.dumps({'results': results, 'status': c.status, 'officer': c.officer.username if c.officer else None,
    'version': c.version, 'status_rows': c.timeline.filter(kind='status').count(),
    'assigned_rows': c.timeline.filter(kind='assigned').count()}))
"""


def test_domain_functions_racing_in_threads_one_wins(live):
    """Transitions and takes of the same case version, from threads calling the domain functions
    directly (not through HTTP), in a separate process on the server's database."""
    site, _tokens = live
    reference = file_case(site)
    out = site.manage("shell", "-c", RACE.replace("REFERENCE", repr(reference)).replace("COUNT", str(OFFICERS))).stdout
    report = json.loads(next(x for x in out.splitlines() if x.startswith("RACE ")).removeprefix("RACE "))
    assert sorted(report["results"]) == ["conflict:stale"] * (OFFICERS - 1) + ["ok"]
    winner = report["results"].index("ok")
    assert report["version"] == 2
    if winner % 2:
        assert (report["status"], report["officer"]) == ("received", f"officer{winner + 1}")
        assert (report["status_rows"], report["assigned_rows"]) == (0, 1)
    else:
        assert (report["status"], report["officer"]) == ("under_review", None)
        assert (report["status_rows"], report["assigned_rows"]) == (1, 0)


def test_burst_of_concurrent_writes_no_5xx_no_database_locked(live):
    """12 clients at once: complaints, staff messages and notes, transitions, complainant
    messages, all writes. Every answer is a success or a 409; the server log (checked for
    "database is locked" and tracebacks when the module ends) stays clean."""
    site, tokens = live
    references = [file_case(site) for _ in range(4)]
    receipt_status, receipt_body, _ms = request(site.api + "/complaints", {
        "narrative": "ضربوني في القسم", "anonymous": True})
    assert receipt_status == 201
    receipt = receipt_body["receipt"]
    staff = officers(tokens)

    def client(i):
        answers = []
        for j in range(10):
            kind = (i + j) % 4
            ref = references[(i + j) % len(references)]
            if kind == 0:
                answer = request(site.api + "/complaints", {"narrative": f"شكوى رقم {i}-{j} عن احتجاز تعسفي",
                                                            "anonymous": True})
            elif kind == 1:
                answer = post(site, staff[i % OFFICERS], f"/cases/{ref}/messages",
                              {"body": f"ملاحظة {i}-{j}", "internal": True})
            elif kind == 2:
                answer = post(site, staff[i % OFFICERS], f"/cases/{ref}/transitions",
                              {"to": "under_review" if j % 2 else "in_progress"})
            else:
                answer = request(site.api + "/track/messages", {"body": f"رد {i}-{j}"}, headers={"X-Receipt": receipt})
            answers.append((kind, answer[0], answer[1]))
        return answers

    answers = [a for per_client in race(12, client) for a in per_client]
    assert len(answers) == 120
    unexpected = [a for a in answers if a[1] not in (200, 201, 409)]
    assert unexpected == []
    assert all(status == 201 for kind, status, _ in answers if kind in (0, 1, 3))
    assert all(body["error"]["code"] == "illegal_transition" for kind, status, body in answers if status == 409)
    assert any(status == 200 for kind, status, _ in answers if kind == 2)
