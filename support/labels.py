"""The labels of the pure modules (methods.py, cti.py; no Django import) marked for translation: the
same Danish texts, shown in the user's language. support/tests/test_english.py keeps them identical to
the pure modules' texts; stored data and the access log keep using the pure modules' Danish labels."""

from django.utils.translation import gettext_lazy as _

from .methods import Method

METHOD = {
    Method.CTI: _("CTI (Critical Time Intervention)"),
    Method.ICM: _("ICM (Intensive Case Management)"),
    Method.ACT: _("ACT (Assertive Community Treatment)"),
    Method.SECTION_85: _("§ 85-støtte i eget hjem"),
    Method.OTHER: _("Andet tilbud (fx § 107/108)"),
}

CTI_PHASE = {
    "contact": _("Kontaktskabelsesperiode"),
    "phase_1": _("1. fase: Overgang til egen bolig"),
    "phase_2": _("2. fase: Afprøvning"),
    "phase_3": _("3. fase: Overdragelse af støtte"),
    "after": _("Efter de 9 måneder"),
    "before": _("Ikke begyndt"),
}


def method(value) -> str:
    """The method's label in the current language."""
    return str(METHOD[Method(value)])
