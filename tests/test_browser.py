"""The built report in headless Chromium: no console errors, every image loads, marks and legends
present.

The report is built once per session by :func:`analysis.report.build.build_report`
(the function ``make report`` runs) into a temporary folder, and every page is
opened from disk. A screenshot of each page goes to ``build/browser/`` for a
reader to look at. Where Chromium or its driver is missing the tests fail and
say so: ``make test`` installs both first (its ``browser`` target).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis import config

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
SCREENSHOTS = config.PROJECT_DIR / "build" / "browser"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,1600",
)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if CHROMIUM is None or CHROMEDRIVER is None:
        pytest.fail(
            "Chromium or chromedriver is missing (Debian packages chromium and chromium-driver); "
            "the browser test cannot run"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def open_page(browser, path: Path) -> list[dict]:
    """Load a page from disk; return the console messages of level SEVERE (errors)."""
    browser.get_log("browser")  # drop what earlier pages logged
    browser.get(path.resolve().as_uri())
    browser.execute_script("return document.readyState")
    return [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def save_screenshot(browser, page: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SCREENSHOTS / (page.replace("/", "_") + ".png")))


@pytest.mark.parametrize("kind", ["index", "notebook", "article", "comparison", "explorer"])
def test_every_page_loads_without_errors_and_shows_what_it_should(built_report, browser, kind):
    reports, pages = built_report
    chosen = pages[pages["kind"] == kind]
    assert len(chosen), f"the report has no {kind} page"
    for page in chosen["page"]:
        errors = open_page(browser, reports / page)
        save_screenshot(browser, page)
        assert errors == [], f"{page}: console errors {errors}"
        broken = browser.execute_script(
            "return Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > "
            "0)).map(i => i.src.slice(0, 80))"
        )
        assert broken == [], f"{page}: images that did not load: {broken}"
        assert (
            browser.execute_script(
                "return document.querySelectorAll('script[src], link[href^=http]').length"
            )
            == 0
        ), f"{page}: fetches from the network"
        if kind == "notebook":
            assert browser.execute_script("return document.images.length") > 0, (
                f"{page}: no figure"
            )
        if kind in ("article", "comparison"):
            assert (
                browser.execute_script("return document.querySelectorAll('.legend').length") >= 1
            ), f"{page}: no legend"
            assert (
                browser.execute_script(
                    "return document.querySelectorAll('.text span.mark').length"
                )
                > 0
            ), f"{page}: no marks"
            assert (
                browser.execute_script("return document.querySelectorAll('p.removed del').length")
                > 0
            ), f"{page}: no removed line"
            untitled = browser.execute_script(
                "return Array.from(document.querySelectorAll('.text span.mark')).filter(s => "
                "!s.title).length"
            )
            assert untitled == 0, f"{page}: {untitled} marks without a hover text"
        if kind == "index":
            links = browser.execute_script(
                "return Array.from(document.links).map(a => a.getAttribute('href'))"
            )
            assert set(pages.loc[pages["kind"] != "index", "page"]) <= set(links)


def test_markup_in_an_article_shows_as_text(browser, tmp_path):
    from analysis.report.annotate import render_article_page
    from tests.report.test_annotate import hostile_tables

    tables = hostile_tables()
    page = tmp_path / "hostile.html"
    page.write_text(render_article_page("evil", tables), encoding="utf-8")
    errors = open_page(browser, page)
    save_screenshot(browser, "hostile-article")
    assert errors == []
    assert browser.execute_script("return document.querySelectorAll('script').length") == 0
    assert browser.execute_script("return document.querySelectorAll('b, img').length") == 0
    assert "<script>alert(1)</script>" in browser.execute_script("return document.body.innerText")


def click_first_term(browser) -> list[str]:
    """Click the explorer's first term; return the outlets' headings it shows."""
    browser.execute_script("document.querySelector('button.term').click()")
    return browser.execute_script(
        "return Array.from(document.querySelectorAll('#contexts h3')).map(h => h.textContent)"
    )


def test_the_explorer_shows_a_terms_contexts_in_each_outlet(built_report, browser):
    from analysis.engine.outputs import load_outputs

    reports, _ = built_report
    assert open_page(browser, reports / "terms.html") == []
    headings = click_first_term(browser)
    save_screenshot(browser, "terms-clicked")
    assert (
        len(headings) == load_outputs(reports.parent / "processed")["articles"]["outlet"].nunique()
    )
    assert (
        browser.execute_script("return document.querySelectorAll('#contexts li mark').length") >= 1
    )
    assert (
        browser.execute_script(
            "return document.querySelectorAll('button.term[aria-pressed=true]').length"
        )
        == 1
    )


def test_an_event_page_and_the_explorer_of_a_corpus_with_events(second_report, browser):
    assert open_page(browser, second_report / "index.html") == []
    events = browser.execute_script(
        "return Array.from(document.querySelectorAll('h3 a')).map(a => a.getAttribute('href'))"
    )
    assert len(events) == 2 and all(href.startswith("articles/event-") for href in events)
    assert open_page(browser, second_report / events[0]) == []
    save_screenshot(browser, "event-page")
    assert (
        browser.execute_script("return document.querySelectorAll('li a[href^=compare-]').length")
        == 3
    )
    assert open_page(browser, second_report / "terms.html") == []
    assert len(click_first_term(browser)) == 3


def test_notebook_tables_sort_and_search_and_never_overflow_the_page(built_report, browser):
    reports, _ = built_report
    assert open_page(browser, reports / "04-sources.html") == []
    assert browser.execute_script(
        "return document.documentElement.scrollWidth <= window.innerWidth"
    )
    boxes = browser.execute_script("return document.querySelectorAll('input.table-search').length")
    assert boxes >= 1
    script = """
        const table = document.querySelector('input.table-search').nextElementSibling;
        const header = table.tHead.rows[table.tHead.rows.length - 1];
        const column = Array.from(header.cells).findIndex(th => th.textContent.trim() === arguments[0]);
        header.cells[column].click();
        header.cells[column].click();
        const values = Array.from(table.tBodies[0].rows).map(r => r.children[column].textContent.trim());
        const box = table.previousElementSibling;
        box.value = values[0];
        box.dispatchEvent(new Event('input'));
        const visible = Array.from(table.tBodies[0].rows).filter(r => !r.hidden).length;
        return [header.cells[column].getAttribute('aria-sort'), values, visible, table.tBodies[0].rows.length];
    """  # noqa: E501 (JavaScript as written)
    order, values, visible, rows = browser.execute_script(script, "article_id")
    assert order == "descending" and values == sorted(values, reverse=True)
    assert 1 <= visible < rows


def test_markup_in_the_explorer_shows_as_text(browser, tmp_path):
    from analysis.report.explorer import collect_term_contexts, render_terms_explorer
    from tests.report.test_explorer import tables

    distinctive = pd.DataFrame(
        {"outlet": ["<i>A</i>"], "term": ["rise"], "count": [1], "z": [2.5]}
    )
    contexts = collect_term_contexts(tables(), ["rise"])
    contexts = contexts.assign(
        outlet="<i>A</i>", right=contexts["right"] + "</script><img src=x onerror=alert(1)>"
    )
    page = tmp_path / "terms.html"
    page.write_text(render_terms_explorer(distinctive, contexts), encoding="utf-8")
    assert open_page(browser, page) == []
    click_first_term(browser)
    assert (
        browser.execute_script(
            "return document.querySelectorAll('#contexts img, #contexts b, #contexts i').length"
        )
        == 0
    )
    assert "<img src=x onerror=alert(1)>" in browser.execute_script(
        "return document.getElementById('contexts').innerText"
    )
