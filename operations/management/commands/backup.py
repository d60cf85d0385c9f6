from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Writes one timestamped archive (tar.gz) with a consistent database dump, the media files and checksums."

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", default=str(settings.BACKUP_DIR), help="Target folder (BACKUP_DIR).")
        parser.add_argument("--database", default="default", help="Database alias to dump.")

    def handle(self, *args, **options):
        try:
            path = create_backup(options["output_dir"], settings.MEDIA_ROOT, alias=options["database"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Sicherung geschrieben: {path}"))
