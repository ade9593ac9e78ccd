from django.urls import path

from . import views

app_name = "imports"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("skabelon.csv", views.template_csv, name="template"),
    path("<int:pk>/", views.status, name="status"),
]
