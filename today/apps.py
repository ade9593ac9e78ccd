from django.apps import AppConfig


class TodayConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "today"
    verbose_name = "I dag"
