"""Configuration read one way (core/conf.py): a municipality's own value, then the installation's
override in settings.HF, then the app's default; and nothing outside the apps' conf.py reads settings.HF."""

import ast
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings as django_settings

from core.conf import AppSettings

DEFAULTS = {"DAYS": 90, "LIMITS": {"a": 1, "b": 2}, "SHOWN": 3}


def test_the_default_then_the_installations_override(settings):
    value = AppSettings("DEMOAPP", DEFAULTS)
    assert value("DAYS") == 90
    settings.HF = {**settings.HF, "DEMOAPP": {"DAYS": 30}}
    assert value("DAYS") == 30 and value("SHOWN") == 3


def test_a_dict_is_replaced_whole_unless_the_app_merges_key_by_key(settings):
    settings.HF = {**settings.HF, "DEMOAPP": {"LIMITS": {"a": 5}}}
    assert AppSettings("DEMOAPP", DEFAULTS)("LIMITS") == {"a": 5}
    assert AppSettings("DEMOAPP", DEFAULTS, merge_dicts=True)("LIMITS") == {"a": 5, "b": 2}


def test_a_municipalitys_own_value_wins_only_where_allowed(settings):
    settings.HF = {**settings.HF, "DEMOAPP": {"DAYS": 30}}
    value = AppSettings("DEMOAPP", DEFAULTS, per_municipality={"DAYS"})
    assert value("DAYS", municipality=SimpleNamespace(days=14)) == 14
    assert value("DAYS", municipality=SimpleNamespace(days=None)) == 30
    assert AppSettings("DEMOAPP", DEFAULTS)("DAYS", municipality=SimpleNamespace(days=14)) == 30


def test_a_name_without_a_default_is_an_error():
    with pytest.raises(KeyError):
        AppSettings("DEMOAPP", DEFAULTS)("DAYS_TYPO")
    with pytest.raises(ValueError):
        AppSettings("DEMOAPP", DEFAULTS, per_municipality={"NOPE"})


def test_every_override_in_the_settings_names_a_setting_that_exists():
    """Every section of settings.HF belongs to an app's reader (its conf.py) and names only its settings."""
    from importlib import import_module
    from importlib.util import find_spec

    from django.apps import apps

    known = {}
    for config in apps.get_app_configs():
        if find_spec(f"{config.name}.conf") is None:
            continue
        for reader in vars(import_module(f"{config.name}.conf")).values():
            if isinstance(reader, AppSettings):
                known[reader.app] = reader.defaults
    assert {"PEOPLE", "FIGURES", "STEERING", "COUNT"} <= set(known)
    for app, overrides in django_settings.HF.items():
        assert app in known, app
        assert set(overrides) <= set(known[app]), (app, set(overrides) - set(known[app]))


def reads_settings_hf(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Attribute)
            and node.attr == "HF"
            and getattr(node.value, "id", "") == "settings"
        ):
            return True
    return False


def test_only_core_conf_reads_settings_hf():
    """Every app reads its settings through its conf.py, built on core.conf.AppSettings (tests may override)."""
    root = Path(django_settings.BASE_DIR)
    readers = {
        str(path.relative_to(root))
        for path in root.glob("*/**/*.py")
        if path.relative_to(root).parts[0] not in {".venv", "node_modules", "config"}
        and "tests" not in path.parts
        and reads_settings_hf(path)
    }
    assert readers == {"core/conf.py"}
