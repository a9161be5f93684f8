"""The pure wording functions: tokens, keys, fingerprints, similarity and diffs (no database)."""

from resolutions.lineage.diffs import word_diff
from resolutions.lineage.similarity import coverage, similarity
from resolutions.lineage.text import BANDS, band_keys_of, fingerprints_of, minhash_of, tokens_of

PARAGRAPH = (
    "Requests the Secretary-General, in the meantime, to seek the views of Member States on "
    "the subject and to submit a report to the General Assembly at its eighty-first session;"
)


def test_tokens_drop_footnote_markers_and_keep_long_numbers():
    assert tokens_of("Takes note of the report of the Secretary-General;16") == [
        "takes", "note", "of", "the", "report", "of", "the", "secretary", "general",
    ]  # fmt: skip
    assert tokens_of("vol. 1771, No. 30822.") == ["vol", "1771", "no", "30822"]


def test_band_keys_are_stable_and_shared_by_equal_wording():
    keys = band_keys_of(minhash_of(tokens_of(PARAGRAPH)))
    assert len(keys) == BANDS
    assert keys == band_keys_of(minhash_of(tokens_of(PARAGRAPH.upper())))
    edited = PARAGRAPH.replace("eighty-first", "eighty-second")
    shared = set(keys) & set(band_keys_of(minhash_of(tokens_of(edited))))
    assert shared, "a one-word edit must leave LSH candidates"
    unrelated = band_keys_of(minhash_of(tokens_of("Decides to remain seized of the matter.")))
    assert not set(keys) & set(unrelated)


def test_signatures_and_keys_are_the_stored_ones():
    """The values datasketch 2's MinHash(scheme="affine32") gave when the keys were first stored
    (checked against it on the 720 paragraphs of the labelled pairs): changing them would leave
    every stored key stale."""
    signature = minhash_of(tokens_of(PARAGRAPH))
    assert signature[:3].tolist() == [66753472, 64565356, 69509651]
    assert band_keys_of(signature)[:2] == [6462967452976377873, -7521787833749981993]
    assert set(minhash_of([]).tolist()) == {2**32 - 1}


def test_a_sentence_shares_a_fingerprint_with_its_paragraph():
    sentence = "to seek the views of Member States on the subject"
    assert set(fingerprints_of(tokens_of(sentence))) & set(fingerprints_of(tokens_of(PARAGRAPH)))


def test_similarity_and_coverage():
    a = tokens_of(PARAGRAPH)
    assert similarity(a, a) == 1.0
    assert similarity(a, tokens_of(PARAGRAPH.replace("Secretary-General", "Commission"))) > 0.9
    assert similarity(a, tokens_of("Decides to remain seized of the matter.")) < 0.2
    assert coverage(tokens_of("the views of Member States"), a) == 1.0


def test_word_diff_marks_deleted_and_inserted_words():
    runs = word_diff(
        "Requests the Conference on Disarmament to act", "Requests the Commission to act"
    )
    assert [(r.op, r.text) for r in runs] == [
        ("equal", "Requests the"),
        ("delete", "Conference on Disarmament"),
        ("insert", "Commission"),
        ("equal", "to act"),
    ]
