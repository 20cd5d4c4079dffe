"""The distinctive-terms explorer: one offline page where a click on a term shows its contexts in
each outlet.

In the spirit of scattertext (Kessler 2017): the words that set each outlet's own
voice apart (``distinctive_terms.csv``, log-odds with an informative Dirichlet
prior) are listed per outlet with their z-scores; clicking one lists, for every
outlet, a few of the authorial sentences where it occurs, so that a reader sees
what the word stands for before reading anything into it.

The page carries its data as JSON inside the page and a small script; it fetches
nothing. Every piece of article text is put on the page as text (the script sets
``textContent``), and the JSON has ``<``, ``>`` and ``&`` escaped, so markup in an
article shows as markup, never runs.
"""

from __future__ import annotations

import json

import pandas as pd

from analysis.report.annotate import escape, render_page
from analysis.text.quotes import index_voice_ranges, voice_at
from analysis.text.segment import LETTER_WORD_RE

TERMS_PER_OUTLET = 15
"""Distinctive terms listed per outlet (those of highest z)."""

CONTEXTS = 5
"""Contexts shown per term and outlet at most."""

MAX_CONTEXTS = 20_000
"""Contexts on the page at most: with many outlets and terms, fewer per term and outlet (one at
least)."""

WIDTH = 80
"""Characters of text shown on each side of the term."""

CONTEXT_COLUMNS = ["term", "outlet", "article_id", "left", "match", "right"]


def choose_terms(distinctive: pd.DataFrame, per_outlet: int = TERMS_PER_OUTLET) -> pd.DataFrame:
    """The ``per_outlet`` terms of highest z of each outlet (``distinctive_terms.csv`` rows),
    outlets in name order.

    Returns
    -------
    A new DataFrame with the columns of ``distinctive`` (``distinctive_terms.csv``), at most
    ``per_outlet`` rows per outlet:

    - ``outlet``, ``term``: the outlet and the word
    - ``count``, ``count_rest``, ``log_odds``, ``z``, ``p_permutation``, ``tfidf``: as in
      :func:`analysis.loaded.distinctive.find_distinctive_terms`
    """
    ranked = distinctive.sort_values(
        ["outlet", "z", "term"], ascending=[True, False, True], kind="stable"
    )
    return ranked.groupby("outlet", sort=True).head(per_outlet).reset_index(drop=True)


def collect_term_contexts(
    tables: dict[str, pd.DataFrame],
    terms: list[str],
    per_outlet: int = CONTEXTS,
    width: int = WIDTH,
) -> pd.DataFrame:
    """Up to ``per_outlet`` authorial occurrences of each term in each outlet, articles in id
    order.

    A term matches a word of the clean text lower-cased (curly apostrophes made straight), as the
    distinctive vocabulary counts it, in the outlet's own voice (the ``voice`` table).

    Returns
    -------
    A new DataFrame of :data:`CONTEXT_COLUMNS`, one row per occurrence shown:

    - ``term``, ``outlet``: the word and the outlet
    - ``article_id``: the article it occurs in
    - ``left``, ``right``: up to ``width`` characters each side of it, cut at a space
    - ``match``: the word as written
    """
    articles = tables["articles"].sort_values("article_id", kind="stable")
    wanted = set(terms)
    index = index_voice_ranges(tables["voice"])
    found: dict[tuple[str, str], int] = {}
    rows = []
    for article_id, outlet, text in zip(
        articles["article_id"], articles["outlet"], articles["clean_text"]
    ):
        ranges = index.get(article_id, ([], [], []))
        for match in LETTER_WORD_RE.finditer(text):
            term = match.group().lower().replace("’", "'")
            key = (term, outlet)
            if (
                term not in wanted
                or found.get(key, 0) >= per_outlet
                or voice_at(ranges, match.start()) != "authorial"
            ):
                continue
            found[key] = found.get(key, 0) + 1
            left = text[max(match.start() - width, 0) : match.start()]
            right = text[match.end() : match.end() + width]
            left = left.split(" ", 1)[-1] if match.start() > width and " " in left else left
            right = (
                right.rsplit(" ", 1)[0]
                if match.end() + width < len(text) and " " in right
                else right
            )
            rows.append(
                (
                    term,
                    outlet,
                    article_id,
                    " ".join(left.split()),
                    match.group(),
                    " ".join(right.split()),
                )
            )
    frame = pd.DataFrame(rows, columns=CONTEXT_COLUMNS)
    return frame.sort_values(["term", "outlet", "article_id"], kind="stable", ignore_index=True)


