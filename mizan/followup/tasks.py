"""Background tasks of the follow-up's imports. They take ids and are idempotent."""

from mizan.core.tasks import task

from . import imports


@task()
def run_recommendation_import(import_id: int) -> str:
    """Check, then write, an uploaded file of recommendations (see `imports.run_import`)."""
    return imports.run_import(import_id)


@task()
def sweep_recommendation_imports() -> int:
    """Close imports a dead worker left running, and delete their files."""
    return imports.sweep_imports()
