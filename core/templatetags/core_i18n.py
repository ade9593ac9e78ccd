"""``{{ reason|translated }}``: text built by a pure module (core.messages.Msg) in the user's language."""

from django import template

from core.i18n import translated as _translated
from core.i18n import translated_all as _translated_all

register = template.Library()


@register.filter
def translated(value):
    return _translated(value)


@register.filter
def translated_join(values, sep=" "):
    return _translated_all(values, sep)
