"""manage.py rebuild_search_index [--org SLUG] [--batch-size N] [--only cases|recommendations]

Re-indexes every case and every recommendation of the follow-up (or one organisation's) for
full-text search. Needed once after installing search on existing data, after restoring a
database without its index, and after an upgrade that changes how text is analysed. Safe to run
while the platform is in use: each batch is its own transaction and writes made meanwhile index
themselves.
"""

from django.core.management.base import BaseCommand, CommandError

from mizan.accounts.models import Organisation
from mizan.search import recommendations
from mizan.search.backends import get_backend
from mizan.search.indexer import rebuild


class Command(BaseCommand):
    help = "Rebuild the full-text search index of cases and of recommendations."

    def add_arguments(self, parser):
        parser.add_argument("--org", metavar="SLUG", help="Only this organisation's cases and recommendations.")
        parser.add_argument("--batch-size", type=int, default=200, help="Records per transaction (default 200).")
        parser.add_argument("--only", choices=("cases", "recommendations"),
                            help="Only the cases, or only the recommendations (default: both).")

    def handle(self, *args, org=None, batch_size=200, only=None, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        organisation = None
        if org:
            organisation = Organisation.objects.filter(slug=org).first()
            if organisation is None:
                raise CommandError(f"No organisation with the slug {org!r}.")

        if only in (None, "cases"):
            def progress(done, total):
                self.stdout.write(f"Indexed {done}/{total} cases")

            count = rebuild(organisation=organisation, batch_size=batch_size, progress=progress)
            if organisation is None:
                get_backend().refresh()
            self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {count} cases."))
        if only in (None, "recommendations"):
            def progress(done, total):
                self.stdout.write(f"Indexed {done}/{total} recommendations")

            count = recommendations.rebuild_recommendations(organisation=organisation, batch_size=batch_size,
                                                            progress=progress)
            if organisation is None:
                recommendations.refresh()
            self.stdout.write(self.style.SUCCESS(
                f"Search index of recommendations rebuilt: {count} recommendations."))
