from django.shortcuts import render


def accessibility(request):
    return render(request, "core/accessibility.html")


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form whose security token failed gets the platform's 403 page (in the layout,
    in the user's language) instead of Django's technical one; the reason is never shown."""
    return render(request, "403.html", {"csrf_failed": True}, status=403)
