from django.urls import path

from . import views

app_name = "allocation"
urlpatterns = [
    path("", views.vacancy_list, name="vacancies"),
    path("ny/", views.vacancy_create, name="vacancy_create"),
    path("<int:vacancy_id>/", views.vacancy_detail, name="vacancy_detail"),
    path("<int:vacancy_id>/foreslaa/", views.vacancy_propose, name="vacancy_propose"),
    path("<int:vacancy_id>/traek-tilbage/", views.vacancy_withdraw, name="vacancy_withdraw"),
    path("tilbud/<int:offer_id>/", views.offer_detail, name="offer_detail"),
    path("tilbud/<int:offer_id>/handling/", views.offer_action, name="offer_action"),
    path("tilbud/<int:offer_id>/tjekliste/", views.offer_checklist, name="offer_checklist"),
    path("tilbud/<int:offer_id>/del-med-udlejer/", views.offer_share, name="offer_share"),
    path("kandidat/<int:person_id>/", views.candidate, name="candidate"),
    path("samlet-forslag/", views.global_proposal, name="global_proposal"),
    path("tal/", views.figures, name="figures"),
    path("afslagsgrunde/", views.decline_reasons, name="decline_reasons"),
    path("boligudvalg/", views.meeting_list, name="meetings"),
    path("boligudvalg/<int:meeting_id>/", views.meeting_detail, name="meeting_detail"),
    path("boligudvalg/<int:meeting_id>/pdf/", views.meeting_pdf, name="meeting_pdf"),
]
