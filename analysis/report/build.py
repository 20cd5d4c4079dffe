"""Build the study report: every notebook executed into HTML, annotated articles and an index.

``make report`` calls :func:`build_report` (``python -m analysis report``); the
test suite calls the same function, so what is tested is what a reader opens.
The HTML pages work offline: notebooks are converted with a template that
fetches no script (``analysis/resources/templates/offline``), figures are embedded, and
the annotated articles carry no script at all.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

import nbformat
import pandas as pd
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError
from nbclient.util import run_sync
from nbconvert import HTMLExporter
from nbconvert.preprocessors import CoalesceStreamsPreprocessor

from analysis import config
from analysis.engine.outputs import load_outputs
from analysis.plots.base import assign_outlet_colours
from analysis.report.annotate import escape, render_page
from analysis.report.explorer import write_terms_explorer
from analysis.report.pages import write_annotated_articles

TEMPLATES_DIR = config.TEMPLATES_DIR
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"
"""Figures are shown in the notebook (and so embedded in its report) whatever MPLBACKEND the caller
has."""
EXPLORER_PAGE = "terms.html"
"""The distinctive-terms explorer's page in the report folder (:mod:`analysis.report.explorer`)."""
JOBS = 2
"""Notebooks a report runs at once by default (this machine's cores; ``--jobs`` changes it)."""
TIMEOUT = 1200
"""Seconds a notebook cell may run (the validation notebook scores every measure)."""
NOTEBOOK_TIMEOUT = 3600
"""Seconds a whole notebook may run, its cells together; past it the report stops with an error
naming the notebook and the cell that was running (a kernel that never answers cannot hang ``make
report``)."""
PROGRESS_EVERY = 60
"""Seconds between the lines that say which cell of a running notebook is at work."""


def list_notebooks(folder: str | Path | None = None) -> list[Path]:
    """The numbered notebooks (``NN-name.ipynb``) in reading order."""
    return sorted(Path(folder or config.NOTEBOOKS_DIR).glob("[0-9][0-9]-*.ipynb"))


def read_notebook_title(path: str | Path) -> str:
    """The first Markdown heading of a notebook, without its leading ``#``; else the file name."""
    notebook = json.loads(Path(path).read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return Path(path).stem


class NotebookProgress:
    """Where a running notebook is: the cell at work and since when, printed every
    :data:`PROGRESS_EVERY` seconds."""

    def __init__(self, name: str, cells: int) -> None:
        self.name, self.cells = name, cells
        self.started = self.cell_started = time.monotonic()
        self.cell = 0
        self.source = ""
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._report, daemon=True)

    def start_cell(self, cell: nbformat.NotebookNode, cell_index: int) -> None:
        """nbclient's hook, called as each cell starts: code cells are counted."""
        if cell.cell_type == "code" and cell.source.strip():
            self.cell, self.source, self.cell_started = (
                self.cell + 1,
                cell.source,
                time.monotonic(),
            )

    def describe_cell(self) -> str:
        first = next((line.strip() for line in self.source.splitlines() if line.strip()), "")
        return f"cell {self.cell} of {self.cells} ({first[:60]})"

    def __enter__(self) -> NotebookProgress:
        print(f"running {self.name} ({self.cells} code cells)", flush=True)
        self._thread.start()
        return self

    def __exit__(self, *_) -> None:
        self._stop.set()
        self._thread.join()

    def _report(self) -> None:
        while not self._stop.wait(PROGRESS_EVERY):
            now = time.monotonic()
            print(
                f"{self.name}: {self.describe_cell()} at work for {now - self.cell_started:.0f} "
                f"s, {now - self.started:.0f} s in all",
                flush=True,
            )


