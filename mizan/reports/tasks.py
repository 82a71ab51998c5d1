"""Background tasks of exports and imports. They take ids and are idempotent."""

from mizan.core.tasks import task

from . import exports, imports


@task()
def write_export(export_id: int) -> str:
    """Write the file of a pending export (see `exports.write_export`)."""
    return exports.write_export(export_id)


@task()
def write_import(run_id: int) -> str:
    """Write the valid rows of a checked import, one transaction per row (see `imports.write_rows`)."""
    return imports.write_rows(run_id)


@task()
def sweep_files() -> dict:
    """Delete expired export files and close interrupted exports and imports (the worker enqueues
    it with the other periodic sweeps)."""
    return {**exports.sweep_exports(), "imports_closed": imports.sweep_imports()}
