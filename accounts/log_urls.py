from django.urls import path

from . import log_views as views

# The access log page: a leader's check of who looked at or changed what (the log itself is audit).
app_name = "audit"
urlpatterns = [
    path("", views.log_list, name="log"),
    path("borger/<int:person_id>.csv", views.person_log_export, name="person_export"),
    path("borger/<int:person_id>.pdf", views.person_report_pdf, name="person_report"),
]
