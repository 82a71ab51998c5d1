"""manage.py followup_report --org SLUG --from YYYY-MM-DD --to YYYY-MM-DD [--language ar|en|fr]
                             [--output FILE.pdf] [--theme CODE] [--kind SOURCE_KIND]

Writes the organisation's follow-up report (PDF): the state of implementation of its
recommendations at the end of the period, what changed in it with the evidence listed, and its
indicators. Arabic, right to left, unless --language says otherwise. Default file:
followup-report-SLUG-FROM-TO-LANG.pdf in the current folder; an existing file is replaced. Prints
the file's path, pages and size. The report is on the audit log (`report.followup`, actor
"system"), as a download from the dashboard is.
"""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation

from mizan.accounts.models import Organisation
from mizan.lib.digits import to_ascii_digits
from mizan.reports import followup_report
from mizan.reports.followup_stats import parse
from mizan.reports.statistics import Period


def _day(value: str) -> date:
    try:
        return date.fromisoformat(to_ascii_digits(value).strip())
    except ValueError:
        raise CommandError(f"{value!r} is not a date: use YYYY-MM-DD.") from None


class Command(BaseCommand):
    help = "Write an organisation's follow-up report (PDF) for a period."

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, help="Organisation slug.")
        parser.add_argument("--from", dest="start", required=True, help="First day of the period (YYYY-MM-DD).")
        parser.add_argument("--to", dest="end", required=True, help="Last day of the period (YYYY-MM-DD).")
        parser.add_argument("--language", choices=followup_report.LANGUAGES, default="ar")
        parser.add_argument("--output", help="The PDF file to write.")
        parser.add_argument("--theme", default="", help="Count only the recommendations of this theme (a code).")
        parser.add_argument("--kind", default="", help="Count only the recommendations of this kind of source.")

    def handle(self, *args, **options):
        organisation = Organisation.objects.filter(slug=options["org"]).first()
        if organisation is None:
            raise CommandError(f"Unknown organisation {options['org']!r}.")
        start, end = _day(options["start"]), _day(options["end"])
        if start > end:
            raise CommandError("The period ends before it starts.")
        if (end - start).days > followup_report.MAX_DAYS:
            raise CommandError("A period can cover at most ten years.")
        with translation.override("en"):  # the command speaks English, as Django's own do
            _period, filters, notes = parse({"theme": options["theme"], "kind": options["kind"]},
                                            timezone.localdate())
        if notes:
            raise CommandError(" ".join(notes))
        period = Period(start, end)
        report = followup_report.generate(organisation, period, filters, language=options["language"])
        path = Path(options["output"] or report.filename)
        try:
            path.write_bytes(report.pdf)
        except OSError as error:
            raise CommandError(f"Cannot write {path}: {error.strerror}.") from None
        followup_report.audit(report, organisation=organisation, actor=None, period=period, filters=filters,
                              via="command")
        self.stdout.write(f"{path} ({report.pages} pages, {len(report.pdf):,} bytes)")
