from django.apps import AppConfig


class CountConfig(AppConfig):
    name = "count"
    verbose_name = "Hjemløsetællingen"
