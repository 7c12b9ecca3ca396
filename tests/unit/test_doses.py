"""Doses as numbers (data/exercises.yml, runnersback/model/exercises.Dose): the words pages print,
and the data the build refuses."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from runnersback.model.exercises import Dose


@pytest.mark.parametrize("dose, words", [
    ({"hold": 30, "hold_up_to": 60, "reps": 2, "each_side": True},
     "Hold 30 to 60 seconds. 2 repetitions on each side."),
    ({"reps": 5, "times": 3, "per": "week", "build_up": "Add 1 or 2 every few days, up to 10."},
     "Start with 5 repetitions. 3 times a week. Add 1 or 2 every few days, up to 10."),
    ({"sets": 1, "reps": 1}, "1 set of 1 repetition."),
    ({"sets": 3, "reps": 10, "each_side": True, "times": 2}, "3 sets of 10 repetitions on each side. Twice a day."),
    ({"hold": 20, "each_side": True, "times": 1}, "Hold 20 seconds on each side. Once a day."),
])
def test_dose_words(dose, words):
    assert Dose(**dose).text() == words


@pytest.mark.parametrize("dose", [
    {"reps_up_to": 3},  # a range with no start
    {"reps": 5, "reps_up_to": 5},  # a range that is not one
    {"hold": 30, "hold_up_to": 20},
    {"each_side": True},  # nothing to do
    {"reps": 0}, {"reps": 51}, {"times": 11}, {"per": "month", "reps": 5},
])
def test_a_dose_that_makes_no_sense_is_refused(dose):
    with pytest.raises(ValidationError):
        Dose(**dose)
