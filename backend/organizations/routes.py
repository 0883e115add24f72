from flask.views import MethodView
from flask_jwt_extended import current_user

from backend.core.auth import login_required
from backend.core.pagination import PAGE_SIZES
from backend.core.routing import Blueprint, problems
from backend.organizations import services
from backend.organizations.policies import GROUP_MANAGERS
from backend.organizations.schemas import (
    MEMBER_ADD_EXAMPLE,
    GroupCreateSchema,
    GroupQuerySchema,
    GroupSchema,
    MemberAddSchema,
    MemberSchema,
    MemberUpdateSchema,
    StationCreateSchema,
    StationRulesSchema,
    StationSchema,
)
from backend.users.models import Role

blp = Blueprint("organizations", __name__, description="Police stations and volunteer groups")


@blp.route("/stations")
class Stations(MethodView):
    @login_required(Role.ADMIN)
    @blp.arguments(StationCreateSchema)
    @blp.response(201, StationSchema)
    @problems("STATION_PARENT_INVALID", "STATION_CODE_TAKEN")
    def post(self, data):
        """Create a station or a 지구대/파출소 under one (admins)"""
        return services.create_station(data)

    @login_required()
    @blp.response(200, StationSchema(many=True))
    @blp.paginate(**PAGE_SIZES)
    def get(self, pagination_parameters):
        """List the stations you may see"""
        return services.list_stations(current_user, pagination_parameters)


@blp.route("/stations/<id:station_id>")
class StationById(MethodView):
    @login_required()
    @blp.response(200, StationSchema)
    def get(self, station_id):
        """Show one station"""
        return services.get_station(current_user, station_id)

    @login_required(Role.ADMIN, Role.STATION_CHIEF)
    @blp.arguments(StationRulesSchema)
    @blp.response(200, StationSchema)
    def patch(self, changes, station_id):
        """Set the station's patrol rules and phone number (its own chief, or an admin)"""
        return services.update_station_rules(current_user, station_id, changes)


@blp.route("/groups")
class Groups(MethodView):
    @login_required(*GROUP_MANAGERS)
    @blp.arguments(GroupCreateSchema)
    @blp.response(201, GroupSchema)
    @problems("STATION_OUT_OF_SCOPE", "GROUP_NAME_TAKEN")
    def post(self, data):
        """Create a volunteer group"""
        return services.create_group(current_user, data)

    @login_required()
    @blp.arguments(GroupQuerySchema, location="query")
    @blp.response(200, GroupSchema(many=True))
    @blp.paginate(**PAGE_SIZES)
    def get(self, filters, pagination_parameters):
        """List the volunteer groups of your station"""
        return services.list_groups(current_user, filters, pagination_parameters)


@blp.route("/groups/<id:group_id>")
class GroupById(MethodView):
    @login_required()
    @blp.response(200, GroupSchema)
    def get(self, group_id):
        """Show one volunteer group"""
        return services.get_group(current_user, group_id)


# Volunteers reach these as group leaders; the object-level policy decides.
MEMBER_MANAGERS = (*GROUP_MANAGERS, Role.VOLUNTEER)


@blp.route("/groups/<id:group_id>/members")
class GroupMembers(MethodView):
    operation_ids = {"post": "addGroupMember"}

    @login_required()
    @blp.response(200, MemberSchema(many=True))
    @blp.paginate(**PAGE_SIZES)
    def get(self, group_id, pagination_parameters):
        """List a group's members (station staff and the group's own members)"""
        return services.list_members(current_user, group_id, pagination_parameters)

    @login_required(*MEMBER_MANAGERS)
    @blp.arguments(MemberAddSchema, example=MEMBER_ADD_EXAMPLE)
    @blp.response(201, MemberSchema)
    @problems("MEMBER_OUTSIDE_STATION", "MEMBER_NOT_VOLUNTEER", "ALREADY_MEMBER")
    def post(self, data, group_id):
        """Add a member; group leaders may add members but not appoint leaders"""
        return services.add_member(current_user, group_id, data["user_id"], data["is_leader"])


@blp.route("/groups/<id:group_id>/members/<id:user_id>")
class GroupMember(MethodView):
    operation_ids = {"delete": "removeGroupMember", "patch": "updateGroupMember"}

    @login_required(*GROUP_MANAGERS)
    @blp.arguments(MemberUpdateSchema)
    @blp.response(200, MemberSchema)
    def patch(self, changes, group_id, user_id):
        """Make a member the group's leader, or no longer (admins, station chiefs, coordinators)"""
        return services.set_leader(current_user, group_id, user_id, changes["is_leader"])

    @login_required()
    @blp.response(204)
    def delete(self, group_id, user_id):
        """Remove a member, or leave the group yourself"""
        services.remove_member(current_user, group_id, user_id)
