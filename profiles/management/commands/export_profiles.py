"""`manage.py export_profiles`: district profiles as open data (CSV or GeoJSON, dl-de/by-2-0)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from profiles.exporter import export_records, latest_revisions, public_profiles, to_csv, to_geojson


class Command(BaseCommand):
    help = (
        "Exportiert die veröffentlichten Stadtteilprofile als CSV oder GeoJSON "
        "(Datenlizenz Deutschland – Namensnennung – 2.0)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv", "geojson"], default="csv")
        parser.add_argument("--output", "-o", help="Zieldatei; ohne Angabe die Standardausgabe.")
        parser.add_argument(
            "--include-unpublished",
            action="store_true",
            help="Alle Profile in ihrer neuesten Fassung, auch Entwürfe (zum Umzug zwischen Installationen).",
        )

    def handle(self, *args, **options):
        pages = latest_revisions() if options["include_unpublished"] else list(public_profiles())
        records = export_records(pages)
        content = to_csv(records) if options["format"] == "csv" else to_geojson(records)
        if options["output"]:
            Path(options["output"]).write_text(content, encoding="utf-8")
            self.stderr.write(f"{len(records)} Stadtteilprofile nach {options['output']} exportiert.")
        else:
            self.stdout.write(content, ending="")
