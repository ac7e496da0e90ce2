"""Backup archives of the whole database, issued documents included (they are stored in it).

An archive is a .tar.gz holding `manifest.json` and the database: `database.sqlite3` (SQLite's
online backup) or `database.dump` (pg_dump's custom format). Restore checks the manifest, reads
only the archive's own database member (a regular file of the name its engine uses, whatever the
manifest says), checks its checksum and that it is a database of this app, all before it touches
the database, and then replaces the database as a whole. Whatever is wrong with an archive, the
answer is one Vietnamese line (BackupError).
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from glob import glob
from pathlib import Path

from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
# The one database member an archive of each engine holds.
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.dump"}
# Tables every database of this app has had since its first version.
APP_TABLES = ("django_migrations", "members_member", "members_organisation")


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message is Vietnamese, for the user."""


def _engine():
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"Không hỗ trợ sao lưu cơ sở dữ liệu loại {vendor}.")
    return vendor


def _pg_tool(name):
    found = shutil.which(name) or next(
        iter(sorted(glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None
    )
    if not found:
        raise BackupError(f"Không tìm thấy {name}: cần cài gói postgresql-client.")
    return found


def _pg_args():
    params = connection.settings_dict
    args = ["--dbname", params["NAME"]]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if params.get(key):
            args += [flag, str(params[key])]
    env = dict(os.environ)
    if params.get("PASSWORD"):
        env["PGPASSWORD"] = params["PASSWORD"]
    return args, env


def _run(command, env=None):
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode:
        raise BackupError(f"Lệnh {Path(command[0]).name} lỗi: {result.stderr.strip()[:500]}")


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _dump_database(target: Path) -> str:
    engine = _engine()
    if engine == "sqlite":
        path = target / DATABASE_FILES["sqlite"]
        connection.ensure_connection()
        destination = sqlite3.connect(path)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
    else:
        path = target / DATABASE_FILES["postgresql"]
        args, env = _pg_args()
        _run(
            [_pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(path), *args], env
        )
    return path.name


ARCHIVE_PATTERN = "vusta_party-*.tar.gz"  # the name holds the time: names sort by age


def create_backup(directory: Path) -> Path:
    """Write a dated archive into directory and return its path. The archive holds the members'
    personal data: only the owner may read it (and the folder, when this creates it)."""
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    now = timezone.localtime()
    archive = directory / f"vusta_party-{now:%Y-%m-%d-%H%M%S}.tar.gz"
    archive.touch(mode=0o600)
    archive.chmod(0o600)
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        name = _dump_database(work)
        manifest = {
            "format": FORMAT,
            "engine": connection.vendor,
            "created": now.isoformat(),
            "database_file": name,
            "sha256": _sha256(work / name),
            "last_migrations": _last_migrations(),
        }
        (work / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2))
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(work / MANIFEST, arcname=MANIFEST)
            tar.add(work / name, arcname=name)
    return archive


def prune_backups(directory: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` archives of the folder; returns those deleted."""
    archives = sorted(directory.glob(ARCHIVE_PATTERN))
    old = archives[:-keep] if keep > 0 else []
    for archive in old:
        archive.unlink()
    return old


def _last_migrations():
    applied = MigrationRecorder(connection).applied_migrations()
    last = {}
    for app, name in sorted(applied):
        last[app] = name
    return last


def _not_an_archive(archive: Path) -> BackupError:
    return BackupError(f"Tệp {archive} không phải bản sao lưu hợp lệ.")


def read_manifest(archive: Path) -> dict:
    """The manifest of an archive, checked for its shape (not yet for its contents)."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            member = tar.getmember(MANIFEST)
            if not member.isfile() or member.size > 1024 * 1024:
                raise _not_an_archive(archive)
            manifest = json.loads(tar.extractfile(member).read().decode("utf-8"))
    except (OSError, EOFError, tarfile.TarError, KeyError, UnicodeDecodeError, ValueError) as error:
        raise _not_an_archive(archive) from error
    if not isinstance(manifest, dict):
        raise _not_an_archive(archive)
    migrations = manifest.get("last_migrations", {})
    if not (
        isinstance(manifest.get("sha256"), str)
        and isinstance(manifest.get("created"), str)
        and isinstance(migrations, dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in migrations.items())
    ):
        raise _not_an_archive(archive)
    return manifest


def _extract_database(archive: Path, name: str, target: Path) -> str:
    """Copy the archive's member `name` (a regular file) to `target`; its SHA-256. Nothing of the
    archive is written anywhere else: no path of the archive is followed."""
    digest = hashlib.sha256()
    try:
        with tarfile.open(archive, "r:gz") as tar:
            member = tar.getmember(name)
            if not member.isfile():
                raise BackupError(f"Bản sao lưu không có tệp cơ sở dữ liệu {name}.")
            source = tar.extractfile(member)
            with open(target, "wb") as handle:
                for chunk in iter(lambda: source.read(1 << 20), b""):
                    digest.update(chunk)
                    handle.write(chunk)
    except KeyError as error:
        raise BackupError(f"Bản sao lưu không có tệp cơ sở dữ liệu {name}.") from error
    except (OSError, EOFError, tarfile.TarError) as error:
        raise BackupError("Bản sao lưu bị hỏng: không đọc được tệp cơ sở dữ liệu.") from error
    return digest.hexdigest()


NOT_THIS_APP = "Tệp cơ sở dữ liệu trong bản sao lưu không phải của phần mềm này."


def _check_sqlite_schema(path: Path) -> None:
    """A sound SQLite file with this app's tables and its first migration applied."""
    try:
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if source.execute("PRAGMA quick_check").fetchone() != ("ok",):
                raise BackupError("Tệp cơ sở dữ liệu trong bản sao lưu bị hỏng.")
            tables = {
                row[0]
                for row in source.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            applied = (
                source.execute(
                    "SELECT 1 FROM django_migrations WHERE app = 'members' AND name = '0001_initial'"
                ).fetchone()
                if "django_migrations" in tables
                else None
            )
        finally:
            source.close()
    except sqlite3.DatabaseError as error:
        raise BackupError("Tệp cơ sở dữ liệu trong bản sao lưu không phải SQLite.") from error
    if not set(APP_TABLES) <= tables or applied is None:
        raise BackupError(NOT_THIS_APP)


def _check_dump_schema(path: Path) -> None:
    """A pg_dump archive that holds this app's tables."""
    result = subprocess.run(
        [_pg_tool("pg_restore"), "--list", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise BackupError("Tệp cơ sở dữ liệu trong bản sao lưu không phải bản pg_dump.")
    listed = set()
    for line in result.stdout.splitlines():  # "215; 1259 16390 TABLE public members_member vusta"
        words = line.split()
        if line.startswith(";") or "TABLE" not in words:
            continue
        rest = words[words.index("TABLE") + 1 :]
        rest = rest[1:] if rest[:1] == ["DATA"] else rest
        if len(rest) >= 2:
            listed.add(rest[1])
    if not set(APP_TABLES) <= listed:
        raise BackupError(NOT_THIS_APP)


def restore_backup(archive: Path) -> dict:
    """Replace the database with the archive's; refuse before touching it if anything is off.

    An archive from an older version restores as it was; `manage.py migrate` then brings it up."""
    manifest = read_manifest(archive)
    if manifest.get("format") != FORMAT:
        raise BackupError("Bản sao lưu có định dạng khác, không khôi phục được.")
    engine = _engine()
    if manifest.get("engine") != engine:
        raise BackupError(
            f"Bản sao lưu của cơ sở dữ liệu {manifest.get('engine')}, "
            f"không khôi phục vào {engine} được."
        )
    name = DATABASE_FILES[engine]
    if manifest.get("database_file") != name:
        raise BackupError(f"Bản sao lưu phải chứa tệp cơ sở dữ liệu {name}.")
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    newer = sorted(
        f"{app}.{migration}"
        for app, migration in manifest["last_migrations"].items()
        if (app, migration) not in known
    )
    if newer:
        raise BackupError(
            "Bản sao lưu lập từ phiên bản phần mềm mới hơn (" + ", ".join(newer) + "): "
            "hãy cập nhật phần mềm trước khi khôi phục."
        )
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / name
        if _extract_database(archive, name, path) != manifest["sha256"]:
            raise BackupError("Bản sao lưu bị hỏng (mã kiểm tra SHA-256 không khớp).")
        if engine == "sqlite":
            _check_sqlite_schema(path)
            source = sqlite3.connect(path)
            try:
                connection.ensure_connection()
                source.backup(connection.connection)
            finally:
                source.close()
        else:
            _check_dump_schema(path)
            connection.close()
            args, env = _pg_args()
            _run(
                [
                    _pg_tool("pg_restore"),
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--single-transaction",
                    *args,
                    str(path),
                ],
                env,
            )
    return manifest
