"""Attendance per patrol and person, its confirmation by officers, and volunteer hours."""
