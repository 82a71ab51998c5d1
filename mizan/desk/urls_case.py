from django.urls import path

from . import views_case as v

urlpatterns = [
    path("cases/<str:reference>/", v.case_detail, name="case"),
    path("cases/<str:reference>/reveal/", v.reveal, name="case_reveal"),
    path("cases/<str:reference>/reveal-request/", v.reveal_request, name="case_reveal_request"),
    path("cases/<str:reference>/step/<slug:name>/", v.transition, name="case_transition"),
    path("cases/<str:reference>/assign/", v.assign, name="case_assign"),
    path("cases/<str:reference>/take/", v.take, name="case_take"),
    path("cases/<str:reference>/messages/", v.message, name="case_message"),
    path("cases/<str:reference>/categories/", v.categories, name="case_categories"),
    path("cases/<str:reference>/urgency/", v.urgency, name="case_urgency"),
    path("cases/<str:reference>/allegations/", v.allegation_add, name="case_allegation_add"),
    path("cases/<str:reference>/allegations/<int:pk>/", v.allegation_edit, name="case_allegation_edit"),
    path("cases/<str:reference>/duplicate/", v.duplicate, name="case_duplicate"),
    path("cases/<str:reference>/files/<int:pk>/", v.attachment, name="attachment"),
]
