"""The one exception family whose message is shown to the user as it is."""


class LiftlogError(Exception):
    """Something the user must hear about in one sentence; nothing was written."""
