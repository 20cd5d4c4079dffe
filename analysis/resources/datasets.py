"""Locate, download and read the human-annotated gold data sets.

The gold data is never part of the project: it lives in a *data home*
(``FRAMING_DATA_HOME``, ``--data-home``, or ``~/.cache/media-framing/datasets``),
one folder per data set, named as in :data:`DATASETS`. On a machine with internet
access, :func:`fetch_dataset` downloads each file from its public source at a
fixed commit and checks its SHA-256; CI and development point the data home at a
copy that is already there.

Readers take any subset of a set's rows or files: held-out parts in the same
format are read the same way.
"""

from __future__ import annotations

import hashlib
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from analysis import config
from analysis.errors import InputProblem


@dataclass(frozen=True)
class RemoteFile:
    """One file of a gold set: where it is in the data home and where it comes from."""

    path: str
    url: str
    sha256: str | None
    """Checksum of the downloaded file; None where it could not be taken when the entry was
    written."""


@dataclass(frozen=True)
class Dataset:
    name: str
    measure: str
    licence: str
    files: tuple[RemoteFile, ...]
    description: str


_NLTK_DATA = (
    "https://raw.githubusercontent.com/nltk/nltk_data/5db857e6f7df11eabb5e5665836db9ec8df07e28"
)
_PYSBD = "https://raw.githubusercontent.com/nipunsadvilkar/pySBD/5905f13be4fc95f407b98392e0ec303617a33d86"
_VADER = "https://raw.githubusercontent.com/cjhutto/vaderSentiment/44fc044cd877310ee8278a0eadf34bcd50d41d06"
_WIKIWEASEL = (
    "https://raw.githubusercontent.com/ChristopherLiew/Crypto-Uncertainty-Index/a0d1b329d145b096c10861088cf18414a8b142ef"
    "/nlp/hedge_classifier/data/wiki_weasel_clean"
)
_SFU_ARCHIVE = "https://github.com/joey234/negation-focused-pretraining/archive/c90be5e8ce73dcabe09d06e7e1ef94b7622f79e5.tar.gz"
_BABE = "https://raw.githubusercontent.com/Media-Bias-Group/Neural-Media-Bias-Detection-Using-Distant-Supervision-With-BABE/fb79f646dcabf1746f5ebedc06ed8dd61ba78188"
_POLNEAR_ARCHIVE = "https://github.com/networkdynamics/PolNeAR/archive/c3eee833c035bf7b8c84f55b58c0bf7346cfae76.tar.gz"
_BASIL_ARCHIVE = (
    "https://github.com/launchnlp/BASIL/archive/4fdbc4f68d5ddae648990063cb6dd11424d96222.tar.gz"
)
_NEWSMTSC = (
    "https://raw.githubusercontent.com/fhamborg/NewsMTSC/b9d9b79704ed1b35cecaf1d7c2343dc1bd734fb7"
    "/NewsSentiment/controller_data/datasets/NewsMTSC-dataset"
)

