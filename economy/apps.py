from django.apps import AppConfig


class EconomyConfig(AppConfig):
    name = "economy"
    verbose_name = "Økonomi"

    def ready(self):
        from . import aggregates

        aggregates.register_figures()
