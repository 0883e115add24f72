"""Whose location a caller may read.

Station staff (coordinators, station chiefs, officers) of the patrol's station family and
admins read everyone on a patrol; a volunteer reads only their own location. Whether the
patrol itself is visible is decided first, by patrols.services.get_patrol.
"""
from backend.users.models import is_staff_or_admin


def may_read_location_of(viewer, subject_id):
    return subject_id == viewer.id or is_staff_or_admin(viewer)
