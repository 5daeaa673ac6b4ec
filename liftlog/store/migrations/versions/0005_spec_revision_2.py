"""SPEC revision 2: set kinds, supersets, workout end times, import batches, runs.

- `workout.ended_at`: when a session ended, where the file or the app knows it.
- `workout_set.superset`: the group label of sets done as a superset (Hevy's
  `superset_id`); the set kinds `drop` and `failure` need no column (`kind` is text).
- `import_batch`: one row per import (file, hash, format, unit read, counts), and a batch
  id on every workout, set and exercise an import added, so `liftlog imports undo` can
  remove exactly what it added. Plain integer columns: SQLite adds a column with a
  REFERENCES clause only in a copy of the table, and a copy of a million sets would be
  slow and drop the triggers on it.
- `run`: runs read from a watch file or a Strava export (R22).
- `session_summary` now counts `failure` and `drop` sets with the work sets (R12: they
  count for volume and records); the rules decide what counts for progression. Existing
  logs hold only warm-up and work sets, so no row changes: only the triggers do. The
  triggers stand aside during a bulk write (see `BULK_KEY`), which rebuilds the rows it
  touched once instead of once per set.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# R12 as revision 0004 wrote it; only the set kinds that count changed.
_E1RM = (
    "CASE WHEN s.weight_kg > 0 AND s.reps = 1 THEN s.weight_kg"
    " WHEN s.weight_kg > 0 AND s.reps BETWEEN 2 AND 10 THEN s.weight_kg * (1 + s.reps / 30.0)"
    " END"
)


def _aggregate(counts: str) -> str:
    """The aggregate of the sets matched by {where}, one row per (workout, exercise) with
    sets; `counts` is the SQL condition of the sets that count (revision 0004's rule)."""
    work = f"FILTER (WHERE {counts})"
    left = f"FILTER (WHERE {counts} AND s.side = 'L')"
    right = f"FILTER (WHERE {counts} AND s.side = 'R')"
    return f"""
INSERT INTO session_summary (
    workout_id, exercise_id, athlete_id, date, started_at, sets, work_sets,
    top_kg, top_reps, e1rm_kg, volume_kg, best_reps, best_seconds, left_total, right_total
)
SELECT workout_id, exercise_id, athlete_id, date, started_at, sets, work_sets,
    CASE WHEN top >= 1000 THEN (top / 1000) / 100.0 END,
    CASE WHEN top >= 1000 THEN NULLIF(top % 1000, 0) END,
    e1rm_kg, volume_kg, best_reps, best_seconds, left_total, right_total
FROM (
    SELECT s.workout_id, s.exercise_id, s.athlete_id, w.date, w.started_at,
        COUNT(*) AS sets,
        COUNT(*) {work} AS work_sets,
        MAX(CAST(ROUND(s.weight_kg * 100) AS INTEGER) * 1000 + MIN(IFNULL(s.reps, 0), 999))
            {work} AS top,
        MAX({_E1RM}) {work} AS e1rm_kg,
        TOTAL(s.weight_kg * s.reps) {work} AS volume_kg,
        MAX(s.reps) {work} AS best_reps,
        MAX(s.seconds) {work} AS best_seconds,
        SUM(IFNULL(s.reps, s.seconds)) {left} AS left_total,
        SUM(IFNULL(s.reps, s.seconds)) {right} AS right_total
    FROM workout_set s JOIN workout w ON w.id = s.workout_id
    {{where}}
    GROUP BY s.workout_id, s.exercise_id
)
"""


#: Every set but a warm-up counts (work, failure, drop); revision 0004 counted `work`.
COUNTS = "s.kind <> 'warmup'"
_COUNTS_0004 = "s.kind = 'work'"


def triggers(counts: str) -> dict[str, tuple[str, str]]:
    """The set triggers that recompute a (workout, exercise) row from its sets."""
    aggregate = _aggregate(counts)
    # no row is left when no set remains
    refresh = (
        "DELETE FROM session_summary"
        " WHERE workout_id = {row}.workout_id AND exercise_id = {row}.exercise_id; "
        + aggregate.format(
            where="WHERE s.workout_id = {row}.workout_id AND s.exercise_id = {row}.exercise_id"
        )
        + ";"
    )
    return {
        "trg_summary_set_insert": ("AFTER INSERT ON workout_set", refresh.format(row="NEW")),
        "trg_summary_set_delete": ("AFTER DELETE ON workout_set", refresh.format(row="OLD")),
        "trg_summary_set_update": (
            "AFTER UPDATE ON workout_set",
            refresh.format(row="OLD") + " " + refresh.format(row="NEW"),
        ),
    }


#: While a bulk write (an import) holds this key in `app_meta` inside its own
#: transaction, the set triggers stand aside and the writer rebuilds the summary of the
#: workouts it touched once at the end; other connections never see the key.
BULK_KEY = "bulk_write"
_NOT_BULK = f"WHEN NOT EXISTS (SELECT 1 FROM app_meta WHERE key = '{BULK_KEY}')"


def _replace_triggers(counts: str, *, guard: str) -> None:
    for name, (when, body) in triggers(counts).items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"CREATE TRIGGER {name} {when} {guard} BEGIN {body} END")


