"""The kit's output tables: the one registry of every table (name, rows, columns), and writing and
reading them so that the same input gives the same bytes."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

FLOAT_FORMAT = "%.6g"


@dataclass(frozen=True)
class Table:
    """One output table of a run."""

    name: str
    level: str
    """``local``: an article's rows depend on that article alone (a stream run writes them chunk by
    chunk); ``corpus``: the table compares outlets or articles and needs the whole corpus."""
    rows: str
    """What one row is, then what it holds."""
    column_names: str
    """The columns, in order, separated by spaces. ``articles`` also has the corpus's own metadata
    columns, after ``flags``."""

    @property
    def columns(self) -> tuple[str, ...]:
        """The columns, in order."""
        return tuple(self.column_names.split())


TABLE_REGISTRY: tuple[Table, ...] = (
    Table(
        "articles",
        "local",
        "article: metadata, headline found, credit lines, flags, line counts",
        "article_id source outlet headline flags credits raw_lines removed_lines",
    ),
    Table(
        "removed",
        "local",
        "removed line: article, raw line number, text, rule, kept as (headline/credit/byline)",
        "article_id line text rule kept_as",
    ),
    Table(
        "paragraphs",
        "local",
        "paragraph: offsets, raw line number, body or heading",
        "article_id paragraph_id start end raw_line kind",
    ),
    Table(
        "sentences",
        "local",
        "sentence: offsets, text, voice and quoted share; tone by VADER and by the calibrated "
        "model, of the whole sentence and of each voice part (NaN where the sentence has no such "
        "part)",
        "article_id paragraph_id sentence_id start end text voice quoted_share tone_vader "
        "tone_vader_authorial tone_vader_quoted tone_model tone_model_authorial tone_model_quoted",
    ),
    Table(
        "quote_spans",
        "local",
        "quotation: offsets, depth, status (closed, unopened, unclosed, continues, continued), "
        "marks",
        "article_id quotation_id start end depth status open_mark close_mark text",
    ),
    Table(
        "voice",
        "local",
        "character range: authorial or quoted",
        "article_id start end voice",
    ),
    Table(
        "actor_mentions",
        "local",
        "mention of an actor: article, sentence, actor, kind, offsets, form found, voice",
        "article_id sentence_id actor kind start end text voice",
    ),
    Table(
        "actor_tone",
        "local",
        "article × actor × measure (target: the target-tone model on the mention; vader, "
        "model: the sentence's authorial part): authorial sentences mentioning the actor, mean "
        "tone, 95% interval",
        "article_id outlet actor kind measure sentences mean mean_low mean_high",
    ),
    Table(
        "hedges",
        "local",
        "hedge or booster: article, sentence, offsets, cue as written, lexicon entry, category, "
        "kind, voice",
        "article_id sentence_id start end cue entry category kind voice",
    ),
    Table(
        "hedging_articles",
        "local",
        "article (outlet) × kind × category: authorial words, authorial cues, cues per 1,000 "
        "authorial words with a 95% interval",
        "article_id kind category articles sentences authorial_words cues per_1000 per_1000_low "
        "per_1000_high interval_unit",
    ),
    Table(
        "hedged_figures",
        "local",
        "figure: offsets, as written, value, unit, phrase with its approximators, the "
        "approximators, the sentence's other hedges, voice",
        "article_id sentence_id start end figure value unit phrase approximators other_hedges "
        "voice",
    ),
    Table(
        "loaded_terms",
        "local",
        "loaded term: article, sentence, offsets, term as written, entry, category, set, layer "
        "(lexicon or vader), voice",
        "article_id sentence_id start end term entry category set layer voice",
    ),
    Table(
        "loaded_articles",
        "local",
        "article (outlet) × layer × category: authorial words, authorial terms, terms per 1,000 "
        "authorial words with a 95% interval",
        "article_id layer category articles sentences authorial_words terms per_1000 per_1000_low "
        "per_1000_high interval_unit",
    ),
    Table(
        "quotes",
        "local",
        "attributed content: offsets, text, kind (direct, partial, indirect), speaker, source "
        "type, country, cue, cue class, the words read as the speaker and their offsets, platform "
        "of a post",
        "article_id quote_id start end text kind speaker speaker_type country cue cue_class "
        "speaker_text speaker_start speaker_end medium speaker_rule",
    ),
    Table(
        "stances",
        "local",
        "stances attributed without their words (what a source believes, intends, supports or "
        "opposes; what a poll or study shows), in sentences that attribute no words: the columns "
        "of `quotes.csv`, the cue's class belief, intention, position or evidence",
        "article_id stance_id start end text kind speaker speaker_type country cue cue_class "
        "speaker_text speaker_start speaker_end medium speaker_rule",
    ),
    Table(
        "sources",
        "local",
        "article × source: type, country, contents by kind, quoted words, cue verbs",
        "article_id source source_type country quotes direct partial indirect quoted_words cues",
    ),
    Table(
        "cited_media",
        "local",
        "article × medium × voice: kind (media, agency, platform), country, mentions, "
        "first offset",
        "article_id medium kind country voice mentions first_offset",
    ),
    Table(
        "tone_outlets",
        "corpus",
        "outlet × measure × voice: articles, sentences, mean tone and shares of negative and "
        "positive sentences, each with a 95% interval",
        "outlet measure voice articles sentences mean mean_low mean_high share_negative "
        "share_negative_low share_negative_high share_positive share_positive_low "
        "share_positive_high interval_unit",
    ),
    Table(
        "tone_tests",
        "corpus",
        "pair of outlets × measure × voice: design (event-paired, independent or descriptive), "
        "unit (article), shared events, articles and sentences a side, difference with its 95% "
        "interval, p, Holm p, verdict in words",
        "measure voice first second design unit n_events articles_first articles_second "
        "sentences_first sentences_second difference difference_low difference_high p_value "
        "p_holm verdict",
    ),
    Table(
        "hedging_outlets",
        "corpus",
        "article (outlet) × kind × category: authorial words, authorial cues, cues per 1,000 "
        "authorial words with a 95% interval",
        "outlet kind category articles sentences authorial_words cues per_1000 per_1000_low "
        "per_1000_high interval_unit",
    ),
    Table(
        "hedging_tests",
        "corpus",
        "pair of outlets × kind: as `tone_tests.csv`, the difference per 1,000 words",
        "kind first second design unit n_events articles_first articles_second sentences_first "
        "sentences_second difference difference_low difference_high p_value p_holm verdict",
    ),
    Table(
        "loaded_outlets",
        "corpus",
        "article (outlet) × layer × category: authorial words, authorial terms, terms per 1,000 "
        "authorial words with a 95% interval",
        "outlet layer category articles sentences authorial_words terms per_1000 per_1000_low "
        "per_1000_high interval_unit",
    ),
    Table(
        "loaded_tests",
        "corpus",
        "pair of outlets × layer: as `tone_tests.csv`, the difference per 1,000 words (no test "
        "below 10 terms)",
        "layer first second design unit n_events articles_first articles_second sentences_first "
        "sentences_second difference difference_low difference_high p_value p_holm verdict",
    ),
    Table(
        "naming_choices",
        "corpus",
        "set of alternative names × entry × outlet: authorial uses and the forms written",
        "set entry category outlet terms forms",
    ),
    Table(
        "actor_labels",
        "corpus",
        "article × person × label × voice: count, first offset, contradiction flag",
        "article_id actor label voice count first_offset flag",
    ),
    Table(
        "distinctive_terms",
        "corpus",
        "outlet × word (30 per outlet): count in the outlet and in the rest, log-odds, z, "
        "permutation p, TF-IDF",
        "outlet term count count_rest log_odds z p_permutation tfidf",
    ),
    Table(
        "shared_passages",
        "corpus",
        "passage two articles share: offsets in both, words, quoted share, voice (quoted: the "
        "same statement quoted; authorial: copied text), both texts",
        "article_id other_id passage_id start end other_start other_end words quoted_share voice "
        "text other_text",
    ),
    Table(
        "shared_articles",
        "corpus",
        "article: words, authorial words, shares of them in shared passages, the article it "
        "shares most authorial words with and whether it copies it",
        "article_id outlet words authorial_words shared_words shared_share authorial_shared_words "
        "authorial_shared_share partner partner_words partner_share copies",
    ),
    Table(
        "quote_variants",
        "corpus",
        "quotation of a statement two articles or more of one event quote (the optional `event` "
        "column, as for coverage): group, speaker, the version it is compared with, its cut "
        "(offsets and share kept), changed, added and dropped words, words quoted beyond that "
        "version, verbatim or reworded",
        "group article_id quotation_id start end text speaker words compared_with kept_start "
        "kept_end kept_share changed added cut_inside beyond wording",
    ),
    Table(
        "coverage",
        "corpus",
        "sentence of four words or more: its claim (claims form within an event: the corpus's "
        "optional `event` column), the outlets carrying the claim, mean cosine to the claim's "
        "other sentences",
        "claim article_id outlet sentence_id start end text similarity outlets carried_by",
    ),
    Table(
        "omissions",
        "corpus",
        "outlet × claim most of the event's outlets carry and it leaves out",
        "outlet claim outlets of example",
    ),
)
"""Every output table of a run, in the order a run writes them (``python -m analysis tables``
prints it)."""

TABLES = tuple(table.name for table in TABLE_REGISTRY)
"""Every output table."""

LOCAL_TABLES = tuple(table.name for table in TABLE_REGISTRY if table.level == "local")
"""Output tables whose rows for an article depend on that article alone."""

CORPUS_TABLES = tuple(table.name for table in TABLE_REGISTRY if table.level == "corpus")
"""Output tables that compare outlets or articles: they need the whole corpus."""

WORK_TABLES = (
    "cue_counts",
    "loaded_counts",
    "words",
    "label_counts",
    "tone_sums",
    "cue_sums",
    "loaded_sums",
    "term_counts",
    "naming_counts",
    "shingles",
    "quotations",
)
"""What the corpus tables are computed from (per-sentence counts and words; per-article label
counts, sums, shingles and quotations; per-outlet word and name counts); not written by a single
run."""

BUCKETED_TABLES = (
    "actor_labels",
    "shared_passages",
    "shared_articles",
    "quote_variants",
    "coverage",
    "omissions",
)
"""Corpus tables the stream engine computes a bucket at a time (:mod:`analysis.engine.reduce`), not
from the whole corpus at once."""

METADATA_AFTER = "flags"
"""The column of ``articles`` after which the corpus's own metadata columns come."""


