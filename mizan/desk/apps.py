from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "mizan.desk"
    label = "desk"
