from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from mizan.complaints import projections as case_projections
from mizan.followup import projections


class SearchConfig(AppConfig):
    name = "mizan.search"
    label = "search"
    verbose_name = _("Full-text search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: these modules import models, which may not be imported
        # before the app registry is ready (an AppConfig module is imported while it is filled).
        from mizan.complaints import caselist
        from mizan.followup import selectors

        from . import engine
        from .indexer import index_case, index_new_case
        from .recommendations import project, search_recommendations

        # A case's search document is rebuilt in the transaction of each change to it (so a
        # search never sees a change that was rolled back); the core never imports search.
        case_projections.register(case_projections.CASE, "search.index", index_case, order=20)
        case_projections.register(case_projections.CREATED, "search.index", index_new_case, order=20)

        # The one case-list query (desk, API, exports) searches words and ranks through these.
        caselist.register_search(active=lambda q: engine.prepare(q).active, filter=engine.filter_cases,
                                 ranked=engine.ranked)

        # The follow-up never imports search: its recommendations are indexed by this projection,
        # in the transaction of each change, and its lists search through this function.
        projections.register("search.recommendations", project, order=10)
        selectors.register_search(search_recommendations)
