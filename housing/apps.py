from django.apps import AppConfig


class HousingConfig(AppConfig):
    name = "housing"
    verbose_name = "Boliger"

    def ready(self):
        from . import aggregates, merge_rules

        aggregates.register_figures()
        merge_rules.register_rules()
