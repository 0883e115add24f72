"""SOS alerts raised by people on a patrol, and who answers them."""
