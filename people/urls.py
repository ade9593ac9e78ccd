from django.urls import path

from . import merge_views, views

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="list"),
    path("ny/", views.person_create, name="create"),
    path("tal/", views.figures, name="figures"),
    path("boligbehovsliste/", views.needs_list, name="needs_list"),
    path("udtraek.<str:fmt>", views.export, name="export"),
    path("udtraek/<int:pk>/", views.export_status, name="export_status"),
    path("udtraek/<int:pk>/hent", views.export_download, name="export_download"),
    path("<int:pk>/", views.person_detail, name="detail"),
    path("<int:pk>/ret/", views.person_edit, name="edit"),
    path("<int:pk>/cpr/", views.person_reveal_cpr, name="reveal_cpr"),
    path("<int:pk>/situation/", views.situation_add, name="situation_add"),
    path("<int:pk>/status/", views.status_add, name="status_add"),
    path("<int:pk>/kontakt/", views.contact_add, name="contact_add"),
    path("<int:pk>/boligbehov/", views.needs_edit, name="needs_edit"),
    path("<int:pk>/boligbehov/fjern/", views.needs_remove, name="needs_remove"),
    path("<int:pk>/sammenlaeg/", merge_views.merge_pick, name="merge_pick"),
    path("<int:pk>/sammenlaeg/<int:other>/", merge_views.merge_preview, name="merge_preview"),
    path("sammenlaegninger/", merge_views.merge_list, name="merges"),
    path("sammenlaegninger/<int:merge_id>/", merge_views.merge_result, name="merge_result"),
    path("sammenlaegninger/<int:merge_id>/fortryd/", merge_views.merge_undo, name="merge_undo"),
]
