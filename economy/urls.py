from django.urls import path

from . import views

app_name = "economy"

urlpatterns = [
    path("", views.page, name="page"),
    path("priser/", views.prices, name="prices"),
    path("oekonomi.xlsx", views.workbook, name="xlsx"),
    path("oekonomi.pdf", views.pdf_report, name="pdf"),
]
