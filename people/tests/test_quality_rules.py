"""The by-name list quality rules (people/quality.py): plain functions, no database."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from people.quality import (
    ListPerson,
    inactivity_cutoff,
    is_without_update,
    name_key,
    possible_duplicates,
    share,
    silent_shelters,
)

TODAY = date(2025, 6, 30)


def test_name_key_folds_danish_letters_accents_and_case():
    assert name_key("Søren", "Ærø") == name_key("soeren", "aeroe") == name_key("SOREN", "Aero")
    assert name_key("José", "Hansen") == name_key("Jose", "hansen") == "hansen jose"


def test_name_key_ignores_word_order_and_spacing():
    assert name_key("Hansen", "Jens") == name_key(" Jens ", "Hansen") == "hansen jens"
    assert name_key("Jens Peter", "Hansen") == name_key("Peter", "Hansen-Jens") == "hansen jens peter"


def test_name_key_is_empty_for_a_person_known_by_initials_only():
    assert name_key("", "") == ""


def test_inactivity_cutoff_is_the_daily_jobs_rule():
    assert inactivity_cutoff(TODAY, 90) == date(2025, 4, 1)
    assert is_without_update(date(2025, 4, 1), today=TODAY, after_days=90)  # exactly 90 days: due
    assert not is_without_update(date(2025, 4, 2), today=TODAY, after_days=90)  # 89 days
    assert is_without_update(None, today=TODAY, after_days=90)  # never any activity


def test_duplicates_need_the_same_name_and_birth_year():
    people = [
        ListPerson(1, "hansen jens", 1980, False),
        ListPerson(2, "hansen jens", 1980, False),
        ListPerson(3, "hansen jens", 1981, False),  # another birth year
        ListPerson(4, "hansen jens", None, False),  # no birth year: only with others without one
        ListPerson(5, "hansen jens", None, True),
        ListPerson(6, "", None, False),  # initials only
        ListPerson(7, "", None, False),
    ]
    assert possible_duplicates(people) == {1, 2, 4, 5}


def test_people_who_all_have_a_cpr_number_are_not_duplicates():
    two_cprs = [ListPerson(1, "hansen jens", 1980, True), ListPerson(2, "hansen jens", 1980, True)]
    assert possible_duplicates(two_cprs) == set()
    # A third without a CPR number may be either of them: all three are shown.
    assert possible_duplicates([*two_cprs, ListPerson(3, "hansen jens", 1980, False)]) == {1, 2, 3}


def test_a_shelter_is_silent_after_n_days_without_a_reported_stay():
    reports = [
        ("Forsorgshjemmet", date(2025, 5, 31), 4),  # 30 days ago
        ("Herberget", date(2025, 6, 1), 2),  # 29 days ago
    ]
    silent = silent_shelters(reports, today=TODAY, silent_after_days=30)
    assert [(s.name, s.last_report, s.days_silent) for s in silent] == [
        ("Forsorgshjemmet", date(2025, 5, 31), 30)
    ]


def test_spellings_of_one_shelter_are_one_shelter_with_the_latest_report():
    reports = [
        ("Forsorgshjemmet", date(2025, 1, 10), 5),
        ("forsorgshjemmet ", date(2025, 6, 20), 1),  # reported 10 days ago: the shelter is not silent
        ("Kirkens Korshærs Herberg", date(2025, 3, 1), 3),
        ("kirkens korshaers herberg", date(2025, 2, 1), 1),
        ("  ", date(2025, 1, 1), 1),  # no place: no shelter
    ]
    silent = silent_shelters(reports, today=TODAY, silent_after_days=30)
    assert len(silent) == 1
    assert silent[0].name == "Kirkens Korshærs Herberg"  # the spelling with the most stays
    assert silent[0].places == ("Kirkens Korshærs Herberg", "kirkens korshaers herberg")
    assert silent[0].last_report == date(2025, 3, 1)


def test_silent_shelters_come_longest_silent_first():
    reports = [("A", date(2025, 5, 1), 1), ("B", date(2025, 3, 1), 1), ("C", date(2025, 4, 1), 1)]
    assert [s.name for s in silent_shelters(reports, today=TODAY, silent_after_days=30)] == ["B", "C", "A"]


def test_share_is_a_percent_of_the_active_list():
    assert share(3, 40) == 7.5
    assert share(1, 3) == 33.3
    assert share(0, 0) is None


people_lists = st.lists(
    st.tuples(st.sampled_from(["", "a b", "b a x", "c"]), st.sampled_from([None, 1980, 1981]), st.booleans()),
    max_size=12,
)


@given(people_lists)
def test_every_duplicate_shares_its_key_with_another_and_a_group_has_someone_without_cpr(rows):
    people = [ListPerson(i, key, year, cpr) for i, (key, year, cpr) in enumerate(rows)]
    found = possible_duplicates(people)
    for p in people:
        same = [o for o in people if o.name_key == p.name_key and o.birth_year == p.birth_year]
        expected = bool(p.name_key) and len(same) > 1 and any(not o.has_cpr for o in same)
        assert (p.id in found) == expected
