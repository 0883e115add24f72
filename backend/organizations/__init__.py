"""Police stations (경찰서, with their 지구대/파출소) and volunteer groups."""