def execute_notebook(
    path: str | Path,
    out_dir: str | Path,
    env: dict[str, str],
    timeout: int = TIMEOUT,
    title: str | None = None,
    show_code: bool = False,
    notebook_timeout: int = NOTEBOOK_TIMEOUT,
    progress: NotebookProgress | None = None,
) -> tuple[Path, nbformat.NotebookNode]:
    """Execute a notebook with ``env`` added to the kernel's environment and write it as offline
    HTML.

    ``title`` is the page's title (default: :func:`read_notebook_title`). The page shows the cells'
    outputs and Markdown; their code only with ``show_code``. The executed notebook, outputs
    included, is kept beside the page as ``out_dir/notebooks/<notebook name>.ipynb`` (cell timings
    are not recorded and outputs are settled, :func:`settle_outputs`, so a rerun on the same tables
    writes the same file unless a cell's output changes). Returns the HTML path
    (``out_dir/<notebook name>.html``) and the executed notebook. A cell may run ``timeout``
    seconds, and the cells together ``notebook_timeout``; ``progress`` is told which cell starts.
    Raises nbclient's CellExecutionError, naming the cell, when a cell fails, and its
    CellTimeoutError when time runs out.
    """
    path, out_dir = Path(path), Path(out_dir)
    notebook = nbformat.read(path, as_version=4)
    deadline = time.monotonic() + notebook_timeout
    sockets = Path(
        tempfile.mkdtemp(prefix="framing-kernel-")
    )  # local sockets, not TCP ports: no "running over TCP" warning
    # The asynchronous manager nbclient makes by default: with the blocking one, nbclient's cell
    # timeout never fires.
    manager = AsyncKernelManager(
        kernel_name="python3", transport="ipc", ip=str(sockets / "kernel")
    )
    client = NotebookClient(
        notebook,
        km=manager,
        timeout=timeout,
        timeout_func=partial(limit_cell_time, timeout, deadline),
        on_cell_start=progress.start_cell if progress is not None else None,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    try:
        client.execute(env={**os.environ, "MPLBACKEND": INLINE_BACKEND, **env})
    finally:
        if manager.has_kernel:  # the client shuts down only the kernels of managers it made
            run_sync(manager.shutdown_kernel)(now=True)
        shutil.rmtree(sockets, ignore_errors=True)
    settle_outputs(notebook)
    exporter = HTMLExporter(
        template_name="offline",
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        exclude_input=not show_code,
    )
    body, _ = exporter.from_notebook_node(
        notebook, resources={"metadata": {"name": title or read_notebook_title(path)}}
    )
    (out_dir / "notebooks").mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, out_dir / "notebooks" / path.name)
    html_path = out_dir / f"{path.stem}.html"
    html_path.write_text(body, encoding="utf-8")
    return html_path, notebook


def limit_cell_time(
    timeout: int, deadline: float, cell: nbformat.NotebookNode | None = None
) -> int:
    """Seconds the next cell may run: ``timeout``, or what is left of the notebook's time if less
    (one at least)."""
    return max(1, min(timeout, int(deadline - time.monotonic())))


