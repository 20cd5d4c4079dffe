"""Readers of the news gold sets: BASIL articles with their bias spans (and the corpus made of
them) and PolNeAR's attributions."""

from __future__ import annotations

import json
import re
import tarfile
import warnings
from pathlib import Path

import pandas as pd

from analysis.errors import InputProblem, InputWarning


def read_basil(folder: Path, with_spans: bool = True) -> list[dict]:
    """BASIL articles with their lexical and informational bias spans.

    Reads ``articles/YEAR/*.json`` and ``annotations/YEAR/*_ann.json`` under ``folder`` (the
    repository's layout), or else the same members of a ``*.tar.gz`` archive in it. Each row is a
    dict ``article`` (the file stem), ``source`` (outlet code, lower case), ``sentences`` (the
    body's sentences in order) and ``spans``: dicts ``sentence`` (index into ``sentences``),
    ``start``, ``end`` (offsets within it), ``bias`` (lex or inf), ``quote`` (bool) and ``text``;
    and the article's ``paragraphs`` (lists of sentences), ``title``, ``date``, ``event`` (its
    triplet's id) and ``event_title``. A span is placed by its ``id`` ("p<n>": sentence n) when the
    text there matches, else in the first sentence that holds its text at its offsets, else in the
    first that holds its text; spans found nowhere are left out with an InputWarning that counts
    them. With ``with_spans`` False the annotations are not read (``spans`` is empty): the articles
    alone.
    """
    files: dict[str, bytes] = {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.json"))
    }
    if not files:
        for archive_path in sorted(folder.glob("*.tar.gz")):
            with tarfile.open(archive_path) as archive:
                for member in sorted(
                    (m for m in archive.getmembers() if m.isfile() and m.name.endswith(".json")),
                    key=lambda m: m.name,
                ):
                    files[member.name.split("/", 1)[-1]] = archive.extractfile(member).read()
    articles = {Path(name).stem: name for name in files if name.startswith("articles/")}
    rows, problems, lost = [], [], 0
    for stem, name in sorted(articles.items()):
        annotation_name = name.replace("articles/", "annotations/", 1).replace(
            ".json", "_ann.json"
        )
        try:
            article = json.loads(files[name])
            sentences = [s for paragraph in article["body-paragraphs"] for s in paragraph]
            spans_raw = (
                json.loads(files[annotation_name])["phrase-level-annotations"]
                if with_spans and annotation_name in files
                else []
            )
        except (json.JSONDecodeError, KeyError, TypeError) as err:
            problems.append(
                f"{folder / name}: not a BASIL article and annotation ({type(err).__name__}: "
                f"{err})"
            )
            continue
        spans = []
        for span in spans_raw:
            place = _place_basil_span(sentences, span)
            if place is None:
                lost += 1
                continue
            index, start = place
            spans.append(
                {
                    "sentence": index,
                    "start": start,
                    "end": start + len(span["txt"]),
                    "bias": span["bias"],
                    "quote": span.get("quote") == "yes",
                    "text": span["txt"],
                }
            )
        rows.append(
            {
                "article": stem,
                "source": str(article.get("source", "")).lower(),
                "sentences": sentences,
                "spans": spans,
                "paragraphs": [list(paragraph) for paragraph in article["body-paragraphs"]],
                "title": str(article.get("title", "")),
                "date": str(article.get("date", "")),
                "event": str(article.get("triplet-uuid", "")),
                "event_title": str(article.get("main-event", "")),
            }
        )
    if problems:
        raise InputProblem(problems)
    if lost:
        warnings.warn(
            f"{folder}: {lost} BASIL spans whose text is in no sentence of their article left out",
            InputWarning,
            stacklevel=2,
        )
    return rows


BASIL_OUTLETS = {"fox": "Fox News", "nyt": "New York Times", "hpo": "HuffPost"}


def basil_article_text(article: dict) -> str:
    """A BASIL article's body as the kit reads it: sentences joined by a space, paragraphs by a
    blank line."""
    return "\n\n".join(
        " ".join(" ".join(s.split()) for s in paragraph if s.strip())
        for paragraph in article["paragraphs"]
        if any(s.strip() for s in paragraph)
    )


def basil_corpus(articles: list[dict]) -> pd.DataFrame:
    """BASIL articles (:func:`read_basil`) as a corpus table, one row per article.

    Returns
    -------
    A new DataFrame, one row per article, in article order:

    - ``article_id``: the file stem
    - ``outlet``: Fox News, New York Times or HuffPost
    - ``headline``, ``published``: the article's title and date
    - ``event``, ``event_title``: its triplet's id and BASIL's main event
    - ``text``: :func:`basil_article_text`
    """
    rows = [
        {
            "article_id": a["article"],
            "outlet": BASIL_OUTLETS.get(a["source"], a["source"]),
            "headline": a["title"],
            "published": a["date"],
            "event": a["event"],
            "event_title": a["event_title"],
            "text": basil_article_text(a),
        }
        for a in articles
    ]
    return pd.DataFrame(
        rows,
        columns=["article_id", "outlet", "headline", "published", "event", "event_title", "text"],
    )


