from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = "Udredning, handleplan og samtykke"

    def ready(self):
        from . import merge_rules

        merge_rules.register_rules()
