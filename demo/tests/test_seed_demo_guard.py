"""seed_demo deletes the demo municipalities' people, logs and users and creates users with the published
demo password, so it runs only on a database the settings call a demo database (issue 9, item 21)."""

import importlib
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django_scopes import scopes_disabled

from accounts.models import User
from demo.loader import DEMO_PASSWORD, NotADemoDatabase, ensure_demo_database
from people.models import Person

pytestmark = pytest.mark.django_db

PRODUCTION = {"HF_DEMO_DATABASE": False, "SETTINGS_MODULE": "config.settings.production"}


@pytest.fixture
def real_person(municipality_a, users_a):
    """A real citizen in Frederikssund (0250), one of the demo's municipality codes."""
    with scopes_disabled():
        return Person.objects.create(municipality=municipality_a, first_name="Rigtig", last_name="Borger")


def _people():
    with scopes_disabled():
        return list(Person.objects.values_list("pk", "first_name"))


@pytest.mark.parametrize("flag", [[], ["--i-know-this-deletes-data"]])
def test_seed_demo_refuses_under_production_settings_and_leaves_people_untouched(real_person, flag):
    before, users = _people(), set(User.objects.values_list("username", flat=True))
    with override_settings(**PRODUCTION), pytest.raises(CommandError) as refused:
        call_command("seed_demo", *flag, stdout=StringIO())
    assert "Demodata indlæses ikke: Indstillingerne er produktionsindstillinger" in str(refused.value)
    assert _people() == before and (real_person.pk, "Rigtig") in before
    assert set(User.objects.values_list("username", flat=True)) == users
    assert not any(u.check_password(DEMO_PASSWORD) for u in User.objects.all())


def test_seed_demo_refuses_a_database_not_marked_as_demo(real_person):
    before = _people()
    with override_settings(HF_DEMO_DATABASE=False, SETTINGS_MODULE="config.settings.staging"):
        with pytest.raises(CommandError, match="ikke markeret som demodatabase.*--i-know-this-deletes-data"):
            call_command("seed_demo", stdout=StringIO())
    assert _people() == before


def test_the_explicit_confirmation_opens_only_settings_that_are_not_production():
    with override_settings(HF_DEMO_DATABASE=False, SETTINGS_MODULE="config.settings.staging"):
        ensure_demo_database(deletes_data_confirmed=True)  # no error
        with pytest.raises(NotADemoDatabase):
            ensure_demo_database()
    with override_settings(**PRODUCTION), pytest.raises(NotADemoDatabase):
        ensure_demo_database(deletes_data_confirmed=True)


def test_only_the_local_and_test_settings_mark_a_demo_database(monkeypatch):
    for name in ("SECRET_KEY", "CPR_ENCRYPTION_KEY", "CPR_HASH_KEY"):
        monkeypatch.setenv(name, "x" * 44)
    monkeypatch.delitem(sys.modules, "config.settings.production", raising=False)
    production = importlib.import_module("config.settings.production")
    assert production.HF_DEMO_DATABASE is False
    assert importlib.import_module("config.settings.base").HF_DEMO_DATABASE is False
    assert importlib.import_module("config.settings.local").HF_DEMO_DATABASE is True
    assert importlib.import_module("config.settings.test").HF_DEMO_DATABASE is True
