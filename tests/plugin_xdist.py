"""Loaded with `-p tests.plugin_xdist`: how `pytest -n 2 --dist loadfile` (`make test`) shares
the suite between its two workers without breaking the order pytest-django runs tests in.

pytest-django runs Django's order: the tests whose database work is rolled back (`db`) first,
then the tests that commit (`transactional_db`, `live_server`: the browser tests), whose
teardown empties every table, the rows the migrations wrote (categories, ...) included, then
the tests that use no database. A `db` test after a committing one would find no category.
xdist's own loadfile (and loadscope) sends whole files to the workers, the biggest first, so a
worker would run one file's committing tests before another file's `db` tests.

So, under xdist:

- each worker puts the tests that use no database first (they can run at any point; the
  longest of the suite are among them, the backup and restore tests that run installations in
  subprocesses, and started first they never keep one worker busy at the end alone), then the
  `db` tests, then the committing ones, each group in pytest-django's order;
- a unit of work is a run of consecutive tests of one file in that order (a file with tests of
  two kinds is two units), and the units go to the workers in that order, so that every worker
  runs its `db` tests before its committing ones. A file's module- and session-scoped fixtures
  (a matrix's world, the backup tests' installations) are still built once, on one worker.

Without xdist (`pytest tests/x.py`) this plugin does nothing.
"""

import pytest


def _uses_database(item: pytest.Item) -> bool:
    """As pytest-django decides it (its pytest_collection_modifyitems)."""
    from django.test import TransactionTestCase

    cls = getattr(item, "cls", None)
    if cls is not None and issubclass(cls, TransactionTestCase):
        return True
    if item.get_closest_marker("django_db"):
        return True
    fixtures = getattr(item, "fixturenames", ())
    return any(name in fixtures for name in ("db", "transactional_db", "live_server"))


@pytest.hookimpl(trylast=True)  # after pytest-django has put the tests in Django's order
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if hasattr(config, "workerinput"):  # an xdist worker: every worker sorts the same way
        items.sort(key=_uses_database)  # stable: the database tests keep pytest-django's order


class _InOrder:
    """A scope of xdist's scheduler split into its runs of consecutive tests, sent in order."""

    def __init__(self, config, log=None):
        super().__init__(config, log)
        self._unit_of: dict[str, str] = {}
        config.option.loadscopereorder = False  # never biggest first: in the collection's order

    def schedule(self) -> None:
        if self.collection is None and self.collection_is_completed:
            collection = next(iter(self.registered_collections.values()), [])
            previous, run = None, 0
            for nodeid in collection:
                scope = super()._split_scope(nodeid)
                if scope != previous:
                    previous, run = scope, run + 1
                self._unit_of[nodeid] = f"{run:06d} {scope}"
        super().schedule()

    def _split_scope(self, nodeid: str) -> str:
        return self._unit_of.get(nodeid) or super()._split_scope(nodeid)


@pytest.hookimpl(optionalhook=True, tryfirst=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    from xdist.scheduler import LoadFileScheduling, LoadScopeScheduling

    base = {"loadfile": LoadFileScheduling, "loadscope": LoadScopeScheduling}.get(config.getvalue("dist"))
    if base is None:
        return None  # xdist's own
    return type(f"{base.__name__}InOrder", (_InOrder, base), {})(config, log)