def list_expected_columns(name: str, columns: list[str]) -> list[str]:
    """The columns :data:`TABLE_REGISTRY` gives table ``name``; for ``articles``, with the metadata
    columns of ``columns`` (those the registry does not list) in their place after
    :data:`METADATA_AFTER`."""
    registered = list(REGISTERED[name].columns)
    if name != "articles":
        return registered
    metadata = [column for column in columns if column not in registered]
    cut = registered.index(METADATA_AFTER) + 1
    return registered[:cut] + metadata + registered[cut:]


REGISTERED = {table.name: table for table in TABLE_REGISTRY}


def render_table_list() -> str:
    """The registry as the Markdown page ``docs/outputs.md``."""
    lines = [
        "# Outputs of `python -m analysis run CORPUS [--out DIR]`",
        "",
        "Written from `analysis.engine.tables.TABLE_REGISTRY` by `python -m analysis tables > "
        "docs/outputs.md`",
        "(a test checks that it is current). `DIR` is by default `data/processed/<corpus name>/`; "
        "with `--engine",
        "stream` or `dask`, each table is Parquet, by chunk for the article tables.",
        "",
        "| table | level | one row per | columns |",
        "|---|---|---|---|",
        "| `run.json` | | the run's record: kit version, engine, input and its SHA-256, "
        "`completed` | |",
        "| `clean/<article_id>.txt` | local | the clean text every offset refers to | |",
    ]
    for table in TABLE_REGISTRY:
        columns = ", ".join(f"`{c}`" for c in table.columns)
        if table.name == "articles":
            columns = columns.replace("`flags`, ", "`flags`, *the corpus's metadata*, ")
        lines.append(f"| `{table.name}.csv` | {table.level} | {table.rows} | {columns} |")
    return "\n".join(lines) + "\n"


