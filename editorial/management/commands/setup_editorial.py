import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from editorial.demo_users import DEFAULT_DEMO_PASSWORD, ensure_demo_users
from editorial.roles import setup_all


class Command(BaseCommand):
    help = (
        "Legt die Gruppen Redaktion, Freigabe und je Kommune eine Gruppe mit Sammlung an, dazu den Workflow "
        "„Redaktionelle Freigabe“. Kann beliebig oft laufen."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-users",
            action="store_true",
            help="Legt zusätzlich die Demo-Konten an (nur wenn DEMO_USERS_ALLOWED gesetzt ist, nie in der Produktion).",
        )

    def handle(self, *args, **options):
        if options["demo_users"] and not getattr(settings, "DEMO_USERS_ALLOWED", False):
            raise CommandError("Demo-Konten sind in dieser Umgebung nicht erlaubt (DEMO_USERS_ALLOWED ist aus).")

        accesses = setup_all()
        self.stdout.write(f"Gruppen Redaktion und Freigabe, Workflow und {len(accesses)} Kommunen eingerichtet.")

        if options["demo_users"]:
            password = os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD
            users, skipped = ensure_demo_users(password)
            for username in users:
                self.stdout.write(f"Demo-Konto: {username}")
            for username, reason in skipped:
                self.stdout.write(self.style.WARNING(f"Demo-Konto {username} übersprungen: {reason}"))
            shown = "aus DEMO_PASSWORD" if os.environ.get("DEMO_PASSWORD") else password
            self.stdout.write(f"Passwort der Demo-Konten (nur für die Entwicklung): {shown}")
