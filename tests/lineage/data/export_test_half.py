"""Export the test half of labelled_pairs.json to be labelled again, blind (a label audit).

The test half is round 1's odd ids (180 pairs, never used for tuning). Each pair is written with
its id and its two texts only: no label, note, stratum or file, and the family decision is not
run, so that the second labelling (test_half_relabelled.json) cannot be steered by either. The
pairs are shuffled with a fixed seed, so that ids close together (drawn from one stratum) are
not read one after the other. Run by hand:

    PYTHONPATH=. python tests/lineage/data/export_test_half.py /tmp/test_half_blind.json
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from resolutions.lineage.evaluation import in_half

PAIRS = Path(__file__).parent / "labelled_pairs.json"
SEED = 20261205


def test_half(pairs: list[dict]) -> list[dict]:
    """Round 1's odd ids, as id and two texts, shuffled with SEED."""
    kept = [
        {"id": p["id"], "a": p["a"]["text"], "b": p["b"]["text"]}
        for p in pairs
        if in_half(p, "test")
    ]
    random.Random(SEED).shuffle(kept)
    return kept


def main(out: str) -> None:
    pairs = json.loads(PAIRS.read_text(encoding="utf-8"))["pairs"]
    exported = test_half(pairs)
    Path(out).write_text(json.dumps(exported, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(exported)} pairs written to {out}")


if __name__ == "__main__":
    main(sys.argv[1])
