"""Text built by pure modules (core.messages.Msg) in the user's language."""

from django.utils.translation import gettext, pgettext

from .messages import Msg, Seq, render


def translated(value) -> str:
    """A Msg through the catalogue (its parameters too); a Seq item by item; anything else as it is."""
    if isinstance(value, Msg):
        text = pgettext(value.context, value.msgid) if value.context else gettext(value.msgid)
        params = {k: translated(v) for k, v in value.params.items()}
        return render(text, params, tail_after=value.tail_after, lower=value.lower)
    if isinstance(value, Seq):
        return value.sep.join(translated(i) for i in value.items)
    return "" if value is None else str(value)


def translated_all(values, sep: str = " ") -> str:
    return sep.join(translated(v) for v in values)
