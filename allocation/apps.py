from django.apps import AppConfig


class AllocationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "allocation"
    verbose_name = "Anvisning af boliger"

    def ready(self):
        from . import merge_rules

        merge_rules.register_rules()
