from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [
    path("", views.log_list, name="log"),
    path("borger/<int:person_id>.csv", views.person_log_export, name="person_export"),
]
