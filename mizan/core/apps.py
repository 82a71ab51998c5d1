from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "mizan.core"
    label = "core"
    verbose_name = "Mizan core"

    def ready(self):
        from django.db.models.signals import post_migrate

        from .dbstats import after_migrate

        post_migrate.connect(after_migrate, sender=self, dispatch_uid="mizan.core.dbstats")

        from .dbstats import refresh_database_statistics
        from .periodic import HOURLY, register_periodic

        register_periodic(refresh_database_statistics, HOURLY)  # the planner's statistics (SQLite)
