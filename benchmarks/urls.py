"""The platform's URLs plus one bare JSON view: the floor a Django request costs on this machine."""

from django.http import JsonResponse
from django.urls import include, path


def bare_json(request):
    return JsonResponse({"ok": True})


urlpatterns = [
    path("bench/json/", bare_json),
    path("", include("config.urls")),
]
