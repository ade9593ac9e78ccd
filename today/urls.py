from django.urls import path

from . import views

app_name = "today"
urlpatterns = [
    path("", views.page, name="page"),
    path("klokke/", views.bell, name="bell"),
    path("e-mail/", views.digest, name="digest"),
    path("alle/<slug:kind>/", views.section, name="section"),
]
