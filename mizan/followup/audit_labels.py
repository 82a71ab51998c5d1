"""Words for the follow-up's audit actions, registered with the audit page from `apps.ready()`."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "followup.source.create": _("Source of recommendations recorded"),
    "followup.body.create": _("Responsible body added"),
    "followup.body.change": _("Responsible body changed"),
    "followup.recommendation.create": _("Recommendation recorded"),
    "followup.recommendation.change": _("Recommendation changed"),
    "followup.recommendation.status": _("Status of a recommendation changed"),
    "followup.recommendation.address": _("Recommendation addressed to members"),
    "followup.recommendation.import": _("Recommendations imported"),
    "followup.import.check": _("Import of recommendations checked"),
    "followup.import.complete": _("Import of recommendations finished"),
    "followup.theme_mapping.seed": _("Theme table filled with the usual mappings"),
    "followup.theme_mapping.add": _("Theme mapping added"),
    "followup.theme_mapping.remove": _("Theme mapping removed"),
    "followup.cluster.leave": _("Recommendation taken out of its cluster"),
    "followup.suggestion.accept": _("Follow-up suggestion accepted"),
    "followup.suggestion.reject": _("Follow-up suggestion rejected"),
    "followup.strategy.create": _("Strategy created"),
    "followup.strategy.change": _("Strategy changed"),
    "followup.phase.create": _("Phase added"),
    "followup.phase.change": _("Phase changed"),
    "followup.goal.create": _("Goal added"),
    "followup.goal.change": _("Goal changed"),
    "followup.measure.create": _("Measure added"),
    "followup.measure.change": _("Measure changed"),
    "followup.measure.status": _("Status of a measure changed"),
    "followup.measure.link": _("Recommendations linked to a measure"),
    "followup.measure.unlink": _("Recommendation unlinked from a measure"),
    "followup.indicator.create": _("Indicator created"),
    "followup.indicator.change": _("Indicator changed"),
    "followup.indicator.value": _("Indicator value recorded"),
    "followup.report.create": _("Progress report written"),
    "followup.report.visibility": _("Visibility of a progress report changed"),
    "followup.evidence.download": _("Evidence file downloaded"),
    "followup.publication.change": _("Public follow-up page changed"),
}


def _named(model_name: str, organisation_path: str, name=str, related: tuple = ()):
    """A lookup of records of one model by id within the organisation, for the audit page."""

    def names(organisation, ids: list[str]) -> dict[str, str]:
        from django.apps import apps

        model = apps.get_model("followup", model_name)
        pks = [int(pk) for pk in ids if pk.isdigit()]
        rows = model.objects.filter(**{organisation_path: organisation, "pk__in": pks}).select_related(*related)
        return {str(row.pk): name(row) for row in rows}

    return names


def _report_name(report) -> str:
    return str(report.recommendation or report.measure or "—")


# {audit target type (model name): how to name its records}
TARGET_NAMES = {
    "source": _named("Source", "organisation"),
    "recommendation": _named("Recommendation", "organisation"),
    "externalbody": _named("ExternalBody", "organisation"),
    "cluster": _named("Cluster", "organisation"),
    "strategy": _named("Strategy", "organisation"),
    "phase": _named("Phase", "strategy__organisation"),
    "goal": _named("Goal", "phase__strategy__organisation"),
    "measure": _named("Measure", "organisation"),
    "indicator": _named("Indicator", "organisation"),
    "progressreport": _named("ProgressReport", "organisation", _report_name, ("recommendation", "measure")),
    "evidence": _named("Evidence", "organisation", lambda row: row.original_name),
    "thememapping": _named("ThemeMapping", "organisation", lambda row: f"{row.name} → {row.category}"),
    "recommendationimport": _named("RecommendationImport", "organisation", lambda row: row.original_name),
}
