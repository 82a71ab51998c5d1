from . import urls_account, urls_case, urls_queue, urls_reveal

app_name = "desk"
urlpatterns = [*urls_queue.urlpatterns, *urls_case.urlpatterns, *urls_account.urlpatterns,
               *urls_reveal.urlpatterns]
