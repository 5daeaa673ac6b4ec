"""Exercise names: matching a typed or imported name to the catalog, and what a name says.

Matching (`NameIndex.get`) tries, in order, and stops at the first hit:

1. the name or an alias, ignoring case, accents, apostrophes, punctuation and spacing
   ("squat (barbell)" is "Squat (Barbell)", "single leg squat" is "Single-Leg Squat");
2. the same without any spaces ("pushup" is "Push-Up");
3. loosely: plurals made singular ("Walking Lunges", "Dumbbells"), numbers dropped
   ("Plank 1:00"), and one equipment word ("(Dumbbell)", "Machine …") set aside — taken
   only when the exercise found is done with that equipment (its own, or one its
   names mention), so "Deadlift (Dumbbell)" never becomes the barbell Deadlift; and a
   name that itself has an equipment word ("Bodyweight Squat") matches loosely only a
   name with the same word ("Squats (Bodyweight)"), never a bare "Squat". A loose key
   shared by two exercises' names (or, failing names, two exercises' aliases) matches
   neither: no false friends.

An unknown name gets the nearest names as suggestions. The other functions read what a
name says: its equipment (`equipment_from_name`), whether it is an assisted lift
(`is_assisted`, `signed_load_kg`: assistance is stored as negative load, SPEC §1), and
whether it is cardio rather than a strength exercise (`is_cardio_name`).
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")

#: Words that name equipment, and the catalog equipment they stand for.
EQUIPMENT_WORDS: dict[str, str] = {
    "barbell": "barbell",
    "bb": "barbell",
    "dumbbell": "dumbbell",
    "db": "dumbbell",
    "kettlebell": "kettlebell",
    "kb": "kettlebell",
    "machine": "machine",
    "cable": "machine",
    "smith": "machine",
    "band": "band",
    "banded": "band",
    "bodyweight": "bodyweight",
    "bw": "bodyweight",
    "weighted": "bodyweight",  # a bodyweight exercise with a vest or a plate
}
#: Two-word equipment names, read before the single words.
_EQUIPMENT_PHRASES = {
    "body weight": "bodyweight",
    "plate loaded": "machine",
    "hammer strength": "machine",
    "resistance band": "band",
}
#: Words that make a name cardio: runs, rides, rowing, climbers, classes.
_CARDIO_WORDS = frozenset(
    (
        *("run", "running", "jog", "jogging", "sprint", "treadmill", "hike", "hiking"),
        *("cycling", "cycle", "bike", "biking", "spinning", "spin"),
        *("elliptical", "eliptical", "crosstrainer", "rowing", "rower", "erg", "skierg"),
        *("swim", "swimming", "stair", "stairs", "stairmaster", "stepmill", "stepper"),
        *("zumba", "aerobic", "aerobics", "dance", "dancing", "cardio"),
    )
)
#: "Walking" is cardio alone ("Walking", "Incline Walking (Treadmill)"), not in
#: "Walking Lunge" or "Farmer's Walk": only these words may stand beside it.
_WALK_WORDS = frozenset({"walk", "walking"})
_WALK_COMPANIONS = frozenset({"incline", "treadmill", "outdoor", "indoor", "brisk", "power"})


def _fold(name: str) -> str:
    """Lower case, accents and apostrophes dropped (`Captain’s` → `captains`)."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("'", "").replace("\u2019", "")


def normalise(name: str) -> str:
    words = re.sub(r"[^\w]+", " ", _fold(name)).replace("_", " ").split()
    # a name of punctuation alone ("???", "###") is its own key, not the empty one
    return " ".join(words or _fold(name).split())


def _singular(word: str) -> str:
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ves"):
        return word[:-3] + "f"  # calves
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]  # presses, crunches, pushes, boxes
    return word[:-1]


@functools.lru_cache(maxsize=4096)
def _loose(name: str) -> tuple[str, str | None]:
    """(loose key, the equipment one equipment word named, or None)."""
    words = [_singular(w) for w in normalise(name).split() if not w.isdigit()]
    text = " ".join(words)
    equipment = None
    for phrase, meaning in _EQUIPMENT_PHRASES.items():
        if f" {phrase} " in f" {text} ":
            text = f" {text} ".replace(f" {phrase} ", " ", 1).strip()
            equipment = meaning
            break
    else:
        for i, word in enumerate(words):
            if word in EQUIPMENT_WORDS and len(words) > 1:
                equipment = EQUIPMENT_WORDS[word]
                text = " ".join(words[:i] + words[i + 1 :])
                break
    return text.replace(" ", ""), equipment