def write_table(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write ``frame`` as UTF-8 CSV with ``\\n`` line ends and fixed float formatting."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(
        path, index=False, lineterminator="\n", float_format=FLOAT_FORMAT, encoding="utf-8"
    )
    return path


def read_table(path: str | Path | io.StringIO) -> pd.DataFrame:
    """Read a table written by :func:`write_table`.

    Text columns stay text (an empty cell is "", not NaN); a column whose
    non-empty cells are all numbers is numeric, its empty cells NaN (a score
    missing for a sentence without quoted speech).

    Returns
    -------
    A new DataFrame:

    - the file's columns, in its order: text columns as text, numeric columns as numbers
    """
    frame = pd.read_csv(path, keep_default_na=False, encoding="utf-8")
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            continue
        filled = values != ""
        numbers = pd.to_numeric(values[filled], errors="coerce")
        if filled.any() and not filled.all() and numbers.notna().all():
            frame[column] = pd.to_numeric(values.where(filled), errors="coerce")
    return frame


def normalise_table(frame: pd.DataFrame, keep: list[str] | None = None) -> pd.DataFrame:
    """``frame`` as :func:`write_table` then :func:`read_table` would give it back: floats to
    :data:`FLOAT_FORMAT`, empty text as "", numbers typed as in a CSV read.

    The columns of ``keep`` (text a CSV run keeps in files of its own, such as ``clean_text``) pass
    unchanged and move to the end, where the CSV loader puts them back. A new DataFrame; ``frame``
    is not changed.

    Returns
    -------
    A new DataFrame:

    - the columns of ``frame`` but those of ``keep``, values as a CSV read would give them
    - the columns of ``keep``, unchanged, at the end
    """
    keep = [column for column in keep or [] if column in frame.columns]
    buffer = io.StringIO()
    frame.drop(columns=keep).to_csv(
        buffer, index=False, lineterminator="\n", float_format=FLOAT_FORMAT
    )
    buffer.seek(0)
    read = read_table(buffer)
    for column in keep:
        read[column] = frame[column].to_numpy()
    return read
