"""Writes mark the figures that depend on them stale (figures/registry.py connects each dependency)."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from . import registry, services


def watch(label: str) -> None:
    model = apps.get_model(label)
    post_save.connect(_saved, sender=model, dispatch_uid=f"figures_save_{label}")
    post_delete.connect(_deleted, sender=model, dispatch_uid=f"figures_delete_{label}")


def _label(sender) -> str:
    return sender._meta.label


def _saved(sender, instance, created=False, update_fields=None, **kwargs):
    _mark(instance, registry.keys_for(_label(sender), None if created else update_fields))


def _deleted(sender, instance, **kwargs):
    _mark(instance, registry.keys_for(_label(sender)))


def _mark(instance, keys):
    municipality_id = getattr(instance, "municipality_id", None)
    if keys and municipality_id:
        services.mark_stale(municipality_id, keys=keys)
