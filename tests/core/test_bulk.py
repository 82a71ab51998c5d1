"""mizan.core.bulk.insert: many rows in few statements, values prepared as save() prepares them,
primary keys set when the database makes them, in the caller's transaction."""

from datetime import date

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from mizan.core import bulk
from mizan.followup.models import Recommendation, Source, SourceKind, StatusChange
from mizan.search.models import RecommendationDocument


@pytest.fixture
def source(org):
    return Source.objects.create(organisation=org, kind=SourceKind.UPR, title_ar="الاستعراض", date=date(2024, 11, 1))


def recommendations(org, source, n):
    return [Recommendation(organisation=org, source=source, text=f"توصية رقم {i} — «تعذيب»", external_key=f"k{i}",
                           issued_on=date(2024, 1, 1 + i % 28)) for i in range(n)]


def test_rows_keys_and_values_as_save_writes_them(db, org, source):
    rows = recommendations(org, source, 2_500)
    with CaptureQueriesContext(connection) as ctx:
        bulk.insert(rows)

    # 1,000 rows a statement; on PostgreSQL one array a column, 5,000 rows a statement
    assert len(ctx.captured_queries) == (1 if connection.vendor == "postgresql" else 3)
    assert [r.pk for r in rows] == sorted(r.pk for r in rows) and None not in [r.pk for r in rows]
    assert not rows[0]._state.adding
    stored = Recommendation.objects.get(pk=rows[1234].pk)
    assert (stored.text, stored.external_key, stored.issued_on, stored.status) == (
        "توصية رقم 1234 — «تعذيب»", "k1234", date(2024, 1, 1 + 1234 % 28), "not_started")  # the field's default
    assert stored.created_at is not None and stored.version == rows[1234].version


def test_rows_without_a_generated_key_and_related_ones(db, org, source):
    rows = recommendations(org, source, 3)
    bulk.insert(rows)
    bulk.insert([StatusChange(recommendation=r, organisation=org, from_status="", to_status="not_started")
                 for r in rows])
    bulk.insert([RecommendationDocument(recommendation_id=r.pk, organisation_id=org.pk, text="نص") for r in rows])

    assert StatusChange.objects.filter(recommendation__in=rows).count() == 3
    assert RecommendationDocument.objects.get(recommendation_id=rows[2].pk).indexed_at is not None  # auto_now


def test_nothing_is_left_when_the_transaction_rolls_back(db, org, source):
    with pytest.raises(RuntimeError), transaction.atomic():
        bulk.insert(recommendations(org, source, 10))
        raise RuntimeError
    assert not Recommendation.objects.exists()


def test_an_object_with_a_key_is_refused(db, org, source):
    rows = recommendations(org, source, 1)
    bulk.insert(rows)
    with pytest.raises(ValueError):
        bulk.insert(rows)
    bulk.insert([])  # nothing to do