def upgrade() -> None:
    op.create_table(
        "import_batch",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("athlete_id", sa.Integer(), sa.ForeignKey("athlete.id"), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("file_name", sa.String(), nullable=False),
        sa.Column("file_hash", sa.String(), nullable=False),
        sa.Column("format", sa.String(), nullable=False),
        sa.Column("unit", sa.String(), nullable=True),
        sa.Column("sets", sa.Integer(), nullable=False),
        sa.Column("workouts", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.Integer(), nullable=False),
        sa.Column("details", sa.String(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_import_batch_athlete_id", "import_batch", ["athlete_id"])
    op.add_column("workout", sa.Column("ended_at", sa.DateTime(), nullable=True))
    op.add_column("workout", sa.Column("import_batch_id", sa.Integer(), nullable=True))
    op.add_column("workout_set", sa.Column("superset", sa.String(), nullable=True))
    op.add_column("workout_set", sa.Column("import_batch_id", sa.Integer(), nullable=True))
    op.add_column("exercise", sa.Column("import_batch_id", sa.Integer(), nullable=True))
    op.create_index("ix_workout_import_batch_id", "workout", ["import_batch_id"])
    op.create_index("ix_workout_set_import_batch_id", "workout_set", ["import_batch_id"])
    op.create_table(
        "run",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("athlete_id", sa.Integer(), sa.ForeignKey("athlete.id"), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("started_utc", sa.DateTime(), nullable=True),
        sa.Column("sport", sa.String(), nullable=False),
        sa.Column("elapsed_s", sa.Integer(), nullable=False),
        sa.Column("timer_s", sa.Integer(), nullable=True),
        sa.Column("distance_m", sa.Float(), nullable=True),
        sa.Column("avg_hr", sa.Integer(), nullable=True),
        sa.Column("max_hr", sa.Integer(), nullable=True),
        sa.Column("aerobic_te", sa.Float(), nullable=True),
        sa.Column("anaerobic_te", sa.Float(), nullable=True),
        sa.Column("relative_effort", sa.Float(), nullable=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("source_id", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_run_athlete_date", "run", ["athlete_id", "date"])
    _replace_triggers(COUNTS, guard=_NOT_BULK)


def downgrade() -> None:
    _replace_triggers(_COUNTS_0004, guard="")
    op.drop_index("ix_run_athlete_date", "run")
    op.drop_table("run")
    op.drop_index("ix_workout_set_import_batch_id", "workout_set")
    op.drop_index("ix_workout_import_batch_id", "workout")
    for table, column in (
        ("exercise", "import_batch_id"),
        ("workout_set", "import_batch_id"),
        ("workout_set", "superset"),
        ("workout", "import_batch_id"),
        ("workout", "ended_at"),
    ):
        op.drop_column(table, column)
    op.drop_index("ix_import_batch_athlete_id", "import_batch")
    op.drop_table("import_batch")
