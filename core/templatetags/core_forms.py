"""Template helpers for form fields."""

from django import template

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
