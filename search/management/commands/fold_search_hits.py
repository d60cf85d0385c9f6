from django.core.management.base import BaseCommand

from search import popular


class Command(BaseCommand):
    help = (
        "Überträgt die im Cache gezählten Suchanfragen in den Bericht „Suchbegriffe“ "
        "(regelmäßig per Cron ausführen, z. B. zusammen mit publish_scheduled)."
    )

    def handle(self, *args, **options):
        moved = popular.fold()
        self.stdout.write(f"{moved} Suchanfragen übertragen.")
