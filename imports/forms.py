from django import forms

from .services import MAX_UPLOAD_BYTES

ALLOWED_ENDINGS = (".csv", ".txt", ".xlsx")


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Fil med borgere",
        help_text="CSV (semikolon eller komma) eller Excel (.xlsx), højst 10 MB. Første række skal være kolonnernes navne.",
        error_messages={"required": "Vælg en fil.", "empty": "Filen er tom.",
                        "invalid": "Filen kunne ikke modtages. Prøv igen."},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            size = f"{upload.size / 1024 / 1024:.1f}".replace(".", ",")
            raise forms.ValidationError(
                f"Filen fylder {size} MB. Den må højst fylde {MAX_UPLOAD_BYTES // 1024 // 1024} MB. Del listen op i flere filer."
            )
        name = upload.name.lower()
        if name.endswith(".xls"):
            raise forms.ValidationError("Gamle Excel-filer (.xls) kan ikke læses. Gem filen som .xlsx eller CSV.")
        if not name.endswith(ALLOWED_ENDINGS):
            raise forms.ValidationError("Vælg en CSV-fil (.csv) eller en Excel-fil (.xlsx).")
        return upload
