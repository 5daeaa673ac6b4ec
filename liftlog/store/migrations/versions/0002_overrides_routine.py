"""Lift overrides ("form is fine, move on", "start over") and routine changes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lift_override",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("athlete_id", sa.Integer(), sa.ForeignKey("athlete.id"), nullable=False),
        sa.Column("exercise_id", sa.Integer(), sa.ForeignKey("exercise.id"), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
    )
    op.create_index("ix_lift_override_athlete_id", "lift_override", ["athlete_id"])
    op.create_table(
        "routine_change",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("athlete_id", sa.Integer(), sa.ForeignKey("athlete.id"), nullable=False),
        sa.Column("exercise_id", sa.Integer(), sa.ForeignKey("exercise.id"), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.UniqueConstraint("athlete_id", "exercise_id"),
    )
    op.create_index("ix_routine_change_athlete_id", "routine_change", ["athlete_id"])


def downgrade() -> None:
    op.drop_table("routine_change")
    op.drop_table("lift_override")
