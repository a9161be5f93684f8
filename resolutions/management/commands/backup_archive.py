"""Back up the database and the original files into one tar (resolutions/backup.py)."""

from datetime import UTC, datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from resolutions.backup import BackupError, make_backup


class Command(BaseCommand):
    help = "Write a backup (database dump and original files) to backups/ or the given path."

    def add_arguments(self, parser) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        parser.add_argument("path", nargs="?", default=f"backups/archive-{stamp}.tar")

    def handle(self, *args: object, path: str, **options: object) -> None:
        try:
            manifest = make_backup(Path(path))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backed up the database and {manifest['media_files']} files to {path}")