def run_notebook(
    path: Path,
    reports: Path,
    env: dict[str, str],
    timeout: int,
    show_code: bool,
    notebook_timeout: int = NOTEBOOK_TIMEOUT,
) -> tuple[str, str, str, float]:
    """Execute one notebook into ``reports`` (:func:`execute_notebook`), saying when it starts,
    which cell is at work while it runs (:class:`NotebookProgress`) and how long it took; return
    its page, kind, title and seconds.

    A failing cell, or a notebook that runs past ``notebook_timeout`` seconds, is raised as a
    RuntimeError naming the notebook and the cell."""
    title = read_notebook_title(path)
    cells = sum(
        cell["cell_type"] == "code" and bool(cell["source"].strip())
        for cell in nbformat.read(path, as_version=4).cells
    )
    start = time.perf_counter()
    with NotebookProgress(path.name, cells) as progress:
        try:
            html_path, _ = execute_notebook(
                path, reports, env, timeout, title, show_code, notebook_timeout, progress
            )
        except CellTimeoutError:
            seconds = time.perf_counter() - start
            limit = (
                f"the notebook's limit of {notebook_timeout} s"
                if seconds >= notebook_timeout - 1
                else f"a cell's limit of {timeout} s"
            )
            raise RuntimeError(
                f"{path.name}: {progress.describe_cell()} did not finish within {limit} (stopped "
                f"after {seconds:.0f} s); "
                "run again on a less loaded machine, or raise --notebook-timeout"
            ) from None
        except Exception as error:  # nbclient's errors name the cell; this adds the notebook
            raise RuntimeError(f"{path.name}: {type(error).__name__}: {error}") from None
    seconds = time.perf_counter() - start
    print(f"executed {path.name}: {seconds:.1f} s", flush=True)
    return html_path.name, "notebook", title, seconds


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def settle_outputs(notebook: nbformat.NotebookNode) -> None:
    """Make an executed notebook's outputs the same on every run of the same tables, in place:
    consecutive stream outputs merged (how the kernel cut them depends on when it flushed), a
    widget's random model id replaced by its cell and position, and the widgets' state dropped (of
    no use without a kernel)."""
    CoalesceStreamsPreprocessor().preprocess(notebook, {})
    for number, cell in enumerate(notebook.cells):
        for position, output in enumerate(cell.get("outputs", [])):
            if WIDGET_VIEW in output.get("data", {}):
                output["data"][WIDGET_VIEW]["model_id"] = f"widget-{number}-{position}"
    notebook.metadata.pop("widgets", None)


SWATCH = '<span style="color:{}" title="the outlet\'s colour in the framing profile">■</span> '


def render_links(rows: pd.DataFrame, prefix: str, colours: dict[str, str]) -> str:
    """List items linking ``prefix + page`` by ``title``; a row with an ``outlet`` in ``colours``
    gets its colour swatch."""
    outlets = rows["outlet"] if "outlet" in rows.columns else pd.Series("", index=rows.index)
    return "\n".join(
        f"<li>{SWATCH.format(colours[outlet]) if outlet in colours else ''}<a "
        f'href="{escape(prefix + page)}">{escape(title)}</a></li>'
        for page, title, outlet in zip(rows["page"], rows["title"], outlets)
    )


def describe_annotated_sample(pages: pd.DataFrame, n_articles: int) -> str:
    """A paragraph saying how many of the corpus's ``n_articles`` articles have an annotated page,
    when not all do."""
    shown = int((pages["kind"] == "article").sum())
    if shown >= n_articles:
        return ""
    events = pages[pages["kind"] == "event"]
    covered = int((events["event"].isin(pages.loc[pages["kind"] == "article", "event"])).sum())
    whole = f" (every article of {covered:,} of the {len(events):,} events)" if len(events) else ""
    return (
        f'<p class="meta">The corpus has {n_articles:,} articles; annotated pages are written for '
        f"{shown:,} of them{whole}, "
        "a sample fixed by a hash of the ids, the same on every run, so that the report stays "
        "small. The notebooks and "
        "tables count every article.</p>\n"
    )


