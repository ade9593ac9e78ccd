from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "Borgere"

    def ready(self):
        from accounts import log_citizens

        from . import aggregates, selectors

        aggregates.register_figures()
        log_citizens.register(selectors.LOG_FINDER)