DATASETS: dict[str, Dataset] = {
    d.name: d
    for d in (
        Dataset(
            name="pysbd_golden_rules_en",
            measure="segmentation",
            licence="MIT",
            files=(
                # The upstream file is Python source; read_golden_rules parses it
                # with ast.literal_eval (never executed). Its checksum was not
                # taken (no network when this entry was written): the reader
                # checks instead that it holds text/sentences pairs.
                RemoteFile(
                    "english_golden_rules.py", f"{_PYSBD}/benchmarks/english_golden_rules.py", None
                ),
            ),
            description="48 English sentence-boundary test cases (the pragmatic_segmenter Golden "
            "Rules, via pySBD)",
        ),
        Dataset(
            name="nltk_treebank_wsj_sample",
            measure="segmentation",
            licence="Penn Treebank sample, non-commercial research use only",
            files=(
                RemoteFile(
                    "treebank.zip",
                    f"{_NLTK_DATA}/packages/corpora/treebank.zip",
                    "9da92d76c3666cfb6cddeaed0f7e86b344cce0f0928a286d439e555f19c37399",
                ),
            ),
            description="199 Wall Street Journal files with gold sentences (Penn Treebank sample "
            "shipped by NLTK)",
        ),
        Dataset(
            name="vader_nyt",
            measure="tone",
            licence="MIT (C.J. Hutto); sentence texts are NYT copyright",
            files=(
                # The ratings are inside the repository's archive of the paper's
                # data; read_vader_nyt reads the member straight from it. Checksums
                # here and for NewsMTSC were not taken (no network when written):
                # the readers check every row's format instead.
                RemoteFile(
                    "hutto_ICWSM_2014.tar.gz",
                    f"{_VADER}/additional_resources/hutto_ICWSM_2014.tar.gz",
                    None,
                ),
            ),
            description="5,190 NYT editorial sentences with the mean valence of about 20 raters "
            "(Hutto & Gilbert 2014)",
        ),
        Dataset(
            name="newsmtsc",
            measure="tone",
            licence="MIT (Felix Hamborg); sentence texts are the outlets' copyright",
            files=tuple(
                RemoteFile(f"{split}.jsonl", f"{_NEWSMTSC}/{split}.jsonl", None)
                for split in ("train", "devtest_mt", "devtest_rw")
            ),
            description="political news sentences with the sentiment toward each person mentioned "
            "(Hamborg & Donnay 2021)",
        ),
        Dataset(
            name="wikiweasel",
            measure="hedging",
            licence="none stated (derived from Wikipedia, CC BY-SA, via the CoNLL-2010 shared "
            "task)",
            files=tuple(
                RemoteFile(f"{split}.csv", f"{_WIKIWEASEL}/{split}.csv", None)
                for split in ("train", "test")
            ),
            description="Wikipedia sentences labelled uncertain (weasel) or certain, CoNLL-2010 "
            "task 1 (Farkas et al. 2010)",
        ),
        Dataset(
            name="sfu_review_negspec",
            measure="hedging",
            licence="GPL-3.0-or-later (Konstantinova & de Sousa 2012)",
            files=(
                # The corpus is a folder of 400 XML files in that repository;
                # read_sfu_negspec reads them from the repository's archive.
                RemoteFile("negation-focused-pretraining.tar.gz", _SFU_ARCHIVE, None),
            ),
            description="400 product reviews with speculation and negation cues and scopes "
            "(Konstantinova et al. 2012)",
        ),
        Dataset(
            name="babe",
            measure="loaded terms",
            licence="AGPL-3.0 (Media Bias Group); sentence texts are the outlets' copyright. "
            "Never commit a model fitted on it.",
            files=(
                RemoteFile(
                    "final_labels_SG2.csv",
                    f"{_BABE}/data/final_labels_SG2.csv",
                    "d1968a67204bc0e5ce2ffff0309fcb3659c31c86f163b7989f07e50edf3d9ad4",
                ),
            ),
            description="news sentences labelled biased or not by experts, with the biased words "
            "(BABE, Spinde et al. 2021)",
        ),
        Dataset(
            name="basil",
            measure="loaded terms",
            licence="none stated; article texts are Fox News, NYT and HuffPost copyright "
            "(research use only)",
            files=(
                # The articles and annotations are two folders of JSON files;
                # read_basil reads them from the repository's archive.
                RemoteFile("BASIL.tar.gz", _BASIL_ARCHIVE, None),
            ),
            description="100 events told by Fox News, NYT and HuffPost, with lexical and "
            "informational bias spans (Fan et al. 2019)",
        ),
        Dataset(
            name="polnear",
            measure="sources",
            licence="none stated; article texts are the publishers' copyright (research use only)",
            files=(
                # The articles and brat annotations are folders in that repository;
                # read_polnear reads them from the repository's archive.
                RemoteFile("PolNeAR.tar.gz", _POLNEAR_ARCHIVE, None),
            ),
            description="1,008 U.S. election news articles with every attribution as Source, Cue "
            "and Content spans (Newell et al. 2018)",
        ),
    )
}


def locate_dataset(name: str, data_home: str | Path | None = None) -> Path | None:
    """The folder of a gold set in the data home, or None when it is not there."""
    folder = config.data_home(data_home) / name
    return folder if folder.is_dir() and any(folder.iterdir()) else None


def fetch_dataset(name: str, data_home: str | Path | None = None) -> Path:
    """Download a gold set into the data home from its public source; check checksums."""
    dataset = DATASETS[name]
    folder = config.data_home(data_home) / name
    folder.mkdir(parents=True, exist_ok=True)
    for remote in dataset.files:
        target = folder / remote.path
        if target.exists():
            continue
        with urllib.request.urlopen(remote.url, timeout=60) as response:  # noqa: S310 (fixed https URLs)
            data = response.read()
        digest = hashlib.sha256(data).hexdigest()
        if remote.sha256 is not None and digest != remote.sha256:
            raise InputProblem(
                [f"{remote.url}: checksum {digest} does not match the recorded {remote.sha256}"]
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return folder


def fingerprint_text(text: str) -> str:
    """A short stable key of a sentence (whitespace-insensitive), to know which rows a model
    saw."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def split_by_hash(text: str, test_share: int = 5) -> str:
    """``test`` for one text in ``test_share`` (chosen by :func:`fingerprint_text`), else
    ``development``.

    The split depends on the text alone, so any subset of rows, and rows added
    later, fall on the same side every time.
    """
    return "test" if int(fingerprint_text(text)[:8], 16) % test_share == 0 else "development"
