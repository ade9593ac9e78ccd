from django.apps import AppConfig


class SupportConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "support"
    verbose_name = "Specialiseret støtte"

    def ready(self):
        from . import aggregates, merge_rules

        aggregates.register_figures()
        merge_rules.register_rules()
