"""Load a corpus of articles into one in-memory form.

A corpus is either a folder of article files (``.txt``, ``.html``/``.htm``) with an
optional ``articles.csv`` of metadata, or a table file (``.csv``, ``.jsonl``,
``.parquet``) with one article per row. Both give the same DataFrame, one row per
article, sorted by ``article_id``:

=================  ==========================================================
column             meaning
=================  ==========================================================
``article_id``     stable id, safe as a file name: from metadata, else the file
                   name (a safe id made from it when it is not one, flagged:
                   :func:`make_safe_id`), else the table's row number
``source``         the file name (and row, for tables) the text came from
``raw_text``       the text as read (UTF-8, line ends normalised to ``\\n``);
                   for HTML, the main text extracted by trafilatura
``outlet``         from metadata; the article id when no outlet is given
``headline``       from metadata or the HTML title; empty when not given
``flags``          warnings about the article ("; "-separated), empty if none
…                  every other metadata column, as given
=================  ==========================================================

Input the kit cannot analyse raises :class:`~analysis.errors.InputProblem`
naming every file and problem at once; input it can analyse but that deserves a
look is flagged in ``flags`` and reported with an :class:`~analysis.errors.InputWarning`.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from analysis.errors import InputProblem, InputWarning
from analysis.resources.corpus_lists import RESOURCE_FILES
from analysis.text.language import flag_language

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = (".csv", ".jsonl", ".parquet")
METADATA_FILE = "articles.csv"
IGNORED_NAMES = ("README.md", "README.txt", "README", METADATA_FILE, *RESOURCE_FILES)

MAX_BYTES = 5_000_000
"""Largest file (or table cell) taken as one article; a news article is rarely 100 kB."""

READ_BUFFER = 1 << 20
"""Bytes of a Parquet column read at a time when a file is read in chunks.

Without it pyarrow reads a whole row group's columns before the first batch:
pandas writes up to 1,048,576 rows per row group, so a chunk of a corpus of a
million articles would hold all their text (a 100,000-article file of one row
group: 445 MB read in chunks of 100 rows, 193 MB with this buffer).
"""

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")


def load_corpus(path: str | Path, max_bytes: int = MAX_BYTES) -> pd.DataFrame:
    """Load a corpus folder or table file (see the module docstring for the columns).

    Returns
    -------
    A new DataFrame, one row per article, sorted by ``article_id`` (see the module docstring):

    - ``article_id``: a stable id, safe as a file name
    - ``source``: the file name (and row, for tables) the text came from
    - ``raw_text``: the text as read
    - ``outlet``: from metadata; the article id when no outlet is given
    - ``headline``: from metadata or the HTML title ("" when not given)
    - ``flags``: warnings about the article, "; "-separated ("" if none)
    - every other metadata column, as given
    """
    path = Path(path)
    if path.is_dir():
        return load_corpus_folder(path, max_bytes=max_bytes)
    if path.is_file():
        return load_corpus_table(path, max_bytes=max_bytes)
    raise InputProblem([f"{path}: no such folder or file"])


def load_corpus_folder(folder: str | Path, max_bytes: int = MAX_BYTES) -> pd.DataFrame:
    """Load every ``.txt`` and ``.html`` file of ``folder``, with ``articles.csv`` if present.

    Returns
    -------
    A new DataFrame with the columns of :func:`load_corpus`:

    - ``article_id``, ``source``, ``raw_text``, ``outlet``, ``headline``, ``flags``: as in
      :func:`load_corpus` (``source`` the file name)
    - every column of ``articles.csv``, as given
    """
    folder = Path(folder)
    problems: list[str] = []
    files = {}
    for p in sorted(folder.iterdir()):
        if p.name.startswith(".") or p.name in IGNORED_NAMES or p.is_dir():
            continue
        if p.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES:
            files[p.name] = p
        else:
            warnings.warn(f"{p}: ignored, not a .txt or .html file", InputWarning, stacklevel=2)
    metadata = _read_folder_metadata(folder, files, problems)
    if not files:
        problems.append(f"{folder}: no .txt or .html article files in this folder")
    ids = name_articles(
        [p for name, p in files.items() if name not in metadata],
        {str(m["article_id"]).strip() for m in metadata.values()},
    )
    rows = []
    for name, p in files.items():
        meta = metadata.get(name)
        flags = []
        if meta is None:
            meta = {"article_id": ids[name]}
            if (folder / METADATA_FILE).exists():
                flags.append(f"no row in {METADATA_FILE}; id taken from the file name")
            if ids[name] != p.stem:
                flags.append(
                    "the file name is not a valid id (letters, digits, '.', '_', '-'); id "
                    f"'{ids[name]}' made from it"
                )
        text, headline = _read_article_file(p, max_bytes, problems)
        if text is None:
            continue
        row = {**meta, "source": p.name, "raw_text": text}
        if headline and not str(row.get("headline", "")).strip():
            row["headline"] = headline
        row["flags"] = flags
        rows.append(row)
    return _finish(rows, problems)


def name_articles(files: list[Path], taken: set[str]) -> dict[str, str]:
    """An article id for each file, by file name: its stem when that is a valid id
    (:data:`ID_PATTERN`), else a safe id made from it (:func:`make_safe_id`), unique among
    ``taken`` and the other files' ids."""
    ids = {p.name: p.stem for p in files if ID_PATTERN.match(p.stem)}
    taken = taken | set(ids.values())
    for p in files:
        if p.name not in ids:
            ids[p.name] = make_safe_id(p.stem, taken)
            taken.add(ids[p.name])
    return ids


