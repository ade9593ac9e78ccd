"""The eight Housing First core principles an initiative may serve, read from the fidelity form's own data
(fidelity/forms/*.json, Socialstyrelsens manual, seed 004 ch. 2 and Bilag 1), so the list exists once."""

from functools import cache

from fidelity import formdata


@cache
def principles() -> tuple[tuple[int, str], ...]:
    """(number, title) of each principle, by number (1-8)."""
    data = formdata.read()
    found = {p["number"]: p["title"] for t in data["themes"] for p in t["principles"]}
    return tuple(sorted(found.items()))


def title(number: int) -> str:
    return dict(principles()).get(number, str(number))


def numbers() -> set[int]:
    return {n for n, _ in principles()}
