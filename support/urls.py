from django.urls import path

from . import views

app_name = "support"
urlpatterns = [
    path("forloeb/", views.episode_list, name="episodes"),
    path("forloeb/<int:pk>/", views.episode_detail, name="episode"),
    path("forloeb/<int:pk>/kontakt/", views.episode_contact, name="episode_contact"),
    path("forloeb/<int:pk>/pause/", views.episode_pause, name="episode_pause"),
    path("forloeb/<int:pk>/genoptag/", views.episode_resume, name="episode_resume"),
    path("forloeb/<int:pk>/afslut/", views.episode_end, name="episode_end"),
    path("forloeb/<int:pk>/overdrag/", views.episode_hand_over, name="episode_hand_over"),
    path("forloeb/<int:pk>/ny-medarbejder/", views.episode_reassign, name="episode_reassign"),
    path("borger/<int:person_id>/start/", views.episode_start, name="episode_start"),
    path("borger/<int:person_id>/medarbejder/", views.person_worker_assign, name="person_worker_assign"),
    path(
        "borger/<int:person_id>/medarbejder/soeg/", views.person_worker_choices, name="person_worker_choices"
    ),
    path("venteliste/", views.waiting, name="waiting"),
    path("venteliste/<int:wait_id>/luk/", views.waiting_close, name="waiting_close"),
    path("overdragelse/<int:hand_over_id>/modtag/", views.hand_over_receive, name="hand_over_receive"),
    path("teams/", views.teams, name="teams"),
    path("teams/<int:team_id>/", views.team_edit, name="team_edit"),
    path("medarbejdere/", views.workers, name="workers"),
    path("medarbejdere/<int:user_id>/", views.worker_edit, name="worker_edit"),
]
