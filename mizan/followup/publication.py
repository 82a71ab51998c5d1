"""The organisation's switch for its public follow-up page (`/followup/` on the portal).

What the page may show is chosen record by record (`is_public` on recommendations, strategies and
indicators); whether the organisation's page is shown at all is this switch, which only the roles
with `publish_followup` turn on or off.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from . import projections
from .models import FollowupPublication
from .services import audit, member_organisation

__all__ = ["is_published", "set_publication"]


def is_published(organisation_id: int) -> bool:
    return FollowupPublication.objects.filter(organisation_id=organisation_id, published=True).exists()


def set_publication(*, actor, published: bool) -> FollowupPublication:
    """Put the actor's organisation's follow-up on the public portal, or take it off. Needs
    `publish_followup`.

    Side effects (only when the switch changes): the organisation's `FollowupPublication` row;
    audit `followup.publication.change`; projections ("publication")."""
    organisation = member_organisation(actor, "publish_followup")
    with transaction.atomic():
        row, _created = FollowupPublication.objects.select_for_update().get_or_create(organisation=organisation)
        if row.published == published:
            return row
        row.published, row.changed_at, row.changed_by = published, timezone.now(), actor
        row.save(update_fields=["published", "changed_at", "changed_by"])
        audit(organisation, actor, "followup.publication.change", row, published=published)
        projections.after_change(projections.Change(organisation.pk, what="publication"))
    return row
