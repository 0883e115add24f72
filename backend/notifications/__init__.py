"""Notifications: the outbox of events to push to the mobile app."""
