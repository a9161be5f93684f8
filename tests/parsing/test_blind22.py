"""Round 21's blind set: the Assembly's omnibus on the law of the sea and its "Special subjects"
budget text as Word (426 and 295 paragraphs), a Sixth Committee and an ECOSOC resolution as Word,
a First Committee draft and its adopted text, a resolution, an amendment as PDF, a draft decision
printing its sponsors, a Fifth Committee note and two decisions, drawn from listing fields only
(tests/parsing/blind22/README.md)."""

from __future__ import annotations

from pathlib import Path

from .gold import BlindSet

OPEN_MISSES: dict[tuple[str, str], str] = {
    ("A_RES_72_73", "references"): (
        "another body's resolutions given to the General Assembly: 'the request by the United "
        "Nations Environment Assembly at its second session, in paragraph 6 of its resolution "
        "2/10' (the body named before 'its' too far back) and 'Ibid., resolution 2/11' after a "
        "note citing the Assembly's report; a number after a symbol naming a second document "
        "('SOLAS/CONF.5/32 and 34')"
    ),
    ("A_C.5_80_L.1", "references"): (
        "a symbol printed alone on its line twice in a table ('A/80/309') taken for page "
        "furniture (a repeated line) and removed by the cleaning"
    ),
}


class TestBlindSet(BlindSet):
    folder = Path(__file__).resolve().parent / "blind22"
    size = 12
    open_misses = OPEN_MISSES
