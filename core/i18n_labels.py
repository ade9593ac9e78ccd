"""Danish labels defined in pure modules (no Django import there), listed so makemessages finds them
and the English catalogue can translate them at display time."""

from django.utils.translation import gettext_noop

ROLE_LABELS = [
    gettext_noop("Administrator"),
    gettext_noop("Leder"),
    gettext_noop("Socialboligformidler"),
    gettext_noop("Støttemedarbejder"),
    gettext_noop("Gadeplansmedarbejder"),
    gettext_noop("Analytiker"),
]
