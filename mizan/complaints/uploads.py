"""Checking attached files (portal, desk and staff intake), before anything reaches a domain function.

The domain refuses a bad type too (`services._store_attachment`), but only here can each
problem be told to the citizen by file name, and without creating a case first.
"""

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mizan.complaints.services import Upload
from mizan.lib.filetypes import sniff

# For the browser's file picker only; the server decides by content (`sniff`).
ACCEPT = ".pdf,.jpg,.jpeg,.png,.webp,.doc,.docx,.xlsx,.odt,.mp3,.ogg,.wav,.m4a,.mp4"


def _about_file(template: str, name: str, **params) -> str:
    """`template` % params, with the user's file name escaped and isolated (it may be RTL)."""
    safe = {key: conditional_escape(value) for key, value in params.items()}
    safe["name"] = format_html('<bdi dir="auto">{}</bdi>', name)
    return mark_safe(conditional_escape(template) % safe)  # noqa: S308 - every part escaped above


def limits() -> dict:
    return {
        "max_files": settings.MIZAN_MAX_FILES_PER_SUBMISSION,
        "max_size": filesizeformat(settings.MIZAN_MAX_UPLOAD_BYTES),
        "accept": ACCEPT,
    }


def check_uploads(files) -> tuple[list[Upload], str | None]:
    """Read the uploaded files into `Upload`s; or an error message naming every refused file."""
    max_files = settings.MIZAN_MAX_FILES_PER_SUBMISSION
    max_bytes = settings.MIZAN_MAX_UPLOAD_BYTES
    files = [f for f in files if f.name]
    if len(files) > max_files:
        return [], ngettext("You can attach at most %(max)s file; you chose %(count)s.",
                            "You can attach at most %(max)s files; you chose %(count)s.", max_files) % {
            "max": max_files, "count": len(files)}
    uploads, problems = [], []
    for f in files:
        if f.size > max_bytes:
            problems.append(_about_file(
                _("The file %(name)s is too large: each file may be at most %(max)s."),
                f.name, max=filesizeformat(max_bytes)))
            continue
        data = f.read()
        if sniff(data[:64], data) is None:
            problems.append(_about_file(
                _("The file %(name)s is not of an accepted type (PDF, picture, office document, audio or video)."),
                f.name))
            continue
        uploads.append(Upload(f.name, data))
    if problems:
        return [], format_html_join(" ", "{}", ((p,) for p in problems))
    return uploads, None


def with_rechoose(message: str | None = None) -> str:
    """`message` (if any) followed by the reminder that files are not kept after an error."""
    note = _("For your safety the files you chose are not kept when the form has to be corrected: "
             "please choose them again.")
    return format_html("{} {}", message, note) if message else note
