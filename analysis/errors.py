"""Errors and warnings about the user's input, worded for the user."""

from __future__ import annotations

from collections.abc import Iterable


class InputProblem(ValueError):
    """Input the kit cannot analyse; the message names every file and problem."""

    def __init__(self, problems: Iterable[str]):
        self.problems = list(problems)
        if len(self.problems) == 1:
            message = self.problems[0]
        else:
            message = f"{len(self.problems)} problems with the input:\n" + "\n".join(
                f"- {p}" for p in self.problems
            )
        super().__init__(message)


class InputWarning(UserWarning):
    """Input the kit can analyse, but which the user should look at."""
