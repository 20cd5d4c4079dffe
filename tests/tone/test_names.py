from __future__ import annotations

import pytest

from analysis.tone.names import NAME_PLACEHOLDER, find_lowercase_words, mask_names

N = NAME_PLACEHOLDER
KNOWN = frozenset({"the", "but", "despite", "says", "president", "good", "it", "plan", "is"})


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("The plan was good, said Mr. Smith.", f"The plan was good, said {N}. {N}."),
        ("Smith said the plan was good.", f"{N} said the plan was good."),
        ("But the Senate voted in Paris.", f"But the {N} voted in {N}."),
        ('"Despite it," Warner said.', f'"Despite it," {N} said.'),  # known at a start
        ("It was late. Despite that, we met.", "It was late. Despite that, we met."),
        ("It was late. Jones met us.", f"It was late. {N} met us."),  # after a full stop
        ("President Smith spoke.", f"President {N} spoke."),  # a known title at the start
        ("a fight with President Smith", f"a fight with {N} {N}"),  # inside: a title too
        ("SMITH SAYS THE PLAN IS GOOD", f"{N} SAYS THE PLAN IS GOOD"),  # capitals: known kept
        ("a GOOD plan by NATO", f"a GOOD plan by {N}"),
        ("thanks to @someone and @Other", f"thanks to {N} and {N}"),
        ("Smith's plan and McDonald's", f"{N}'s plan and {N}'s"),
        ("talks with O'Brien", f"talks with O'{N}"),  # "O" is one letter, no word
        ("Smith-Jones talks", f"{N}-{N} talks"),
        ("I think it was good.", "I think it was good."),  # one letter
        ("the U.S. plan", "the U.S. plan"),  # initials
        ("Covid19 cases", "Covid19 cases"),  # letters and digits: not a name word
        ("", ""),
    ],
)
def test_mask_names(text, masked):
    assert mask_names(text, KNOWN) == masked


def test_nothing_is_known_without_a_known_set():
    assert mask_names("The plan.", ()) == f"{N} plan."


def test_find_lowercase_words_keeps_what_the_fit_keeps_of_lower_case_text():
    texts = ["Smith said the plan was good.", "The plan of Smith.", "SMITH AND THE PLAN"]
    seen = []

    def fit_words(masked):
        seen.extend(masked)
        return {w.strip(".").lower() for t in masked for w in t.split()}

    known = find_lowercase_words(texts, fit_words)
    assert seen == [f"{N} said the plan was good.", f"{N} plan of {N}.", f"{N} {N} {N} {N}"]
    assert known == {"said", "the", "plan", "was", "good", "of"}


@pytest.mark.parametrize(
    ("text", "begins", "masked"),
    [
        ("The", True, "The"),
        ("The", False, N),  # inside a sentence, a capital marks a name
        ("Smith", True, N),
        ("it. The", False, "it. The"),  # after a full stop, a sentence may begin
        ("GOOD", False, "GOOD"),  # a word in capitals is not a name where it is known
    ],
)
def test_a_piece_cut_from_inside_a_sentence_does_not_begin_one(text, begins, masked):
    assert mask_names(text, KNOWN, begins=begins) == masked
