from django.urls import path

from . import views_queue as v

urlpatterns = [
    path("", v.queue, name="queue"),
    path("new/", v.new_case, name="new_case"),
    path("new/done/", v.new_case_done, name="new_case_done"),
    path("notifications/", v.notifications, name="notifications"),
    path("notifications/read-all/", v.notifications_read_all, name="notifications_read_all"),
    path("notifications/<int:pk>/open/", v.notification_open, name="notification_open"),
    path("audit/", v.audit_log, name="audit"),
]