class NameIndex(Generic[T]):
    """Looks items up by any of their names.

    Entries are `(item, name, aliases)` or `(item, name, aliases, equipment)`; without
    the equipment, a name that carries an equipment word matches only exactly.
    """

    def __init__(
        self,
        entries: Iterable[tuple[T, str, Iterable[str]] | tuple[T, str, Iterable[str], str | None]],
    ) -> None:
        self._by_key: dict[str, T] = {}
        self._display: dict[str, str] = {}
        self._by_compact: dict[str, T] = {}
        rows = [(e[0], e[1], list(e[2]), e[3] if len(e) > 3 else None) for e in entries]
        self._items = [row[0] for row in rows]
        #: per entry: the equipment a loose match may name (its own and its names')
        self._allowed: list[frozenset[str]] = [
            frozenset({equipment, *(e for e in (_loose(n)[1] for n in [name, *aliases]) if e)})
            if equipment is not None
            else frozenset()
            for _item, name, aliases, equipment in rows
        ]
        #: loose key → (0 for a name, 1 for an alias; the entry, or -1 when ambiguous),
        #: for names without an equipment word, and for those with one (keyed by it too)
        self._plain: dict[str, tuple[int, int]] = {}
        self._equipped: dict[tuple[str, str], tuple[int, int]] = {}
        # names first, so that a name always beats another exercise's alias
        for item, name, _aliases, _equipment in rows:
            self._add(normalise(name), item, name)
        for item, name, aliases, _equipment in rows:
            for alias in aliases:
                self._add(normalise(alias), item, name)
        for priority in (0, 1):
            for index, (_item, name, aliases, _equipment) in enumerate(rows):
                for text in [name] if priority == 0 else aliases:
                    key, equipment = _loose(text)
                    if not key:
                        continue
                    if equipment is None:
                        _add_loose(self._plain, key, priority, index)
                    elif equipment in self._allowed[index]:
                        _add_loose(self._equipped, (key, equipment), priority, index)

    def _add(self, key: str, item: T, display: str) -> None:
        if key and key not in self._by_key:
            self._by_key[key] = item
            self._display[key] = display
            self._by_compact.setdefault(key.replace(" ", ""), item)

    def get(self, name: str) -> T | None:
        key = normalise(name)
        found = self._by_key.get(key)
        if found is None:  # "pushup" is "Push-Up", "step up" is "Step-Up"
            found = self._by_compact.get(key.replace(" ", ""))
        if found is None:
            loose, equipment = _loose(name)
            if equipment is not None:  # "Squats (Bodyweight)": a name with that word
                _priority, index = self._equipped.get((loose, equipment), (0, -1))
                if index >= 0:
                    return self._items[index]
            _priority, index = self._plain.get(loose, (0, -1))
            if index >= 0 and (equipment is None or equipment in self._allowed[index]):
                found = self._items[index]
        return found

    def suggest(self, name: str, n: int = 3) -> list[str]:
        """The display names closest to `name`, best first, without repeats."""
        key = normalise(name)
        close = difflib.get_close_matches(key, list(self._by_key), n=n * 3, cutoff=0.5)
        close += [k for k in self._by_key if key and key in k and k not in close]
        seen: list[str] = []
        for k in close:
            display = self._display[k]
            if display not in seen:
                seen.append(display)
        return seen[:n]


K = TypeVar("K")


def _add_loose(keys: dict[K, tuple[int, int]], key: K, priority: int, index: int) -> None:
    found = keys.get(key)
    if found is None:
        keys[key] = (priority, index)
    elif priority == found[0] and found[1] != index:
        keys[key] = (priority, -1)  # two exercises share it: neither gets it


@functools.lru_cache(maxsize=4096)  # called for every row of an import
def equipment_from_name(name: str) -> str | None:
    """The catalog equipment a name states (`Curl (Dumbbell)` → dumbbell, `Cable Fly` →
    machine, `Pull Up (Band)` → band, `Pull Up (Assisted)` → machine), or None when it
    names none. A word in brackets (the app's own label) wins over one in the name."""
    bracketed = re.findall(r"\(([^)]*)\)", name)
    for text in [*bracketed, name]:
        words = normalise(text).split()
        joined = f" {' '.join(words)} "
        for phrase, meaning in _EQUIPMENT_PHRASES.items():
            if f" {phrase} " in joined:
                return meaning
        for word in words:
            word = _singular(word)
            if word in EQUIPMENT_WORDS and word != "weighted":
                return EQUIPMENT_WORDS[word]
    return "machine" if is_assisted(name) else None  # the assisted pull-up/dip machine


@functools.lru_cache(maxsize=4096)  # called for every row of an import
def is_assisted(name: str) -> bool:
    """`Pull Up (Assisted)`, `Assisted Dip (Machine)`: the load is help, not resistance."""
    return "assisted" in normalise(name).split()


def signed_load_kg(name: str, weight_kg: float) -> float:
    """The load to store for a set of `name`: an assisted exercise's load is the help
    the machine or band gave, stored negative (SPEC §1); other loads unchanged."""
    if is_assisted(name) and weight_kg:
        return -abs(weight_kg)
    return weight_kg


@functools.lru_cache(maxsize=4096)  # called for every row of an import
def is_cardio_name(name: str) -> bool:
    """Runs, rides, rowing, climbers, swims, classes (`Running (Treadmill)`, `Zumba`,
    `Stair Climber`, `Rowing (Machine)`), never a strength exercise (`Walking Lunge`,
    `Bent Over Row`, `Farmer's Walk`)."""
    words = {_singular(w) for w in normalise(name).split()}
    if words & _CARDIO_WORDS:
        return True
    return bool(words & _WALK_WORDS) and words <= _WALK_WORDS | _WALK_COMPANIONS
