from . import urls_case, urls_queue

app_name = "desk"
urlpatterns = [*urls_queue.urlpatterns, *urls_case.urlpatterns]
