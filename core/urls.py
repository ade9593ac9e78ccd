from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("tilgaengelighed/", views.accessibility, name="accessibility"),
]
