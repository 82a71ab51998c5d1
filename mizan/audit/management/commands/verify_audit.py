from django.core.management.base import BaseCommand, CommandError, no_translations

from mizan.audit.models import verify_chain


class Command(BaseCommand):
    help = "Verify the audit log's hash chain; exit non-zero naming every broken row."

    @no_translations  # the operator's tool answers in English, like its other lines
    def handle(self, *args, **options):
        count, problems = verify_chain()
        for problem in problems:
            self.stderr.write(problem)
        if problems:
            raise CommandError(f"audit log verification FAILED: {len(problems)} problem(s) in {count} rows")
        self.stdout.write(f"audit log OK: {count} rows, chain intact")
