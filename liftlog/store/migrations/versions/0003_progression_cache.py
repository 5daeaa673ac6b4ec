"""A cache of each lift's progression state, kept honest by triggers.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_FORGET_LIFT = (
    "DELETE FROM progression_cache WHERE athlete_id = {row}.athlete_id"
    " AND exercise_id = {row}.exercise_id"
    " AND through_date >= (SELECT date FROM workout WHERE id = {row}.workout_id);"
)
_FORGET_ATHLETE = "DELETE FROM progression_cache WHERE athlete_id = {row}.{column};"

TRIGGERS = {
    "trg_cache_set_insert": ("AFTER INSERT ON workout_set", _FORGET_LIFT.format(row="NEW")),
    "trg_cache_set_delete": ("AFTER DELETE ON workout_set", _FORGET_LIFT.format(row="OLD")),
    "trg_cache_set_update": (
        "AFTER UPDATE ON workout_set",
        _FORGET_LIFT.format(row="OLD") + " " + _FORGET_LIFT.format(row="NEW"),
    ),
    "trg_cache_workout_update": (
        "AFTER UPDATE OF date ON workout",
        _FORGET_ATHLETE.format(row="NEW", column="athlete_id"),
    ),
    "trg_cache_athlete_update": (
        "AFTER UPDATE ON athlete",
        _FORGET_ATHLETE.format(row="NEW", column="id"),
    ),
    "trg_cache_bodyweight_insert": (
        "AFTER INSERT ON bodyweight",
        _FORGET_ATHLETE.format(row="NEW", column="athlete_id"),
    ),
    "trg_cache_bodyweight_update": (
        "AFTER UPDATE ON bodyweight",
        _FORGET_ATHLETE.format(row="NEW", column="athlete_id"),
    ),
    "trg_cache_bodyweight_delete": (
        "AFTER DELETE ON bodyweight",
        _FORGET_ATHLETE.format(row="OLD", column="athlete_id"),
    ),
    "trg_cache_override_insert": (
        "AFTER INSERT ON lift_override",
        _FORGET_ATHLETE.format(row="NEW", column="athlete_id"),
    ),
    "trg_cache_override_delete": (
        "AFTER DELETE ON lift_override",
        _FORGET_ATHLETE.format(row="OLD", column="athlete_id"),
    ),
    "trg_cache_exercise_update": ("AFTER UPDATE ON exercise", "DELETE FROM progression_cache;"),
}


def upgrade() -> None:
    op.create_table(
        "progression_cache",
        sa.Column("athlete_id", sa.Integer(), sa.ForeignKey("athlete.id"), primary_key=True),
        sa.Column("exercise_id", sa.Integer(), sa.ForeignKey("exercise.id"), primary_key=True),
        sa.Column("through_date", sa.Date(), nullable=False),
        sa.Column("engine_version", sa.String(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
    )
    for name, (when, body) in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {when} BEGIN {body} END")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("progression_cache")
