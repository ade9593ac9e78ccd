from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "Borgere"

    def ready(self):
        from . import aggregates

        aggregates.register_figures()
