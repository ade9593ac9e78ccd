"""The person page's tabs (people.views.person_detail): one entry per tab, in the order shown.

Each tab is a template rendered with the person page's context (``person``, ``request``, the forms);
a tab that needs data of its own fetches it through an inclusion tag of its app, as housing's
``person_tenancies`` does, since the person view has already checked and logged the read. Adding a tab
is one entry here and one template: e.g. ``Tab("dokumenter", gettext_lazy("Dokumenter"),
"documents/person_tab.html", Capability.VIEW_PEOPLE)``.

A tab is opened by address, ``?fane=<key>`` (the server shows it) or ``#fane-<key>`` (person-tabs.js);
all tabs are in the page, so switching tabs reads nothing more and logs nothing more.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy

from accounts.roles import Capability, has_capability


@dataclass(frozen=True)
class Tab:
    key: str
    label: str
    template: str
    capability: Capability = Capability.VIEW_PEOPLE


PERSON_TABS: list[Tab] = [
    Tab("overblik", gettext_lazy("Overblik"), "people/tabs/overview.html"),
    Tab("historik", gettext_lazy("Situation og historik"), "people/tabs/history.html"),
    Tab("stoette", gettext_lazy("Støtte og planer"), "people/tabs/support.html"),
    Tab("bolig", gettext_lazy("Bolig"), "people/tabs/housing.html"),
]


def tabs_for(role: str | None, requested: str | None) -> tuple[list[Tab], Tab]:
    """The tabs this role may open and the one to show: the requested one if it is among them, else the
    first (Overblik, what a worker needs first)."""
    tabs = [t for t in PERSON_TABS if has_capability(role, t.capability)]
    current = next((t for t in tabs if t.key == requested), tabs[0])
    return tabs, current
