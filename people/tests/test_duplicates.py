"""Likely duplicates (people/duplicates.py and selectors.likely_duplicates)."""

from datetime import date

import pytest

from accounts.roles import Role
from people import crypto, selectors
from people.duplicates import Candidate, likely_duplicates, name_similarity, normalise, prefix_variants, score


def cand(id=1, first="Jens", last="Hansen", birth_date=None, birth_year=None, cpr_hash=None):
    return Candidate(id, first, last, birth_date, birth_year, cpr_hash)


def test_the_same_cpr_is_a_certain_match_whatever_the_name():
    assert (
        score(
            first_name="X",
            last_name="Y",
            birth_date=None,
            birth_year=None,
            cpr_hash="h1",
            other=cand(first="Anders", last="And", cpr_hash="h1"),
        )
        == 1.0
    )


def test_danish_letters_and_their_transliterations_are_the_same_name():
    assert normalise("Søren Ærø Åberg") == normalise("Soeren Aeroe Aaberg")
    assert name_similarity("Søren Ærø", "Soeren Aeroe") == 1.0


def test_case_and_punctuation_are_ignored():
    assert name_similarity("JENS-HANSEN", "jens hansen") > 0.9


def test_first_and_last_name_swapped_are_the_same_name():
    assert name_similarity("Hansen Jens", "Jens Hansen") == 1.0


def test_the_same_birth_date_scores_higher_than_a_different_one():
    same = score(
        first_name="Jens",
        last_name="Hansen",
        birth_date=date(1980, 5, 1),
        birth_year=None,
        cpr_hash=None,
        other=cand(birth_date=date(1980, 5, 1)),
    )
    other = score(
        first_name="Jens",
        last_name="Hansen",
        birth_date=date(1980, 5, 1),
        birth_year=None,
        cpr_hash=None,
        other=cand(birth_date=date(1981, 5, 1)),
    )
    assert same == pytest.approx(0.99)
    assert other == pytest.approx(0.6)


def test_a_different_name_and_birth_date_is_not_a_likely_duplicate():
    found = likely_duplicates(
        first_name="Karen",
        last_name="Blixen",
        birth_date=date(1985, 4, 17),
        birth_year=None,
        cpr_hash=None,
        candidates=[cand(birth_date=date(1980, 5, 1))],
    )
    assert found == []


def test_likely_duplicates_are_ranked_best_first():
    candidates = [cand(1, "Jens", "Hansson"), cand(2, "Jens", "Hansen"), cand(3, "Mette", "Frederiksen")]
    found = likely_duplicates(
        first_name="Jens",
        last_name="Hansen",
        birth_date=None,
        birth_year=None,
        cpr_hash=None,
        candidates=candidates,
    )
    assert [c.id for _, c in found] == [2, 1]


# --- selectors.likely_duplicates: the database side, inside the actor's municipality ---


@pytest.mark.django_db
def test_selector_finds_the_same_cpr_as_certain(worker_a, person_factory):
    existing = person_factory(worker_a, first_name="Mads", last_name="Madsen", cpr="010190-1234")
    found = selectors.likely_duplicates(
        worker_a, first_name="Helt", last_name="Andet", birth_date=None, birth_year=None, cpr="0101901234"
    )
    assert [(s, p.pk) for s, p in found] == [(1.0, existing.pk)]


@pytest.mark.django_db
def test_selector_finds_a_name_written_without_danish_letters(worker_a, person_factory):
    existing = person_factory(worker_a, first_name="Søren", last_name="Ærø")
    found = selectors.likely_duplicates(
        worker_a, first_name="Soeren", last_name="Aeroe", birth_date=None, birth_year=None, cpr=""
    )
    assert existing.pk in [p.pk for _, p in found]


@pytest.mark.django_db
def test_selector_finds_a_name_in_swapped_order(worker_a, person_factory):
    existing = person_factory(worker_a, first_name="Jens", last_name="Hansen")
    found = selectors.likely_duplicates(
        worker_a, first_name="Hansen", last_name="Jens", birth_date=None, birth_year=None, cpr=""
    )
    assert existing.pk in [p.pk for _, p in found]


@pytest.mark.django_db
def test_selector_finds_the_same_name_and_birth_date(worker_a, person_factory):
    existing = person_factory(worker_a, first_name="Jens", last_name="Hansen", birth_date=date(1980, 5, 1))
    found = selectors.likely_duplicates(
        worker_a, first_name="Jens", last_name="Hansen", birth_date=date(1980, 5, 1), birth_year=None, cpr=""
    )
    assert found[0][1].pk == existing.pk
    assert found[0][0] >= 0.95


@pytest.mark.django_db
def test_selector_never_finds_people_of_another_municipality(worker_a, worker_b, person_factory):
    person_factory(worker_b, first_name="Jens", last_name="Hansen", cpr="010190-1234")
    found = selectors.likely_duplicates(
        worker_a, first_name="Jens", last_name="Hansen", birth_date=None, birth_year=None, cpr="010190-1234"
    )
    assert found == []


@pytest.mark.django_db
def test_selector_does_not_reveal_a_protected_person_to_a_non_own_worker(
    users_a, municipality_a, worker_a, actor_factory, person_factory
):
    person_factory(worker_a, first_name="Jens", last_name="Hansen", protected=True)
    other = actor_factory(users_a[Role.SUPPORT_WORKER], municipality_a, Role.SUPPORT_WORKER)
    found = selectors.likely_duplicates(
        other, first_name="Jens", last_name="Hansen", birth_date=None, birth_year=None, cpr=""
    )
    assert found == []


def test_prefix_variants_cover_danish_letters_both_ways():
    assert {"Sø", "So"} <= prefix_variants("Soeren")
    assert {"Ær", "Ae"} <= prefix_variants("Ærø")


def test_keyed_hash_is_what_the_selector_compares(settings):
    assert crypto.keyed_hash("0101901234") == crypto.keyed_hash("0101901234")
    assert crypto.keyed_hash("0101901234") != crypto.keyed_hash("0101901235")
