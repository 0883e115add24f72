"""Check-in and check-out at a patrol, judged against its meeting point and zones."""