def _place_basil_span(sentences: list[str], span: dict) -> tuple[int, int] | None:
    """(sentence index, start) of an annotated span; see :func:`read_basil`."""
    text, start = span.get("txt", ""), int(span.get("start", 0))
    if not text:
        return None
    hinted = str(span.get("id", ""))
    if hinted[:1] == "p" and hinted[1:].isdigit():
        index = int(hinted[1:])
        if index < len(sentences) and sentences[index][start : start + len(text)] == text:
            return index, start
    for index, sentence in enumerate(sentences):
        if sentence[start : start + len(text)] == text:
            return index, start
    for index, sentence in enumerate(sentences):
        if text in sentence:
            return index, sentence.index(text)
    return None


def read_polnear(folder: Path) -> dict[str, list[dict]]:
    """PolNeAR articles with their attributions, by split (every ``<split>/text`` folder present).

    Reads ``<split>/text/*.txt`` and ``<split>/attributions/*.ann`` under
    ``folder`` (the layout of the repository's ``data/``), or else the same
    members of a ``*.tar.gz`` archive in it. Each row is a dict ``name`` (the
    text's file stem), ``text`` and ``attributions``: dicts ``source``, ``cue``,
    ``content`` (lists of ``(start, end)`` ranges in the text, empty when the
    role is missing), ``cue_text`` and ``source_text``. An article annotated by
    several annotators is read from the first annotation file in name order.
    Malformed annotation lines raise InputProblem naming the file and line.
    """
    files: dict[str, bytes] = {}
    for path in sorted(folder.glob("*/text/*.txt")) + sorted(folder.glob("*/attributions/*.ann")):
        files[str(path.relative_to(folder))] = path.read_bytes()
    if not files:
        for archive_path in sorted(folder.glob("*.tar.gz")):
            with tarfile.open(archive_path) as archive:
                for member in archive.getmembers():
                    parts = member.name.split("/")
                    if (
                        member.isfile()
                        and "data" in parts
                        and len(parts) >= 4
                        and parts[-2] in ("text", "attributions")
                    ):
                        files["/".join(parts[-3:])] = archive.extractfile(member).read()
    splits: dict[str, list[dict]] = {}
    for split in sorted({name.split("/")[0] for name in files if name.split("/")[1] == "text"}):
        annotations: dict[str, str] = {}
        for name in sorted(n for n in files if n.startswith(f"{split}/attributions/")):
            annotations.setdefault(Path(name).stem.rsplit("_", 1)[0], name)
        rows, problems = [], []
        for name in sorted(n for n in files if n.startswith(f"{split}/text/")):
            stem = Path(name).stem
            if stem not in annotations:
                continue
            attributions, trouble = _read_brat_attributions(
                folder / annotations[stem], files[annotations[stem]].decode("utf-8")
            )
            problems += trouble
            rows.append(
                {"name": stem, "text": files[name].decode("utf-8"), "attributions": attributions}
            )
        if problems:
            raise InputProblem(problems)
        splits[split] = rows
    return splits


def _read_brat_attributions(path: Path, content: str) -> tuple[list[dict], list[str]]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events, problems = [], []
    previous = None
    for number, line in enumerate(content.splitlines(), 1):
        fields = line.split("\t")
        if not re.fullmatch(r"[TERAMN#]\d+", fields[0]):
            if previous is not None and previous in spans:
                kind, ranges, written = spans[previous]
                spans[previous] = (
                    kind,
                    ranges,
                    written + "\n" + line,
                )  # a span whose text runs over a line end
                continue
            if line.strip():
                problems.append(f"{path}, line {number}: not a brat standoff line: {line!r}")
            continue
        previous = fields[0]
        try:
            if fields[0].startswith("T"):
                kind, ranges = fields[1].split(" ", 1)
                spans[fields[0]] = (
                    kind,
                    [tuple(int(x) for x in r.split()) for r in ranges.split(";")],
                    fields[2] if len(fields) > 2 else "",
                )
            elif fields[0].startswith("E"):
                events.append(dict(arg.split(":", 1) for arg in fields[1].split()))
        except (IndexError, ValueError) as err:
            problems.append(f"{path}, line {number}: not a brat standoff line ({err}): {line!r}")
    attributions = []
    for event in events:
        roles = {
            role: spans.get(event.get(role, ""), ("", [], ""))
            for role in ("Source", "Cue", "Content")
        }
        attributions.append(
            {
                "source": roles["Source"][1],
                "cue": roles["Cue"][1],
                "content": roles["Content"][1],
                "cue_text": roles["Cue"][2],
                "source_text": roles["Source"][2],
            }
        )
    return attributions, problems
