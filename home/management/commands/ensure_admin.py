import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Creates the superuser 'admin' once; password from ADMIN_PASSWORD or generated and printed once."

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            self.stdout.write("Benutzer 'admin' besteht bereits; Passwort unverändert.")
            return
        password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@example.org", password, first_name="Admin")
        if os.environ.get("ADMIN_PASSWORD"):
            self.stdout.write(self.style.SUCCESS("Benutzer 'admin' angelegt (Passwort aus ADMIN_PASSWORD)."))
        else:
            self.stdout.write(
                self.style.SUCCESS(f"Benutzer 'admin' angelegt. Passwort (nur jetzt angezeigt): {password}")
            )
