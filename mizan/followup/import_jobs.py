"""Starting an import of recommendations from the desk or the command.

The desk's upload is kept in storage under a random name, then checked and written by the worker
(`tasks.run_recommendation_import`), or at once when the file is small (the page then shows the
report without waiting). The command imports a file of the server's disk at once. Both end in
`imports.run_import`, so both check the same way and write the same way.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from mizan.accounts.models import membership_of
from mizan.complaints.errors import Invalid, NotAllowed
from mizan.core.tasks import enqueue_on_commit
from mizan.lib.textsafety import clean_file_name

from . import imports
from .models import RecommendationImport
from .tasks import run_recommendation_import

INLINE_BYTES = 256 * 1024  # about 500 rows of an index export: checked and written in the request

__all__ = ["INLINE_BYTES", "import_file", "start_import"]


def _max_bytes_message() -> str:
    return _("The file is too large (at most %(max)s MB). Split it into smaller files.") % {
        "max": settings.MIZAN_FOLLOWUP_IMPORT_MAX_BYTES // (1024 * 1024)}


def _check_format(fmt: str) -> None:
    if fmt not in RecommendationImport.Format.values:
        raise Invalid(_("Choose a value from the list."), fields={"format": _("Choose a value from the list.")})


def start_import(*, actor, name: str, upload, fmt: str, import_valid: bool = False) -> RecommendationImport:
    """Keep an uploaded file and import it into the actor's organisation: in the worker, or at
    once for a small file. `upload` is a file object with `.size` (an UploadedFile).

    Raises NotAllowed without `edit_recommendations`, Invalid for an unknown format, and
    imports.FileRefused for a file that is too large or not a spreadsheet. Side effects: the file
    under `imports/` until the import ends; a pending RecommendationImport; the task
    `run_recommendation_import` on commit (or `imports.run_import` now: see there)."""
    member = membership_of(actor)
    if member is None:
        raise NotAllowed(_("You are not allowed to do this."))
    imports.check_actor(actor, member.organisation, system=False)
    _check_format(fmt)
    if upload.size > settings.MIZAN_FOLLOWUP_IMPORT_MAX_BYTES:
        raise imports.FileRefused(_max_bytes_message())
    head = upload.read(8)
    upload.seek(0)
    if not head.strip(b"\xef\xbb\xbf \t\r\n"):
        raise imports.FileRefused(_("The file is empty."))
    kind = imports.sniff(name, head)
    stored = default_storage.save(f"{imports.IMPORT_DIR}/followup-{secrets.token_hex(16)}.{kind}", upload)
    inline = upload.size <= INLINE_BYTES
    try:
        with transaction.atomic():
            run = RecommendationImport.objects.create(
                organisation=member.organisation, requested_by=actor, original_name=clean_file_name(name)[:200] or "-",
                format=fmt, language=translation.get_language() or "ar", stored_name=Path(stored).name,
                import_valid=import_valid, status=RecommendationImport.Status.PENDING)
            if not inline:
                enqueue_on_commit(run_recommendation_import, run.pk)
    except Exception:
        default_storage.delete(stored)
        raise
    if inline:
        imports.run_import(run.pk)
        run.refresh_from_db()
    return run


def import_file(*, actor, organisation, path: str, fmt: str, import_valid: bool = False) -> RecommendationImport:
    """Import a file of the server's disk now (the command). `actor` None is the system: the
    audit names the actor "import".

    Side effects: a RecommendationImport, then everything `imports.run_import` does."""
    imports.check_actor(actor, organisation)
    _check_format(fmt)
    file = Path(path)
    if file.stat().st_size > settings.MIZAN_FOLLOWUP_IMPORT_MAX_BYTES:
        raise imports.FileRefused(_max_bytes_message())
    with transaction.atomic():
        run = RecommendationImport.objects.create(
            organisation=organisation, requested_by=actor, original_name=clean_file_name(file.name)[:200] or "-",
            format=fmt, language=translation.get_language() or "ar", import_valid=import_valid,
            status=RecommendationImport.Status.PENDING)
    imports.run_import(run.pk, path=str(file))
    run.refresh_from_db()
    return run
