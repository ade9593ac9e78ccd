from django.urls import path

from . import views

app_name = "count"
urlpatterns = [
    path("", views.weeks, name="weeks"),
    path("aabn/", views.week_open, name="week_open"),
    path("<int:week_id>/", views.week, name="week"),
    path("<int:week_id>/status/", views.week_status, name="week_status"),
    path("<int:week_id>/resultat/", views.result, name="result"),
    path("<int:week_id>/skemaer.xlsx", views.export, name="export"),
    path("skema/<int:form_id>/", views.form_fill, name="form"),
]
