from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("<int:person_id>/udredning/", views.assessment, name="assessment"),
    path("<int:person_id>/udredning/ret/", views.assessment_edit, name="assessment_edit"),
    path("<int:person_id>/udredning/version/<int:version>/", views.assessment, name="assessment_version"),
    path("<int:person_id>/udredning/sammenlign/", views.assessment_compare, name="assessment_compare"),
    path("<int:person_id>/metode/", views.method, name="method"),
    path("<int:person_id>/handleplan/", views.plan, name="plan"),
    path("<int:person_id>/handleplan/ret/", views.plan_edit, name="plan_edit"),
    path("<int:person_id>/handleplan/borgerens.pdf", views.plan_citizen_pdf, name="plan_citizen_pdf"),
    path("<int:person_id>/handleplan/version/<int:version>/", views.plan, name="plan_version"),
    path("<int:person_id>/handleplan/sammenlign/", views.plan_compare, name="plan_compare"),
    path("<int:person_id>/samtykke/", views.consents, name="consents"),
    path(
        "<int:person_id>/samtykke/<int:consent_id>/tilbagekald/", views.consent_revoke, name="consent_revoke"
    ),
]
