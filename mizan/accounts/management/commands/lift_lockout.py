from django.core.management.base import BaseCommand

from mizan.accounts import security


class Command(BaseCommand):
    help = "End the lock that failed logins put on a user name before it runs out by itself."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        if security.lift_lockout(actor=None, username=username):
            self.stdout.write(f"Failed logins of {username} forgotten; the lock is lifted.")
        else:
            self.stdout.write(f"{username} had no failed logins on record.")
