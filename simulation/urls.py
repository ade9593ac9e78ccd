from django.urls import path

from . import views

app_name = "simulation"

urlpatterns = [
    path("", views.scenario_list, name="list"),
    path("nyt/", views.scenario_new, name="scenario_new"),
    path("<int:scenario_id>/", views.scenario_edit, name="scenario_edit"),
    path("<int:scenario_id>/beregn/", views.run_start, name="run_start"),
    path("beregning/<int:run_id>/", views.run_detail, name="run_detail"),
    path("sammenlign/", views.compare, name="compare"),
]
