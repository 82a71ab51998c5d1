from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "mizan.reports"
    label = "reports"
