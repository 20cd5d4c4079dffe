"""Findings in plain language, each sentence built from a number the kit computed and its caveat.

The README's findings section is written by :func:`update_readme` from these
sentences on every ``make report`` of the default corpus; a test checks that the
committed section is what the package computes now.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from analysis import config
from analysis.across.copying import COPY_SHARE
from analysis.plots.figures import save_figure
from analysis.plots.profile import plot_profile
from analysis.report.comparisons import compare_profile
from analysis.report.profile import MEASURES, profile_outlets, select_share_units, tabulate_profile
from analysis.stats.design import count_noun, plan_comparisons, summarise_comparisons

START_MARK = "<!-- findings:start -->"
END_MARK = "<!-- findings:end -->"
ONE_ARTICLE_CAVEAT = (
    "an outlet of one article: its interval resamples that article's sentences, and every "
    "difference with it is a "
    "difference between articles, not evidence about how an outlet covers events"
)


@dataclass(frozen=True)
class Finding:
    """One finding: what the numbers say, and the caveat it needs."""

    topic: str
    text: str
    caveat: str


def format_value(value: float, low: float = float("nan"), high: float = float("nan")) -> str:
    """A value with three significant digits and, when known, its 95% interval."""
    if pd.isna(value):
        return "no value"
    text = f"{value:.3g}"
    if pd.notna(low) and pd.notna(high):
        text += f" (95% interval {low:.3g} to {high:.3g})"
    return text


def write_findings(
    profile: pd.DataFrame, tests: pd.DataFrame, tables: dict[str, pd.DataFrame]
) -> list[Finding]:
    """Findings about the corpus, each measure of the profile, and shared text.

    Parameters
    ----------
    profile : :func:`analysis.report.profile.profile_outlets`.
    tests : :func:`analysis.report.profile.compare_profile`.
    tables : the run's tables (``articles``, ``shared_articles``, ``shared_passages``).

    Returns
    -------
    A list of :class:`Finding`: first the headline (the differences that hold
    after correction, with their designs; in one line the measures where none
    does and those not tested), then the corpus (how many articles stand behind
    each outlet), then one per measure in the order of
    :data:`analysis.report.profile.MEASURES`, then shared and copied text.
    """
    articles = tables["articles"]
    per_outlet = articles.groupby("outlet")["article_id"].nunique()
    fewest = int(per_outlet.min()) if len(per_outlet) else 0
    if plan_comparisons(articles)[1] == "none":
        corpus = Finding(
            "corpus",
            f"{count_noun(len(articles), 'article')}, no outlet named: each article stands alone.",
            "no outlet is compared with another; the rows below are articles, and the per-article "
            "tables are the results",
        )
    else:
        corpus = Finding(
            "corpus",
            f"{count_noun(len(articles), 'article')} from "
            f"{count_noun(len(per_outlet), 'outlet')}; the fewest articles behind an outlet: "
            f"{fewest}.",
            ONE_ARTICLE_CAVEAT
            if fewest < 2
            else "intervals and comparisons take the article as the unit, so they are wide when "
            "an outlet has few articles",
        )
    findings = [_describe_headline(tests), corpus]
    statements = summarise_comparisons(tests, keys=("measure",)).set_index("measure")
    for measure in MEASURES:
        rows = profile[(profile["measure"] == measure.key) & profile["value"].notna()]
        if rows.empty:
            findings.append(
                Finding(
                    measure.key,
                    f"{_capitalise(measure.label)}: no outlet has a value.",
                    measure.caveat,
                )
            )
            continue
        findings.append(
            Finding(
                measure.key, _describe_measure(measure, rows, tests, statements), measure.caveat
            )
        )
    findings.append(_describe_shared(tables))
    return findings


def _describe_headline(tests: pd.DataFrame, alpha: float = 0.05) -> Finding:
    """The first finding: the differences that hold after correction, each with its design, then in
    one line the measures where none does and those not tested."""
    label = {m.key: m.label for m in MEASURES}
    held = tests[tests["p_holm"] < alpha]
    items = []
    for r in held.itertuples():
        basis = (
            f"paired over {r.n_events} events"
            if r.design == "event-paired"
            else f"{r.articles_first} and {r.articles_second} articles"
        )
        direction = "higher" if r.difference > 0 else "lower"
        items.append(
            f"{label.get(r.measure, r.measure)}, {r.first} {direction} than {r.second} by "
            f"{abs(r.difference):.3g} ({basis}; Holm p {r.p_holm:.3g})"
        )
    text = (
        ("Differences that hold after correction: " + "; ".join(items) + ".")
        if items
        else "No difference between outlets holds after correction."
    )
    tested = tests.groupby("measure", sort=False)["p_holm"].agg(lambda p: p.notna().any())
    none = [label.get(m, m) for m in tested.index if tested[m] and m not in set(held["measure"])]
    untested = [label.get(m, m) for m in tested.index if not tested[m]]
    if none:
        text += f" No difference these data can show in: {'; '.join(none)}."
    if untested:
        text += f" Not tested (one article a side, or too few hits): {'; '.join(untested)}."
    return Finding(
        "headline",
        text,
        "Holm corrects within each measure, not across them: one difference among many "
        "comparisons is weak evidence",
    )


def _describe_measure(
    measure, rows: pd.DataFrame, tests: pd.DataFrame, statements: pd.DataFrame
) -> str:
    head = f"{_capitalise(measure.label)}, {measure.unit}:"
    highest, lowest = rows["value"].max(), rows["value"].min()
    if highest == lowest:
        text = f"{head} {highest:.3g} in every outlet."
    else:
        text = (
            f"{head} highest in {_describe_extreme(rows, highest)}; lowest in "
            f"{_describe_extreme(rows, lowest)}."
        )
    if measure.key not in statements.index:
        return text + " No pair of outlets was compared."
    family = statements.loc[measure.key]
    if family["tested"] == 0:
        return text + f" {_capitalise(family['statement'])}."
    text += f" Comparisons: {family['statement']}"
    chosen = tests[(tests["measure"] == measure.key) & (tests["p_holm"] < 0.05)]
    if len(chosen):
        text += ": " + "; ".join(
            f"{r.first} minus {r.second} {r.difference:+.3g} (Holm p {r.p_holm:.3g})"
            for r in chosen.itertuples()
        )
    return text + "."


def _describe_extreme(rows: pd.DataFrame, value: float) -> str:
    """The outlets at one extreme: one with its interval, or several tied at the value."""
    tied = rows[rows["value"] == value].sort_values("outlet")
    if len(tied) == 1:
        row = tied.iloc[0]
        return f"{row['outlet']}, {format_value(row['value'], row['low'], row['high'])}"
    return f"{len(tied)} outlets tied at {value:.3g} ({', '.join(tied['outlet'])})"


def _describe_shared(tables: dict[str, pd.DataFrame]) -> Finding:
    passages, shared = tables["shared_passages"], tables["shared_articles"]
    quoted = int((passages["voice"] == "quoted").sum()) if len(passages) else 0
    copies = shared[shared["copies"].astype(bool)] if len(shared) else shared
    verb = "is" if len(passages) == 1 else "are"
    text = (
        f"{count_noun(len(passages), 'passage')} {verb} shared near-verbatim between articles, "
        f"{quoted} of them the same statement quoted; "
    )
    if len(copies):
        text += (
            f"{count_noun(len(copies), 'article')} {'copies' if len(copies) == 1 else 'copy'} "
            "another: "
            + "; ".join(
                f"{r.outlet} shares {r.partner_share:.1%} of its own words with {r.partner}"
                for r in copies.itertuples()
            )
            + "."
        )
        caveat = (
            "a copied article repeats its source's word choices: its measures are not "
            "independent of that source's"
        )
    else:
        text += f"no article shares {COPY_SHARE:.0%} or more of its own words with another."
        caveat = (
            "copying is judged on words: outlets rewriting one agency report in their own "
            "words are not caught"
        )
    return Finding("shared", text, caveat)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def render_findings_markdown(findings: list[Finding], table: pd.DataFrame, figure: str) -> str:
    """The README's findings section: the key figure, the findings with caveats and the summary
    table.

    ``table`` is :func:`analysis.report.profile.tabulate_profile`; ``figure`` the
    figure's path relative to the README. The section starts and ends with
    :data:`START_MARK` and :data:`END_MARK`.
    """
    lines = [
        START_MARK,
        "_Written by `python -m analysis findings` from the default corpus on every `make report`;"
        " a test fails when it differs from what the package computes. Do not edit by hand._",
        "",
        f"![Every measure per outlet with 95% bootstrap intervals]({figure})",
        "",
    ]
    lines += [
        render_findings_list(findings),
        "",
        "Every measure per outlet, mean or rate with its 95% interval (each measure's finding and "
        "caveat:"
        " notebook `06-framing-profile`):",
        "",
        markdown_table(table),
        END_MARK,
    ]
    return "\n".join(lines)


def render_findings_list(findings: list[Finding]) -> str:
    """The findings as a Markdown list, each with its caveat."""
    return "\n".join(f"- {finding.text} *Caveat:* {finding.caveat}." for finding in findings)


def markdown_table(frame: pd.DataFrame) -> str:
    """A DataFrame as a GitHub Markdown table (cells as text, pipes escaped)."""

    def cell(value) -> str:
        return str(value).replace("|", "\\|")

    header = "| " + " | ".join(cell(c) for c in frame.columns) + " |"
    rule = "|" + "|".join("---" for _ in frame.columns) + "|"
    body = [
        "| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(index=False)
    ]
    return "\n".join([header, rule, *body])


def replace_section(text: str, section: str, source: str = "README.md") -> str:
    """``text`` with the part from :data:`START_MARK` to :data:`END_MARK` replaced by ``section``.

    Raises ValueError naming ``source`` when the marks are missing or out of order.
    """
    start, end = text.find(START_MARK), text.find(END_MARK)
    if start < 0 or end < start:
        raise ValueError(
            f"{source}: no findings section (a line {START_MARK} and, after it, a line {END_MARK})"
        )
    return text[:start] + section + text[end + len(END_MARK) :]


def update_readme(readme: str | Path, section: str) -> bool:
    """Write ``section`` into the README's findings section; True when the file changed."""
    readme = Path(readme)
    before = readme.read_text(encoding="utf-8")
    after = replace_section(before, section, str(readme))
    if after != before:
        readme.write_text(after, encoding="utf-8")
    return after != before


