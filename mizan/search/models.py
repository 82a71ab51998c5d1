"""One search document per case: the analysed terms of each field, as space-separated text.

The `facets` field holds the case's organisation, status and urgency as terms (`facets`), so a
search with those filters is intersected inside the index. This table is the source of truth. On SQLite an FTS5 table (`search_fts`, external content,
kept in step by triggers) indexes it; on PostgreSQL a generated `tsvector` column (`vector`,
GIN-indexed) does. Both are created by migration 0001 for their own database only, so neither
appears as a model field. Identity fields are never indexed: they exist only as ciphertext.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation
from mizan.complaints.models import Case

# Document fields in FTS5 column order, with their bm25 weights (SQLite) and tsvector weight
# classes (PostgreSQL). A reference match counts most; then what the complainant wrote and
# the allegations; then the taxonomy and places; the message thread least.
FIELDS = ("reference", "narrative", "allegations", "categories", "messages", "places")
FTS5_WEIGHTS = {"reference": 10.0, "narrative": 4.0, "allegations": 3.0, "categories": 2.0,
                "messages": 1.0, "places": 1.5}
TS_WEIGHTS = {"reference": "A", "narrative": "B", "allegations": "B", "categories": "C",
              "messages": "D", "places": "C"}
# After the text fields, the index holds the case's filter values as terms (`facets`): searched
# only together with the desk's filters, never by what a user types, and of no weight in ranking.
FACETS = "facets"
INDEX_COLUMNS = (*FIELDS, FACETS)
FTS5_WEIGHTS[FACETS] = 0.0
TS_WEIGHTS[FACETS] = "D"


class SearchDocument(models.Model):
    case = models.OneToOneField(Case, on_delete=models.CASCADE, primary_key=True, related_name="search_document")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    reference = models.TextField(blank=True)
    narrative = models.TextField(blank=True)
    allegations = models.TextField(blank=True)
    categories = models.TextField(blank=True)
    messages = models.TextField(blank=True)
    places = models.TextField(blank=True)
    facets = models.TextField(blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "search_document"
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self) -> str:
        return f"search document of case {self.case_id}"


class IndexRow(models.Model):
    """A row of SQLite's FTS5 index `search_fts` (rowid = case id), declared only so that the
    ORM can compose a MATCH with the desk's filters (`backends.SQLiteBackend.window`). Not
    managed: migration 0001 creates the virtual table, on SQLite only; never written."""

    rowid = models.BigIntegerField(primary_key=True, db_column="rowid")

    class Meta:
        managed = False
        db_table = "search_fts"

    def __str__(self) -> str:
        return f"index row {self.rowid}"


# --- recommendations of the follow-up ----------------------------------------------------------------

# The fields of a recommendation's document, in FTS5 column order, with their weights (bm25 on
# SQLite, tsvector classes on PostgreSQL): the reference counts most, then the text (original
# and translations), then its themes, source and responsible bodies. `facets` holds the
# organisations that may read it (owner and addressees): searched with the reader's
# organisation, never by what a user types.
RECOMMENDATION_FIELDS = ("reference", "text", "source", "themes", "bodies")
RECOMMENDATION_COLUMNS = (*RECOMMENDATION_FIELDS, FACETS)
RECOMMENDATION_FTS5_WEIGHTS = {"reference": 10.0, "text": 4.0, "source": 1.5, "themes": 2.0, "bodies": 1.5,
                               FACETS: 0.0}
RECOMMENDATION_TS_WEIGHTS = {"reference": "A", "text": "B", "source": "C", "themes": "C", "bodies": "C",
                             FACETS: "D"}


class RecommendationDocument(models.Model):
    """The analysed terms of one recommendation (`search.recommendations`), as space-separated
    text. Like `SearchDocument`, this table is the source of truth: on SQLite an FTS5 table
    (`search_rec_fts`, external content, kept in step by triggers) indexes it, on PostgreSQL a
    generated `tsvector` column (`vector`, GIN-indexed); both are made by migration 0005 for
    their own database only."""

    recommendation = models.OneToOneField("followup.Recommendation", on_delete=models.CASCADE, primary_key=True,
                                          related_name="search_document")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    reference = models.TextField(blank=True)
    text = models.TextField(blank=True)
    source = models.TextField(blank=True)
    themes = models.TextField(blank=True)
    bodies = models.TextField(blank=True)
    facets = models.TextField(blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "search_recommendation"
        verbose_name = _("search document of a recommendation")
        verbose_name_plural = _("search documents of recommendations")

    def __str__(self) -> str:
        return f"search document of recommendation {self.recommendation_id}"
