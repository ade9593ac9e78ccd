from django.urls import path

from . import views

app_name = "steering"

urlpatterns = [
    path("", views.front, name="front"),
    path("maal/", views.goals, name="goals"),
    path("maal/nyt/", views.goal_new, name="goal_new"),
    path("maal/<int:goal_id>/", views.goal_edit, name="goal_edit"),
    path("maal/<int:goal_id>/afslut/", views.goal_archive, name="goal_archive"),
    path("maal/rapport.pdf", views.goals_pdf, name="goals_pdf"),
]

urlpatterns += [
    path("huslejetilskud/", views.rent_subsidy, name="rent_subsidy"),
    path("huslejetilskud/ansoegning.pdf", views.rent_subsidy_pdf, name="rent_subsidy_pdf"),
]
