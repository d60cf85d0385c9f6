"""One-file backups: a consistent database dump plus the media files, with a manifest of checksums.

Archive layout (tar.gz):
    manifest.json        engine, creation time, sha256 and size of every other member
    database.pgdump      pg_dump custom format (PostgreSQL), or
    database.sqlite3     a copy made with SQLite's online backup API
    media/<path>         every file below MEDIA_ROOT

The dump is taken first and is a consistent snapshot (pg_dump runs in one transaction, SQLite's backup
API copies a consistent state); media files are only ever added by uploads, so files referenced by the
dump exist when they are copied afterwards.
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.db import connections

MANIFEST = "manifest.json"
FORMAT_VERSION = 1
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message is for the operator (German)."""


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def engine_of(connection):
    return connection.vendor  # "postgresql" or "sqlite"


def _pg_args_and_env(settings_dict):
    args = []
    if settings_dict.get("HOST"):
        args += ["--host", settings_dict["HOST"]]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", settings_dict["USER"]]
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    return args, env


def _run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} ist fehlgeschlagen: {result.stderr.strip()}")


def dump_database(connection, directory):
    """Write a consistent dump of `connection` into `directory`; return its path."""
    engine = engine_of(connection)
    if engine == "postgresql":
        target = Path(directory) / "database.pgdump"
        args, env = _pg_args_and_env(connection.settings_dict)
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(target), *args]
            + [connection.settings_dict["NAME"]],
            env,
        )
        return target
    if engine == "sqlite":
        target = Path(directory) / "database.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
        return target
    raise BackupError(f"Die Datenbank-Engine „{engine}“ wird von der Sicherung nicht unterstützt.")


class _HashingReader:
    """Feeds a file to tarfile while hashing exactly the bytes that go into the archive."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.handle.read(size)
        self.digest.update(data)
        return data


def _add_file(archive, source, arcname, manifest_files):
    info = archive.gettarinfo(str(source), arcname=arcname)
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    with open(source, "rb") as handle:
        reader = _HashingReader(handle)
        archive.addfile(info, reader)
    manifest_files[arcname] = {"sha256": reader.digest.hexdigest(), "size": info.size}


def media_files(media_root):
    """Every regular file below media_root as (absolute path, posix path relative to media_root), sorted."""
    root = Path(media_root)
    if not root.is_dir():
        return []
    found = []
    for directory, _dirs, files in os.walk(root):
        for name in files:
            path = Path(directory) / name
            if path.is_file() and not path.is_symlink():
                found.append((path, path.relative_to(root).as_posix()))
    return sorted(found, key=lambda item: item[1])


def create_backup(output_dir, media_root, alias="default", now=None):
    """Write one timestamped archive into output_dir and return its path."""
    connection = connections[alias]
    now = now or datetime.datetime.now(datetime.UTC)
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    stem = f"staedtenetz-backup-{now:%Y%m%d-%H%M%S}"
    target = output_dir / f"{stem}.tar.gz"
    counter = 1
    while target.exists():
        counter += 1
        target = output_dir / f"{stem}-{counter}.tar.gz"
    partial = target.with_name(target.name + ".part")

    manifest_files = {}
    with tempfile.TemporaryDirectory() as tmp:
        dump = dump_database(connection, tmp)
        try:
            with tarfile.open(partial, "w:gz") as archive:
                _add_file(archive, dump, dump.name, manifest_files)
                for path, relative in media_files(media_root):
                    _add_file(archive, path, f"media/{relative}", manifest_files)
                manifest = {
                    "format": FORMAT_VERSION,
                    "created": now.isoformat(),
                    "engine": engine_of(connection),
                    "database_file": dump.name,
                    "files": manifest_files,
                }
                data = json.dumps(manifest, indent=2, sort_keys=True).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size = len(data)
                info.mtime = int(now.timestamp())
                archive.addfile(info, io.BytesIO(data))
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    # Only a complete archive gets the final name, so a crash never leaves a half backup that looks whole.
    partial.rename(target)
    return target


def _safe_member_name(name):
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise BackupError(f"Die Sicherung enthält einen unzulässigen Pfad: {name}")
    return path


def read_manifest(archive):
    try:
        member = archive.getmember(MANIFEST)
    except KeyError:
        raise BackupError("Die Datei ist keine Sicherung dieses Systems (manifest.json fehlt).") from None
    manifest = json.load(archive.extractfile(member))
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"Unbekanntes Sicherungsformat {manifest.get('format')!r}.")
    return manifest


def verify_archive(archive, manifest):
    """Check that every member listed in the manifest is present, regular and has its checksum."""
    members = {member.name: member for member in archive.getmembers()}
    for name, expected in manifest["files"].items():
        _safe_member_name(name)
        member = members.get(name)
        if member is None or not member.isfile():
            raise BackupError(f"Die Sicherung ist unvollständig: {name} fehlt.")
        digest = hashlib.sha256()
        handle = archive.extractfile(member)
        for chunk in iter(lambda handle=handle: handle.read(CHUNK), b""):
            digest.update(chunk)
        if digest.hexdigest() != expected["sha256"]:
            raise BackupError(f"Prüfsumme stimmt nicht: {name}. Die Sicherung ist beschädigt.")


def database_tables(connection):
    with connection.cursor() as cursor:
        return connection.introspection.table_names(cursor)


def _extract_to(archive, name, target):
    target.parent.mkdir(parents=True, exist_ok=True)
    with archive.extractfile(name) as source, open(target, "wb") as destination:
        shutil.copyfileobj(source, destination, CHUNK)


def restore_backup(archive_path, media_root, alias="default"):
    """Restore an archive into the EMPTY database `alias` and into media_root; return the manifest."""
    connection = connections[alias]
    media_root = Path(media_root)
    with tarfile.open(archive_path, "r:gz") as archive:
        manifest = read_manifest(archive)
        if manifest["engine"] != engine_of(connection):
            raise BackupError(
                f"Die Sicherung stammt aus {manifest['engine']}, die Zieldatenbank ist {engine_of(connection)}."
            )
        verify_archive(archive, manifest)

        tables = database_tables(connection)
        if tables:
            raise BackupError(
                f"Die Zieldatenbank „{connection.settings_dict['NAME']}“ ist nicht leer ({len(tables)} Tabellen). "
                "Eine Sicherung wird nur in eine leere Datenbank wiederhergestellt: bitte eine neue Datenbank "
                "anlegen (z. B. mit createdb) und DATABASE_URL darauf setzen."
            )
        media = {name: meta for name, meta in manifest["files"].items() if name.startswith("media/")}
        for name, meta in media.items():
            existing = media_root / PurePosixPath(name).relative_to("media")
            if existing.exists() and sha256_of(existing) != meta["sha256"]:
                raise BackupError(
                    f"{existing} gibt es schon mit anderem Inhalt; bitte in ein leeres MEDIA_ROOT wiederherstellen."
                )

        with tempfile.TemporaryDirectory() as tmp:
            dump = Path(tmp) / manifest["database_file"]
            _extract_to(archive, manifest["database_file"], dump)
            load_database(connection, dump)
        for name in media:
            _extract_to(archive, name, media_root / PurePosixPath(name).relative_to("media"))
    return manifest


def load_database(connection, dump):
    if engine_of(connection) == "postgresql":
        args, env = _pg_args_and_env(connection.settings_dict)
        connection.close()
        _run(
            ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", *args]
            + ["--dbname", connection.settings_dict["NAME"], str(dump)],
            env,
        )
    else:
        connection.ensure_connection()
        with sqlite3.connect(dump) as source:
            source.backup(connection.connection)
        source.close()
