"""Backup and restore: every table and every original file comes back as it was."""

from __future__ import annotations

import hashlib
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from resolutions.ingest import ingest_file
from resolutions.models import Document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

pytestmark = pytest.mark.django_db(transaction=True)


def table_fingerprints() -> dict[str, str]:
    """A digest of every row of every table of the archive's schema."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
        )
        tables = [row[0] for row in cursor.fetchall()]
        prints = {}
        for table in tables:
            cursor.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
                f' FROM "{table}" t'
            )
            prints[table] = cursor.fetchone()
    return prints


def file_digests(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def archive(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    for sample in sorted(SAMPLES.glob("*.txt"))[:3]:
        ingest_file(sample)
    assert Document.objects.count() == 3
    return Path(settings.MEDIA_ROOT)


def test_a_backup_round_trips_every_table_and_file(archive, tmp_path):
    before_tables, before_files = table_fingerprints(), file_digests(archive)
    assert len(before_files) == 3
    backup = tmp_path / "backups" / "archive.tar"
    call_command("backup_archive", str(backup))

    Document.objects.first().delete()
    next(archive.rglob("*.txt")).unlink()
    assert table_fingerprints() != before_tables

    call_command("restore_archive", str(backup))
    assert table_fingerprints() == before_tables
    assert file_digests(archive) == before_files


def test_a_damaged_backup_is_refused_and_changes_nothing(archive, tmp_path):
    backup = tmp_path / "archive.tar"
    call_command("backup_archive", str(backup))
    damaged = tmp_path / "damaged.tar"
    with tarfile.open(backup) as good, tarfile.open(damaged, "w") as bad:
        for member in good.getmembers():
            if member.name != "database.dump":
                bad.addfile(member, good.extractfile(member))
    Document.objects.first().delete()
    after_delete = table_fingerprints()

    with pytest.raises(CommandError, match="missing or damaged"):
        call_command("restore_archive", str(damaged))
    assert table_fingerprints() == after_delete

    (tmp_path / "junk.tar").write_bytes(b"not a tar at all")
    with pytest.raises(CommandError):
        call_command("restore_archive", str(tmp_path / "junk.tar"))
    assert table_fingerprints() == after_delete
