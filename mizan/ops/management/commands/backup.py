"""manage.py backup [--output FOLDER_OR_FILE]

One encrypted archive of the database (a transaction-consistent snapshot, taken while the
platform runs), the uploaded files and the trained models, with a manifest of checksums and row
counts. The keys are never in it: back them up separately. See `mizan/ops/backup.py`.
"""

from django.core.management.base import BaseCommand, CommandError

from mizan.ops.backup import KEYS_NOTICE, BackupError, human_size, make_backup


class Command(BaseCommand):
    help = ("Back up the database, the uploaded files and the triage models into one encrypted archive, "
            "safely while the platform runs. The keys are NOT included: back them up separately.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", metavar="FOLDER_OR_FILE",
            help="A folder (the archive is named mizan-backup-<UTC time>.tar.gz.enc inside it) or a new file "
                 "name. Default: var/backups/.")

    def handle(self, *args, output=None, verbosity=1, **options):
        try:
            result = make_backup(output)
        except BackupError as error:
            raise CommandError(f"backup FAILED: {error}", returncode=error.exit_code) from error
        for warning in result.warnings:
            self.stderr.write(f"WARNING: {warning}")
        if verbosity < 1:
            self.stdout.write(str(result.path))
            return
        manifest = result.manifest
        summary = manifest["summary"]
        self.stdout.write(self.style.SUCCESS(
            f"Backup written: {result.path} ({human_size(result.path.stat().st_size)})"))
        self.stdout.write(
            f"  database: {manifest['database']['vendor']} snapshot, {len(manifest['row_counts'])} tables, "
            f"{summary['cases']} cases, {summary['attachments']} attachments, {summary['audit_events']} audit rows")
        self.stdout.write(
            f"  files: {summary['media_files']} uploaded files ({human_size(summary['media_bytes'])}), "
            f"{summary['triage_model_files']} triage model files")
        self.stdout.write(f"  encrypted with data key {manifest['keys']['sealed_with_data_key']!r} "
                          "(AES-256-GCM); permissions 0600")
        self.stdout.write(self.style.WARNING(f"NOTE: {KEYS_NOTICE}"))
