"""The hand-labelled pair set: its size and provenance, and the figures docs/lineage.md gives."""

import json
from io import StringIO
from pathlib import Path

from django.core.management import call_command

from resolutions.lineage.evaluation import HALVES, evaluate, in_half, load_pairs

PAIRS = Path(__file__).parent / "data" / "labelled_pairs.json"
DOCS = Path(__file__).parents[2] / "docs" / "lineage.md"


def test_at_least_300_pairs_of_real_paragraphs_from_different_documents():
    data = json.loads(PAIRS.read_text(encoding="utf-8"))
    pairs = data["pairs"]
    assert len(pairs) >= 300
    assert len({p["id"] for p in pairs}) == len(pairs)
    for pair in pairs:
        assert pair["a"]["file"] != pair["b"]["file"]
        for side in (pair["a"], pair["b"]):
            assert len(side["sha256"]) == 64 and side["text"].strip()
    labels = [p["same_family"] for p in pairs]
    assert 0.2 < sum(labels) / len(labels) < 0.5, "both classes well represented"
    assert "Labelling rules" in DOCS.read_text(encoding="utf-8")


def test_measured_figures_are_the_documented_ones():
    docs = DOCS.read_text(encoding="utf-8")
    for half in ("test", "blind r24", "blind", "held-out"):
        result = evaluate(load_pairs(PAIRS), half=half)
        for value in (
            result.sampled.precision,
            result.sampled.recall,
            result.weighted.precision,
            result.weighted.recall,
        ):
            assert f"{value:.3f}" in docs, (half, value)


def test_the_halves_are_disjoint_and_the_held_out_half_is_large():
    pairs = load_pairs(PAIRS)["pairs"]
    halves = {half: {p["id"] for p in pairs if in_half(p, half)} for half in HALVES}
    assert not halves["tune"] & halves["held-out"]
    assert halves["held-out"] == halves["test"] | halves["blind"]
    assert halves["all"] == halves["tune"] | halves["held-out"]
    tuning_rounds = [h for h in HALVES if h.startswith("tune r")]
    assert halves["tune"] == set().union(*(halves[r] for r in tuning_rounds))
    blind_rounds = [halves[h] for h in HALVES if h.startswith("blind r")]
    assert halves["blind"] == set().union(*blind_rounds)
    assert sum(map(len, blind_rounds)) == len(halves["blind"])
    assert len(halves["held-out"]) >= 150 and len(halves["blind"]) >= 300


def test_evaluate_command_prints_the_table():
    out = StringIO()
    call_command("evaluate_lineage", str(PAIRS), stdout=out)
    assert "| test" in out.getvalue() and "P weighted" in out.getvalue()
