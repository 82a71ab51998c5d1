"""manage.py train_triage --org <slug> [--min-examples 30] [--activate auto|force|no]
                          [--baseline linear-svc] [--rollback] [--list]

Trains the organisation's category model on its own confirmed labels, prints cross-validated
micro/macro F1 of the model and of the lexicon on the same folds (with --baseline, also of a
plain TF-IDF + LinearSVC trained on the same folds), stores the version, and activates it only
when it beats the lexicon (or when forced). --rollback re-activates the version that the active
one replaced; --list shows the versions.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from mizan.accounts.models import Organisation
from mizan.triage.models import TriageModel
from mizan.triage.registry import file_intact
from mizan.triage.training import TrainingError, rollback, train


class Command(BaseCommand):
    help = "Train, list or roll back an organisation's triage category model."

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, help="Organisation slug.")
        parser.add_argument("--min-examples", type=int, default=30)
        parser.add_argument("--activate", choices=["auto", "force", "no"], default="auto",
                            help="auto: only if its micro-F1 beats the lexicon's (default).")
        parser.add_argument("--folds", type=int, default=5)
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--baseline", choices=["linear-svc"],
                            help="Also score a plain TF-IDF + LinearSVC on the same folds.")
        action = parser.add_mutually_exclusive_group()
        action.add_argument("--rollback", action="store_true", help="Re-activate the previous version.")
        action.add_argument("--list", action="store_true", help="List the stored versions.")

    def handle(self, *args, **options):
        organisation = Organisation.objects.filter(slug=options["org"]).first()
        if organisation is None:
            raise CommandError(f"Unknown organisation {options['org']!r}.")
        try:
            if options["list"]:
                return self._list(organisation)
            if options["rollback"]:
                return self._rollback(organisation)
            return self._train(organisation, options)
        except TrainingError as error:
            raise CommandError(str(error)) from error

    def _train(self, organisation, options):
        result = train(organisation, min_examples=options["min_examples"], activate_mode=options["activate"],
                       folds=options["folds"], seed=options["seed"], baseline=bool(options.get("baseline")))
        row, metrics = result.row, result.row.metrics
        out = self.stdout
        counts = ", ".join(f"{code}={n}" for code, n in result.label_counts.items())
        out.write(f"Examples: {row.n_examples} confirmed cases; categories learnt: {counts}")
        out.write(f"{metrics['folds']}-fold cross-validated F1 on the same held-out cases:")
        rows = [("model", metrics["model"]), ("lexicon", metrics["lexicon"])]
        if "baseline" in metrics:
            rows.append((metrics["baseline"]["name"], metrics["baseline"]))
        width = max(8, *(len(name) for name, _ in rows))
        out.write(f"  {'':{width}} {'micro':>7} {'macro':>7}")
        for name, figures in rows:
            out.write(f"  {name:{width}} {figures['micro_f1']:7.3f} {figures['macro_f1']:7.3f}")
        out.write(f"Stored version {row.pk} (sha256 {row.sha256}).")
        if result.activated and not result.better:
            out.write(self.style.WARNING(f"Version {row.pk} activated by force although it does not beat the lexicon."))
        elif result.activated:
            out.write(self.style.SUCCESS(f"Version {row.pk} activated: its micro-F1 beats the lexicon's."))
        elif result.better:
            out.write(f"Version {row.pk} not activated (--activate no).")
        else:
            out.write(self.style.WARNING(
                f"Version {row.pk} not activated: its micro-F1 does not beat the lexicon's "
                "(use --activate force to activate it anyway)."))

    def _rollback(self, organisation):
        current, previous = rollback(organisation)
        if previous is None:
            self.stdout.write(self.style.SUCCESS(f"Version {current.pk} deactivated; the lexicon is used again."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Version {current.pk} deactivated; version {previous.pk} is active again."))

    def _list(self, organisation):
        rows = list(TriageModel.objects.filter(organisation=organisation).order_by("pk"))
        if not rows:
            self.stdout.write("No trained version; the lexicon is used.")
            return
        self.stdout.write(f"{'':2}{'version':>7}  {'trained':16}  {'examples':>8}  {'model':>6}  {'lexicon':>7}  file")
        for row in rows:
            state = "ok" if file_intact(row.sha256) else "REFUSED (missing or altered)"
            marker = "* " if row.is_active else "  "
            trained = timezone.localtime(row.created_at).strftime("%Y-%m-%d %H:%M")
            micro = row.metrics.get("model", {}).get("micro_f1", 0.0)
            lexicon = row.metrics.get("lexicon", {}).get("micro_f1", 0.0)
            self.stdout.write(f"{marker}{row.pk:>7}  {trained:16}  {row.n_examples:>8}  {micro:6.3f}  {lexicon:7.3f}  {state}")
        self.stdout.write("* active")
