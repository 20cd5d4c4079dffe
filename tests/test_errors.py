"""Errors and warnings about the user's input (analysis.errors)."""

from __future__ import annotations

import warnings

import pytest

from analysis.errors import InputProblem, InputWarning


@pytest.mark.parametrize(
    ("problems", "message"),
    [
        (["a.txt: empty file"], "a.txt: empty file"),
        (
            ["a.txt: empty file", "b.csv line 3: no text"],
            "2 problems with the input:\n- a.txt: empty file\n- b.csv line 3: no text",
        ),
        (
            (p for p in ["x: bad", "y: bad", "z: bad"]),
            "3 problems with the input:\n- x: bad\n- y: bad\n- z: bad",
        ),
    ],
)
def test_an_input_problem_names_every_problem(problems, message):
    error = InputProblem(problems)
    assert str(error) == message
    assert error.problems == message.split("\n- ")[1:] or error.problems == [message]


def test_an_input_problem_is_a_value_error_and_a_warning_a_user_warning():
    with pytest.raises(ValueError):
        raise InputProblem(["one"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.warn("look at this", InputWarning, stacklevel=1)
    assert issubclass(caught[0].category, UserWarning)
