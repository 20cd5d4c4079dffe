"""The pinned environment: one lock, the same pins for pip and conda, nothing unpinned."""

from __future__ import annotations

import re
import tomllib

import yaml

from analysis import config

ROOT = config.PROJECT_DIR


def read_lock() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pins[name.lower().replace("_", "-")] = version
    return pins


def test_every_locked_requirement_is_pinned_exactly():
    lines = [
        x
        for x in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
        if x and not x.startswith("#")
    ]
    assert lines and all(re.fullmatch(r"[A-Za-z0-9_.\-]+==[A-Za-z0-9_.+\-]+", x) for x in lines)


def test_conda_environment_installs_the_same_pins():
    environment = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_section = next(d["pip"] for d in environment["dependencies"] if isinstance(d, dict))
    conda_pins = {}
    for entry in pip_section:
        if entry == "-e .":
            continue
        name, version = entry.split("==")
        conda_pins[name.lower().replace("_", "-")] = version
    assert conda_pins == read_lock()
    assert any(
        re.fullmatch(r"python=3\.\d+\.\d+", d)
        for d in environment["dependencies"]
        if isinstance(d, str)
    )


def test_direct_dependencies_are_in_the_lock():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    direct = project["dependencies"] + project["optional-dependencies"]["dev"]
    lock = read_lock()
    for requirement in direct:
        assert requirement.lower().replace("_", "-") in lock, requirement


def test_no_code_path_reaches_for_nltk_data():
    for path in list((ROOT / "analysis").rglob("*.py")) + list(
        (ROOT / "notebooks").glob("*.ipynb")
    ):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"nltk\.download|nltk\.data\.(find|load)|punkt_tab", text), path


def test_gold_data_is_not_in_the_project():
    names = {p.name for p in ROOT.rglob("*") if ".venv" not in p.parts and ".git" not in p.parts}
    assert not names & {
        "english_golden_rules.json",
        "treebank.zip",
        "nytEditorialSnippets_GroundTruth.txt",
        "final_labels_SG2.csv",
    }
