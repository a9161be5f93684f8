"""The test half's labels audited: a second, blind labelling and its adjudication (lineage.md)."""

import importlib.util
from io import StringIO
from pathlib import Path

from django.core.management import call_command

from resolutions.lineage.evaluation import (
    evaluate_audited,
    in_half,
    label_agreement,
    load_pairs,
    with_labels,
)

DATA = Path(__file__).parent / "data"
PAIRS = DATA / "labelled_pairs.json"
AUDIT = DATA / "test_half_relabelled.json"
DOCS = Path(__file__).parents[2] / "docs" / "lineage.md"


def ids_of_the_test_half() -> set[int]:
    return {p["id"] for p in load_pairs(PAIRS)["pairs"] if in_half(p, "test")}


def test_the_second_labelling_covers_exactly_the_test_half():
    audit = load_pairs(AUDIT)
    ids = [p["id"] for p in audit["pairs"]]
    assert len(ids) == len(set(ids)) == 180
    assert set(ids) == ids_of_the_test_half()
    assert all(isinstance(p["same_family"], bool) for p in audit["pairs"])
    assert "without the existing labels" in audit["provenance"]


def test_the_export_gives_the_test_half_shuffled_without_labels():
    spec = importlib.util.spec_from_file_location("export", DATA / "export_test_half.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    pairs = load_pairs(PAIRS)["pairs"]
    exported = module.test_half(pairs)
    assert {p["id"] for p in exported} == ids_of_the_test_half()
    assert all(set(p) == {"id", "a", "b"} for p in exported)
    ids = [p["id"] for p in exported]
    assert ids != sorted(ids) and ids == [p["id"] for p in module.test_half(pairs)]


def test_the_adjudication_decides_exactly_the_pairs_the_labellings_part_on():
    data, audit = load_pairs(PAIRS), load_pairs(AUDIT)
    existing = {p["id"]: p["same_family"] for p in data["pairs"] if in_half(p, "test")}
    again = {p["id"]: p["same_family"] for p in audit["pairs"]}
    parted = {i for i in existing if existing[i] != again[i]}
    decided = audit["adjudication"]["pairs"]
    assert {p["id"] for p in decided} == parted
    for pair in decided:
        assert (pair["existing"], pair["relabelled"]) == (existing[pair["id"]], again[pair["id"]])
        assert pair["reason"].strip()


def test_kappa_on_a_made_up_set():
    # Labels given, then again: T T F F / T F F F. Observed 0.75, chance 0.5, kappa 0.5.
    given, again = (True, True, False, False), (True, False, False, False)
    ids = (1, 3, 5, 7)
    test = [{"id": i, "same_family": label} for i, label in zip(ids, given, strict=True)]
    data = {"pairs": [*test, {"id": 2, "same_family": True}]}  # id 2 tunes: not counted
    audit = {
        "pairs": [{"id": i, "same_family": label} for i, label in zip(ids, again, strict=True)],
        "adjudication": {"pairs": []},
    }
    assert label_agreement(data, audit) == (3, 4, 0.5)
    relabelled = with_labels(data, {3: False})
    assert [p["same_family"] for p in relabelled["pairs"]] == [True, False, False, False, True]
    assert data["pairs"][1]["same_family"] is True


def test_the_audited_figures_are_the_documented_ones():
    data, audit = load_pairs(PAIRS), load_pairs(AUDIT)
    docs = DOCS.read_text(encoding="utf-8")
    section = docs[docs.index("### The test half's labels audited") :]
    agree, n, kappa = label_agreement(data, audit)
    assert f"{agree} of {n}" in section and f"{kappa:.3f}" in section
    for name, result in evaluate_audited(data, audit).items():
        figures = f"{result.sampled.precision:.3f} / {result.sampled.recall:.3f}"
        assert figures in section, (name, figures)


def test_the_command_prints_the_three_figures():
    out = StringIO()
    call_command("evaluate_lineage", str(PAIRS), audited_test_half=AUDIT, stdout=out)
    text = out.getvalue()
    assert "Cohen's kappa" in text
    for name in ("existing", "relabelled", "adjudicated"):
        assert f"| {name}" in text
