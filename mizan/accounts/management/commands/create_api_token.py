from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from mizan.accounts.models import ApiToken, membership_of
from mizan.audit.models import record


class Command(BaseCommand):
    help = "Create an API token for a staff user and print it once."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="api")

    def handle(self, *args, username, name, **options):
        user = get_user_model().objects.filter(username=username).first()
        member = membership_of(user)
        if member is None:
            raise CommandError(f"no active staff user {username!r} with an organisation")
        with transaction.atomic():
            token, raw = ApiToken.issue(user, name)
            record(actor=user, organisation=member.organisation, action="api_token.create",
                   target=token)
        self.stdout.write(raw)
