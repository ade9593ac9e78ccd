from django.urls import path

from . import views

app_name = "housing"
urlpatterns = [
    path("", views.unit_list, name="units"),
    path("ny/", views.unit_create, name="unit_create"),
    path("<int:unit_id>/ret/", views.unit_edit, name="unit_edit"),
    path("boligtyper/", views.unit_type_list, name="unit_types"),
    path("boligtyper/<int:unit_type_id>/ret/", views.unit_type_edit, name="unit_type_edit"),
    path("udlejere/", views.landlord_list, name="landlords"),
    path("udlejere/ny/", views.landlord_create, name="landlord_create"),
    path("udlejere/<int:landlord_id>/", views.landlord_detail, name="landlord_detail"),
    path("udlejere/<int:landlord_id>/ret/", views.landlord_edit, name="landlord_edit"),
    path("udlejere/<int:landlord_id>/aftale/ny/", views.agreement_create, name="agreement_create"),
    path("aftaler/<int:agreement_id>/ret/", views.agreement_edit, name="agreement_edit"),
    path("analyse/", views.stock_analysis, name="stock_analysis"),
    path("fastholdelse/", views.retention, name="retention"),
    path("borger/<int:person_id>/indflytning/", views.tenancy_start, name="tenancy_start"),
    path("lejemaal/<int:tenancy_id>/fraflytning/", views.tenancy_end, name="tenancy_end"),
    path("lejemaal/<int:tenancy_id>/fogedsag/", views.tenancy_eviction, name="tenancy_eviction"),
    path(
        "lejemaal/<int:tenancy_id>/fogedsag/afvaerget/",
        views.tenancy_eviction_clear,
        name="tenancy_eviction_clear",
    ),
    path("fogedsager/", views.eviction_list, name="evictions"),
    path("mens-borgeren-venter/", views.waiting_list, name="waiting_list"),
    path("mens-borgeren-venter/<int:person_id>/", views.waiting_plan_edit, name="waiting_plan_edit"),
]
