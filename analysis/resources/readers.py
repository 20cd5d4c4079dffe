"""Readers of the gold data sets: each gives a data set's rows or articles as plain records, with
its annotation (the data sets themselves are listed in :mod:`analysis.resources.datasets`)."""

from __future__ import annotations

import ast
import csv
import json
import re
import tarfile
import warnings
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from analysis.errors import InputProblem, InputWarning


def read_golden_rules(folder: Path) -> list[dict]:
    """The Golden Rules cases: dicts with ``id``, ``rule``, ``text`` and ``sentences``.

    Reads ``english_golden_rules.json`` (id, rule, text, sentences) where present,
    else pySBD's ``english_golden_rules.py`` (a list of (text, sentences) pairs).
    """
    as_json = folder / "english_golden_rules.json"
    if as_json.exists():
        cases = json.loads(as_json.read_text(encoding="utf-8"))
    else:
        source = (folder / "english_golden_rules.py").read_text(encoding="utf-8")
        literal = source[source.index("[", source.index("GOLDEN_EN_RULES")) :]
        pairs = ast.literal_eval(literal)
        cases = [
            {"id": i + 1, "rule": f"rule {i + 1}", "text": t, "sentences": s}
            for i, (t, s) in enumerate(pairs)
        ]
    for case in cases:
        if not isinstance(case.get("text"), str) or not isinstance(case.get("sentences"), list):
            raise InputProblem(
                [f"{folder}: a Golden Rules case is not text with a list of sentences: {case!r}"]
            )
    return cases


_PTB_ESCAPES = {
    "-LRB-": "(",
    "-RRB-": ")",
    "-LCB-": "{",
    "-RCB-": "}",
    "-LSB-": "[",
    "-RSB-": "]",
    "``": '"',
    "''": '"',
}
_LEAF_RE = re.compile(r"\(([^\s()]+) ([^\s()]+)\)")


def read_treebank(folder: Path) -> list[dict]:
    """The WSJ sample: dicts with ``file``, ``raw`` (the text) and ``sentences`` (gold token
    lists).

    Tokens are the parse-tree leaves without empty elements (``-NONE-``), with
    the Treebank's bracket and quote escapes turned back into characters.
    """
    documents = []
    with zipfile.ZipFile(folder / "treebank.zip") as archive:
        names = set(archive.namelist())
        for name in sorted(n for n in names if re.fullmatch(r"treebank/raw/wsj_\d{4}", n)):
            stem = name.rsplit("/", 1)[1]
            parsed = f"treebank/combined/{stem}.mrg"
            if parsed not in names:
                continue
            raw = archive.read(name).decode("latin-1")
            sentences = [
                [
                    _PTB_ESCAPES.get(word, word).replace("\\/", "/").replace("\\*", "*")
                    for tag, word in _LEAF_RE.findall(tree)
                    if tag != "-NONE-"
                ]
                for tree in _split_trees(archive.read(parsed).decode("latin-1"))
            ]
            documents.append({"file": stem, "raw": raw, "sentences": [s for s in sentences if s]})
    return documents


def _split_trees(text: str) -> list[str]:
    """Top-level bracketed trees of a ``.mrg`` file."""
    trees, depth, start = [], 0, None
    for i, ch in enumerate(text):
        if ch == "(":
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0 and start is not None:
                trees.append(text[start : i + 1])
    return trees