def make_safe_id(name: str, taken: set[str] = frozenset()) -> str:
    """A valid article id (:data:`ID_PATTERN`) made from ``name``: transliterated to ASCII
    (anyascii: ``Путин`` gives ``Putin``), every run of other characters made one ``-``, cut to 190
    characters; ``-2``, ``-3``… added until it is not in ``taken``; ``article`` when nothing is
    left."""
    from anyascii import anyascii

    slug = (
        re.sub(r"[^A-Za-z0-9._-]+", "-", anyascii(name)).strip("-._")[:190].rstrip("-._")
        or "article"
    )
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def load_corpus_table(path: str | Path, max_bytes: int = MAX_BYTES) -> pd.DataFrame:
    """Load a CSV, JSONL or Parquet file with a ``text`` column, one article a row.

    Returns
    -------
    A new DataFrame with the columns of :func:`load_corpus`:

    - ``article_id``, ``source``, ``raw_text``, ``outlet``, ``headline``, ``flags``: as in
      :func:`load_corpus` (``source`` the file and row)
    - every other column of the table, as given
    """
    path = Path(path)
    table = _read_table(path)
    problems: list[str] = []
    rows = _table_rows(table, path, 0, _has_ids(table, path), max_bytes, problems)
    return _finish(rows, problems, [str(path)])


def iter_corpus_chunks(
    path: str | Path, size: int, max_bytes: int = MAX_BYTES
) -> Iterator[pd.DataFrame]:
    """Load a table file ``size`` rows at a time: the same columns as :func:`load_corpus_table`.

    Each chunk is sorted by ``article_id``; sources name the row in the whole
    file, and ids made up from row numbers count from the file's first row, so the
    chunks together hold the rows :func:`load_corpus_table` gives. Each chunk's
    problems raise an InputProblem naming the file and rows; an id seen in an
    earlier chunk is not caught here (:mod:`analysis.engine.stream` checks it).

    Yields
    ------
    DataFrames of at most ``size`` articles, each with the columns of :func:`load_corpus_table`:

    - ``article_id``, ``source``, ``raw_text``, ``outlet``, ``headline``, ``flags`` and the table's
      other columns
    """
    path = Path(path)
    if size < 1:
        raise ValueError(f"chunk size must be at least 1 row, not {size}")
    first, has_ids = 0, None
    for table in read_table_batches(path, size):
        if table.empty and first > 0:  # a batch of blank JSONL lines
            continue
        has_ids = _has_ids(table, path) if has_ids is None else has_ids
        problems: list[str] = []
        rows = _table_rows(table, path, first, has_ids, max_bytes, problems)
        first += len(table)
        yield _finish(rows, problems, [str(path)])


def count_table_rows(path: str | Path) -> int | None:
    """Rows of a Parquet file from its footer; None for CSV and JSONL (counting would read
    them)."""
    path = Path(path)
    if path.suffix.lower() != ".parquet":
        return None
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path).metadata.num_rows
    except (OSError, ValueError) as err:  # pyarrow's ArrowInvalid is a ValueError
        raise InputProblem([f"{path}: cannot be read as PARQUET ({err})"]) from None


