"""`manage.py import_profiles FILE`: validate a CSV or GeoJSON file of district profiles, then import it."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from profiles.import_files import ImportFileError, read_import_file
from profiles.importer import ImportNotAllowed, plan_import, run_import


class Command(BaseCommand):
    help = (
        "Importiert Stadtteilprofile aus einer CSV- oder GeoJSON-Datei. Jede Änderung wird als Entwurf "
        "gespeichert und zur Freigabe eingereicht (mit --publish durch einen Superuser: sofort veröffentlicht)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV (UTF-8, ; oder ,) oder GeoJSON-FeatureCollection")
        parser.add_argument("--dry-run", action="store_true", help="Nur prüfen, nichts speichern.")
        parser.add_argument(
            "--skip-invalid", action="store_true", help="Fehlerhafte Zeilen auslassen, den Rest importieren."
        )
        parser.add_argument("--publish", action="store_true", help="Sofort veröffentlichen (nur Superuser).")
        parser.add_argument("--user", help="Benutzername, in dessen Namen importiert wird.")

    def handle(self, *args, **options):
        user = self.acting_user(options["user"])
        if options["publish"] and not (user and user.is_superuser):
            raise CommandError("--publish ist nur zusammen mit --user eines Superusers erlaubt.")
        path = Path(options["file"])
        try:
            raw_file = read_import_file(path.read_bytes(), path.name)
        except OSError as error:
            raise CommandError(f"Die Datei {path} kann nicht gelesen werden: {error.strerror}") from error
        except ImportFileError as error:
            raise CommandError(str(error)) from error

        plan = plan_import(raw_file, user=user)
        self.print_report(plan)
        if options["dry_run"]:
            self.stdout.write("Probelauf: Es wurde nichts gespeichert.")
            if plan.has_errors and not options["skip_invalid"]:
                raise CommandError("Die Datei enthält Fehler.")
            return
        if plan.has_errors and not options["skip_invalid"]:
            raise CommandError(
                "Die Datei enthält Fehler; es wurde nichts gespeichert. "
                "Fehler beheben oder mit --skip-invalid nur die gültigen Zeilen importieren."
            )
        try:
            result = run_import(
                plan,
                user=user,
                publish=options["publish"],
                skip_invalid=options["skip_invalid"],
                progress=self.progress,
            )
        except ImportNotAllowed as error:
            raise CommandError(str(error)) from error
        for row in result.written + result.unchanged + result.failed:
            self.stdout.write(f"{row.label}: {row.municipality_name} / {row.title}: {row.result}")
            for error in row.errors:
                self.stdout.write(f"    Fehler: {error}")
        for note in result.notes:
            self.stdout.write(note)
        self.stdout.write(self.style.SUCCESS(f"Import abgeschlossen: {result.summary()}"))
        if result.failed:
            raise CommandError("Einige Zeilen konnten nicht gespeichert werden (siehe oben).")

    def acting_user(self, username):
        if not username:
            return None
        try:
            return get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"Den Benutzer „{username}“ gibt es nicht.") from error

    def print_report(self, plan):
        self.stdout.write(f"Prüfbericht ({plan.format.upper()}): {plan.summary()}")
        for warning in plan.warnings:
            self.stdout.write(f"Hinweis: {warning}")
        for row in plan.rows:
            name = " / ".join(part for part in (row.values.get("municipality"), row.title) if part) or "(ohne Namen)"
            line = f"{row.label}: {name}: {row.action}"
            if row.changes:
                line += f" ({', '.join(row.change_labels())})"
            self.stdout.write(line)
            for error in row.errors:
                self.stdout.write(f"    Fehler: {error}")
            for warning in row.warnings:
                self.stdout.write(f"    Hinweis: {warning}")

    def progress(self, done, total):
        """A plain text bar on stderr, redrawn in place; no dependency needed for large files."""
        width = 30
        filled = width * done // total
        end = "\n" if done == total else "\r"
        self.stderr.write(f"Speichern [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending=end)
        self.stderr.flush()
