"""Secret, revocable iCalendar feeds of the patrols a person is on."""
