from flask import url_for
from marshmallow import fields

from backend.core.schemas import OutputSchema, UtcDateTime


def _feed_url(feed):
    # Absolute, because it is pasted into calendar apps that know nothing of this API.
    return url_for("calendar_feeds.CalendarFeedFile", token=feed["token"], _external=True)


class CalendarFeedSchema(OutputSchema):
    url = fields.Function(
        _feed_url,
        metadata={
            "type": "string",
            "format": "uri",
            "description": "Secret iCalendar URL; shown only in this answer",
        },
    )
    created_at = UtcDateTime()
