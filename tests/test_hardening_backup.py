"""`manage.py backup` / `restore`: one archive, restored into an empty database, gives back the same content.

The restore runs in a subprocess against a new database (a new SQLite file, or a new PostgreSQL
database next to the test database), exactly as an operator would run it.
"""

import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import textwrap
from pathlib import Path

import pytest
import wagtail_factories
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings

from tests import factories

PROJECT = Path(__file__).resolve().parent.parent

# The data must be committed for pg_dump (a separate connection) to see it; serialized_rollback puts
# back the rows Wagtail's migrations created (root page, default site) after the flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def sha256_file(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def summary(media_root):
    """What must survive a round trip: pages, revisions, images and documents, with file checksums."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, Revision

    types = {ct.pk: f"{ct.app_label}.{ct.model}" for ct in ContentType.objects.all()}
    media_root = Path(media_root)
    return {
        "pages": [
            [page.pk, page.path, page.title, page.slug, page.live, page.latest_revision_id, types[page.content_type_id]]
            for page in Page.objects.order_by("path")
        ],
        "revisions": [
            [
                revision.pk,
                revision.object_id,
                types[revision.content_type_id],
                hashlib.sha256(json.dumps(revision.content, sort_keys=True).encode()).hexdigest(),
            ]
            for revision in Revision.objects.order_by("pk")
        ],
        "images": [
            [
                image.pk,
                image.title,
                image.file.name,
                image.width,
                image.height,
                sha256_file(media_root / image.file.name),
            ]
            for image in get_image_model().objects.order_by("pk")
        ],
        "documents": [
            [document.pk, document.title, document.file.name, sha256_file(media_root / document.file.name)]
            for document in get_document_model().objects.order_by("pk")
        ],
    }


SUMMARY_SCRIPT = textwrap.dedent(
    """
    import json, sys
    import django
    django.setup()
    from tests.test_hardening_backup import summary
    print(json.dumps(summary(sys.argv[1])))
    """
)


@pytest.fixture
def media_root(tmp_path):
    root = tmp_path / "media"
    with override_settings(MEDIA_ROOT=root):
        yield root


@pytest.fixture
def content(site_tree, media_root):
    news = factories.NewsPageFactory(parent=site_tree["news_index"], title="Erste Fassung")
    news.title = "Zweite Fassung"
    news.save_revision().publish()
    news.title = "Entwurf, noch nicht veröffentlicht"
    news.save_revision()
    wagtail_factories.ImageFactory(title="Stadtteilfest", file__width=64, file__height=48, file__color="green")
    wagtail_factories.DocumentFactory(
        title="Jahresbericht", file=ContentFile(b"Jahresbericht 2024\n" * 100, name="jahresbericht.txt")
    )
    return site_tree


@pytest.fixture
def empty_target(tmp_path):
    """A DATABASE_URL of a new, empty database on the same engine as the tests."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    settings_dict = connection.settings_dict
    name = f"{settings_dict['NAME']}_restore"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    auth = settings_dict["USER"] + (f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else "")
    yield f"postgres://{auth}@{settings_dict['HOST'] or '127.0.0.1'}:{settings_dict['PORT'] or 5432}/{name}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


def run_with_database(args, database_url):
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings.test", DATABASE_URL=database_url)
    return subprocess.run(
        [sys.executable, *args], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def make_backup(tmp_path):
    output = tmp_path / "backups"
    call_command("backup", output_dir=str(output), stdout=io.StringIO())
    archives = list(output.iterdir())
    assert len(archives) == 1
    return archives[0]


def test_round_trip_restores_pages_revisions_images_and_documents(content, media_root, tmp_path, empty_target):
    archive = make_backup(tmp_path)
    assert archive.name.startswith("staedtenetz-backup-") and archive.name.endswith(".tar.gz")
    before = summary(media_root)
    assert len(before["revisions"]) >= 2 and before["images"] and before["documents"]

    restored_media = tmp_path / "restored-media"
    result = run_with_database(
        ["manage.py", "restore", str(archive), "--media-root", str(restored_media)], empty_target
    )
    assert result.returncode == 0, result.stderr
    assert "wiederhergestellt" in result.stdout

    result = run_with_database(["-c", SUMMARY_SCRIPT, str(restored_media)], empty_target)
    assert result.returncode == 0, result.stderr
    after = json.loads(result.stdout.strip().splitlines()[-1])
    assert after == json.loads(json.dumps(before))


def test_archive_holds_dump_media_and_manifest_with_checksums(content, media_root, tmp_path):
    archive = make_backup(tmp_path)
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        names = set(tar.getnames())
    assert manifest["engine"] == connection.vendor
    assert manifest["database_file"] in names
    media = sorted(name for name in manifest["files"] if name.startswith("media/"))
    on_disk = sorted(
        f"media/{path.relative_to(media_root).as_posix()}" for path in media_root.rglob("*") if path.is_file()
    )
    assert media == on_disk
    for name in media:
        assert manifest["files"][name]["sha256"] == sha256_file(media_root / name.removeprefix("media/"))


def test_restore_refuses_a_database_that_is_not_empty(content, media_root, tmp_path):
    archive = make_backup(tmp_path)
    pages_before = summary(media_root)["pages"]
    with pytest.raises(CommandError, match="ist nicht leer"):
        call_command("restore", str(archive), media_root=str(tmp_path / "elsewhere"), stdout=io.StringIO())
    assert summary(media_root)["pages"] == pages_before
    assert not (tmp_path / "elsewhere").exists()


def test_restore_refuses_a_damaged_archive(content, media_root, tmp_path, empty_target):
    archive = make_backup(tmp_path)
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.endswith(".txt"):
                data = data.replace(b"2024", b"2025")
            target.addfile(member, io.BytesIO(data))
    result = run_with_database(
        ["manage.py", "restore", str(damaged), "--media-root", str(tmp_path / "r")], empty_target
    )
    assert result.returncode != 0
    assert "Prüfsumme stimmt nicht" in result.stderr
    assert not (tmp_path / "r").exists()
