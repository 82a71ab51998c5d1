"""Background tasks of exports and imports. They take ids and are idempotent."""

from mizan.core.tasks import task


@task()
def write_export(export_id: int) -> str:
    """Write the file of a pending export (see `exports.write_export`)."""
    from .exports import write_export as write

    return write(export_id)


@task()
def write_import(run_id: int) -> str:
    """Write the valid rows of a checked import, one transaction per row (see `imports.write_rows`)."""
    from .imports import write_rows

    return write_rows(run_id)


@task()
def sweep_files() -> dict:
    """Delete expired export files and close interrupted exports and imports (the worker enqueues
    it with the other periodic sweeps)."""
    from .exports import sweep_exports
    from .imports import sweep_imports

    return {**sweep_exports(), "imports_closed": sweep_imports()}
