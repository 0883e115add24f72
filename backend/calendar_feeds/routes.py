from flask import Response
from flask.views import MethodView
from flask_jwt_extended import current_user

from backend.calendar_feeds import services
from backend.calendar_feeds.schemas import CalendarFeedSchema
from backend.core.auth import login_required
from backend.core.routing import Blueprint
from backend.extensions import limiter

blp = Blueprint("calendar_feeds", __name__, description="Your patrols as a secret iCalendar feed")

FEED_DESCRIPTION = (
    "An iCalendar (RFC 5545) file of the patrols you are on, from 90 days ago onwards. "
    "Waitlisted patrols are TENTATIVE and titled [대기]; cancelled ones stay as CANCELLED."
)


@blp.route("/me/calendar-feed")
class MyCalendarFeed(MethodView):
    operation_ids = {"post": "openMyCalendarFeed", "delete": "closeMyCalendarFeed"}

    @login_required()
    @blp.response(201, CalendarFeedSchema)
    @blp.doc(description="Calling it again gives a new URL and ends the old one at once.")
    def post(self):
        """Open your calendar feed, or replace its secret URL"""
        return services.open_feed(current_user)

    @login_required()
    @blp.response(204)
    def delete(self):
        """Close your calendar feed: its URL stops working"""
        services.close_feed(current_user)


@blp.route("/calendar/<token>.ics")
class CalendarFeedFile(MethodView):
    # The secret URL is the credential: calendar apps cannot send a bearer token.
    @blp.doc(security=[])
    # Only misses count: a calendar app refreshing a real feed is never throttled, while
    # someone guessing URLs is, per address.
    @limiter.limit("60 per minute", deduct_when=lambda response: response.status_code == 404)
    @blp.response(200, {"type": "string", "format": "binary"}, content_type="text/calendar", description=FEED_DESCRIPTION)
    @blp.alt_response(404, description="NOT_FOUND: the URL is unknown or was replaced or closed")
    @blp.alt_response(429, description="RATE_LIMITED; see Retry-After")
    def get(self, token):
        """Read a calendar feed by its secret URL"""
        return Response(
            services.calendar_for_token(token),
            mimetype="text/calendar",
            # Private: the body is one person's schedule, and no shared cache may keep it.
            headers={"Cache-Control": "private, max-age=300"},
        )
