from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("", views.user_list, name="users"),
    path("ny/", views.user_create, name="user_create"),
    path("<int:membership_id>/rolle/", views.user_role, name="user_role"),
    path("<int:membership_id>/fjern/", views.user_remove, name="user_remove"),
    path("totrin/", views.mfa_roles, name="mfa_roles"),
    path("kommune/", views.switch_municipality, name="switch"),
]