def read_table_batches(path: str | Path, size: int | None) -> Iterator[pd.DataFrame]:
    """The rows of a table file, ``size`` at a time (all at once for None), read as
    :func:`load_corpus_table` reads them.

    Yields
    ------
    DataFrames of at most ``size`` rows (all for None):

    - the table file's columns, as read
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise InputProblem([f"{path}: not a table file ({', '.join(TABLE_SUFFIXES)})"])
    try:
        if suffix == ".csv":
            batches = pd.read_csv(
                path, dtype=str, keep_default_na=False, encoding="utf-8", chunksize=size
            )
        elif suffix == ".jsonl":
            batches = pd.read_json(path, lines=True, dtype=False, encoding="utf-8", chunksize=size)
        elif size is None:
            batches = pd.read_parquet(path)
        else:
            import pyarrow.parquet as pq

            parquet = pq.ParquetFile(path, buffer_size=READ_BUFFER, pre_buffer=False)
            batches = (batch.to_pandas() for batch in parquet.iter_batches(batch_size=size))
        for batch in [batches] if size is None else batches:
            if suffix == ".jsonl" and not all(isinstance(c, str) for c in batch.columns):
                raise ValueError(
                    "a line is not a JSON object"
                )  # a list's items become numbered columns
            yield batch
    except UnicodeDecodeError as err:
        raise InputProblem(
            [f"{path}: not valid UTF-8 (tried encoding utf-8: {err.reason} at byte {err.start})"]
        ) from None
    except (
        OSError,
        ValueError,
        TypeError,
    ) as err:  # parse errors are ValueErrors (TypeError: a JSONL line not an object)
        bad = (
            find_bad_json_line(path)
            if suffix == ".jsonl" and not isinstance(err, OSError)
            else None
        )
        where = f"{path}, line {bad[0]}" if bad else str(path)
        raise InputProblem(
            [f"{where}: cannot be read as {suffix[1:].upper()} ({bad[1] if bad else err})"]
        ) from None


def find_bad_json_line(path: Path) -> tuple[int, str] | None:
    """The number (from 1) of the first line of a JSONL file that is not a JSON object, and why;
    None when every line is one (blank lines are skipped). Read only when pandas has refused the
    file, to name the line."""
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                value = json.loads(line.rstrip("\r\n"))
            except json.JSONDecodeError as err:
                return number, f"not JSON: {err.msg} at column {err.colno}"
            if not isinstance(value, dict):
                return number, f"a JSON {type(value).__name__}, not an object with a 'text' field"
    return None


def _has_ids(table: pd.DataFrame, path: Path) -> bool:
    if "text" not in table.columns:
        raise InputProblem(
            [
                f"{path}: no 'text' column (columns found: "
                f"{', '.join(map(str, table.columns)) or 'none'})"
            ]
        )
    return "article_id" in table.columns


def _table_rows(
    table: pd.DataFrame, path: Path, first: int, has_ids: bool, max_bytes: int, problems: list[str]
) -> list[dict]:
    """Article rows from a table's records; row numbers count from ``first`` + 1."""
    rows = []
    for i, record in enumerate(table.to_dict(orient="records"), first):
        where = f"{path}, row {i + 1}"
        source = f"{path.name}, row {i + 1}"
        text = record.pop("text", None)  # a later chunk of a JSONL file may lack the field
        if not isinstance(text, str):
            problems.append(
                f"{where}: 'text' is {'missing' if _is_missing(text) else type(text).__name__}, "
                "not text"
            )
            continue
        if len(text.encode("utf-8")) > max_bytes:
            problems.append(
                f"{where}: text is {_size(len(text.encode('utf-8')))}, over the limit of "
                f"{_size(max_bytes)} for one article"
            )
            continue
        if not text.strip():
            problems.append(f"{where}: 'text' is empty")
            continue
        meta = {k: ("" if _is_missing(v) else str(v)) for k, v in record.items()}
        if not has_ids:
            meta["article_id"] = f"{path.stem}-{i + 1:07d}"
        rows.append({**meta, "source": source, "raw_text": _normalise_newlines(text), "flags": []})
    return rows


