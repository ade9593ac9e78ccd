from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "Borgere"

    def ready(self):
        from . import aggregates, merge_rules

        aggregates.register_figures()
        merge_rules.register_rules()
