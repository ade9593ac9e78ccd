from django import template

from fidelity.forms import quarter_label as label

register = template.Library()


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def score(value):
    """A Score as '4,25 (3 af 4 besvaret)'; no answer is 'mangler', never 0."""
    if value is None or value.value is None:
        return "mangler"
    text = f"{value.value:.2f}".replace(".", ",")
    return text if value.missing == 0 else f"{text} ({value.answered} af {value.total} besvaret)"


@register.filter
def answer_label(value, scale):
    if value is None:
        return "mangler"
    return next((f"{o['label']} ({o['value']})" for o in scale if o["value"] == value), str(value))


@register.filter
def quarter_label(quarter):
    """'4. kvartal 2026' in the active language ('Q4 2026' in English); Quarter.label is the pure Danish form."""
    if quarter is None or not hasattr(quarter, "number") or not hasattr(quarter, "year"):
        return getattr(quarter, "label", quarter)
    return label(quarter)
