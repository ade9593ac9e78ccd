from django import template

register = template.Library()


@register.filter
def age_today(person, today):
    return person.age_on(today)


@register.filter
def days_until(start, today):
    return (today - start).days if start else ""
