import sqlalchemy as sa

from backend.core.models import created_at_column
from backend.extensions import db


class CalendarFeed(db.Model):
    """A person's secret calendar feed URL, at most one per person.

    Only the SHA-256 of the URL's token is kept, so the table alone opens no feed.
    Opening the feed again replaces the hash, which ends the old URL at once.
    """

    __tablename__ = "calendar_feeds"

    user_id = sa.Column(
        sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    token_hash = sa.Column(sa.String(64), nullable=False, unique=True)
    created_at = created_at_column()
