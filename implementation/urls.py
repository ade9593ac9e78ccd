from django.urls import path

from . import views

app_name = "implementation"

urlpatterns = [
    path("", views.plan, name="plan"),
    path("statusrapport.pdf", views.report_pdf, name="report_pdf"),
    path("fokusomraader/nyt/", views.focus_area_new, name="focus_area_new"),
    path("fokusomraader/<int:focus_area_id>/", views.focus_area_edit, name="focus_area_edit"),
    path("initiativer/nyt/", views.initiative_new, name="initiative_new"),
    path("initiativer/<int:initiative_id>/", views.initiative_detail, name="initiative_detail"),
    path("initiativer/<int:initiative_id>/ret/", views.initiative_edit, name="initiative_edit"),
    path("initiativer/<int:initiative_id>/status/", views.initiative_status, name="initiative_status"),
    path("netvaerk/", views.networks, name="networks"),
    path("netvaerk/nyt/", views.network_new, name="network_new"),
    path("netvaerk/<int:network_id>/", views.network_detail, name="network_detail"),
    path("netvaerk/<int:network_id>/ret/", views.network_edit, name="network_edit"),
    path("netvaerk/<int:network_id>/medlemmer/", views.member_add, name="member_add"),
    path("netvaerk/medlemmer/<int:member_id>/fjern/", views.member_remove, name="member_remove"),
    path("netvaerk/<int:network_id>/moeder/nyt/", views.meeting_new, name="meeting_new"),
    path("netvaerk/moeder/<int:meeting_id>/", views.meeting_edit, name="meeting_edit"),
    path("landkort/", views.landkort, name="landkort"),
    path("landkort/ny/", views.map_actor_new, name="map_actor_new"),
    path("landkort/<int:actor_id>/", views.map_actor_edit, name="map_actor_edit"),
    path("landkort/<int:actor_id>/slet/", views.map_actor_delete, name="map_actor_delete"),
]