def read_text_bytes(data: bytes, where: str) -> str:
    """Decode an article's bytes as UTF-8, or raise an InputProblem saying why not."""
    if not data.strip():
        raise InputProblem([f"{where}: the file is empty"])
    head = data[:8192]
    if b"\x00" in head or sum(b < 9 or 13 < b < 32 for b in head) > len(head) * 0.05:
        raise InputProblem(
            [f"{where}: looks like a binary file (NUL or control bytes), not text or HTML"]
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputProblem(
            [
                f"{where}: not valid UTF-8 (tried encoding utf-8; byte 0x{data[err.start]:02x} at "
                "offset "
                f"{err.start} does not decode). Re-encode the file as UTF-8, e.g. "
                f"'iconv -f windows-1252 -t utf-8' if it came from Windows"
            ]
        ) from None
    if not text.strip():
        raise InputProblem([f"{where}: the file has only white space"])
    return _normalise_newlines(text)


def _read_article_file(p: Path, max_bytes: int, problems: list[str]) -> tuple[str | None, str]:
    size = p.stat().st_size
    if size > max_bytes:
        problems.append(
            f"{p}: the file is {_size(size)}, over the limit of {_size(max_bytes)} for one "
            "article (a whole site or a book?)"
        )
        return None, ""
    try:
        text = read_text_bytes(p.read_bytes(), str(p))
    except InputProblem as err:
        problems.extend(err.problems)
        return None, ""
    if p.suffix.lower() in HTML_SUFFIXES:
        return _extract_html(text, p, problems)
    return text, ""


def _extract_html(html: str, p: Path, problems: list[str]) -> tuple[str | None, str]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False
    )
    text = (doc.text or "").strip() if doc is not None else ""
    if not text:
        problems.append(f"{p}: no article text could be extracted from this HTML")
        return None, ""
    # trafilatura puts one paragraph on each line; a blank line between them keeps
    # the paragraph structure the cleaner expects from captured text.
    return "\n\n".join(line for line in text.split("\n") if line.strip()), (
        doc.title or ""
    ).strip()


def _read_folder_metadata(
    folder: Path, files: dict[str, Path], problems: list[str]
) -> dict[str, dict]:
    path = folder / METADATA_FILE
    if not path.exists():
        return {}
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        problems.append(f"{path}: cannot be read as a UTF-8 CSV table ({err})")
        return {}
    missing = [c for c in ("article_id", "file") if c not in table.columns]
    if missing:
        problems.append(f"{path}: missing column(s) {', '.join(missing)}")
        return {}
    metadata = {}
    for i, record in enumerate(table.to_dict(orient="records")):
        where = f"{path}, row {i + 1}"
        name = record["file"].strip()
        if name not in files:
            problems.append(f"{where}: names file '{name}', which is not in {folder}")
        elif name in metadata:
            problems.append(f"{where}: file '{name}' has a second row")
        else:
            metadata[name] = record
    return metadata


def _read_table(path: Path) -> pd.DataFrame:
    if path.suffix.lower() not in TABLE_SUFFIXES:
        raise InputProblem(
            [f"{path}: not a corpus folder or a table file ({', '.join(TABLE_SUFFIXES)})"]
        )
    return next(read_table_batches(path, None))


def _finish(
    rows: list[dict], problems: list[str], sources: list[str] | None = None
) -> pd.DataFrame:
    ids: dict[str, str] = {}
    for row in rows:
        article_id = str(row["article_id"]).strip()
        row["article_id"] = article_id
        if not ID_PATTERN.match(article_id):
            problems.append(
                f"{row['source']}: article id '{article_id}' must be letters, digits, '.', '_' or "
                "'-' "
                "(it names output files)"
            )
        elif article_id in ids:
            problems.append(
                f"{row['source']}: duplicate article id '{article_id}' (also {ids[article_id]})"
            )
        else:
            ids[article_id] = row["source"]
    if problems:
        raise InputProblem(problems)
    if not rows:
        raise InputProblem(
            [
                f"{source}: no articles (the table has no rows)"
                for source in sources or ["the corpus"]
            ]
        )
    for row in rows:
        language = flag_language(row["raw_text"])
        if language:
            row["flags"].append(language)
        for flag in row["flags"]:
            warnings.warn(f"{row['source']}: {flag}", InputWarning, stacklevel=3)
        row["flags"] = "; ".join(row["flags"])
        if not str(row.get("outlet", "")).strip():
            row["outlet"] = row["article_id"]
        row.setdefault("headline", "")
    front = ["article_id", "source", "outlet", "headline", "flags", "raw_text"]
    frame = pd.DataFrame(rows)
    frame = frame[front + [c for c in frame.columns if c not in front]]
    return frame.sort_values("article_id", kind="stable").reset_index(drop=True)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n:,} bytes"
