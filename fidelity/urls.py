from django.urls import path

from . import views

app_name = "fidelity"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("enheder/ny/", views.unit_create, name="unit_create"),
    path("vurdering/ny/", views.assessment_start, name="assessment_start"),
    path("vurdering/<int:pk>/", views.assessment_fill, name="assessment"),
    path("vurdering/<int:pk>/genaabn/", views.assessment_reopen, name="assessment_reopen"),
    path("resultater/", views.results, name="results"),
    path("resultater/<str:fmt>/", views.results_export, name="results_export"),
    path("spoergeskema/ny/", views.invitation_create, name="invitation_create"),
    path("svar/<str:code>/<str:token>/", views.answer, name="answer"),
]
