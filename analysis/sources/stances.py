"""Stances: the rules that tell a verb attributing a stance from one that holds none.

A stance is what a source believes, intends or supports, or what a poll or
study shows, attributed without its words ("Republicans oppose the bill", "a
new poll shows Clinton ahead"); :func:`analysis.sources.attribution.find_attributions_and_stances`
finds the cues (``stance_verbs.tsv``) and reads sources, contents and speakers
as for words, and asks these rules which cues attribute a stance. Each rule is
tested with real sentences in ``tests/sources/test_attribution.py``.
"""

from __future__ import annotations

import re

from analysis.resources.lists import normalise_phrase
from analysis.sources.lexicons import SourceLexicons
from analysis.text.clauses import (
    AUXILIARIES,
    PRONOUNS,
    SENTENCE_OPENERS,
    VERB_OR_PREPOSITION,
    bare_word,
    is_adverb,
    is_tag,
    words_between,
)


def before_adverbs(before: list[re.Match]) -> list[re.Match]:
    """The word before the adverbs that end ``before`` ("not" of "does not specifically seek"), as
    a list of none or one."""
    k = len(before)
    while k and is_adverb(bare_word(before[k - 1].group())):
        k -= 1
    return before[k - 1 : k] if 0 < k < len(before) else []


_STANCE_SUBJECT_OPENERS = frozenset(
    "the a an some many most several few all both these those this that his her their its our my "
    "your no every each other others "
    "one two three four five half more fewer".split()
)
"""Lower-case words that may open the subject of a stance ("most voters", "the study")."""
_FINITE_VERBS = frozenset(
    "would will could can may might must shall should is are was were has have had "
    "does did".split()
)
"""Auxiliaries and modals: a source phrase holding one is a clause, not the subject of a stance."""
STANCE_PARTICIPLES = frozenset("thought sought found shown".split())
"""Past participles of stance verbs that do not end in -ed: after a form of "be" they are passives
("are thought to")."""
NO_OBJECT = frozenset(
    "in on at during after before with by for from over since inside near among".split()
)
"""Prepositions that open what follows a stance verb when its object stands before it (a relative
clause) or it is a participle."""
_REFLEXIVES = frozenset(
    "himself herself itself themselves myself ourselves yourself me him us them".split()
)


def holds_stance(
    text: str,
    lo: int,
    hi: int,
    cue: tuple[int, int, str],
    source: tuple[int, int, bool],
    lexicons: SourceLexicons,
) -> bool:
    """Whether a stance cue with this source attributes a stance (see
    :func:`analysis.sources.attribution.find_attributions_and_stances`).

    The source must stand before the cue as its subject: a name, a pronoun, a source word
    ("officials"), an evidence noun ("the poll") or a phrase opened by a determiner or quantifier
    ("most voters"); not a question ("Do you think"), an adverb ("often citing"), a preposition
    ("to varying degrees"), a clause with an auxiliary or modal ("the deal would provide … Trump's
    proposed") or words across an ellipsis; a finding (evidence class) needs a name, a pronoun, a
    source word or an evidence noun, and so does a past form after "a" or "an" ("a move intended to
    …" is a participle, not a stance). Not a passive ("opposed by House Republicans"), "declined"
    without "to" (a number that fell), nor a finding with an object pronoun ("found himself",
    "showed me"), nor a past form right after a comma ("…, intended to highlight": a participle).
    """
    cue_start, cue_end, cue_class = cue
    if source[2]:
        return False  # stances do not invert: "said Trump", never "wants Trump"
    following = words_between(text, cue_end, hi)[:1]
    after = bare_word(following[0].group()) if following else ""
    form = normalise_phrase(text[cue_start:cue_end])
    if after == "by" and form.endswith("ed"):
        return False
    if form.startswith("declin") and after != "to":
        return False
    if form.endswith("ed") and text[lo:cue_start].rstrip().endswith(","):
        # "The spate of disclosures, intended to highlight …": a participle set off by a comma
        return False
    if cue_class == "evidence" and after in _REFLEXIVES:
        return False
    words = words_between(text, source[0], source[1])
    if not words or "..." in text[source[0] : source[1]] or "…" in text[source[0] : source[1]]:
        return False  # an ellipsis joins two sentences of a quoted passage: not one subject
    if is_tag(text[source[0] : source[1]].strip(" ,")):
        # "Sen. Max Baucus, D-Mont., the representative for …, indicated": the tag is nobody
        return False
    first, last = bare_word(words[0].group()), bare_word(words[-1].group())
    if (
        first in ("do", "does", "did", "why", "how", "what", "there")
        or last in AUXILIARIES
        or last in VERB_OR_PREPOSITION
        or is_adverb(last)
    ):
        return False
    bare = {bare_word(w.group()) for w in words}
    if bare & _FINITE_VERBS:
        # a clause, not a subject: "the deal would provide only a fraction of Trump's (proposed
        # figure)"
        return False
    capitalised = [
        w
        for w in words
        if w.group()[:1].isupper()
        and bare_word(w.group()) not in SENTENCE_OPENERS | _STANCE_SUBJECT_OPENERS
    ]
    named = (
        bool(capitalised) or first in PRONOUNS or first in ("who", "that")
    )  # "His oratory" is capitalised only where it stands
    sourced = bool(bare & lexicons.types.keys()) or bool(bare & lexicons.evidence_nouns)
    if cue_class == "evidence":
        return (
            named or sourced
        )  # a finding needs a source that can report one: "his oratory showed room" is not one
    if first in ("a", "an") and form.endswith("ed"):
        return (
            named or sourced
            # "a move intended to …", "a bill proposed by …": a participle after a noun, not its
            # stance
        )
    return named or sourced or first in _STANCE_SUBJECT_OPENERS


