"""Text built by pure modules (no Django import) that the user's language must still reach.

A pure module (plans/recommendation.py, allocation/matching.py ...) returns a ``Msg``: a ``str`` holding
the Danish text, exactly as before, so stored explanations, the access log and Danish pages are unchanged,
that also remembers its message id and parameters. The Django layer shows it in the user's language with
``core.i18n.translated`` (templates: the ``translated`` filter of ``core_i18n``). Parameters may be Msgs
themselves (a dimension's name inside a sentence) or a ``Seq`` of them (a list of names).

The pure modules mark their message ids with a local ``gettext_noop`` (``def gettext_noop(s): return s``),
which makemessages finds by name, so the ids reach the app's catalogue without a Django import.
"""

from collections.abc import Iterable, Mapping


class Msg(str):
    """Danish text with the message id and parameters it was made from.

    ``context``: the msgctxt (pgettext) the id is catalogued with. ``tail_after``: show only the part
    after this separator ("1 – Let nedsat funktionsevne" -> "Let nedsat funktionsevne"); ``lower``: in
    lower case (a label used inside a sentence)."""

    msgid: str
    params: Mapping
    context: str
    tail_after: str
    lower: bool

    def __new__(
        cls,
        msgid: str,
        params: Mapping | None = None,
        *,
        context: str = "",
        tail_after: str = "",
        lower: bool = False,
    ):
        params = dict(params or {})
        text = render(msgid, {k: str(v) for k, v in params.items()}, tail_after=tail_after, lower=lower)
        obj = super().__new__(cls, text)
        obj.msgid, obj.params, obj.context, obj.tail_after, obj.lower = (
            msgid,
            params,
            context,
            tail_after,
            lower,
        )
        return obj

    def __reduce__(self):
        return (_rebuild, (self.msgid, self.params, self.context, self.tail_after, self.lower))


def _rebuild(msgid, params, context, tail_after, lower):
    return Msg(msgid, params, context=context, tail_after=tail_after, lower=lower)


def render(text: str, params: Mapping, *, tail_after: str = "", lower: bool = False) -> str:
    """A message id (Danish, or its translation) with its parameters put in and shaped."""
    if params:
        text = text % params
    if tail_after and tail_after in text:
        text = text.split(tail_after, 1)[1]
    return text.lower() if lower else text


class Seq(str):
    """Several texts joined by ``sep`` (the separator needs no translation: a comma and a space)."""

    items: tuple
    sep: str

    def __new__(cls, items: Iterable, sep: str = ", "):
        items = tuple(items)
        obj = super().__new__(cls, sep.join(str(i) for i in items))
        obj.items, obj.sep = items, sep
        return obj

    def __reduce__(self):
        return (Seq, (self.items, self.sep))


def gettext_noop(text: str) -> str:
    return text


def joined(items: list) -> str:
    """ "a", "a og b", "a, b og c" in Danish, and in the user's language through the catalogue."""
    items = list(items)
    if len(items) <= 1:
        return items[0] if items else ""
    return Msg(gettext_noop("%(items)s og %(last)s"), {"items": Seq(items[:-1]), "last": items[-1]})
