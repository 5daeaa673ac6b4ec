"""`python -m liftlog` is the same as the `liftlog` command."""

from liftlog.cli import main

raise SystemExit(main())
