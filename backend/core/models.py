"""Column helpers shared by the domain models."""
from enum import StrEnum

import sqlalchemy as sa


def created_at_column():
    return sa.Column(sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now())


def updated_at_column():
    return sa.Column(
        sa.DateTime(timezone=True),
        nullable=False,
        server_default=sa.func.now(),
        onupdate=sa.func.now(),
    )


def enum_column(enum_class, name, **kwargs):
    """A VARCHAR with a CHECK constraint: adding a value later is a plain migration."""
    return sa.Column(
        sa.Enum(
            enum_class,
            name=name,
            native_enum=False,
            create_constraint=True,
            length=32,
            values_callable=lambda members: [member.value for member in members],
        ),
        **kwargs,
    )


__all__ = ["StrEnum", "created_at_column", "updated_at_column", "enum_column"]
