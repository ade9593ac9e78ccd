"""Anonymity of the citizens' questionnaires (Brief INSPIRE, WHO-5): the one rule for whether a group's
result may be shown, used by the results page, the PDF and the xlsx alike (through selectors.survey_trend).

A group's mean is shown only when at least ``min_group`` answers carry a score. An answer without a score
(Brief INSPIRE with every item "Ikke relevant for mig") says nothing about the group, so it does not count
towards the threshold: four such answers and one real one would otherwise show that one citizen's own
score. Below the threshold the count of scored answers is shown, never a score. Pure: no Django import.
"""

from statistics import mean


def group_summary(scores: list[float | None], *, min_group: int) -> dict:
    """{"n": answers with a score, "shown": whether the mean may be shown, "mean": the mean or None}."""
    given = [s for s in scores if s is not None]
    n = len(given)
    if n < max(min_group, 1):
        return {"n": n, "shown": False, "mean": None}
    return {"n": n, "shown": True, "mean": round(mean(given), 1)}
