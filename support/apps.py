from django.apps import AppConfig


class SupportConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "support"
    verbose_name = "Specialiseret støtte"

    def ready(self):
        from . import aggregates

        aggregates.register_figures()