_OPENING_PREPOSITIONS = frozenset(
    "ahead during after before in at on while as since despite amid following "
    "with without under".split()
)


def after_opening_phrase(text: str, lo: int, hi: int) -> int:
    """Where the subject of a sentence opened by a prepositional phrase starts: after that phrase's
    comma ("During the meeting in the Situation Room, Mr. Trump … rejected"), or after "Ahead of …"
    up to the first name that follows a lower-case word ("Ahead of the meeting Trump sent …")."""
    words = words_between(text, lo, hi)
    if not words or bare_word(words[0].group()) not in _OPENING_PREPOSITIONS:
        return lo
    comma = text.find(",", lo, hi)
    if comma > 0:
        return comma + 1
    for previous, word in zip(words, words[1:]):
        if previous.group().islower() and word.group()[:1].isupper():
            return word.start()
    return lo


def plural_group_before(
    text: str, lo: int, hi: int, quoted: list[tuple[int, int]], lexicons: SourceLexicons
) -> str:
    """The last plural source word of ``source_types.tsv`` ("Democrats", "officials", "critics") in
    ``text[lo:hi]``, outside quotations, as written: whom a stance's "they" means ("Democrats have
    made clear that they believe …")."""
    found = ""
    for word in words_between(text, lo, hi):
        bare = bare_word(word.group())
        if (
            bare.endswith("s")
            and bare in lexicons.types
            and not any(s <= word.start() < e for s, e in quoted)
        ):
            found = word.group()
    return found


def end_relative_clause(
    text: str, lo: int, cue_start: int, content: tuple[int, int, str]
) -> tuple[int, int, str]:
    """A stance in a relative clause set off by commas ends at the clause's comma ("Warren, who
    supports a wealth tax, spoke")."""
    before = words_between(text, lo, cue_start)
    if (
        not before
        or bare_word(before[-1].group()) not in ("who", "which")
        or not text[lo : before[-1].start()].rstrip().endswith(",")
    ):
        return content
    comma = text.find(",", content[0], content[1])
    return (content[0], comma, content[2]) if comma > content[0] else content


def stance_subject_before(before: list[re.Match], form: str, lexicons: SourceLexicons) -> bool:
    """Whether the word before a stance form that is also a noun ends a subject: a name, a pronoun,
    an auxiliary or adverb, a source word ("officials", "critics") or an evidence noun ("a new poll
    shows")."""
    if not before:
        return False
    word = before[-1].group()
    bare = bare_word(word)
    if bare in PRONOUNS:
        return True  # "They worry", "he plans"
    if word[:1].isupper():
        # a base form after a singular name is a noun of a compound ("The Republican demand", "the
        # Trump plan"): a singular subject would take "demands", "plans"
        return bare not in SENTENCE_OPENERS and (form.endswith("s") or bare.endswith("s"))
    return (
        bare in PRONOUNS
        or bare in ("who", "that")
        or bare in AUXILIARIES
        or is_adverb(bare)
        or bare in lexicons.types
        or bare in lexicons.evidence_nouns
    )
