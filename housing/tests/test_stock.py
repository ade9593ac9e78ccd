from collections import Counter

from housing import stock

LIMITS, ROOMS = [3500, 4500], [1, 2, 3]


def test_bands_split_at_the_limits_and_end_open():
    b = stock.bands(LIMITS)
    assert [(x.low, x.high) for x in b] == [(0, 3500), (3501, 4500), (4501, None)]
    assert (
        stock.band_of(3500, b).index == 0
        and stock.band_of(3501, b).index == 1
        and stock.band_of(9000, b).index == 2
    )


def test_room_group_puts_large_homes_in_the_last_group_and_unknown_need_in_the_first():
    assert stock.room_group(5, ROOMS) == 3
    assert stock.room_group(None, ROOMS) == 1


def test_a_move_out_and_move_in_the_same_year_is_one_vacancy():
    counts = stock.vacancies_per_unit_year(starts=[(1, 2024)], ends=[(1, 2024)], vacancies=[(1, 2024)])
    assert counts == Counter({(1, 2024): 1})


def test_waiting_time_shares_cheap_homes_with_everyone_who_can_pay_them():
    units = [stock.UnitRow(1, 3000, 1, "Almen", "By"), stock.UnitRow(2, 4000, 1, "Almen", "By")]
    # 2 vacancies a year in the cheap home, 1 in the dearer one, over 2 years.
    vac = Counter({(1, 2023): 2, (1, 2024): 2, (2, 2023): 1, (2, 2024): 1})
    applicants = [stock.Applicant(3000, 1)] * 4 + [stock.Applicant(4000, 1)] * 2
    result = stock.analyse(
        units=units,
        unit_year_vacancies=vac,
        applicants=applicants,
        years=[2023, 2024],
        limits=LIMITS,
        room_groups=ROOMS,
        threshold=3500,
    )
    one_room = [g for g in result["groups"] if g["rooms"] == "1 vær."]
    cheap, dear, top = one_room
    assert (cheap["vacancies_per_year"], cheap["applicants"], cheap["waiting_years"]) == (2.0, 4, 2.0)
    # 4 + 2 applicants share 2 + 1 vacancies a year: 2 years.
    assert (dear["vacancies_per_year"], dear["applicants"], dear["waiting_years"]) == (1.0, 2, 2.0)
    assert top["waiting_years"] == 2.0 and top["applicants"] == 0
    assert cheap["can_afford"] == 6 and dear["can_afford"] == 2


def test_threshold_figures_count_homes_and_people_at_or_below_it():
    units = [stock.UnitRow(i, 3500 if i < 3 else 5000, 2, "Almen", "") for i in range(5)]
    vac = Counter({(0, 2024): 1, (4, 2024): 1})
    result = stock.analyse(
        units=units,
        unit_year_vacancies=vac,
        applicants=[stock.Applicant(3000, 2), stock.Applicant(3600, 2)],
        years=[2024],
        limits=LIMITS,
        room_groups=ROOMS,
        threshold=3500,
    )
    assert result["units_at_threshold"] == 3
    assert result["vacancies_at_threshold_per_year"] == 1.0
    assert result["applicants_at_threshold"] == 1
    assert result["applicants_can_afford_threshold_home"] == 1
    assert result["per_year"] == [(2024, 2)]


def test_no_vacancies_gives_no_finite_waiting_time():
    result = stock.analyse(
        units=[stock.UnitRow(1, 3000, 1, "A", "")],
        unit_year_vacancies=Counter(),
        applicants=[stock.Applicant(3000, 1)],
        years=[2024],
        limits=LIMITS,
        room_groups=ROOMS,
        threshold=3500,
    )
    assert result["groups"][0]["waiting_years"] is None and result["groups"][0]["queue"] == 1


def test_nobody_queued_gives_no_waiting_time():
    result = stock.analyse(
        units=[stock.UnitRow(1, 3000, 3, "A", "")],
        unit_year_vacancies=Counter({(1, 2024): 1}),
        applicants=[],
        years=[2024],
        limits=LIMITS,
        room_groups=ROOMS,
        threshold=3500,
    )
    assert all(g["waiting_years"] is None and g["queue"] == 0 for g in result["groups"])
