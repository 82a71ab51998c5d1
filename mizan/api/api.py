"""The JSON API v1, mounted at /api/v1/ by mizan/urls.py."""

from django.views.decorators.http import require_safe

from .base import JSONRenderer, MizanAPI, MizanDocs
from .followup_indicators import router as followup_indicators_router
from .followup_progress import router as followup_progress_router
from .followup_recommendations import router as followup_recommendations_router
from .followup_search import router as followup_search_router
from .public import router as public_router
from .staff import router as staff_router

DESCRIPTION = """
Mizan receives human-rights complaints and follows them through to a decision.

**Public endpoints** need no authentication: file a complaint, then follow it with the 16-digit
receipt sent in the `X-Receipt` header. They are throttled per client (429).

**Staff endpoints** need a personal token: `Authorization: Bearer <token>` (an administrator runs
`manage.py create_api_token <username>`). They see only the token holder's organisation; a case of
another organisation answers 404, exactly like a case that does not exist.

**Errors** always have the shape `{"error": {"code", "message", "fields"}}`; `fields` maps an input
path such as `complainant.email` to a message. Messages are in the language of the request:
`?lang=ar|en|fr`, the language cookie, or `Accept-Language` (Arabic by default).

**Changing a case**: send back the `version` you read; if someone changed the case meanwhile the
change is refused with 409 `stale`.
"""

api = MizanAPI(
    title="Mizan API",
    version="1",
    description=DESCRIPTION.strip(),
    renderer=JSONRenderer(),
    docs=MizanDocs(),
    docs_url="/docs",
    docs_decorator=require_safe,  # the schema and its page are read-only: POST and the rest answer 405
    urls_namespace="api-v1",
    openapi_extra={"tags": [
        {"name": "Complaints (public)", "description": "File a complaint and follow it with the receipt."},
        {"name": "Reference lists", "description": "Codes and ids used when filing a complaint."},
        {"name": "Cases (staff)", "description": "Work on the cases of your organisation (bearer token)."},
        {"name": "Follow-up (staff)", "description": "Recommendations, their progress and indicators, for your "
                                                     "organisation (bearer token)."},
    ]},
)
api.add_router("", public_router)
api.add_router("", staff_router)
api.add_router("", followup_recommendations_router)
api.add_router("", followup_progress_router)
api.add_router("", followup_search_router)
api.add_router("", followup_indicators_router)
