"""templates/includes/field.html: a checkbox, and a group of checkboxes or radios, show their hint and
error in DKFDS markup, and a screen reader is told about both (aria-describedby) and about the error
(aria-invalid), as for every other field."""

import re

from django import forms
from django.template.loader import render_to_string


class ExampleForm(forms.Form):
    agree = forms.BooleanField(label="Jeg har talt med borgeren", help_text="Kræves før start.")
    methods = forms.MultipleChoiceField(
        label="Metoder",
        choices=[("cti", "CTI"), ("icm", "ICM")],
        widget=forms.CheckboxSelectMultiple,
        help_text="Vælg mindst én.",
    )
    answer = forms.ChoiceField(
        label="Svar", choices=[("yes", "Ja"), ("no", "Nej")], widget=forms.RadioSelect, help_text="Ét svar."
    )
    name = forms.CharField(label="Navn")


def render(form, name):
    return render_to_string("includes/field.html", {"field": form[name]})


def ids_described(html, attribute_owner):
    match = re.search(rf'<{attribute_owner}[^>]*aria-describedby="([^"]+)"', html)
    assert match, html
    return match[1].split()


def test_a_checkbox_shows_its_hint_and_error_and_names_both():
    form = ExampleForm(data={})
    assert not form.is_valid()
    html = render(form, "agree")
    assert 'class="form-group form-error"' in html
    assert '<span class="form-hint" id="id_agree-hint">Kræves før start.</span>' in html
    assert 'id="id_agree-error"' in html and "Dette felt er påkrævet." in html
    assert ids_described(html, "input") == ["id_agree-hint", "id_agree-error"]
    assert 'aria-invalid="true"' in html
    # DKFDS: the hint follows the checkbox's label inside form-group-checkbox.
    assert re.search(r'class="form-checkbox".*?</label>\s*<span class="form-hint"', html, re.S)


def test_a_valid_checkbox_shows_its_hint_without_error():
    form = ExampleForm(data={"agree": "on", "methods": ["cti"], "answer": "yes", "name": "x"})
    assert form.is_valid()
    html = render(form, "agree")
    assert "form-error" not in html and "aria-invalid" not in html
    assert ids_described(html, "input") == ["id_agree-hint"]
    assert " checked" in html


def test_a_checkbox_group_is_a_fieldset_with_legend_hint_and_error():
    form = ExampleForm(data={"agree": "on", "methods": ["nope"]})
    form.is_valid()
    html = render(form, "methods")
    assert "<legend" in html and "Metoder" in html
    assert ids_described(html, "fieldset") == ["id_methods-hint", "id_methods-error"]
    assert 'id="id_methods-hint"' in html and 'id="id_methods-error"' in html
    assert html.count('type="checkbox"') == 2 and html.count('aria-invalid="true"') == 2
    assert 'id="id_methods_0"' in html and 'for="id_methods_0"' in html


def test_a_radio_group_shows_its_hint_and_error():
    form = ExampleForm(data={})
    form.is_valid()
    html = render(form, "answer")
    assert ids_described(html, "fieldset") == ["id_answer-hint", "id_answer-error"]
    assert html.count('type="radio"') == 2 and 'class="form-group-radio"' in html


def test_a_text_field_with_an_error_is_marked_invalid():
    form = ExampleForm(data={})
    form.is_valid()
    html = render(form, "name")
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_name-error"' in html


class SelectForm(forms.Form):
    flat = forms.ChoiceField(label="Flad", choices=[("", "Alle"), ("a&b", 'A "og" <B>'), ("c", "C")])
    grouped = forms.ChoiceField(
        label="Grupperet",
        choices=[("", "Ingen"), ("Team <1>", [("1", "Anna"), ("2", "Bo")]), ("Team 2", [("3", "Cecilie")])],
    )


def test_a_selects_options_are_escaped_grouped_and_marked_selected():
    html = render(SelectForm(data={"flat": "a&b", "grouped": "3"}), "flat")
    assert '<option value="a&amp;b" selected>A &quot;og&quot; &lt;B&gt;</option>' in html
    assert '<option value="" >' not in html and '<option value="">Alle</option>' in html
    html = render(SelectForm(data={"flat": "", "grouped": "3"}), "grouped")
    assert (
        '<optgroup label="Team &lt;1&gt;"><option value="1">Anna</option><option value="2">Bo</option></optgroup>'
        in html
    )
    assert '<optgroup label="Team 2"><option value="3" selected>Cecilie</option></optgroup>' in html
    assert html.count("<option") == 4
