"""The Textual app: screens, widgets, styles."""