def read_vader_nyt(folder: Path) -> list[dict]:
    """NYT editorial sentences with their mean human rating: dicts ``id``, ``rating``, ``text``.

    Reads ``nytEditorialSnippets_GroundTruth.txt`` (tab-separated id, mean
    rating −4..+4, sentence) where present, else the same member of the VADER
    repository's ``hutto_ICWSM_2014.tar.gz``. Any subset of rows is accepted.
    """
    name = "nytEditorialSnippets_GroundTruth.txt"
    if (folder / name).exists():
        lines = (folder / name).read_text(encoding="utf-8", errors="replace").splitlines()
        source = folder / name
    else:
        source = folder / "hutto_ICWSM_2014.tar.gz"
        with tarfile.open(source) as archive:
            member = next(
                (m for m in archive.getmembers() if m.name.endswith("/" + name) or m.name == name),
                None,
            )
            if member is None:
                raise InputProblem([f"{source}: no {name} inside"])
            lines = (
                archive.extractfile(member).read().decode("utf-8", errors="replace").splitlines()
            )
    rows, problems = [], []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        fields = line.split("\t", 2)
        try:
            rows.append({"id": fields[0], "rating": float(fields[1]), "text": fields[2]})
        except (IndexError, ValueError):
            problems.append(
                f"{source}, line {number}: not 'id<TAB>rating<TAB>sentence': {line[:80]!r}"
            )
    if problems:
        raise InputProblem(problems)
    return rows


def read_newsmtsc(folder: Path) -> dict[str, list[dict]]:
    """NewsMTSC splits by file stem (``train``, ``devtest_mt``, ``devtest_rw``, any present).

    Each row is a dict ``sentence``, ``targets`` (``from``, ``to``, ``mention``, ``polarity`` as
    "negative", "neutral" or "positive") and ``gid`` (the row's ``primary_gid``, "" without one:
    its first three parts name the source article).
    """
    labels = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
    splits: dict[str, list[dict]] = {}
    for path in sorted(folder.glob("*.jsonl")):
        rows, problems = [], []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                sentence = record["sentence_normalized"]
                targets = [
                    {
                        "from": int(t["from"]),
                        "to": int(t["to"]),
                        "mention": t["mention"],
                        "polarity": labels[float(t["polarity"])],
                    }
                    for t in record["targets"]
                ]
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as err:
                problems.append(
                    f"{path}, line {number}: not a NewsMTSC record ({type(err).__name__}: {err})"
                )
                continue
            rows.append(
                {
                    "sentence": sentence,
                    "targets": targets,
                    "gid": str(record.get("primary_gid", "")),
                }
            )
        if problems:
            raise InputProblem(problems)
        splits[path.stem] = rows
    return splits


def read_wikiweasel(folder: Path) -> dict[str, list[dict]]:
    """WikiWeasel splits by file stem (``train``, ``test``, any ``*.csv`` present).

    Each row is a dict ``text`` (surrounding whitespace removed) and ``label``
    (1 = uncertain, 0 = certain). Rows with an empty text (the published files
    have some) are left out with an InputWarning that counts them; any other
    malformed row raises InputProblem naming the file and record.
    """
    splits: dict[str, list[dict]] = {}
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or not {"text", "label"} <= set(reader.fieldnames):
                raise InputProblem(
                    [f"{path}: expected the columns text and label, found {reader.fieldnames}"]
                )
            rows, problems, empty = [], [], 0
            for number, record in enumerate(reader, 2):
                label = (record["label"] or "").strip()
                if label not in ("0", "1"):
                    problems.append(
                        f"{path}, record {number}: label must be 0 or 1, got {label!r}"
                    )
                elif not (record["text"] or "").strip():
                    empty += 1
                else:
                    rows.append({"text": record["text"].strip(), "label": int(label)})
        if problems:
            raise InputProblem(problems)
        if empty:
            warnings.warn(
                f"{path}: {empty} rows with an empty text left out", InputWarning, stacklevel=2
            )
        splits[path.stem] = rows
    return splits


