"""Zones patrols cover: dense areas, women-safe zones, safe-return routes, safe houses."""
