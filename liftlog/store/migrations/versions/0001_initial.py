"""The first schema: athletes, bodyweight, races, exercises, workouts, sets.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "athlete",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("units", sa.String(), nullable=False),
        sa.Column("bar_kg", sa.Float(), nullable=False),
        sa.Column("plates", sa.String(), nullable=False),
        sa.Column("run_template", sa.String(), nullable=False),
        sa.Column("stop_days", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "bodyweight",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("athlete_id", sa.Integer(), sa.ForeignKey("athlete.id"), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("kg", sa.Float(), nullable=False),
        sa.UniqueConstraint("athlete_id", "date"),
    )
    op.create_index("ix_bodyweight_athlete_id", "bodyweight", ["athlete_id"])
    op.create_table(
        "race",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("athlete_id", sa.Integer(), sa.ForeignKey("athlete.id"), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("priority", sa.String(), nullable=False),
    )
    op.create_index("ix_race_athlete_id", "race", ["athlete_id"])
    op.create_table(
        "exercise",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("athlete_id", sa.Integer(), sa.ForeignKey("athlete.id"), nullable=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("aliases", sa.String(), nullable=False),
        sa.Column("category", sa.String(), nullable=False),
        sa.Column("equipment", sa.String(), nullable=False),
        sa.Column("laterality", sa.String(), nullable=False),
        sa.Column("measure", sa.String(), nullable=False),
        sa.Column("increment_kg", sa.Float(), nullable=False),
        sa.Column("cap_ratio", sa.Float(), nullable=True),
        sa.Column("start_load_kg", sa.Float(), nullable=True),
        sa.Column("harder", sa.String(), nullable=True),
        sa.Column("single_leg_of", sa.String(), nullable=True),
        sa.Column("range_min", sa.Integer(), nullable=True),
        sa.Column("range_max", sa.Integer(), nullable=True),
    )
    op.create_index("ix_exercise_athlete_id", "exercise", ["athlete_id"])
    op.create_index("ix_exercise_name", "exercise", ["name"])
    op.create_table(
        "workout",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("athlete_id", sa.Integer(), sa.ForeignKey("athlete.id"), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
    )
    op.create_index("ix_workout_athlete_date", "workout", ["athlete_id", "date"])
    op.create_table(
        "workout_set",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("athlete_id", sa.Integer(), sa.ForeignKey("athlete.id"), nullable=False),
        sa.Column("workout_id", sa.Integer(), sa.ForeignKey("workout.id"), nullable=False),
        sa.Column("exercise_id", sa.Integer(), sa.ForeignKey("exercise.id"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("side", sa.String(), nullable=True),
        sa.Column("weight_kg", sa.Float(), nullable=False),
        sa.Column("reps", sa.Integer(), nullable=True),
        sa.Column("seconds", sa.Integer(), nullable=True),
        sa.Column("rpe", sa.Float(), nullable=True),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("logged_at", sa.DateTime(), nullable=False),
    )
    op.create_index(
        "ix_set_athlete_exercise_workout",
        "workout_set",
        ["athlete_id", "exercise_id", "workout_id"],
    )
    op.create_index("ix_set_workout_position", "workout_set", ["workout_id", "position"])
    op.create_table(
        "app_meta",
        sa.Column("key", sa.String(), primary_key=True),
        sa.Column("value", sa.String(), nullable=False),
    )


def downgrade() -> None:
    for table in ("app_meta", "workout_set", "workout", "exercise", "race", "bodyweight"):
        op.drop_table(table)
    op.drop_table("athlete")
