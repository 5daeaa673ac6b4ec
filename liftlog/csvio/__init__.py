"""CSV export and the importers (liftlog, Strong, Hevy, FitNotes)."""
