"""liftlog: a keyboard-first strength log for runners that knows the season."""

__version__ = "0.1.0"
