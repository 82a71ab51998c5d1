from django.apps import AppConfig
from django.db.models.signals import post_migrate

from .periodic import HOURLY, register_periodic


class CoreConfig(AppConfig):
    name = "mizan.core"
    label = "core"
    verbose_name = "Mizan core"

    def ready(self):
        # Imported here, not at the top: dbstats defines a task, and tasks import models (the
        # worker's heartbeat), which may not be imported before the app registry is ready.
        from .dbstats import after_migrate, refresh_database_statistics

        post_migrate.connect(after_migrate, sender=self, dispatch_uid="mizan.core.dbstats")
        register_periodic(refresh_database_statistics, HOURLY)  # the planner's statistics (SQLite)
