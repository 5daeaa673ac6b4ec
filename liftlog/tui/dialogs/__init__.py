"""Modal dialogs: forms that ask for a value and return it (they never touch the database)."""
