from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restores an archive written by `backup` into an EMPTY database and MEDIA_ROOT; refuses anything else."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Path of the .tar.gz written by `manage.py backup`.")
        parser.add_argument("--database", default="default", help="Database alias to restore into (must be empty).")
        parser.add_argument("--media-root", default=str(settings.MEDIA_ROOT), help="Target for the media files.")

    def handle(self, *args, **options):
        try:
            manifest = restore_backup(options["archive"], options["media_root"], alias=options["database"])
        except (BackupError, FileNotFoundError) as exc:
            raise CommandError(str(exc)) from exc
        media_count = sum(1 for name in manifest["files"] if name.startswith("media/"))
        self.stdout.write(
            self.style.SUCCESS(
                f"Sicherung vom {manifest['created']} wiederhergestellt: Datenbank und {media_count} Mediendateien."
            )
        )
