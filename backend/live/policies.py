"""Whose location a caller may read.

Station staff (coordinators, station chiefs, officers) of the patrol's station family and
admins read everyone on a patrol; a volunteer reads only their own location. Whether the
patrol itself is visible is decided first, by patrols.services.get_patrol.
"""
from backend.users.models import STAFF_ROLES, Role


def reads_everyone(viewer):
    return viewer.role == Role.ADMIN or viewer.role in STAFF_ROLES


def may_read_location_of(viewer, subject_id):
    return subject_id == viewer.id or reads_everyone(viewer)
