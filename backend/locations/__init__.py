"""Location points from phones during patrols: offline batches, zone dwell, live board, privacy."""
