"""CPR rules (people/cpr.py): format, real dates, the century rule, modulus 11 and masking."""

from datetime import date

import pytest

from people import cpr


def test_parse_accepts_ten_digits_with_or_without_dash():
    assert cpr.parse("010190-1233").digits == "0101901233"
    assert cpr.parse("0101901233").digits == "0101901233"


def test_parse_strips_surrounding_whitespace():
    assert cpr.parse("  010190-1233 ").formatted == "010190-1233"


@pytest.mark.parametrize(
    "text", ["", "12345", "01019-01233", "01-01-90-1233", "010190/1233", "abcdef-ghij", "010190-12345"]
)
def test_parse_refuses_wrong_format_with_danish_message(text):
    with pytest.raises(cpr.CprError, match="DDMMÅÅ-XXXX"):
        cpr.parse(text)


@pytest.mark.parametrize("text", ["310290-1233", "320190-1233", "011390-1233", "000190-1233", "310490-1233"])
def test_parse_refuses_a_date_that_does_not_exist(text):
    with pytest.raises(cpr.CprError, match="rigtig dato"):
        cpr.parse(text)


def test_29_february_2000_is_real_when_seventh_digit_gives_the_2000s():
    # 7th digit 4 with year 00-36: born 2000, a leap year.
    assert cpr.parse("290200-4001").birth_date == date(2000, 2, 29)


def test_29_february_1900_is_refused_when_seventh_digit_gives_the_1900s():
    # 7th digit 0-3: born 1900, which was not a leap year.
    with pytest.raises(cpr.CprError):
        cpr.parse("290200-1001")


def test_29_february_1858_is_refused_when_seventh_digit_gives_the_1800s():
    # 7th digit 5-8 with year 58-99: born in the 1800s; 1858 was not a leap year.
    with pytest.raises(cpr.CprError):
        cpr.parse("290258-5001")


def test_29_february_1896_is_real_when_seventh_digit_gives_the_1800s():
    assert cpr.parse("290296-5001").birth_date == date(1896, 2, 29)


@pytest.mark.parametrize(
    "year2, seventh, expected",
    [
        (90, 0, 1900),
        (10, 3, 1900),
        (36, 4, 2000),
        (37, 4, 1900),
        (36, 9, 2000),
        (37, 9, 1900),
        (57, 5, 2000),
        (58, 5, 1800),
        (0, 8, 2000),
        (99, 8, 1800),
    ],
)
def test_century_follows_the_seventh_digit_rule(year2, seventh, expected):
    assert cpr.century(year2, seventh) == expected


def test_birth_date_uses_the_century_rule():
    assert cpr.parse("010110-4001").birth_date == date(2010, 1, 1)
    assert cpr.parse("010160-4001").birth_date == date(1960, 1, 1)
    assert cpr.parse("010160-5001").birth_date == date(1860, 1, 1)


def test_a_number_failing_modulus_11_is_still_accepted():
    # Numbers issued since 2007 may fail the check; it must never be a reason to refuse.
    parsed = cpr.parse("010190-1234")
    assert parsed.passes_modulus11 is False
    assert parsed.digits == "0101901234"


def test_modulus_11_is_reported_for_a_number_that_passes():
    assert cpr.passes_modulus11("0101901238") is True


def test_mask_shows_the_birth_date_part_only():
    assert cpr.mask("0101901234") == "010190-XXXX"
    assert cpr.mask("010190-1234") == "010190-XXXX"
    assert cpr.parse("0101901234").masked == "010190-XXXX"


def test_mask_of_nothing_is_empty():
    assert cpr.mask("") == ""
    assert cpr.mask(None) == ""


def test_a_birth_date_in_the_future_is_refused():
    with pytest.raises(cpr.CprError, match="fremtiden"):
        cpr.parse("010130-4001", today=date(2025, 6, 1))  # born 1 January 2030


def test_a_birth_date_of_today_is_accepted():
    assert cpr.parse("010625-4001", today=date(2025, 6, 1)).birth_date == date(2025, 6, 1)


def test_looks_like_cpr_tells_a_number_from_a_name():
    assert cpr.looks_like_cpr("010190-1234")
    assert not cpr.looks_like_cpr("Jens Hansen")
