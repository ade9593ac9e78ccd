def csv_bytes(rows: list[list[str]], *, delimiter=";", encoding="utf-8-sig") -> bytes:
    return "\r\n".join(delimiter.join(r) for r in rows).encode(encoding) + b"\r\n"


HEADER = [
    "Fornavn",
    "Efternavn",
    "CPR",
    "Situation",
    "Situation fra",
    "Sted",
    "Husleje (kr./md.)",
    "Ønskede områder",
]
