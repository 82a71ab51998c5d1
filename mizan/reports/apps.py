from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from mizan.audit.labels import register_action_labels
from mizan.complaints import projections as case_projections
from mizan.core.periodic import EVERY_FIVE_MINUTES, register_periodic
from mizan.followup import projections


class ReportsConfig(AppConfig):
    name = "mizan.reports"
    label = "reports"

    def ready(self):
        # Imported here, not at the top: these modules import models, which may not be imported
        # before the app registry is ready (an AppConfig module is imported while it is filled).
        from . import followup_rollup, rollup
        from .tasks import sweep_files

        # The statistics rollup, kept in the transaction of every change to a case, after its
        # month's DataVersion row (the complaints core never imports this app).
        case_projections.register(case_projections.CASE, "reports.rollup", rollup.update_case, order=10)
        case_projections.register(case_projections.CREATED, "reports.rollup", rollup.add_new_case, order=10)

        # The follow-up dashboard's counts of today's statuses, kept in the transaction of every
        # change to the follow-up's records (the follow-up never imports this app).
        projections.register("reports.followup_rollup", followup_rollup.project, order=20)

        # Expired export files, interrupted exports and imports.
        register_periodic(sweep_files, EVERY_FIVE_MINUTES)

        # The audit page shows the reports' actions in words without naming this app.
        register_action_labels({
            "report.impact": _("Impact report generated"),
            "report.followup": _("Follow-up report generated"),
        })
