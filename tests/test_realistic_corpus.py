"""The realistic benchmark corpus: real texts read from a corpus folder, re-issued over the years.

The corpus folder is built here the way `../shared/corpus` is laid out (`un-texts.tar.xz` and
`MANIFEST.tsv`), from the sample texts of `samples/`, so the test needs nothing outside
the project.
"""

from __future__ import annotations

import io
import re
import tarfile
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from bench.corpus import YEARS
from bench.real_texts import CorpusMissing, read_texts
from bench.realistic import WORD_RE, corpus_statistics, read_real_pool, realistic_documents

SAMPLES = sorted((Path(settings.BASE_DIR) / "samples").glob("*.txt"))
HEADER = "file\tsymbol\tkind\tbody\tsession_or_year\tsource_repo\tsource_path\tbytes\tsha256\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A corpus folder holding the sample texts, with their manifest."""
    manifest = [HEADER]
    with tarfile.open(tmp_path / "un-texts.tar.xz", "w:xz") as tar:
        for path in SAMPLES:
            data = path.read_bytes()
            member = tarfile.TarInfo(f"un-texts/{path.name}")
            member.size = len(data)
            tar.addfile(member, io.BytesIO(data))
            manifest.append(
                f"{path.name}\tX/{path.stem}\tresolution\tGA\t80\t-\t-\t{len(data)}\t-\n"
            )
    (tmp_path / "MANIFEST.tsv").write_text("".join(manifest), encoding="utf-8")
    return tmp_path


def shape(document):
    """What a re-issue keeps of a real text."""
    return (
        document.body,
        document.doc_type,
        document.title,
        document.sponsors,
        document.references,
        [(p.kind, p.verb, len(WORD_RE.findall(p.text))) for p in document.paragraphs],
    )


def test_the_texts_are_read_with_their_manifest(corpus):
    texts = read_texts(corpus)
    assert [t.file for t in texts] == [p.name for p in SAMPLES]
    assert texts[0].text == SAMPLES[0].read_text(encoding="utf-8")
    assert texts[0].symbol == f"X/{SAMPLES[0].stem}" and texts[0].body == "GA"


def test_a_folder_without_the_corpus_is_refused_in_words(tmp_path):
    with pytest.raises(CorpusMissing, match=r"MANIFEST\.tsv"):
        read_texts(tmp_path)


def test_documents_are_real_texts_reissued_the_same_for_the_same_seed(corpus):
    pool = read_real_pool(read_texts(corpus))
    documents = list(realistic_documents(pool, docs=40, seed=3))
    assert documents == list(realistic_documents(pool, docs=40, seed=3))
    assert documents[:20] == list(realistic_documents(pool, docs=20, seed=3))
    real_words = set(pool.words)
    for document in documents:
        assert YEARS[0] <= document.year <= YEARS[1]
        # A real text with the same body, kind, title, sponsors and citations, and paragraph for
        # paragraph the same kinds, verbs and lengths in words.
        assert any(shape(document) == shape(real) for real in pool.documents)
        for paragraph in document.paragraphs:
            assert {w.lower() for w in WORD_RE.findall(paragraph.text)} <= real_words
    assert len({d.symbol for d in documents}) == len(documents)


def test_the_statistics_measure_words_lengths_and_reuse(corpus):
    pool = read_real_pool(read_texts(corpus))
    real = corpus_statistics(pool.documents)
    generated = corpus_statistics(realistic_documents(pool, docs=60, seed=3))
    assert real.documents == len(pool.documents) and generated.documents == 60
    assert generated.distinct_words <= real.distinct_words == len(pool.words)
    # Each text is re-issued a dozen times, some paragraphs word for word: reuse is measured.
    assert 0 < generated.reused_share < 1
    assert real.length_percentiles[50] > 0


@pytest.mark.django_db(transaction=True)
def test_the_benchmark_prints_the_statistics_beside_the_real_texts(corpus):
    out = StringIO()
    call_command(
        "benchmark", docs=8, repeat=1, paths="page", corpus=corpus, stdout=out, queries_only=False
    )
    output = out.getvalue()
    table = output.split("Realistic corpus")[1].split("Loading")[0]
    assert re.search(r"\| real texts\s+\|\s+\d+ ", table)
    assert re.search(r"\| generated \(first 8\)\s+\|\s+8 ", table)
    assert "paragraphs reused" in table


@pytest.mark.django_db(transaction=True)
def test_a_missing_corpus_stops_the_benchmark_in_words(tmp_path):
    with pytest.raises(CommandError, match="pass --corpus"):
        call_command("benchmark", docs=2, repeat=1, corpus=tmp_path, stdout=StringIO())
