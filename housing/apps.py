from django.apps import AppConfig


class HousingConfig(AppConfig):
    name = "housing"
    verbose_name = "Boliger"