def render_index(
    notebooks: pd.DataFrame, pages: pd.DataFrame, corpus: str, n_articles: int | None = None
) -> str:
    """The report's front page: the notebooks in order, then the annotated articles (grouped by
    event, each event linking its page, when the corpus has events) and, without events, the
    comparisons.

    ``notebooks`` has ``page`` and ``title``; ``pages`` is
    :func:`analysis.report.pages.write_annotated_articles` (pages relative to the
    ``articles/`` folder). ``n_articles``, the corpus's articles (default: the
    article pages), puts a note on the sample when only some have a page.
    """
    colours = assign_outlet_colours(pages.loc[pages["kind"] == "article", "outlet"])
    articles = pages[pages["kind"] == "article"]
    events = pages[pages["kind"] == "event"]
    n_articles = n_articles if n_articles is not None else len(articles)
    head = (
        f'<h1>media-framing: study report</h1>\n<p class="meta">corpus: {escape(corpus)}</p>\n'
        f"<h2>Notebooks</h2>\n<ol>\n{render_links(notebooks, '', colours)}\n</ol>\n"
        f'<p><a href="{EXPLORER_PAGE}">Distinctive terms explorer</a>: each outlet\'s most '
        "distinctive words; click one to "
        "read it in context in every outlet.</p>\n"
        "<h2>Annotated articles</h2>\n<p>Each article as the kit read it: hedges, boosters, "
        "loaded terms and "
        "quotations (coloured by speaker) marked, removed page furniture struck through.</p>\n"
        + describe_annotated_sample(pages, n_articles)
    )
    if len(events):
        grouped = "".join(
            f'<h3><a href="{escape("articles/" + page)}">{escape(title)}</a></h3>\n'
            + (
                "<ul>\n"
                f"{render_links(articles[articles['event'] == event], 'articles/', colours)}"
                "\n</ul>\n"
                if (articles["event"] == event).any()
                else f'<p class="meta">{count:,} {"article" if count == 1 else "articles"}, not '
                "annotated in this report</p>\n"
            )
            for page, title, event, count in zip(
                events["page"], events["title"], events["event"], events["articles"]
            )
        )
        loose = articles[articles["event"] == ""]
        rest = (
            "<h3>Articles without an "
            f"event</h3>\n<ul>\n{render_links(loose, 'articles/', colours)}\n</ul>\n"
            if len(loose)
            else ""
        )
        body = (
            head
            + f"<p>By event ({len(events):,}); each event's page sets its articles side by side, "
            "pair by pair.</p>\n" + grouped + rest
        )
    else:
        comparisons = pages[pages["kind"] == "comparison"]
        body = (
            head + f"<ul>\n{render_links(articles, 'articles/', colours)}\n</ul>\n<h2>Side by "
            "side</h2>\n"
            + (
                f"<ul>\n{render_links(comparisons, 'articles/', colours)}\n</ul>\n"
                if len(comparisons)
                else "<p>Too many articles for a page per pair.</p>\n"
            )
        )
    return render_page("media-framing: study report", body, home=None)


def clear_report(reports: str | Path) -> list[Path]:
    """Remove a previous report's pages from ``reports``: its ``index.html``, notebook pages
    (``NN-*.html``), kept notebooks (``notebooks/NN-*.ipynb``), explorer (``terms.html``) and
    annotated pages (``articles/*.html``). Nothing else is touched, and nothing at all unless the
    folder's ``index.html`` is a kit report's. Returns what was removed.

    A report of another corpus built into the same folder would otherwise leave its article pages
    beside the new ones.
    """
    reports = Path(reports)
    index = reports / "index.html"
    if not index.is_file() or "<title>media-framing: study report</title>" not in index.read_text(
        encoding="utf-8", errors="replace"
    ):
        return []
    removed = sorted(reports.glob("[0-9][0-9]-*.html")) + sorted(
        (reports / "notebooks").glob("[0-9][0-9]-*.ipynb")
    )
    removed += (
        sorted((reports / "articles").glob("*.html"))
        + [p for p in [reports / EXPLORER_PAGE] if p.exists()]
        + [index]
    )
    for path in removed:
        path.unlink()
    return removed


