from django.urls import path

from . import views

app_name = "casefile"
urlpatterns = [
    path("<int:person_id>/dokumenter/", views.documents, name="documents"),
    path("<int:person_id>/dokumenter/<int:document_id>/", views.document, name="document"),
    path(
        "<int:person_id>/dokumenter/<int:document_id>/hent/",
        views.document_download,
        name="document_download",
    ),
    path("<int:person_id>/dokumenter/<int:document_id>/slet/", views.document_delete, name="document_delete"),
    path("<int:person_id>/journal/", views.journal, name="journal"),
    path("<int:person_id>/journal/ny/", views.note_new, name="note_new"),
    path("<int:person_id>/journal/<int:note_id>/", views.note, name="note"),
    path("<int:person_id>/journal/<int:note_id>/ret/", views.note_correct, name="note_correct"),
]
