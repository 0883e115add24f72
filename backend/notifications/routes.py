from flask.views import MethodView
from flask_jwt_extended import current_user

from backend.core.auth import login_required
from backend.core.pagination import PAGE_SIZES
from backend.core.routing import Blueprint, problems
from backend.extensions import limiter, throttled_after
from backend.notifications import services
from backend.notifications.schemas import (
    BROADCAST_EXAMPLE,
    DEVICE_REQUEST_EXAMPLE,
    BroadcastResultSchema,
    BroadcastSchema,
    DeliveryQuerySchema,
    DeliverySchema,
    DeviceRequestSchema,
    DeviceSchema,
    PreferencesSchema,
    PreferencesUpdateSchema,
)
from backend.users.models import Role

blp = Blueprint("notifications", __name__, description="Push notifications: devices, preferences, broadcasts")


@blp.route("/devices")
class Devices(MethodView):
    operation_ids = {"post": "registerDevice"}

    @login_required()
    @blp.arguments(DeviceRequestSchema, example=DEVICE_REQUEST_EXAMPLE)
    @blp.response(201, DeviceSchema)
    @blp.alt_response(200, schema=DeviceSchema, description="The token was known: refreshed (and now yours)")
    def post(self, data):
        """Register this phone's FCM token, or refresh it (call on every app start)"""
        device, is_new = services.register_device(current_user, data)
        return device, 201 if is_new else 200

    @login_required()
    @blp.response(200, DeviceSchema(many=True))
    @blp.paginate(**PAGE_SIZES)
    def get(self, pagination_parameters):
        """Your registered devices"""
        return services.list_devices(current_user, pagination_parameters)


@blp.route("/devices/<path:token>")
class DeviceByToken(MethodView):
    @login_required()
    @blp.response(204)
    def delete(self, token):
        """Stop pushes to this token (call on sign-out)"""
        services.forget_device(current_user, token)


@blp.route("/me/notification-preferences")
class Preferences(MethodView):
    operation_ids = {"get": "getNotificationPreferences", "patch": "updateNotificationPreferences"}

    @login_required()
    @blp.response(200, PreferencesSchema)
    def get(self):
        """What you have muted"""
        return current_user

    @login_required()
    @blp.arguments(PreferencesUpdateSchema)
    @blp.response(200, PreferencesSchema)
    def patch(self, changes):
        """Mute or unmute reminders and new-patrol announcements"""
        return services.update_preferences(current_user, changes)


@blp.route("/patrols/<id:patrol_id>/broadcast")
class Broadcast(MethodView):
    operation_ids = {"post": "broadcastToPatrol"}

    @login_required(Role.ADMIN, Role.STATION_CHIEF, Role.OFFICER)
    @limiter.limit("5 per 10 minutes")
    @blp.alt_response(429, description=throttled_after("5 per 10 minutes"))
    @blp.arguments(BroadcastSchema, example=BROADCAST_EXAMPLE)
    @blp.response(202, BroadcastResultSchema)
    @blp.alt_response(409, description="PATROL_NOT_BROADCASTABLE: the patrol is a draft or has ended")
    @problems("PATROL_NOT_BROADCASTABLE")
    def post(self, message, patrol_id):
        """Tell everyone on the patrol something now (station chief, or an officer on it)"""
        return services.broadcast(current_user, patrol_id, message["title"], message["body"])


@blp.route("/admin/notifications")
class Deliveries(MethodView):
    operation_ids = {"get": "listNotificationDeliveries"}

    @login_required(Role.ADMIN)
    @blp.arguments(DeliveryQuerySchema, location="query")
    @blp.response(200, DeliverySchema(many=True))
    @blp.paginate(**PAGE_SIZES)
    def get(self, query, pagination_parameters):
        """Deliveries by status; `dead` (the default) are those that gave up"""
        return services.list_deliveries(query["status"], pagination_parameters)


@blp.route("/admin/notifications/<bigid:delivery_id>/requeue")
class Requeue(MethodView):
    operation_ids = {"post": "requeueNotificationDelivery"}

    @login_required(Role.ADMIN)
    @blp.response(200, DeliverySchema)
    @problems("DELIVERY_NOT_DEAD")
    def post(self, delivery_id):
        """Send a dead delivery again"""
        return services.requeue(delivery_id)
