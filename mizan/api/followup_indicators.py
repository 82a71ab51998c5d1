"""Staff endpoint (bearer token): the values of an indicator of the token holder's organisation."""

from __future__ import annotations

from datetime import date

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from mizan.followup import indicators
from mizan.followup.access import get_indicator_for_user

from .base import ApiError, TokenAuth, errors

router = Router(auth=TokenAuth(), tags=["Follow-up (staff)"])


class IndicatorOut(Schema):
    id: int
    name: str = Field(..., description="In the language of the request (Arabic when there is no translation).")
    kind: str = Field(..., description="`reported` (typed in with evidence) or `computed` (counted by Mizan from "
                                       "its complaints).")
    definition: str = Field(..., description="For a computed indicator, the code of its definition in the "
                                             "catalogue; empty for a reported one.")
    unit: str
    frequency: str = Field(..., description="`monthly`, `quarterly`, `half_yearly` or `yearly`: its periods are "
                                            "calendar months, quarters, halves or years.")
    direction: str = Field(..., description="`increase`, `decrease` or `maintain`.")
    baseline: float | None
    baseline_on: date | None
    target: float | None
    target_on: date | None


class ValueOut(Schema):
    period_start: date
    period_end: date
    period: str = Field(..., description="The period in words, in the language of the request.")
    value: float
    computed: bool = Field(..., description="Counted by Mizan (true) or typed in with evidence (false).")
    note: str


class ValuesOut(Schema):
    indicator: IndicatorOut
    count: int
    results: list[ValueOut]


def _number(value) -> float | None:
    return None if value is None else float(value)


@router.get(
    "/indicators/{pk}/values", operation_id="listIndicatorValues", summary="Values of an indicator",
    response={200: ValuesOut, **errors(401, 404)},
    description="Every value of the indicator, the oldest period first: one per period of its frequency, either "
                "typed in (with a note) or counted by Mizan. 404 for an indicator of another organisation, "
                "exactly as for one that does not exist.",
)
def indicator_values(request, pk: int):
    try:
        indicator = get_indicator_for_user(request.auth, pk)
    except Http404:
        raise ApiError(404, "not_found", _("No indicator with this id.")) from None
    organisation = indicator.organisation
    definition = indicators.CATALOGUE.get(indicator.definition)
    unit = indicator.unit_label or (str(definition.unit) if definition else "")
    rows = list(indicator.values.order_by("period_start", "period_end"))
    return {
        "indicator": {
            "id": indicator.pk, "name": indicator.name, "kind": indicator.kind, "definition": indicator.definition,
            "unit": unit, "frequency": indicator.frequency, "direction": indicator.direction,
            "baseline": _number(indicator.baseline_value), "baseline_on": indicator.baseline_on,
            "target": _number(indicator.target_value), "target_on": indicator.target_on},
        "count": len(rows),
        "results": [{
            "period_start": row.period_start, "period_end": row.period_end,
            "period": indicators.period_label(indicator.frequency, indicators.Period(row.period_start, row.period_end),
                                              organisation),
            "value": float(row.value), "computed": row.computed, "note": row.note} for row in rows],
    }
