from django.urls import path

from . import search_views, views

app_name = "home"
# Mounted at the root: the start page sends each role to its own front page.
urlpatterns = [
    path("", views.start, name="start"),
    path("stoette/", views.worker, name="worker"),
    path("stoette/leder/", views.leader, name="leader"),
    path("soeg/", search_views.search_page, name="search"),
]
