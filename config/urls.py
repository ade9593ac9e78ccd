from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from accounts.views import mfa_intro, session_extend

# The admin's own login form would skip allauth's second factor: it sends to allauth's login instead.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("", include("core.urls")),
    path("", include("home.urls")),
    path("borgere/", include("people.urls")),
    path("borgere/", include("plans.urls")),
    path("borgere/", include("casefile.urls")),
    path("boliger/", include("housing.urls")),
    path("stoette/", include("support.urls")),
    path("ledige-boliger/", include("allocation.urls")),
    path("efterlevelse/", include("fidelity.urls")),
    path("ledelse/", include("steering.urls")),
    path("i-dag/", include("today.urls")),
    path("simulering/", include("simulation.urls")),
    path("oekonomi/", include("economy.urls")),
    path("implementering/", include("implementation.urls")),
    path("optaelling/", include("count.urls")),
    path("log/", include("accounts.log_urls")),
    path("indlaes/", include("imports.urls")),
    path("brugere/", include("accounts.urls")),
    path("session/forlaeng/", session_extend, name="session_extend"),
    path("totrinsbekraeftelse/", mfa_intro, name="mfa_intro"),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
