"""Findings: sentences built from computed numbers; the README's section is what the package
computes."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import config
from analysis.engine.outputs import load_outputs
from analysis.engine.pipeline import run_corpus
from analysis.engine.tables import read_table
from analysis.report.comparisons import compare_profile
from analysis.report.findings import (
    END_MARK,
    README_TOPICS,
    START_MARK,
    format_value,
    markdown_table,
    render_readme_findings,
    replace_section,
    write_findings,
)
from analysis.report.profile import MEASURES, profile_outlets


@pytest.mark.parametrize(
    "value, low, high, expected",
    [
        (0.1234, 0.01, 0.2, "0.123 (95% interval 0.01 to 0.2)"),
        (12.0, float("nan"), float("nan"), "12"),
        (float("nan"), 0, 1, "no value"),
    ],
)
def test_format_value(value, low, high, expected):
    assert format_value(value, low, high) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (f"a\n{START_MARK}\nold\n{END_MARK}\nb", "a\nNEW\nb"),
        (f"{START_MARK}{END_MARK}", "NEW"),
    ],
)
def test_replace_section(text, expected):
    assert replace_section(text, "NEW") == expected


@pytest.mark.parametrize("text", ["no marks", f"{END_MARK} {START_MARK}"])
def test_replace_section_names_the_file_when_marks_are_missing(text):
    with pytest.raises(ValueError, match="README.md: no findings section"):
        replace_section(text, "NEW")


def test_markdown_table_escapes_pipes():
    import pandas as pd

    assert (
        markdown_table(pd.DataFrame({"a": ["x|y"], "b": [1]}))
        == "| a | b |\n|---|---|\n| x\\|y | 1 |"
    )


def test_one_finding_per_measure_each_with_a_caveat(seed_tables):
    profile = profile_outlets(seed_tables)
    findings = write_findings(profile, compare_profile(seed_tables), seed_tables)
    assert [f.topic for f in findings] == [
        "headline",
        "corpus",
        *(m.key for m in MEASURES),
        "shared",
    ]
    assert all(f.caveat for f in findings)
    assert findings[0].text.startswith(
        "No difference between outlets holds after correction. Not tested (one article a side, or "
        "too few hits): tone, own voice (VADER)"
    )
    assert findings[1].caveat.startswith("an outlet of one article")


def test_readme_findings_are_what_the_package_computes(tmp_path):
    """`make report` rewrites the section from the run's tables; this fails when the committed one
    is stale or edited by hand."""
    run_corpus(config.DEFAULT_CORPUS, tmp_path)
    tables = load_outputs(tmp_path)
    profile = profile_outlets(tables)
    section = render_readme_findings(tables, "figures/readme/framing-profile.png")
    assert section.count("\n- ") == len(README_TOPICS)  # the headline, the corpus and shared text
    readme = (config.PROJECT_DIR / "README.md").read_text(encoding="utf-8")
    assert section in readme, (
        "README findings are stale: run 'make report' (or python -m analysis findings)"
    )
    committed = read_table(config.FIGURES_DIR / "readme" / "framing-profile.csv")
    assert len(committed) == len(profile)
    assert list(committed["value"].round(4).fillna(-1)) == list(
        profile["value"].round(4).fillna(-1)
    )


def test_a_corpus_without_outlets_is_said_to_have_none(tmp_path):
    corpus = pd.read_csv(config.PROJECT_DIR / "tests" / "data" / "second_corpus.csv").drop(
        columns=["outlet"]
    )
    corpus.to_csv(tmp_path / "corpus.csv", index=False)
    run_corpus(tmp_path / "corpus.csv", tmp_path / "run")
    tables = load_outputs(tmp_path / "run")
    findings = write_findings(profile_outlets(tables), compare_profile(tables), tables)
    assert findings[1].text == "6 articles, no outlet named: each article stands alone."
    assert tables["tone_tests"].empty and all(
        "No pair of outlets was compared." in f.text for f in findings[2:5]
    )
