"""The navigation's one registry: every page the header's menu links to, its group, and the capability the
page's view requires, so a role is shown exactly the links it may open (issue 14, item 3).

A test (home/tests/test_navigation.py) compares each entry's capability with the one its view is wrapped in
(``with_actor``), and a crawl logs in as every role and opens every link it is shown. Pages that only make
sense from another page (a person, an episode, a form) are not here: their own pages link to them.
"""

from dataclasses import dataclass
from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.roles import Capability, Role, has_capability


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    # URL namespaces whose pages belong to the group: a person's page marks "Borgere" as where you are.
    namespaces: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    url_name: str
    label: str
    group: str
    capability: Capability
    # A narrower audience than the capability, where a page is for some of the roles that may open it
    # (the leaders' pages are for leaders and analysts, not for every role that may read figures).
    roles: frozenset[Role] | None = None

    def shown_to(self, role: str | None) -> bool:
        if not has_capability(role, self.capability):
            return False
        return self.roles is None or Role(role) in self.roles


GROUPS = (
    Group("people", _("Borgere"), ("today", "people", "plans", "casefile", "imports", "count")),
    Group("support", _("Støtte"), ("support",)),
    Group("housing", _("Boliger"), ("housing", "allocation")),
    Group("fidelity", _("Efterlevelse"), ("fidelity",)),
    Group("steering", _("Ledelse"), ("steering", "simulation", "economy", "implementation")),
    Group("admin", _("Administration"), ("accounts", "audit")),
)

_STEERING = frozenset({Role.LEADER, Role.ANALYST})

ENTRIES = (
    # Borgere: the day's work first (today app, issue 14 item 1)
    Entry("today:page", _("I dag"), "people", Capability.VIEW_PEOPLE),
    Entry("people:list", _("Hjemløselisten"), "people", Capability.VIEW_PEOPLE),
    Entry("people:needs_list", _("Boligbehovslisten"), "people", Capability.VIEW_PEOPLE),
    Entry("people:figures", _("Tal og udvikling"), "people", Capability.VIEW_FIGURES),
    Entry("count:weeks", _("Hjemløsetælling"), "people", Capability.VIEW_FIGURES),
    Entry("imports:upload", _("Indlæs liste"), "people", Capability.IMPORT_PEOPLE),
    Entry("people:merges", _("Sammenlægninger"), "people", Capability.MERGE_PEOPLE),
    # Støtte
    Entry("home:worker", _("Mine borgere"), "support", Capability.WORK_SUPPORT),
    Entry("support:episodes", _("Støtteforløb"), "support", Capability.WORK_SUPPORT),
    Entry("support:waiting", _("Venteliste til støtte"), "support", Capability.WORK_SUPPORT),
    Entry("home:leader", _("Støtte og kapacitet"), "support", Capability.MANAGE_SUPPORT),
    Entry("support:teams", _("Støtteteams"), "support", Capability.MANAGE_SUPPORT),
    Entry("support:workers", _("Støttemedarbejdere"), "support", Capability.MANAGE_SUPPORT),
    # Boliger
    Entry("housing:units", _("Boligoversigt"), "housing", Capability.VIEW_HOUSING),
    Entry("allocation:vacancies", _("Ledige boliger"), "housing", Capability.VIEW_HOUSING),
    Entry("allocation:meetings", _("Boligudvalget"), "housing", Capability.VIEW_HOUSING),
    Entry("housing:landlords", _("Udlejere og aftaler"), "housing", Capability.VIEW_HOUSING),
    Entry("housing:waiting_list", _("Mens borgeren venter"), "housing", Capability.VIEW_HOUSING),
    Entry("housing:evictions", _("Fogedsager"), "housing", Capability.VIEW_PEOPLE),
    Entry("housing:stock_analysis", _("Boliganalyse"), "housing", Capability.VIEW_FIGURES),
    Entry("housing:retention", _("Fastholdelse i bolig"), "housing", Capability.VIEW_FIGURES),
    # Efterlevelse
    Entry("fidelity:overview", _("Efterlevelsesskema"), "fidelity", Capability.VIEW_FIDELITY),
    Entry("fidelity:results", _("Resultater"), "fidelity", Capability.VIEW_FIDELITY),
    # Ledelse
    Entry("steering:front", _("Ledelsens overblik"), "steering", Capability.VIEW_FIGURES, _STEERING),
    Entry("steering:goals", _("Mål og fremdrift"), "steering", Capability.VIEW_FIGURES, _STEERING),
    Entry("simulation:list", _("Scenarier"), "steering", Capability.VIEW_FIGURES, _STEERING),
    Entry("economy:page", _("Økonomi"), "steering", Capability.VIEW_FIGURES, _STEERING),
    Entry("implementation:plan", _("Implementeringsplan"), "steering", Capability.VIEW_FIGURES, _STEERING),
    Entry("steering:rent_subsidy", _("Huslejetilskud"), "steering", Capability.VIEW_FIGURES, _STEERING),
    # Administration
    Entry("accounts:users", _("Brugere"), "admin", Capability.MANAGE_USERS),
    Entry("audit:log", _("Log"), "admin", Capability.READ_LOGS),
)


def entries_for(role: str | None) -> list[Entry]:
    return [e for e in ENTRIES if e.shown_to(role)]


def menu(role: str | None, *, current: str = "") -> list[dict]:
    """The groups the role has anything in, each with its links; ``current`` is the view name shown now.
    The group of the current page is marked active, also on pages that are not in the menu themselves
    (a person's page lies under "Borgere")."""
    namespace = current.split(":", 1)[0] if ":" in current else ""
    groups = []
    for key, label, namespaces, entries in _static_menu(role, get_language(), get_script_prefix()):
        links = [{"url": url, "label": text, "current": name == current} for name, url, text in entries]
        active = any(link["current"] for link in links)
        groups.append({"key": key, "label": label, "links": links, "active": active, "_ns": namespaces})
    if namespace and not any(g["active"] for g in groups):
        for g in groups:
            if namespace in g["_ns"]:
                g["active"] = True
                break
    for g in groups:
        del g["_ns"]
    return groups


def menu_key(role: str | None, *, current: str = "") -> str:
    """What ``menu`` depends on: the header's rendered menu is kept by it (templates/includes/header.html)."""
    return f"{role}|{get_language()}|{get_script_prefix()}|{current}"


@lru_cache(maxsize=128)
def _static_menu(role: str | None, language: str, prefix: str) -> tuple:
    """What the menu holds for a role, its addresses reversed and its labels translated once per role and
    language: the header is on every page, and doing this per request cost each page about a millisecond.
    The script prefix is part of the key, as the addresses begin with it."""
    mine = entries_for(role)
    groups = []
    for group in GROUPS:
        entries = tuple((e.url_name, reverse(e.url_name), str(e.label)) for e in mine if e.group == group.key)
        if entries:
            groups.append((group.key, str(group.label), group.namespaces, entries))
    return tuple(groups)


@receiver(setting_changed)
def _forget_menu(*, setting, **kwargs):
    # As Django forgets its own URL caches when a test or a deployment changes the URLconf.
    if setting == "ROOT_URLCONF":
        _static_menu.cache_clear()
