"""WHO-5 Trivselsindeks (pure): items and options as on the Danish form, parse, score 0-100, the change
between shown quarters; and the registry that picks a questionnaire by its instrument key."""

import ast
from pathlib import Path

import pytest

from fidelity import anonymity, inspire, instruments, who5


def test_who5_has_the_five_items_and_six_options_of_the_danish_form():
    assert who5.INTRO == "I de sidste 2 uger …"
    assert [i.text for i in who5.ITEMS] == [
        "… har jeg været glad og i godt humør",
        "… har jeg følt mig rolig og afslappet",
        "… har jeg følt mig aktiv og energisk",
        "… er jeg vågnet frisk og udhvilet",
        "… har min dagligdag været fyldt med ting der interesserer mig",
    ]
    assert who5.OPTIONS == (
        ("5", "Hele tiden"),
        ("4", "Det meste af tiden"),
        ("3", "Lidt mere end halvdelen af tiden"),
        ("2", "Lidt mindre end halvdelen af tiden"),
        ("1", "Lidt af tiden"),
        ("0", "På intet tidspunkt"),
    )


def test_each_item_reads_as_a_whole_sentence_for_a_screen_reader():
    assert who5.ITEMS[3].sentence == "I de sidste 2 uger er jeg vågnet frisk og udhvilet"


def test_all_five_is_100_and_all_zero_is_0():
    assert who5.score(who5.parse({i.key: "5" for i in who5.ITEMS})) == 100
    assert who5.score(who5.parse({i.key: "0" for i in who5.ITEMS})) == 0


def test_score_is_the_raw_sum_times_four():
    answers = who5.parse(dict(zip([i.key for i in who5.ITEMS], ["3", "2", "4", "1", "3"])))
    assert answers == {"cheerful": 3, "calm": 2, "active": 4, "rested": 1, "interested": 3}
    assert who5.score(answers) == 52  # 13 x 4


def test_a_missing_item_raises_naming_the_item_number():
    raw = {i.key: "3" for i in who5.ITEMS}
    del raw["rested"]
    with pytest.raises(ValueError, match='udsagn 4: "… er jeg vågnet frisk og udhvilet"'):
        who5.parse(raw)


@pytest.mark.parametrize("value", ["6", "-1", "na", "2.5", "fem"])
def test_a_value_outside_0_to_5_is_refused(value):
    raw = {i.key: "3" for i in who5.ITEMS} | {"calm": value}
    with pytest.raises(ValueError, match="udsagn 2"):
        who5.parse(raw)


def test_no_score_without_all_five_items():
    assert who5.score({"cheerful": 5, "calm": 5, "active": 5, "rested": 5}) is None
    assert who5.score({i.key: 6 for i in who5.ITEMS}) is None


def test_no_questionnaire_has_its_own_anonymity_rule():
    # one rule (fidelity/anonymity.py) for every questionnaire and every output
    assert not hasattr(who5, "group_summary") and not hasattr(inspire, "group_summary")
    assert anonymity.group_summary([40, 60, 80, 20], min_group=5) == {"n": 4, "shown": False, "mean": None}
    assert anonymity.group_summary([40, 60, 80, 20, 100], min_group=5) == {
        "n": 5,
        "shown": True,
        "mean": 60.0,
    }


def test_change_only_between_two_shown_quarters():
    shown = {"n": 5, "shown": True, "mean": 48.0}
    assert who5.change(shown, {"n": 6, "shown": True, "mean": 60.8}) == 12.8
    assert who5.change({"n": 3, "shown": False, "mean": None}, shown) is None
    assert who5.change(shown, {"n": 2, "shown": False, "mean": None}) is None
    assert who5.change({}, shown) is None


def test_the_registry_picks_the_module_by_instrument_key():
    assert instruments.module("brief_inspire") is inspire
    assert instruments.module("who5") is who5
    with pytest.raises(KeyError):
        instruments.module("phq9")


@pytest.mark.parametrize("name", ["who5.py", "instruments.py", "inspire.py", "anonymity.py"])
def test_the_questionnaire_modules_import_no_django(name):
    tree = ast.parse((Path(instruments.__file__).parent / name).read_text())
    imported = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not [m for m in imported if m.split(".")[0] == "django"]