def fit_contexts(
    n_terms: int, n_outlets: int, per_outlet: int = CONTEXTS, limit: int = MAX_CONTEXTS
) -> int:
    """Contexts per term and outlet so that the page holds at most ``limit`` (``per_outlet`` at
    most, one at least)."""
    return max(1, min(per_outlet, limit // max(n_terms * n_outlets, 1)))


def _json_for_html(value) -> str:
    """JSON safe inside a ``<script>`` element: ``<``, ``>`` and ``&`` escaped, so no text can
    close it."""
    return (
        json.dumps(value, ensure_ascii=False, sort_keys=True)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


SCRIPT = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("explorer-data").textContent);
  var panel = document.getElementById("contexts");
  function add(parent, tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined) { node.textContent = text; }
    if (cls) { node.className = cls; }
    parent.appendChild(node);
    return node;
  }
  function show(term) {
    panel.textContent = "";
    add(panel, "h2", "\u201c" + term + "\u201d in each outlet");
    data.outlets.forEach(function (outlet) {
      var rows = (data.contexts[term] || {})[outlet] || [];
      add(panel, "h3", outlet + " (" + rows.length + (rows.length === data.per_outlet ? " shown, there may be more" : "") + ")");
      if (!rows.length) { add(panel, "p", "not in this outlet's own voice", "meta"); return; }
      var list = add(panel, "ul", undefined, "contexts");
      rows.forEach(function (row) {
        var item = add(list, "li");
        add(item, "span", "\u2026" + row[1] + " ");
        add(item, "mark", row[2]);
        add(item, "span", " " + row[3] + "\u2026");
        add(item, "span", " [" + row[0] + "]", "meta");
      });
    });
    Array.prototype.forEach.call(document.querySelectorAll("button.term"), function (b) {
      b.setAttribute("aria-pressed", b.dataset.term === term ? "true" : "false");
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("button.term"), function (button) {
    button.addEventListener("click", function () { show(button.dataset.term); });
  });
}());
"""  # noqa: E501 (JavaScript as written)

EXPLORER_STYLE = """
<style>
.explorer { display: grid; grid-template-columns: minmax(14em, 1fr) 2fr; gap: 2em; }
button.term { font: inherit; font-size: 0.85em; margin: 0.15em; padding: 0.1em 0.5em; border: 1px solid #bbb; background: #f7f7f7; cursor: pointer; }
button.term[aria-pressed="true"] { background: #fff2cc; border-color: #b58900; }
ul.contexts li { margin-bottom: 0.4em; font-size: 0.9em; }
</style>
"""  # noqa: E501 (CSS as written)


def render_terms_explorer(
    distinctive: pd.DataFrame, contexts: pd.DataFrame, per_outlet: int = CONTEXTS
) -> str:
    """The explorer page: each outlet's terms (:func:`choose_terms` rows) as buttons with count and
    z, and the ``contexts`` (:func:`collect_term_contexts`) a click shows, for every outlet. Text
    escaped."""
    outlets = sorted(set(distinctive["outlet"]) | set(contexts["outlet"]))
    data = {"outlets": outlets, "per_outlet": per_outlet, "contexts": {}}
    for (term, outlet), group in contexts.groupby(["term", "outlet"], sort=True):
        data["contexts"].setdefault(term, {})[outlet] = group[
            ["article_id", "left", "match", "right"]
        ].values.tolist()
    lists = "".join(
        f"<h3>{escape(outlet)}</h3>\n<p>"
        + "".join(
            f'<button class="term" type="button" data-term="{escape(term)}" aria-pressed="false" '
            f'title="{int(count):,} times in its own voice; log-odds z '
            f'{z:.2f}">{escape(term)}</button>'
            for term, count, z in zip(group["term"], group["count"], group["z"])
        )
        + "</p>\n"
        for outlet, group in distinctive.groupby("outlet", sort=True)
    )
    body = (
        "<h1>Distinctive terms: in their contexts</h1>\n"
        '<p class="meta">Each outlet\'s words of highest log-odds z against the other outlets, in '
        "its own voice "
        "(quoted speech left out; Monroe, Colaresi &amp; Quinn 2008, informative Dirichlet "
        "prior). Click a word to "
        f"see up to {per_outlet} of the sentences where each outlet uses it, in article order. A "
        "word can stand out for "
        "a reason other than framing: a name, a place, a house style. The notebook on loaded "
        "terms lists every "
        "figure.</p>\n"
        + (
            f'<div class="explorer">\n<div class="terms">\n{lists}</div>\n<div id="contexts"><p '
            'class="meta">Click a word.</p></div>\n</div>\n'
            if len(distinctive)
            else "<p>No distinctive terms: the corpus has one outlet, or too few words.</p>\n"
        )
        + '<script type="application/json" '
        f'id="explorer-data">{_json_for_html(data)}</script>\n<script>{SCRIPT}</script>\n'
    )
    return render_page("media-framing: distinctive terms explorer", EXPLORER_STYLE + body)


def write_terms_explorer(tables: dict[str, pd.DataFrame], path) -> int:
    """Write the explorer page of a run's tables to ``path``; return the number of contexts on
    it."""
    chosen = choose_terms(tables["distinctive_terms"])
    per_outlet = fit_contexts(chosen["term"].nunique(), tables["articles"]["outlet"].nunique())
    contexts = collect_term_contexts(tables, sorted(set(chosen["term"])), per_outlet)
    path.write_text(render_terms_explorer(chosen, contexts, per_outlet), encoding="utf-8")
    return len(contexts)
