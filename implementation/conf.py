"""The implementation app's settings: defaults with their units; read with ``value`` (core/conf.py). An
installation overrides them in settings.HF["IMPLEMENTATION"]."""

from core.conf import AppSettings

DEFAULTS = {
    # A plan is a municipality's own short list, shown whole and grouped by focus area; these bounds keep
    # its page and report one page's work at any size (a municipality's plan has tens, not thousands).
    "MAX_FOCUS_AREAS": 30,
    "MAX_INITIATIVES": 400,
    "MAX_MAP_ACTORS": 300,
    "MAX_NETWORK_MEMBERS": 200,
    "LIST_PAGE_SIZE": 20,  # meetings of a network, newest first
}

value = AppSettings("IMPLEMENTATION", DEFAULTS)