README_FIGURE = "framing-profile"


README_TOPICS = ("headline", "corpus", "shared")
"""The findings the README shows: what holds after correction, how many articles stand behind each
outlet, and shared text. The table beside them gives every measure's values with their
intervals."""


def write_readme_findings(
    tables: dict[str, pd.DataFrame],
    readme: str | Path | None = None,
    folder: str | Path | None = None,
) -> bool:
    """Regenerate the README's findings section and its figure from a run's tables.

    The README keeps the findings of :data:`README_TOPICS`; each measure's own finding, with its
    caveat, is in notebook 06, and its values are in the section's table.

    The figure is saved by :func:`analysis.plots.figures.save_figure` as
    ``<folder>/framing-profile.{png,svg,csv}`` (default ``figures/readme/``,
    committed beside the README) and linked relative to the README. Returns
    True when the README changed.
    """
    readme = Path(readme) if readme is not None else config.PROJECT_DIR / "README.md"
    folder = Path(folder) if folder is not None else config.FIGURES_DIR / "readme"
    units = select_share_units(tables)
    profile = profile_outlets(tables, units)
    fig, data = plot_profile(profile)
    paths = save_figure(fig, data, README_FIGURE, folder)
    plt.close(fig)
    link = Path(os.path.relpath(paths["png"], readme.resolve().parent)).as_posix()
    return update_readme(readme, render_readme_findings(tables, link, profile, units))


def render_readme_findings(
    tables: dict[str, pd.DataFrame], figure: str, profile: pd.DataFrame | None = None, units=None
) -> str:
    """The README's findings section for a run's tables: the findings of :data:`README_TOPICS` and
    the profile's table (:func:`render_findings_markdown`); ``figure`` is the key figure's path
    relative to the README."""
    units = units if units is not None else select_share_units(tables)
    profile = profile if profile is not None else profile_outlets(tables, units)
    findings = [
        finding
        for finding in write_findings(profile, compare_profile(tables, units), tables)
        if finding.topic in README_TOPICS
    ]
    return render_findings_markdown(findings, tabulate_profile(profile), figure)
