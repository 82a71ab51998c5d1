"""Chromium (Debian's, driven by Playwright) against pytest-django's live server.

The browser cannot download itself here, so /usr/bin/chromium must exist (`.ci/run` installs it);
if it does not, the tests fail loudly rather than skip. Screenshots go to
`$MIZAN_TEST_OUTPUT/browser/` (default `test-output/browser/` in the project).
"""

import os
import shutil
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from tests.conftest import PASSWORD, login_code

# Playwright's sync API keeps an event loop in this thread; the ORM calls the tests make
# between browser steps are ordinary synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("MIZAN_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
OUTPUT = Path(os.environ.get("MIZAN_TEST_OUTPUT", Path(__file__).resolve().parents[2] / "test-output")) / "browser"


@pytest.fixture(scope="session")
def chromium():
    from django.db import connections
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium (apt-get install -y chromium)")
    # While Playwright's sync API is started, this thread has a running event loop (Playwright
    # marks it running between its calls). Django keeps connections in an asgiref
    # Local(thread_critical=True), which then stores them per context instead of per thread,
    # so `connections["default"]` would become a second, new DatabaseWrapper in this same
    # thread. The test database's serialized contents (`_test_serialized_contents`, which
    # `serialized_rollback=True` reloads after each browser test's flush) live on the wrapper
    # that set up the database: when an ordinary database test came first, that is the wrapper
    # from before Playwright started, the new one has none, and the second browser test starts
    # from the flushed, empty database (no categories). Keep one wrapper per alias in this
    # thread whatever the loop's state.
    wrappers = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for alias, wrapper in wrappers.items():
            connections[alias] = wrapper
        assert all(connections[alias] is wrapper for alias, wrapper in wrappers.items())
        yield browser
        browser.close()


@pytest.fixture
def shots(request):
    """shots(page, "name") saves a full-page PNG under the run's output folder, numbered in order."""
    folder = OUTPUT / request.node.name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    counter = {"n": 0}

    def take(page, name: str) -> Path:
        counter["n"] += 1
        path = folder / f"{counter['n']:02d}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    take.folder = folder
    return take


def log_in(context, base, username, password=PASSWORD):
    """A new page of `context`, logged in as `username` through the login form: the password,
    then, when the account has a second factor, the code its authenticator shows now."""
    page = context.new_page()
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("form[action$='/accounts/login/'] [type=submit]").click()
    page.wait_for_load_state()
    if page.url.endswith("/accounts/login/code/"):
        page.fill("input[name=code]", login_code(get_user_model().objects.get(username=username)))
        page.locator("form[action$='/accounts/login/code/'] [type=submit]").click()
        page.wait_for_load_state()
    assert "/accounts/login/" not in page.url, f"login of {username} did not go through"
    return page
