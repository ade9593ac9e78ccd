from django.apps import AppConfig


class CountConfig(AppConfig):
    name = "count"
    verbose_name = "Hjemløsetællingen"

    def ready(self):
        from . import merge_rules

        merge_rules.register_rules()
