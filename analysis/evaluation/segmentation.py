"""Score the sentence splitter against human segmentation.

- **Golden Rules** (pySBD / pragmatic_segmenter): share of the 48 cases whose
  sentences come out exactly as expected.
- **WSJ sample** (Penn Treebank, via NLTK): boundary precision, recall and F1.
  The raw WSJ files have one paragraph per blank-line-separated block, with line
  breaks inside a block that often (not always) fall between sentences; the
  breaks inside a block are replaced by spaces so that they give nothing away,
  and the paragraphs are kept. The gold sentences (parse-tree leaves) are aligned
  to that text character by character, ignoring white space. A boundary is the
  offset where a sentence starts, the first of each file excluded. The figures
  are given for all boundaries and for those inside paragraphs only (the hard
  ones: a paragraph break is always a boundary).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from analysis.text.segment import Span, split_paragraphs, split_sentences

Splitter = Callable[[str], list[Span]]


TARGETS = {"golden_rules_pass_rate": 0.90, "wsj_f1": 0.97}
"""The issue's targets: share of pySBD's Golden Rules passed, boundary F1 on the WSJ sample."""
BASELINES = {"pysbd_pass_rate": 0.979}
"""pySBD on its own Golden Rules (Sadvilkar & Neumann 2020)."""


def evaluate_golden_rules(cases: Iterable[dict], split: Splitter = split_sentences) -> dict:
    """Pass rate on Golden Rules cases; lists the ids of the cases that fail."""
    cases = list(cases)
    failed = [
        c["id"] for c in cases if [c["text"][s:e] for s, e in split(c["text"])] != c["sentences"]
    ]
    return {
        "cases": len(cases),
        "passed": len(cases) - len(failed),
        "pass_rate": round((len(cases) - len(failed)) / len(cases), 4) if cases else None,
        "failed_ids": failed,
    }


def prepare_wsj_text(raw: str) -> str:
    """A WSJ raw file as paragraphs, one a line, without the ``.START`` marker."""
    blocks = raw.replace(".START", "").split("\n\n")
    return "\n".join(" ".join(block.split()) for block in blocks if block.strip())


def align_gold_starts(text: str, sentences: list[list[str]], window: int = 80) -> list[int]:
    """Offsets in ``text`` where each gold sentence starts.

    Each gold token is looked for in the text with white space removed, where
    the previous token ended; a token of three or more characters may also be
    found up to ``window`` characters on, to resynchronise after text the two
    versions do not share; a shorter one that does not follow is passed over
    (the Treebank's extra period after a final "U.S.", for one). A sentence
    starts at the white-space token holding its first found token.
    """
    positions = [i for i, ch in enumerate(text) if not ch.isspace()]
    flat = "".join(text[i] for i in positions)
    pointer = 0
    starts = []
    for tokens in sentences:
        first = None
        for token in tokens:
            if flat.startswith(token, pointer):
                found = pointer
            elif len(token) >= 3:  # only a distinctive token may resynchronise further on
                found = flat.find(token, pointer, pointer + window + len(token))
            else:
                continue
            if found < 0:
                continue
            if first is None:
                first = found
            pointer = found + len(token)
        if first is None:
            continue
        pos = positions[first]
        while pos > 0 and not text[pos - 1].isspace():
            pos -= 1  # sentences start at the start of a white-space token
        starts.append(pos)
    return starts


def score_boundaries(gold: set[int], predicted: set[int]) -> dict:
    """Precision, recall and F1 of predicted boundary offsets against gold ones."""
    hits = len(gold & predicted)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "gold": len(gold),
        "predicted": len(predicted),
        "correct": hits,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def prepare_wsj(documents: Iterable[dict]) -> list[tuple[str, set[int]]]:
    """Each WSJ document as its text and its gold boundaries (first sentence start excluded)."""
    prepared = []
    for doc in documents:
        text = prepare_wsj_text(doc["raw"])
        prepared.append((text, set(align_gold_starts(text, doc["sentences"])[1:])))
    return prepared


def evaluate_wsj(prepared: list[tuple[str, set[int]]], split: Splitter = split_sentences) -> dict:
    """Boundary precision, recall and F1 over WSJ documents from :func:`prepare_wsj`."""
    gold_all, pred_all, gold_inner, pred_inner = set(), set(), set(), set()
    n_docs = 0
    for n_docs, (text, gold) in enumerate(prepared, start=1):
        paragraph_starts = {s for s, _ in split_paragraphs(text)}
        predicted = {s for s, _ in split(text)[1:]}
        gold_all |= {(n_docs, g) for g in gold}
        pred_all |= {(n_docs, p) for p in predicted}
        gold_inner |= {(n_docs, g) for g in gold - paragraph_starts}
        pred_inner |= {(n_docs, p) for p in predicted - paragraph_starts}
    return {
        "documents": n_docs,
        "all_boundaries": score_boundaries(gold_all, pred_all),
        "within_paragraphs": score_boundaries(gold_inner, pred_inner),
    }


def split_with_punkt(text: str) -> list[Span]:
    """Baseline: NLTK's Punkt splitter untrained, given the kit's abbreviation list."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    from analysis.text.segment import abbreviations

    params = PunktParameters()
    params.abbrev_types = {a for a in abbreviations()}
    tokenizer = PunktSentenceTokenizer(params)
    spans = []
    for p_start, p_end in split_paragraphs(text):
        spans.extend(
            (p_start + s, p_start + e) for s, e in tokenizer.span_tokenize(text[p_start:p_end])
        )
    return spans


def validate(data_home=None, report=print) -> dict:
    """Score the splitter (and the Punkt baseline) on every segmentation set in the data home."""
    from analysis.resources.datasets import locate_dataset
    from analysis.resources.readers import read_golden_rules, read_treebank

    results = {}
    folder = locate_dataset("pysbd_golden_rules_en", data_home)
    if folder is None:
        report(
            "pysbd_golden_rules_en: not in the data home (python -m analysis fetch "
            "pysbd_golden_rules_en)"
        )
    else:
        cases = read_golden_rules(folder)
        ours, punkt = evaluate_golden_rules(cases), evaluate_golden_rules(cases, split_with_punkt)
        results["pysbd_golden_rules_en"] = {"all": {**ours, "baseline_punkt": punkt}}
        report(
            f"Golden Rules: {ours['passed']}/{ours['cases']} cases pass ({ours['pass_rate']:.1%}; "
            f"target >= {TARGETS['golden_rules_pass_rate']:.0%}); "
            f"failing: {ours['failed_ids']}. Punkt baseline: {punkt['pass_rate']:.1%}"
        )
    folder = locate_dataset("nltk_treebank_wsj_sample", data_home)
    if folder is None:
        report(
            "nltk_treebank_wsj_sample: not in the data home (python -m analysis fetch "
            "nltk_treebank_wsj_sample)"
        )
    else:
        documents = prepare_wsj(read_treebank(folder))
        ours, punkt = evaluate_wsj(documents), evaluate_wsj(documents, split_with_punkt)
        results["nltk_treebank_wsj_sample"] = {"all": {**ours, "baseline_punkt": punkt}}
        for label, scores in (("kit", ours), ("Punkt baseline", punkt)):
            a, w = scores["all_boundaries"], scores["within_paragraphs"]
            report(
                f"WSJ sample, {label}: boundary P {a['precision']:.4f} R {a['recall']:.4f} F1 "
                f"{a['f1']:.4f} "
                f"over {a['gold']} gold boundaries in {scores['documents']} files (target F1 >= "
                f"{TARGETS['wsj_f1']}); "
                f"inside paragraphs only F1 {w['f1']:.4f}"
            )
    return results
