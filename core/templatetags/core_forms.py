"""Template helpers for form fields."""

import html

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def option_groups(bound_field) -> list[tuple[str | None, list[tuple[str, str, bool]]]]:
    """A select's choices as (group label or None, [(value, label, selected)]), so grouped choices
    render as <optgroup> and flat ones as plain options."""
    current = bound_field.value()
    chosen = (
        {str(v) for v in current}
        if isinstance(current, list | tuple)
        else {str(current) if current is not None else ""}
    )
    groups: list[tuple[str | None, list]] = []
    for value, label in bound_field.field.choices:
        if isinstance(label, list | tuple):
            groups.append((str(value), [(str(v), str(lab), str(v) in chosen) for v, lab in label]))
        elif groups and groups[-1][0] is None:
            groups[-1][1].append((str(value), str(label), str(value) in chosen))
        else:
            groups.append((None, [(str(value), str(label), str(value) in chosen)]))
    return groups


@register.filter
def select_options(bound_field) -> str:
    """A select's <optgroup>s and <option>s (``option_groups``), written in Python with escaping: a select of
    a large municipality's workers has hundreds of options, and the template language spent about 30 µs
    on each."""
    out = []
    for group, options in option_groups(bound_field):
        if group is not None:
            out.append(f'<optgroup label="{_escape(group)}">')
        for value, label, selected in options:
            out.append(
                f'<option value="{_escape(value)}"{" selected" if selected else ""}>{_escape(label)}</option>'
            )
        if group is not None:
            out.append("</optgroup>")
    return mark_safe("".join(out))  # noqa: S308 - every value and label is escaped above


def _escape(value: str) -> str:
    return html.escape(value, quote=True)
