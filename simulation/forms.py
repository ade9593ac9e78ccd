from django import forms
from django.utils.translation import gettext_lazy as _


class ScenarioForm(forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=200)
    description = forms.CharField(
        label=_("Beskrivelse"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Fx hvilken aftale eller beslutning scenariet bygger på."),
    )
    extra_homes_per_month = forms.DecimalField(
        label=_("Ekstra boliger pr. måned gennem aftaler"),
        required=False,
        min_value=0,
        max_value=500,
        decimal_places=1,
        help_text=_(
            "Boliger til indsatsen ud over dem, kommunen har anvist hidtil (anvisningsret og aftaler)."
        ),
    )
    extra_cti_workers = forms.IntegerField(
        label=_("Ekstra CTI-medarbejdere"),
        required=False,
        min_value=0,
        max_value=200,
        help_text=_("Hver medarbejder giver op til 10 pladser."),
    )
    extra_icm_workers = forms.IntegerField(
        label=_("Ekstra ICM-medarbejdere"),
        required=False,
        min_value=0,
        max_value=200,
        help_text=_("Hver medarbejder giver op til 8 pladser."),
    )
    act_team_size = forms.IntegerField(
        label=_("Nyt ACT-team: antal medarbejdere"),
        required=False,
        min_value=0,
        max_value=20,
        help_text=_("Omkring 8 borgere pr. medarbejder, højst 80 borgere i teamet."),
    )
    months_to_ready = forms.DecimalField(
        label=_("Hurtigere anvisning: måneder fra identifikation til borgeren står klar til en bolig"),
        required=False,
        min_value=0.5,
        max_value=60,
        decimal_places=1,
        help_text=_("Tomt: som kommunens egne tal hidtil."),
    )
    runs = forms.IntegerField(
        label=_("Antal gennemløb"),
        min_value=10,
        max_value=2000,
        initial=500,
        help_text=_("Flere gennemløb giver sikrere bånd, men tager længere tid."),
    )
    horizon_months = forms.IntegerField(label=_("Måneder frem"), min_value=1, max_value=120, initial=60)
    seed = forms.IntegerField(
        label=_("Startværdi for tilfældighed"),
        min_value=0,
        initial=1,
        help_text=_("Samme tal giver samme resultat, så en beregning kan gentages."),
    )
