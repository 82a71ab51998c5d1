"""The proof of work an organisation may ask of anonymous complaints (`anonymous_intake_proof_of_work`).

A challenge is issued without storing anything (`mizan.lib.pow`: signed with a key derived from
MIZAN_HASH_KEY, bound to the organisation, carrying its difficulty MIZAN_POW_BITS and its expiry
MIZAN_POW_MINUTES away). A solved challenge is spent once: a keyed hash of it is kept in
`SpentChallenge` until the challenge expires, with no address and nothing linking it to a case.

Portal and API both call `check` with the rest of the validation, then `spend` in the same
transaction as `submit_complaint`, so a refused or failed submission stores nothing at all.
"""

from datetime import UTC, datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.lib import pow

from .models import Organisation, SpentChallenge

MISSING, INVALID, INSUFFICIENT, EXPIRED, REUSED = pow.MISSING, pow.INVALID, pow.INSUFFICIENT, pow.EXPIRED, "reused"

MESSAGES = {
    MISSING: _("This organisation asks anonymous complaints to be sent with a solved proof-of-work challenge."),
    INVALID: _("The proof-of-work challenge or its solution is not valid. Send the form again."),
    INSUFFICIENT: _("The proof-of-work solution is wrong. Send the form again."),
    EXPIRED: _("The proof-of-work challenge has expired. Send the form again to get a new one."),
    REUSED: _("This proof-of-work challenge was already used. Send the form again to get a new one."),
}


class ProofOfWorkRefused(Exception):
    """A missing, invalid, wrong, expired or already used solution; `code` is one of MESSAGES."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code
        self.message = MESSAGES[code]


def required(organisation: Organisation, *, anonymous: bool) -> bool:
    return bool(anonymous and organisation.anonymous_intake_proof_of_work)


def lifetime_seconds() -> int:
    return max(1, int(settings.MIZAN_POW_MINUTES) * 60)


def _context(organisation: Organisation) -> str:
    return f"intake:{organisation.pk}"


def issue(organisation: Organisation) -> pow.Challenge:
    """A new challenge for an anonymous complaint to `organisation` (nothing is stored)."""
    context = _context(organisation)
    token = pow.issue(settings.MIZAN_HASH_KEY, bits=settings.MIZAN_POW_BITS, lifetime=lifetime_seconds(),
                      context=context)
    return pow.parse(settings.MIZAN_HASH_KEY, token, context=context)


def check(organisation: Organisation, challenge, nonce) -> pow.Challenge:
    """The challenge when `nonce` solves it and it was not spent yet; raises ProofOfWorkRefused."""
    try:
        solved = pow.verify(settings.MIZAN_HASH_KEY, challenge or "", nonce or "", context=_context(organisation))
    except pow.ProofOfWorkError as exc:
        raise ProofOfWorkRefused(exc.code) from None
    if SpentChallenge.objects.filter(key=pow.spent_key(settings.MIZAN_HASH_KEY, solved.token)).exists():
        raise ProofOfWorkRefused(REUSED)
    return solved


def spend(solved: pow.Challenge) -> None:
    """Record `solved` as used; raises ProofOfWorkRefused(REUSED) when it already was.

    Call it inside the transaction that stores the complaint: the unique key makes a second,
    concurrent use of the same solution fail, and a rollback gives the challenge back.
    """
    now = timezone.now()
    SpentChallenge.objects.filter(expires_at__lte=now).delete()
    try:
        with transaction.atomic():
            SpentChallenge.objects.create(key=pow.spent_key(settings.MIZAN_HASH_KEY, solved.token),
                                          expires_at=datetime.fromtimestamp(solved.expires, tz=UTC))
    except IntegrityError:
        raise ProofOfWorkRefused(REUSED) from None
