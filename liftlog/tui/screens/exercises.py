"""The Exercises screen: the catalog by category, each exercise's details, add your own."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Static, Tree

from liftlog.service import ExerciseRow
from liftlog.textsafe import visible
from liftlog.tui.screens.base import LiftlogScreen
from liftlog.tui.text import plain_text
from liftlog.units import format_weight

CATEGORIES = ("general", "functional", "plyometric", "core", "prehab")
CATEGORY_HELP = {
    "general": "General strength, early in the season (R14)",
    "functional": "Single-leg and running-specific, as the A race nears (R15)",
    "plyometric": "Jumps, hops and drills; halved in the taper (R16)",
    "core": "Trunk: anti-rotation and rotation",
    "prehab": "Light, focused, higher-rep work",
}


class ExercisesScreen(LiftlogScreen):
    """Browse the catalog; `n` adds an exercise of your own."""

    MODE = "exercises"
    CSS_PATH = "exercises.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_exercise", "New exercise", id="exercises.new",
                tooltip="Add an exercise of your own to the catalog"),
        Binding("r", "routine", "Routine", id="exercises.routine",
                tooltip="Add this exercise to your routine, drop it, or back to the default"),
        Binding("o", "override", "Override", id="exercises.override",
                tooltip="Form is fine, move on — or start over — for this lift, from today"),
    ]  # fmt: skip

    class Loaded(Message):
        def __init__(self, exercises: list[ExerciseRow], routine: dict[str, str]) -> None:
            super().__init__()
            self.exercises = exercises
            self.routine = routine

    class Decided(Message):
        """A routine change or an override is saved (or refused: `error`)."""

        def __init__(self, what: str, error: str = "") -> None:
            super().__init__()
            self.what, self.error = what, error

    class Added(Message):
        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    def __init__(self) -> None:
        super().__init__()
        self._exercises: list[ExerciseRow] = []
        self._select_name: str | None = None
        self._routine: dict[str, str] = {}
        self._current: ExerciseRow | None = None

    def compose(self) -> ComposeResult:
        yield from self.compose_chrome_top()
        with Horizontal():
            tree: Tree[ExerciseRow | None] = Tree("Catalog", id="catalog", classes="panel")
            tree.show_root = False
            tree.border_title = "Catalog"
            yield tree
            with VerticalScroll(id="details", classes="panel") as details:
                details.border_title = "Details"
                yield Static("Loading the catalog…", id="details-body")
        yield from self.compose_chrome_bottom()

    def reload(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="exercises-load")
    def load(self) -> None:
        from liftlog.service.exercises import list_exercises, routine_changes

        log = self.logbook
        self.post_message(self.Loaded(list_exercises(log), routine_changes(log)))

    def on_exercises_screen_loaded(self, message: Loaded) -> None:
        self._exercises = message.exercises
        self._routine = message.routine
        tree: Tree[ExerciseRow | None] = self.query_one("#catalog", Tree)
        tree.clear()
        select_line = None
        for category in CATEGORIES:
            rows = [e for e in message.exercises if e.category == category]
            branch = tree.root.add(f"{category.title()} ({len(rows)})", data=None, expand=True)
            for row in rows:
                label = plain_text(row.name)
                if row.is_own:
                    label.append(" ·yours", style="dim")
                node = branch.add_leaf(label, data=row)
                if row.name == self._select_name:
                    select_line = node
        if select_line is None and tree.root.children and tree.root.children[0].children:
            select_line = tree.root.children[0].children[0]
        if select_line is not None:
            self.call_after_refresh(tree.move_cursor, select_line)
            if isinstance(select_line.data, ExerciseRow):  # read again: show it as it is now
                self._current = select_line.data
                self.query_one("#details-body", Static).update(self._details(select_line.data))
        tree.focus()

    @on(Tree.NodeHighlighted, "#catalog")
    def show_details(self, event: Tree.NodeHighlighted[ExerciseRow | None]) -> None:
        body = self.query_one("#details-body", Static)
        row = self._current = event.node.data
        if row is None:
            category = str(event.node.label).split(" (")[0].lower()
            body.update(CATEGORY_HELP.get(category, ""))
            return
        body.update(self._details(row))

    def _details(self, row: ExerciseRow) -> Table:
        units = self.liftlog.athlete.units
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        table.add_row("Name", plain_text(row.name + ("  (your own)" if row.is_own else "")))
        if row.aliases:
            table.add_row("Also", plain_text(", ".join(row.aliases)))
        table.add_row(
            "Category", plain_text(f"{row.category} — {CATEGORY_HELP.get(row.category, '')}")
        )
        table.add_row("Equipment", plain_text(row.equipment))
        sides = (
            "one side at a time, logged L/R (R11)"
            if row.laterality == "unilateral"
            else ("both sides together")
        )
        table.add_row("Sides", sides)
        table.add_row("Measure", "seconds" if row.measure == "seconds" else "reps")
        if row.equipment not in ("bodyweight", "band"):
            table.add_row("Step", format_weight(row.increment_kg, units))
        if row.range_min is not None and row.range_max is not None:
            unit = "s" if row.measure == "seconds" else " reps"
            table.add_row("Range", f"{row.range_min}–{row.range_max}{unit} (R10)")
        if row.cap_ratio:
            table.add_row("Cap", f"{row.cap_ratio:g} × bodyweight (R6)")
        if row.harder:
            table.add_row("Harder", plain_text(row.harder))
        if row.single_leg_of:
            table.add_row("Single-leg of", plain_text(row.single_leg_of))
        change = self._routine.get(row.name)
        routine = {"add": "added to your routine (r)", "drop": "dropped from your routine (r)"}
        table.add_row("Routine", routine.get(change or "", "as the season's program has it (r)"))
        return table

    def action_routine(self) -> None:
        from liftlog.tui.dialogs.choose import ROUTINE, Choose

        row = self._current
        if row is None:
            self.notify("Highlight an exercise first.", severity="warning")
            return
        self.app.push_screen(Choose(f"{row.name}: your routine", ROUTINE),
                             lambda action: self._decide("routine", row, action))  # fmt: skip

    def action_override(self) -> None:
        from liftlog.tui.dialogs.choose import OVERRIDES, Choose

        row = self._current
        if row is None:
            self.notify("Highlight an exercise first.", severity="warning")
            return
        self.app.push_screen(Choose(f"{row.name}: override the coach", OVERRIDES),
                             lambda kind: self._decide("override", row, kind))  # fmt: skip

    def _decide(self, what: str, row: ExerciseRow, choice: str | None) -> None:
        if choice is None:
            return
        log, date = self.logbook, self.liftlog.today

        def job() -> Message:
            from liftlog.inputs import InputError
            from liftlog.service.exercises import change_routine, override

            try:
                if what == "routine":
                    return self.Decided(change_routine(log, row, choice))
                return self.Decided(override(log, row, choice, date))
            except InputError as exc:
                return self.Decided("", str(exc))

        self._select_name = row.name
        self.write(job, f"the {what} of {row.name}")

    def on_exercises_screen_decided(self, message: Decided) -> None:
        if message.error:
            self.notify(
                visible(message.error), title="Not changed", severity="warning", markup=False
            )
            return
        self.saved()
        self.notify(visible(message.what), title="Saved", markup=False)
        self.load()

    def action_new_exercise(self) -> None:
        from liftlog.tui.dialogs.exercise_form import ExerciseForm

        form = ExerciseForm(self._exercises, self.liftlog.athlete.units)
        self.app.push_screen(form, self._save)

    def _save(self, new: object) -> None:
        from liftlog.service.exercises import NewExercise, add_exercise

        if not isinstance(new, NewExercise):
            return
        log = self.logbook

        def job() -> Message:
            return self.Added(add_exercise(log, new).name)

        self.write(job, new.name)

    def on_exercises_screen_added(self, message: Added) -> None:
        self.saved()
        self._select_name = message.name
        self.notify(f"{message.name} is in your catalog.", title="Exercise added")
        self.load()
