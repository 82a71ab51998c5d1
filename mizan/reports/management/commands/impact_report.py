"""manage.py impact_report --org SLUG --from YYYY-MM-DD --to YYYY-MM-DD [--language ar|en|fr]
                           [--output FILE.pdf] [--governorate CODE] [--facility ID]
                           [--category CODE] [--vulnerability CODE] [--channel CODE]

Writes the organisation's impact report (PDF) for the complaints received in the period: Arabic,
right to left, unless --language says otherwise. Default file: impact-report-SLUG-FROM-TO-LANG.pdf
in the current folder; an existing file is replaced. Prints the file's path, pages and size. The
report is on the audit log (`report.impact`, actor "system"), as a download from the dashboard is.
"""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from mizan.accounts.models import Organisation
from mizan.lib.digits import to_ascii_digits
from mizan.reports import impact
from mizan.reports.forms_dashboard import parse
from mizan.reports.statistics import Labels, Period


def _day(value: str) -> date:
    try:
        return date.fromisoformat(to_ascii_digits(value).strip())
    except ValueError:
        raise CommandError(f"{value!r} is not a date: use YYYY-MM-DD.") from None


class Command(BaseCommand):
    help = "Write an organisation's impact report (PDF) for a period."

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, help="Organisation slug.")
        parser.add_argument("--from", dest="start", required=True, help="First day received (YYYY-MM-DD).")
        parser.add_argument("--to", dest="end", required=True, help="Last day received (YYYY-MM-DD).")
        parser.add_argument("--language", choices=impact.LANGUAGES, default="ar")
        parser.add_argument("--output", help="The PDF file to write.")
        for name in ("governorate", "facility", "category", "vulnerability", "channel"):
            parser.add_argument(f"--{name}", default="", help=f"Count only the complaints of this {name} "
                                "(the dashboard's filter value).")

    def handle(self, *args, **options):
        organisation = Organisation.objects.filter(slug=options["org"]).first()
        if organisation is None:
            raise CommandError(f"Unknown organisation {options['org']!r}.")
        start, end = _day(options["start"]), _day(options["end"])
        if start > end:
            raise CommandError("The period ends before it starts.")
        if (end - start).days > 10 * 366:
            raise CommandError("A period can cover at most ten years.")
        # the filters are read as the dashboard reads them; an unknown value is an error here
        raw = {name: options[name] for name in ("governorate", "facility", "category", "vulnerability", "channel")}
        _period, filters, notes = parse(raw, Labels(organisation), timezone.localdate())
        if notes:
            raise CommandError(" ".join(str(note) for note in notes))
        period = Period(start, end)
        report = impact.generate(organisation, period, filters, language=options["language"])
        path = Path(options["output"] or report.filename)
        try:
            path.write_bytes(report.pdf)
        except OSError as error:
            raise CommandError(f"Cannot write {path}: {error.strerror}.") from None
        impact.audit(report, organisation=organisation, actor=None, period=period, filters=filters, via="command")
        self.stdout.write(f"{path} ({report.pages} pages, {len(report.pdf):,} bytes)")
