"""Restore a backup made by backup_archive: the database and the original files are replaced."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from resolutions.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Replace the database and the original files with those of a backup tar."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path")

    def handle(self, *args: object, path: str, **options: object) -> None:
        try:
            manifest = restore_backup(Path(path))
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored the database and {manifest['media_files']} files from {path}"
            f" (backup of {manifest['created_at']})"
        )