def build_report(
    corpus: str | Path | None = None,
    processed: str | Path | None = None,
    reports: str | Path | None = None,
    figures: str | Path | None = None,
    notebooks: list[Path] | None = None,
    timeout: int = TIMEOUT,
    env: dict[str, str] | None = None,
    show_code: bool = False,
    engine: str = "single",
    jobs: int = JOBS,
    notebook_timeout: int = NOTEBOOK_TIMEOUT,
) -> pd.DataFrame:
    """Execute every notebook into ``reports``, write the annotated articles and ``index.html``.

    The corpus must have been analysed into ``processed`` first (``python -m analysis run``, with
    ``--engine`` ``engine``: a stream or Dask run is read from its Parquet chunks,
    :func:`analysis.engine.outputs.load_outputs`). Defaults come from :mod:`analysis.config`;
    ``env`` adds variables to the notebooks' environment (``FRAMING_CODING``, say). The pages hide
    the notebooks' code unless ``show_code``; the executed notebooks are kept in
    ``reports/notebooks/``. A previous report's pages are removed first (:func:`clear_report`), so
    no page of another corpus stays.

    With ``jobs`` above 1, that many notebooks run at once, each on a kernel
    of its own (the annotated pages are written meanwhile), all but the last,
    which runs alone once they are done: the validation notebook reads the
    validation results the notebooks before it computed
    (:mod:`analysis.evaluation.cache`). Every notebook is independent of the
    others' outputs otherwise, so the pages are the same for any ``jobs``.
    Each notebook says when it starts, which cell is at work every
    :data:`PROGRESS_EVERY` seconds, and how long it took; one that runs past
    ``notebook_timeout`` seconds stops the report with an error naming it and
    its cell.

    Returns
    -------
    A new DataFrame, one row per page written:

    - ``page``: its path relative to ``reports``
    - ``kind``: notebook, article, comparison, event, explorer or index
    - ``title``: the page's title
    - ``seconds``: for a notebook, its execution and conversion (printed as it finishes); empty
      otherwise
    """
    corpus = Path(corpus) if corpus is not None else config.corpus_path()
    processed = Path(processed) if processed is not None else config.processed_dir(corpus, engine)
    reports = Path(reports) if reports is not None else config.REPORTS_DIR
    figures = Path(figures) if figures is not None else config.figures_dir()
    tables = load_outputs(processed)
    clear_report(reports)
    env = {
        **(env or {}),
        "FRAMING_CORPUS": str(Path(corpus).resolve()),
        "FRAMING_PROCESSED": str(processed.resolve()),
        "FRAMING_FIGURES": str(figures.resolve()),
        "FRAMING_ENGINE": config.check_engine(engine),
        "FRAMING_REPORT": "1",
    }
    paths = list(notebooks if notebooks is not None else list_notebooks())
    if jobs > 1 and len(paths) > 1:
        with ThreadPoolExecutor(
            max_workers=jobs
        ) as pool:  # each notebook's kernel is a process of its own
            futures = [
                pool.submit(run_notebook, path, reports, env, timeout, show_code, notebook_timeout)
                for path in paths[:-1]
            ]
            pages = write_annotated_articles(
                tables, reports / "articles"
            )  # while the notebooks run
            write_terms_explorer(tables, reports / EXPLORER_PAGE)
            rows = [future.result() for future in futures]
            rows.append(
                pool.submit(
                    run_notebook, paths[-1], reports, env, timeout, show_code, notebook_timeout
                ).result()
            )
    else:
        rows = [
            run_notebook(path, reports, env, timeout, show_code, notebook_timeout)
            for path in paths
        ]
        pages = write_annotated_articles(tables, reports / "articles")
        write_terms_explorer(tables, reports / EXPLORER_PAGE)
    notebook_rows = pd.DataFrame(rows, columns=["page", "kind", "title", "seconds"])
    index = reports / "index.html"
    index.write_text(
        render_index(notebook_rows, pages, config.corpus_name(corpus), len(tables["articles"])),
        encoding="utf-8",
    )
    article_rows = pages.assign(page="articles/" + pages["page"])[["page", "kind", "title"]]
    front = pd.DataFrame(
        [
            (EXPLORER_PAGE, "explorer", "distinctive terms explorer"),
            ("index.html", "index", "study report"),
        ],
        columns=["page", "kind", "title"],
    )
    return pd.concat([notebook_rows, article_rows, front], ignore_index=True)
