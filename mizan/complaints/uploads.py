"""Checking attached files (portal, desk and staff intake), before anything reaches a domain function.

The domain refuses a bad type too (`services._store_attachment`), but only here can each
problem be told to the citizen by file name, and without creating a case first.
"""

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mizan.complaints.services import Upload
from mizan.core.middleware import DOWNLOAD_CSP
from mizan.core.templatetags.mizan import filesize
from mizan.lib import filetypes
from mizan.lib.filetypes import inspect, with_extension
from mizan.lib.images import strip_metadata
from mizan.lib.textsafety import clean_file_name

# For the browser's file picker only; the server decides by content (`sniff`).
ACCEPT = ".pdf,.jpg,.jpeg,.png,.webp,.doc,.docx,.xlsx,.pptx,.odt,.ods,.odp,.mp3,.ogg,.oga,.wav,.m4a,.mp4,.webm"


def _about_file(template: str, name: str, **params) -> str:
    """`template` % params, with the user's file name escaped and isolated (it may be RTL)."""
    safe = {key: conditional_escape(value) for key, value in params.items()}
    safe["name"] = format_html('<bdi dir="auto">{}</bdi>', name)
    return mark_safe(conditional_escape(template) % safe)  # noqa: S308 - every part escaped above


def _refusal_message(reason: str) -> str:
    """Why a file is refused (`filetypes.inspect`), in words, with %(name)s for its name."""
    if reason == filetypes.EMPTY:
        return _("The file %(name)s is empty.")
    if reason == filetypes.EXECUTABLE:
        return _("The file %(name)s is a program: programs are not accepted.")
    if reason == filetypes.MARKUP:
        return _("The file %(name)s contains a web page or a script (HTML, SVG or XML): such files are not "
                 "accepted. Send a PDF or a picture instead.")
    if reason == filetypes.MACROS:
        return _("The file %(name)s contains macros: save it without macros (as .docx, .xlsx or .pptx) "
                 "or as a PDF, and send it again.")
    if reason == filetypes.ARCHIVE:
        return _("The file %(name)s is a compressed archive: archives are not accepted, send the files in it "
                 "one by one.")
    return _("The file %(name)s is not of an accepted type (PDF, picture, office document, audio or video).")


def limits() -> dict:
    return {
        "max_files": settings.MIZAN_MAX_FILES_PER_SUBMISSION,
        "max_size": filesize(settings.MIZAN_MAX_UPLOAD_BYTES),
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
                f.name, max=filesize(max_bytes)))
            continue
        data = f.read()
        verdict = inspect(data)
        if not verdict.accepted:
            problems.append(_about_file(_refusal_message(verdict.refusal), f.name))
            continue
        try:
            data = strip_metadata(data, verdict.content_type)
        except ValueError:
            problems.append(_about_file(_("The picture %(name)s could not be read: it may be damaged."), f.name))
            continue
        uploads.append(Upload(with_extension(clean_file_name(f.name), verdict.content_type), data))
    if problems:
        return [], format_html_join(" ", "{}", ((p,) for p in problems))
    return uploads, None


def with_rechoose(message: str | None = None) -> str:
    """`message` (if any) followed by the reminder that files are not kept after an error."""
    note = _("For your safety the files you chose are not kept when the form has to be corrected: "
             "please choose them again.")
    return format_html("{} {}", message, note) if message else note


def file_response(attachment) -> FileResponse:
    """The stored file of `attachment` as a download, for a view that has checked access.

    Always `attachment` (never shown inline), the type decided at upload with sniffing off, and
    a sandboxing CSP in case a browser opens it anyway: a file cannot run script on our origin.
    """
    try:
        handle = default_storage.open(f"attachments/{attachment.stored_name}", "rb")
    except FileNotFoundError:
        raise Http404("not found") from None
    response = FileResponse(handle, as_attachment=True, filename=clean_file_name(attachment.original_name),
                            content_type=attachment.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = DOWNLOAD_CSP
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
