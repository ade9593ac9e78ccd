from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control


class DanishFirstLocaleMiddleware:
    """Danish unless the user chose another language with the switch in the footer.

    Django's LocaleMiddleware would follow the browser's Accept-Language, giving a half-English
    page to staff whose browser happens to be English; the platform is Danish first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class HealthCheckMiddleware:
    """`/helbred/` for the load balancer: one query to the database, 200 "ok" or 503, nothing else.

    First in the stack, so it needs no session, login, tenant, transaction or allowed host (a load balancer
    often asks by IP address) and is never redirected to HTTPS. It shows no personal data."""

    path = "/helbred/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != self.path:
            return self.get_response(request)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
        except DatabaseError:
            response = HttpResponse("unavailable\n", status=503, content_type="text/plain; charset=utf-8")
        else:
            response = HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
        add_never_cache_headers(response)
        return response


class SecurityHeadersMiddleware:
    """Headers Django has no setting for: a Permissions-Policy that switches off the browser features the
    platform never uses, and `Cache-Control: no-store` on every response to a logged-in user (pages and
    downloads hold personal data; no browser or proxy cache may keep them). Static files are served before
    this middleware (WhiteNoise) and keep their long cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response
