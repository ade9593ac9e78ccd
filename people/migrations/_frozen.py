"""Frozen copies of what the people app's data migrations run (the monthly flow triggers and rebuild of
0002, the search name of 0006), as they were when written: a migration must not change when today's
application code does. Not a migration (the loader skips modules whose names start with "_")."""

import unicodedata

ACTIVE = ("newly_identified", "returned_from_housing", "returned_from_inactive")
_IN = "(" + ", ".join(f"'{s}'" for s in ACTIVE) + ")"


def _inflow(row: str) -> str:
    return f"CASE WHEN {row}.status IN {_IN} THEN 1 ELSE 0 END"


def _outflow(row: str) -> str:
    return f"CASE WHEN {row}.previous_status IN {_IN} AND {row}.status NOT IN {_IN} THEN 1 ELSE 0 END"


def _month(vendor: str, expr: str) -> str:
    if vendor == "postgresql":
        return f"CAST(date_trunc('month', {expr}) AS date)"
    return f"date({expr}, 'start of month')"


def trigger_sql(vendor: str) -> list[str]:
    if vendor == "postgresql":
        return [
            f"""
CREATE OR REPLACE FUNCTION people_statuschange_rollup() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE people_monthlyflow SET inflow = inflow - {_inflow("OLD")}, outflow = outflow - {_outflow("OLD")},
      changes = changes - 1
    WHERE municipality_id = OLD.municipality_id AND month = {_month(vendor, "OLD.changed_on")};
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO people_monthlyflow (municipality_id, month, inflow, outflow, changes)
    VALUES (NEW.municipality_id, {_month(vendor, "NEW.changed_on")}, {_inflow("NEW")}, {_outflow("NEW")}, 1)
    ON CONFLICT (municipality_id, month) DO UPDATE
      SET inflow = people_monthlyflow.inflow + EXCLUDED.inflow, outflow = people_monthlyflow.outflow + EXCLUDED.outflow,
          changes = people_monthlyflow.changes + 1;
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;""",
            "DROP TRIGGER IF EXISTS people_statuschange_rollup ON people_statuschange;",
            """CREATE TRIGGER people_statuschange_rollup AFTER INSERT OR UPDATE OR DELETE ON people_statuschange
               FOR EACH ROW EXECUTE FUNCTION people_statuschange_rollup();""",
        ]

    def upsert(row):
        return f"""INSERT INTO people_monthlyflow (municipality_id, month, inflow, outflow, changes)
        VALUES ({row}.municipality_id, {_month(vendor, row + ".changed_on")}, {_inflow(row)}, {_outflow(row)}, 1)
        ON CONFLICT (municipality_id, month) DO UPDATE
          SET inflow = inflow + excluded.inflow, outflow = outflow + excluded.outflow, changes = changes + 1;"""

    def subtract(row):
        return f"""UPDATE people_monthlyflow SET inflow = inflow - {_inflow(row)}, outflow = outflow - {_outflow(row)},
          changes = changes - 1
        WHERE municipality_id = {row}.municipality_id AND month = {_month(vendor, row + ".changed_on")};"""

    return [
        "DROP TRIGGER IF EXISTS people_statuschange_rollup_ins;",
        "DROP TRIGGER IF EXISTS people_statuschange_rollup_del;",
        "DROP TRIGGER IF EXISTS people_statuschange_rollup_upd;",
        f"CREATE TRIGGER people_statuschange_rollup_ins AFTER INSERT ON people_statuschange BEGIN {upsert('NEW')} END;",
        f"CREATE TRIGGER people_statuschange_rollup_del AFTER DELETE ON people_statuschange BEGIN {subtract('OLD')} END;",
        f"CREATE TRIGGER people_statuschange_rollup_upd AFTER UPDATE ON people_statuschange BEGIN {subtract('OLD')} {upsert('NEW')} END;",
    ]


def drop_sql(vendor: str) -> list[str]:
    if vendor == "postgresql":
        return [
            "DROP TRIGGER IF EXISTS people_statuschange_rollup ON people_statuschange;",
            "DROP FUNCTION IF EXISTS people_statuschange_rollup();",
        ]
    return [f"DROP TRIGGER IF EXISTS people_statuschange_rollup_{k};" for k in ("ins", "del", "upd")]


def monthly_flow_rebuild(connection, municipality_ids: list[int] | None = None) -> None:
    """Recompute the rollup from the history (after a load that bypassed triggers, e.g. COPY with
    triggers disabled). Runs as system work: wrap in tenants.rls.system_access()."""
    vendor = connection.vendor
    where, params = "", []
    if municipality_ids is not None:
        marks = ", ".join(["%s"] * len(municipality_ids))
        where, params = f" WHERE municipality_id IN ({marks})", list(municipality_ids)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM people_monthlyflow{where}", params)
        cursor.execute(
            f"""INSERT INTO people_monthlyflow (municipality_id, month, inflow, outflow, changes)
                SELECT municipality_id, {_month(vendor, "changed_on")}, SUM({_inflow("sc")}), SUM({_outflow("sc")}), COUNT(*)
                FROM people_statuschange sc{where} GROUP BY 1, 2""",
            params,
        )


def fold(text: str) -> str:
    """A name as the search compares it."""
    text = (text or "").lower()
    text = text.replace("ø", "o").replace("oe", "o").replace("æ", "ae").replace("å", "aa")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = "".join(c if c.isalnum() else " " for c in text)
    return " ".join(text.split())


def search_name(first_name: str, last_name: str, initials: str) -> str:
    """The stored search key of a person: folded names and initials, with spaces at both ends so a
    term can also be matched from the start of a word."""
    return f" {fold(' '.join(filter(None, [first_name, last_name, initials])))} "[:250]


def name_key(first_name: str, last_name: str) -> str:
    """The name possible duplicates are grouped on (people/quality.py, frozen here for migration 0008)."""
    return " ".join(sorted(fold(f"{first_name or ''} {last_name or ''}").split()))[:250]
