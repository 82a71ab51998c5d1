"""manage.py import_recommendations --org SLUG FILE [--format uhri|impact|csv] [--as USERNAME]
                                   [--import-valid] [--language ar|en|fr]

Imports recommendations from a CSV or XLSX file: an export of OHCHR's Universal Human Rights
Index (uhri), an export of IMPACT OSS (impact), or Mizan's own columns (csv, in a CSV or an
Excel file). Without --format the format is recognised from the column names.

Prints one JSON object: {"created", "updated", "unchanged", "rejected", "status",
"rejected_rows": [{"row", "errors": [{"column", "message"}]}], "unmapped_themes": {name: rows}}
(the reasons in --language). The whole file is checked first: if any row is rejected nothing is
imported (exit code 1) unless --import-valid asks to import the valid rows. Importing the same
file again changes nothing; an edited row updates its recommendation.

The actor is the user named by --as (a member of the organisation allowed to change its
recommendations); without it, the system, recorded in the audit log as "import".
"""

import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from mizan.accounts.models import Organisation, membership_of
from mizan.complaints.errors import NotAllowed
from mizan.followup import import_jobs, imports
from mizan.followup.models import RecommendationImport


class Command(BaseCommand):
    help = "Import recommendations from a UHRI export, an IMPACT OSS export or Mizan's columns (CSV or XLSX)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV or XLSX file.")
        parser.add_argument("--org", required=True, help="Organisation slug.")
        parser.add_argument("--format", choices=RecommendationImport.Format.values, default="",
                            help="uhri, impact or csv (Mizan's columns). Default: recognised from the column names.")
        parser.add_argument("--as", dest="username", default="",
                            help="The user the import is made by (default: the system, audited as \"import\").")
        parser.add_argument("--import-valid", action="store_true",
                            help="Import the valid rows even when some rows are rejected.")
        parser.add_argument("--language", choices=["ar", "en", "fr"], default="ar",
                            help="Language of the reasons given for rejected rows.")

    def handle(self, *args, **options):
        organisation = Organisation.objects.filter(slug=options["org"]).first()
        if organisation is None:
            raise CommandError(f"Unknown organisation {options['org']!r}.")
        actor = None
        if options["username"]:
            actor = get_user_model().objects.filter(username=options["username"]).first()
            member = membership_of(actor)
            if member is None or member.organisation_id != organisation.pk or not imports.may_import(actor):
                raise CommandError(f"{options['username']!r} may not change the recommendations of "
                                   f"{organisation.slug!r}.")
        try:
            with open(options["file"], "rb") as handle, translation.override(options["language"]):
                fmt = options["format"] or imports.detect_format(handle, options["file"])
        except OSError as exc:
            raise CommandError(f"Cannot read {options['file']!r}: {exc.strerror}.") from None
        except imports.FileRefused as exc:
            raise CommandError(exc.message) from None
        with translation.override(options["language"]):
            try:
                run = import_jobs.import_file(actor=actor, organisation=organisation, path=options["file"], fmt=fmt,
                                              import_valid=options["import_valid"])
            except (imports.FileRefused, NotAllowed) as exc:
                raise CommandError(str(exc.message)) from None
        self.stdout.write(json.dumps(imports.summary(run), ensure_ascii=False))
        if run.status != RecommendationImport.Status.DONE:
            raise SystemExit(1)