def read_sfu_negspec(folder: Path) -> list[dict]:
    """Sentences of the SFU Review corpus with their cues.

    Reads every ``*.xml`` under ``folder`` (in the corpus's own layout, one
    folder per domain), or else the XML members of a ``*.tar.gz`` archive in it.
    Each row is a dict ``file``, ``sentence`` (number in the file), ``tokens``
    (the ``<W>`` words) and ``cues``: a list of ``(type, token indices)`` with
    type "speculation" or "negation".
    """
    documents: list[tuple[str, bytes]] = [
        (str(p.relative_to(folder)), p.read_bytes()) for p in sorted(folder.rglob("*.xml"))
    ]
    if not documents:
        for archive_path in sorted(folder.glob("*.tar.gz")):
            with tarfile.open(archive_path) as archive:
                members = sorted(
                    (
                        m
                        for m in archive.getmembers()
                        if m.isfile() and "SFU_Review_Corpus" in m.name and m.name.endswith(".xml")
                    ),
                    key=lambda m: m.name,
                )
                documents += [
                    (
                        m.name.split("SFU_Review_Corpus_Negation_Speculation/", 1)[-1],
                        archive.extractfile(m).read(),
                    )
                    for m in members
                ]
    rows = []
    for name, data in documents:
        try:
            root = ElementTree.fromstring(data)
        except ElementTree.ParseError as err:
            raise InputProblem([f"{folder / name}: not well-formed XML ({err})"]) from err
        for number, sentence in enumerate(root.iter("SENTENCE")):
            tokens: list[str] = []
            cues: dict[tuple[str, str], list[int]] = {}
            _walk_sfu(sentence, tokens, cues, None)
            rows.append(
                {
                    "file": name,
                    "sentence": number,
                    "tokens": tokens,
                    "cues": [(kind, idx) for (kind, _), idx in cues.items() if idx],
                }
            )
    return rows


def _walk_sfu(element, tokens: list[str], cues: dict, cue: tuple[str, str] | None) -> None:
    """Collect the words under ``element`` in order, noting which cue each belongs to."""
    for child in element:
        if child.tag == "W":
            if cue is not None:
                cues.setdefault(cue, []).append(len(tokens))
            tokens.append(child.text or "")
        else:
            inner = (child.get("type", ""), child.get("ID", "")) if child.tag == "cue" else cue
            _walk_sfu(child, tokens, cues, inner)


BABE_LABELS = {"Biased": 1, "Non-biased": 0}


def read_babe(folder: Path) -> list[dict]:
    """BABE sentences from every ``final_labels_*.csv`` in ``folder`` (``;``-separated).

    Each row is a dict ``text``, ``outlet``, ``topic``, ``leaning`` (the
    ``type`` column: left, center, right or ""), ``label`` (1 = biased, 0 =
    non-biased) and ``biased_words`` (a list of words). Rows whose label is "No
    agreement" are left out with an InputWarning that counts them; any other
    malformed row raises InputProblem naming the file and record.
    """
    rows, problems = [], []
    for path in sorted(folder.glob("final_labels_*.csv")):
        undecided = 0
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter=";")
            missing = {"text", "outlet", "topic", "type", "label_bias", "biased_words"} - set(
                reader.fieldnames or []
            )
            if missing:
                raise InputProblem([f"{path}: missing columns {', '.join(sorted(missing))}"])
            for number, record in enumerate(reader, 2):
                label = (record["label_bias"] or "").strip()
                if label == "No agreement":
                    undecided += 1
                    continue
                try:
                    words = ast.literal_eval(record["biased_words"] or "[]")
                except (ValueError, SyntaxError):
                    words = None
                if (
                    label not in BABE_LABELS
                    or not (record["text"] or "").strip()
                    or not isinstance(words, list)
                ):
                    problems.append(
                        f"{path}, record {number}: expected a text, label Biased/Non-biased and a "
                        "list of biased words"
                    )
                    continue
                rows.append(
                    {
                        "text": record["text"].strip(),
                        "outlet": record["outlet"] or "",
                        "topic": record["topic"] or "",
                        "leaning": record["type"] or "",
                        "label": BABE_LABELS[label],
                        "biased_words": [str(w) for w in words],
                    }
                )
        if undecided:
            warnings.warn(
                f"{path}: {undecided} rows labelled 'No agreement' left out",
                InputWarning,
                stacklevel=2,
            )
    if problems:
        raise InputProblem(problems)
    return rows
