"""One row per (workout, exercise) with what History shows, kept up to date by triggers.

An exercise's history on a 20-year log is ~20k sessions of ~8 sets each; aggregating
the sets every time the History screen opens costs hundreds of milliseconds. Here the
aggregate of each (workout, exercise) is recomputed from its own few sets whenever one
of them is added, changed or removed, so History reads one stored row per session.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# R12 as it stood when this revision was written (EPLEY_DIVISOR 30, E1RM_MAX_REPS 10):
# Epley for 2–10 reps, the load itself for a single, no estimate above 10 reps or
# without a load. A change of rule needs a new revision that rebuilds the table.
_E1RM = (
    "CASE WHEN s.weight_kg > 0 AND s.reps = 1 THEN s.weight_kg"
    " WHEN s.weight_kg > 0 AND s.reps BETWEEN 2 AND 10 THEN s.weight_kg * (1 + s.reps / 30.0)"
    " END"
)
_WORK = "FILTER (WHERE s.kind = 'work')"

#: The aggregate of the sets matched by {where}, one row per (workout, exercise) with
#: sets. The top set is the heaviest work load, then the most reps at it, packed as
#: load in 1/100 kg × 1000 + reps so one MAX finds both.
_AGGREGATE = f"""
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
        COUNT(*) {_WORK} AS work_sets,
        MAX(CAST(ROUND(s.weight_kg * 100) AS INTEGER) * 1000 + MIN(IFNULL(s.reps, 0), 999))
            {_WORK} AS top,
        MAX({_E1RM}) {_WORK} AS e1rm_kg,
        TOTAL(s.weight_kg * s.reps) {_WORK} AS volume_kg,
        MAX(s.reps) {_WORK} AS best_reps,
        MAX(s.seconds) {_WORK} AS best_seconds,
        SUM(IFNULL(s.reps, s.seconds)) FILTER (WHERE s.kind = 'work' AND s.side = 'L')
            AS left_total,
        SUM(IFNULL(s.reps, s.seconds)) FILTER (WHERE s.kind = 'work' AND s.side = 'R')
            AS right_total
    FROM workout_set s JOIN workout w ON w.id = s.workout_id
    {{where}}
    GROUP BY s.workout_id, s.exercise_id
)
"""

# Recompute one (workout, exercise) from its sets: no row is left when none remain.
_REFRESH = (
    "DELETE FROM session_summary"
    " WHERE workout_id = {row}.workout_id AND exercise_id = {row}.exercise_id; "
    + _AGGREGATE.format(
        where="WHERE s.workout_id = {row}.workout_id AND s.exercise_id = {row}.exercise_id"
    )
    + ";"
)

TRIGGERS = {
    "trg_summary_set_insert": ("AFTER INSERT ON workout_set", _REFRESH.format(row="NEW")),
    "trg_summary_set_delete": ("AFTER DELETE ON workout_set", _REFRESH.format(row="OLD")),
    "trg_summary_set_update": (
        "AFTER UPDATE ON workout_set",
        _REFRESH.format(row="OLD") + " " + _REFRESH.format(row="NEW"),
    ),
    "trg_summary_workout_update": (
        "AFTER UPDATE OF date, started_at ON workout",
        "UPDATE session_summary SET date = NEW.date, started_at = NEW.started_at"
        " WHERE workout_id = NEW.id;",
    ),
}


def upgrade() -> None:
    # WITHOUT ROWID, keyed by (athlete, exercise, date, …): one exercise's sessions in
    # date order are one contiguous range of the table itself
    op.create_table(
        "session_summary",
        sa.Column("athlete_id", sa.Integer(), sa.ForeignKey("athlete.id"), primary_key=True),
        sa.Column("exercise_id", sa.Integer(), sa.ForeignKey("exercise.id"), primary_key=True),
        sa.Column("date", sa.Date(), primary_key=True),
        sa.Column("started_at", sa.DateTime(), primary_key=True),
        sa.Column("workout_id", sa.Integer(), sa.ForeignKey("workout.id"), primary_key=True),
        sa.Column("sets", sa.Integer(), nullable=False),
        sa.Column("work_sets", sa.Integer(), nullable=False),
        sa.Column("top_kg", sa.Float(), nullable=True),
        sa.Column("top_reps", sa.Integer(), nullable=True),
        sa.Column("e1rm_kg", sa.Float(), nullable=True),
        sa.Column("volume_kg", sa.Float(), nullable=False),
        sa.Column("best_reps", sa.Integer(), nullable=True),
        sa.Column("best_seconds", sa.Integer(), nullable=True),
        sa.Column("left_total", sa.Integer(), nullable=True),
        sa.Column("right_total", sa.Integer(), nullable=True),
        # the triggers find a (workout, exercise) row through this
        sa.UniqueConstraint("workout_id", "exercise_id"),
        sqlite_with_rowid=False,
    )
    # R12 records: the heaviest work load at each rep count is one index probe per count
    op.create_index(
        "ix_set_athlete_exercise_reps_weight",
        "workout_set",
        ["athlete_id", "exercise_id", "kind", "reps", "weight_kg"],
    )
    op.execute(_AGGREGATE.format(where=""))
    for name, (when, body) in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {when} BEGIN {body} END")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_set_athlete_exercise_reps_weight", "workout_set")
    op.drop_table("session_summary")
