from django.apps import AppConfig


class HousingConfig(AppConfig):
    name = "housing"
    verbose_name = "Boliger"

    def ready(self):
        from . import aggregates

        aggregates.register_figures()
