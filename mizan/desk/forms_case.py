"""Raw POST values of the case page's small forms, turned into what the domain functions take.

Each helper returns a value or a translated error message; the views collect the messages into
the page's error dict, so every problem is shown beside its field and nothing typed is lost.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mizan.complaints.services import Upload
from mizan.lib.digits import to_ascii_digits
from mizan.lib.filetypes import sniff


def parse_version(raw) -> int | None:
    """The `version` a form was rendered with; None when absent (no stale check possible)."""
    text = to_ascii_digits(str(raw or "")).strip()
    return int(text) if text.isdigit() else None


def parse_day(raw) -> date | None | str:
    """A date typed as YYYY-MM-DD (Arabic-Indic digits accepted), None when empty, else an error."""
    text = to_ascii_digits(str(raw or "")).strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return _("Enter a date as YYYY-MM-DD (Gregorian calendar).")


def pick(queryset, raw):
    """The row of `queryset` whose primary key is `raw`, or None (also for non-numeric input)."""
    text = str(raw or "").strip()
    return queryset.filter(pk=int(text)).first() if text.isdigit() else None


def category_tree(categories) -> list[dict]:
    """Categories depth-first under their parents, each with a visual indent for select options."""
    children: dict[int | None, list] = {}
    for category in categories:
        children.setdefault(category.parent_id, []).append(category)
    known = {c.pk for c in categories}
    out: list[dict] = []

    def walk(parent_id, depth):
        for category in children.get(parent_id, []):
            out.append({"category": category, "depth": depth, "indent": "— " * depth,
                        "value": str(category.pk)})
            walk(category.pk, depth + 1)

    walk(None, 0)
    # A child whose parent is inactive (not in `categories`) is still offered, at top level.
    for parent_id in children:
        if parent_id is not None and parent_id not in known:
            walk(parent_id, 0)
    return out


def _about_file(template: str, name: str, **params) -> SafeString:
    """`template` % params with the file name escaped and isolated: a name may be right-to-left."""
    safe = {key: conditional_escape(value) for key, value in params.items()}
    safe["name"] = format_html('<bdi dir="auto">{}</bdi>', name)
    return mark_safe(conditional_escape(template) % safe)  # noqa: S308 - every part is escaped above


def clean_uploads(files) -> tuple[list[Upload], str | None]:
    """Uploaded files as `Upload`s, or an error naming every refused file.

    The limits are the public portal's: how many files, how large, and a type allow-list
    decided from the content (never from the name).
    """
    limit = settings.MIZAN_MAX_FILES_PER_SUBMISSION
    if len(files) > limit:
        return [], ngettext("Attach at most %(count)s file.", "Attach at most %(count)s files.", limit) % {
            "count": limit}
    uploads, problems = [], []
    for upload in files:
        name = upload.name or _("(no name)")
        if upload.size > settings.MIZAN_MAX_UPLOAD_BYTES:
            problems.append(_about_file(_("“%(name)s” is too large (at most %(size)s)."), name,
                                        size=filesizeformat(settings.MIZAN_MAX_UPLOAD_BYTES)))
            continue
        data = upload.read()
        if not data or sniff(data[:64], data) is None:
            problems.append(_about_file(_("“%(name)s” is not an accepted type of file (PDF, image, "
                                          "office document, audio or video)."), name))
            continue
        uploads.append(Upload(name=name, data=data))
    if problems:
        return [], format_html_join(" ", "{}", ((p,) for p in problems))
    return uploads, None
