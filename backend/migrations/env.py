"""Alembic environment, run inside the Flask app by Flask-Migrate."""
import logging
from logging.config import fileConfig

from alembic import context
from flask import current_app
from geoalchemy2 import alembic_helpers

from backend.core.alembic_filters import include_object

config = context.config
fileConfig(config.config_file_name, disable_existing_loggers=False)
logger = logging.getLogger("alembic.env")

def process_revision_directives(migration_context, revision, directives):
    # An autogenerate that finds nothing writes no empty revision.
    if getattr(config.cmd_opts, "autogenerate", False) and directives[0].upgrade_ops.is_empty():
        directives[:] = []
        logger.info("No changes in schema detected.")
        return
    alembic_helpers.writer(migration_context, revision, directives)


CONFIGURE_ARGS = {
    "include_object": include_object,
    "process_revision_directives": process_revision_directives,
    "render_item": alembic_helpers.render_item,
    "compare_type": True,
}


def run_migrations_online():
    engine = current_app.extensions["migrate"].db.engine
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=current_app.extensions["migrate"].db.metadata,
            **CONFIGURE_ARGS,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("Offline (--sql) migrations are not supported; run against a database.")
run_migrations_online()
