from django.urls import path

from . import views

app_name = "home"
urlpatterns = [
    path("", views.worker, name="worker"),
    path("leder/", views.leader, name="leader"),
]
