"""Reusable widgets: the navigation bar, the season line, the set list, the rest timer, charts."""
