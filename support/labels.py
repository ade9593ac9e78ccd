"""The labels of the pure module cti.py (no Django import) marked for translation: the same Danish texts,
shown in the user's language. support/tests/test_english.py keeps them identical to the pure module's texts;
stored data and the access log keep using the pure module's Danish labels. The methods' labels are in
plans/labels.py."""

from django.utils.translation import gettext_lazy as _

CTI_PHASE = {
    "contact": _("Kontaktskabelsesperiode"),
    "phase_1": _("1. fase: Overgang til egen bolig"),
    "phase_2": _("2. fase: Afprøvning"),
    "phase_3": _("3. fase: Overdragelse af støtte"),
    "after": _("Efter de 9 måneder"),
    "before": _("Ikke begyndt"),
}
