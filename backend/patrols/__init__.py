"""Joint patrols: scheduling, recurrence, sign-up, pairing rules."""
