from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .services import MAX_UPLOAD_BYTES

ALLOWED_ENDINGS = (".csv", ".txt", ".xlsx")


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Fil med borgere"),
        help_text=_(
            "CSV (semikolon eller komma) eller Excel (.xlsx), højst 10 MB. Første række skal være kolonnernes navne."
        ),
        error_messages={
            "required": _("Vælg en fil."),
            "empty": _("Filen er tom."),
            "invalid": _("Filen kunne ikke modtages. Prøv igen."),
        },
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            size = f"{upload.size / 1024 / 1024:.1f}".replace(".", ",")
            raise forms.ValidationError(
                gettext(
                    "Filen fylder %(size)s MB. Den må højst fylde %(max)s MB. Del listen op i flere filer."
                )
                % {"size": size, "max": MAX_UPLOAD_BYTES // 1024 // 1024}
            )
        name = upload.name.lower()
        if name.endswith(".xls"):
            raise forms.ValidationError(
                gettext("Gamle Excel-filer (.xls) kan ikke læses. Gem filen som .xlsx eller CSV.")
            )
        if not name.endswith(ALLOWED_ENDINGS):
            raise forms.ValidationError(gettext("Vælg en CSV-fil (.csv) eller en Excel-fil (.xlsx)."))
        return upload
