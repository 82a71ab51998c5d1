"""manage.py restore ARCHIVE [--force] [--check]

Checks the whole archive first (decryption, checksums of every member against the manifest,
schema version, keys) and changes nothing if anything is wrong; refuses a non-empty target
without --force; then restores the database and the files and checks the row counts and the
audit chain. Stop the platform (web and workers) first. See `mizan/ops/backup.py`.
"""

from django.core.management.base import BaseCommand, CommandError

from mizan.ops.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = ("Restore a backup made by `manage.py backup` into the configured database and MEDIA_ROOT "
            "(stop the platform first). The archive is checked completely before anything is changed.")

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar.gz.enc file written by `manage.py backup`.")
        parser.add_argument("--force", action="store_true",
                            help="Replace a database and MEDIA_ROOT that are not empty (everything in them is lost).")
        parser.add_argument("--check", action="store_true",
                            help="Only check the archive against the manifest, the keys and this code; change nothing.")

    def handle(self, *args, archive, force=False, check=False, **options):
        try:
            result = restore_backup(archive, force=force, check_only=check, say=self.stdout.write)
        except BackupError as error:
            raise CommandError(f"restore FAILED: {error}", returncode=error.exit_code) from error
        for fact in result.facts:
            self.stdout.write(fact)
        for notice in result.notices:
            self.stdout.write(self.style.WARNING(f"NOTE: {notice}"))
        if result.restored:
            self.stdout.write(self.style.SUCCESS(f"Restore complete from {archive}."))
        else:
            self.stdout.write(self.style.SUCCESS("Check complete: nothing was changed."))
