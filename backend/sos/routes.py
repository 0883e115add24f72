from flask.views import MethodView
from flask_jwt_extended import current_user

from backend.core.auth import login_required
from backend.core.pagination import PAGE_SIZES
from backend.core.routing import Blueprint, problems
from backend.core.statement_timeout import long_statements
from backend.errors import PROBLEM_MIMETYPE
from backend.extensions import limiter, throttled_after
from backend.live.routes import read_endpoint
from backend.reports.routes import with_downloads
from backend.reports.schemas import ReportSchema
from backend.sos import incidents, services
from backend.sos.policies import RESPONDERS
from backend.sos.schemas import (
    SOS_EXAMPLE,
    SOS_POSITIONS_EXAMPLE,
    SosAlertDetailSchema,
    SosAlertSchema,
    SosAcknowledgedElsewhereSchema,
    SosIncidentsQuerySchema,
    SosPositionsResultSchema,
    SosPositionsSchema,
    SosQuerySchema,
    SosRaisedSchema,
    SosRaiseSchema,
    SosResolveSchema,
)

blp = Blueprint("sos", __name__, description="SOS from the field: raised by people on a patrol, taken by responders")


@blp.route("/sos")
class SosAlerts(MethodView):
    operation_ids = {"post": "raiseSos", "get": "listSosAlerts"}

    @login_required()
    @limiter.limit("30 per minute")
    @blp.alt_response(429, description=throttled_after("30 per minute"))
    @blp.arguments(SosRaiseSchema, example=SOS_EXAMPLE)
    @blp.response(201, SosRaisedSchema, description="Raised: the first tier is being alerted")
    @blp.alt_response(200, schema=SosRaisedSchema, description="A retry with the same client_event_id, or a new press "
                      "while the raiser's alert runs: the running alert, nothing new sent")
    @problems("NOT_A_PARTICIPANT", "CONSENT_REQUIRED", "SOS_OUTSIDE_WINDOW")
    def post(self, data):
        """Raise an SOS from the phone of someone on a patrol"""
        alert, is_new = services.raise_alert(current_user, data)
        return alert, 201 if is_new else 200

    @login_required()
    @blp.arguments(SosQuerySchema, location="query")
    @blp.response(200, SosAlertSchema(many=True))
    @blp.paginate(**PAGE_SIZES)
    @blp.doc(description="Responders (staff of the station family, admins) see the family's alerts; anyone else "
             "their own. Every other person's alert read is written to the location-access log.")
    def get(self, filters, pagination_parameters):
        """List SOS alerts, newest first"""
        return services.list_alerts(current_user, filters, pagination_parameters, read_endpoint())


@blp.route("/sos/<id:alert_id>")
class SosAlertById(MethodView):
    operation_ids = {"get": "getSosAlert"}

    @login_required()
    @blp.response(200, SosAlertDetailSchema)
    @blp.doc(description="Responders and the raiser; the read is logged when it is someone else's alert.")
    def get(self, alert_id):
        """An SOS alert with its timeline: presses, escalation and repeats, pushes, acknowledgement, end"""
        return services.get_alert(current_user, alert_id, read_endpoint())


@blp.route("/sos/<id:alert_id>/positions")
class SosPositions(MethodView):
    operation_ids = {"post": "sendSosPositions"}

    @login_required()
    @limiter.limit("60 per minute")
    @blp.alt_response(429, description=throttled_after("60 per minute"))
    @blp.arguments(SosPositionsSchema, example=SOS_POSITIONS_EXAMPLE)
    @blp.response(200, SosPositionsResultSchema)
    @problems("SOS_NOT_RAISER", "SOS_CLOSED")
    def post(self, data, alert_id):
        """Send where you are while your SOS runs, every few seconds, retrying with the same ids"""
        return services.add_positions(current_user, alert_id, data["positions"])


@blp.route("/sos/<id:alert_id>/cancel")
class SosCancel(MethodView):
    operation_ids = {"post": "cancelSos"}

    @login_required()
    @blp.response(200, SosAlertSchema)
    @problems("SOS_NOT_RAISER", "SOS_CLOSED")
    def post(self, alert_id):
        """Cancel your own SOS as a false alarm; everyone alerted is told (a retry answers the same)"""
        return services.cancel(current_user, alert_id)


@blp.route("/sos/<id:alert_id>/acknowledge")
class SosAcknowledge(MethodView):
    operation_ids = {"post": "acknowledgeSos"}

    @login_required(*RESPONDERS)
    @blp.response(200, SosAlertSchema)
    @problems("SOS_OWN_ALERT", "SOS_CLOSED", "SOS_ALREADY_ACKNOWLEDGED")
    @blp.alt_response(409, schema=SosAcknowledgedElsewhereSchema, content_type=PROBLEM_MIMETYPE,
                      description="SOS_ALREADY_ACKNOWLEDGED names who took it in acknowledged_by")
    def post(self, alert_id):
        """Take an SOS: the raiser's phone is told who is coming (a retry by the same person answers the same)"""
        return services.acknowledge(current_user, alert_id)


@blp.route("/sos/<id:alert_id>/resolve")
class SosResolve(MethodView):
    operation_ids = {"post": "resolveSos"}

    @login_required(*RESPONDERS)
    @blp.arguments(SosResolveSchema)
    @blp.response(200, SosAlertSchema)
    @problems("SOS_OWN_ALERT", "SOS_CLOSED")
    def post(self, data, alert_id):
        """Close an SOS with its outcome"""
        return services.resolve(current_user, alert_id, data["outcome"], data["note"])


@with_downloads(blp, "/stations/<id:station_id>/sos-incidents", "SosIncidents", SosIncidentsQuerySchema, ("csv", "xlsx"),
                roles=RESPONDERS, codes_of={"csv": (), "xlsx": ()})
class SosIncidents(MethodView):
    @staticmethod
    def report(viewer, query, station_id):
        return incidents.incident_list(viewer, query, station_id, read_endpoint())

    @login_required(*RESPONDERS)
    @blp.arguments(SosIncidentsQuerySchema, location="query")
    @blp.response(200, ReportSchema, description="format=csv (UTF-8 with BOM) or xlsx answers a file download instead "
                  "of JSON; generated clients use the download operation of each (the same path ending in .csv or "
                  ".xlsx). Station staff of the family and admins; the read is written to the location-access log.")
    @long_statements
    def get(self, query, station_id):
        """A station's SOS incidents of a month: who called, who was told, who took it, how it ended"""
        return self.report(current_user, query, station_id)
