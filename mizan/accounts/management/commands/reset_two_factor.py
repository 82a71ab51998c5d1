from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from mizan.accounts import security


class Command(BaseCommand):
    help = ("Remove a staff user's two-factor authentication (lost phone and recovery codes) and end "
            "their sessions; they set it up again at their next login.")

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no user {username!r}")
        security.reset_two_factor(actor=None, user=user)
        self.stdout.write(f"Two-factor authentication of {username} reset; their sessions have ended.")
