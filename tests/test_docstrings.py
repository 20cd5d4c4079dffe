"""Every public function that returns a table lists its columns as bullets (pewanalytics style),
and the columns documented are the columns the run writes."""

from __future__ import annotations

import ast
import importlib
import inspect
import re

import pytest

from analysis import config

TABLE_RETURN = re.compile(
    r"^(pd\.DataFrame( \| None)?|(Iterator|Iterable)\[.*DataFrame.*\]|tuple\[.*DataFrame.*\])$"
)
"""Return annotations of a table (or tables): a DataFrame, an iterator or a tuple of them. A dict
of tables points to the table registry (``docs/outputs.md``) instead."""


def list_table_functions() -> list[str]:
    """Every public module-level function of the package annotated to return a table."""
    found = []
    for path in sorted(config.PACKAGE_DIR.rglob("*.py")):
        module = ".".join(path.relative_to(config.PROJECT_DIR).with_suffix("").parts)
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if (
                isinstance(node, ast.FunctionDef)
                and not node.name.startswith("_")
                and node.returns is not None
                and TABLE_RETURN.match(ast.unparse(node.returns))
            ):
                found.append(f"{module.removesuffix('.__init__')}.{node.name}")
    return found


def read_function(name: str):
    module, function = name.rsplit(".", 1)
    return getattr(importlib.import_module(module), function)


def list_bullet_blocks(function) -> list[list[str]]:
    """The bullet lists of a function's Returns (or Yields) section, each as its bullets' text."""
    doc = inspect.getdoc(function) or ""
    parts = re.split(r"\n(?:Returns|Yields)\n-+\n", doc)
    if len(parts) < 2:
        return []
    blocks, current = [], None
    for line in parts[1].splitlines():
        if line.startswith("- "):
            if current is None:
                current = []
                blocks.append(current)
            current.append(line[2:])
        elif line.startswith("  ") and current:
            current[-1] += " " + line.strip()
        else:
            current = None
    return blocks


def list_documented_columns(bullets: list[str], actual: list[str]) -> list[str]:
    """The column names bullets give before their colon; ``a`` … ``b`` stands for the columns
    from ``a`` to ``b`` of ``actual``."""
    names = []
    for bullet in bullets:
        head = bullet.split(": ", 1)[0]
        if not head.startswith("``"):
            continue
        listed = re.findall(r"``([^`]+)``", head)
        if "…" in head and len(listed) >= 2:
            start, stop = actual.index(listed[-2]), actual.index(listed[-1])
            listed = listed[:-2] + actual[start : stop + 1]
        names += listed
    return names


FUNCTIONS = list_table_functions()


def test_the_table_functions_are_found():
    assert len(FUNCTIONS) > 100
    assert "analysis.hedging.cues.find_hedges" in FUNCTIONS


@pytest.mark.parametrize("name", FUNCTIONS)
def test_a_function_returning_a_table_lists_its_columns_as_bullets(name):
    blocks = list_bullet_blocks(read_function(name))
    assert blocks, f"{name}: no bulleted columns under Returns (or Yields)"


# (function, output table of the default corpus, bullet list, value of the ``by`` parameter)
WRITTEN = [
    ("analysis.hedging.cues.find_hedges", "hedges", 0, None),
    ("analysis.hedging.figures.find_hedged_figures", "hedged_figures", 0, None),
    ("analysis.hedging.cues.summarise_hedging", "hedging_outlets", 0, "outlet"),
    ("analysis.hedging.cues.compare_hedging", "hedging_tests", 0, None),
    ("analysis.loaded.terms.find_loaded", "loaded_terms", 0, None),
    ("analysis.loaded.terms.summarise_loaded", "loaded_outlets", 0, "outlet"),
    ("analysis.loaded.terms.compare_loaded", "loaded_tests", 0, None),
    ("analysis.loaded.naming.tabulate_naming_choices", "naming_choices", 0, "outlet"),
    ("analysis.loaded.distinctive.find_distinctive_terms", "distinctive_terms", 0, None),
    ("analysis.tone.score.summarise_tone", "tone_outlets", 0, "outlet"),
    ("analysis.tone.score.compare_tone", "tone_tests", 0, None),
    ("analysis.sources.actors.find_actor_mentions", "actor_mentions", 0, None),
    ("analysis.sources.actors.summarise_actor_tone", "actor_tone", 0, None),
    ("analysis.sources.labels.summarise_actor_labels", "actor_labels", 0, None),
    ("analysis.sources.choice.find_quotes", "quotes", 0, None),
    ("analysis.sources.choice.summarise_sources", "sources", 0, None),
    ("analysis.sources.choice.find_cited_media", "cited_media", 0, None),
    ("analysis.across.copying.find_shared_passages", "shared_passages", 0, None),
    ("analysis.across.copying.summarise_shared", "shared_articles", 0, None),
    ("analysis.across.variants.group_quote_variants", "quote_variants", 0, None),
    ("analysis.across.coverage.find_coverage", "coverage", 0, None),
    ("analysis.across.coverage.find_omissions", "omissions", 0, None),
    ("analysis.text.quotes.find_article_quotations", "quote_spans", 0, None),
    ("analysis.text.quotes.find_article_quotations", "voice", 1, None),
    ("analysis.text.clean.clean_corpus", "paragraphs", 1, None),
    ("analysis.text.clean.clean_corpus", "removed", 2, None),
]


@pytest.mark.parametrize(
    ("name", "table", "block", "by"), WRITTEN, ids=[f"{t}-{n}" for n, t, _, _ in WRITTEN]
)
def test_the_documented_columns_are_the_columns_written(seed_tables, name, table, block, by):
    actual = [str(c) for c in seed_tables[table].columns]
    bullets = list_bullet_blocks(read_function(name))[block]
    documented = [by if c == "by" and by else c for c in list_documented_columns(bullets, actual)]
    assert documented == actual
