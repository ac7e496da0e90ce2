"""Backup archives of the whole database, issued documents included (they are stored in it).

An archive is a .tar.gz holding `manifest.json` and the database: `database.sqlite3` (SQLite's
online backup) or `database.dump` (pg_dump's custom format). Restore checks the manifest and the
checksum before it touches the database, and replaces the database as a whole.
"""

import hashlib
import io
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
        path = target / "database.sqlite3"
        connection.ensure_connection()
        destination = sqlite3.connect(path)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
    else:
        path = target / "database.dump"
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


def read_manifest(archive: Path) -> dict:
    try:
        with tarfile.open(archive, "r:gz") as tar:
            return json.load(io.TextIOWrapper(tar.extractfile(MANIFEST), encoding="utf-8"))
    except (OSError, tarfile.TarError, KeyError, TypeError, ValueError) as error:
        raise BackupError(f"Tệp {archive} không phải bản sao lưu hợp lệ ({error}).") from error


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
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    newer = sorted(
        f"{app}.{migration}"
        for app, migration in manifest.get("last_migrations", {}).items()
        if (app, migration) not in known
    )
    if newer:
        raise BackupError(
            "Bản sao lưu lập từ phiên bản phần mềm mới hơn (" + ", ".join(newer) + "): "
            "hãy cập nhật phần mềm trước khi khôi phục."
        )
    name = manifest["database_file"]
    with tempfile.TemporaryDirectory() as work:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extract(name, work, filter="data")
        path = Path(work) / name
        if _sha256(path) != manifest["sha256"]:
            raise BackupError("Bản sao lưu bị hỏng (mã kiểm tra SHA-256 không khớp).")
        if engine == "sqlite":
            source = sqlite3.connect(path)
            try:
                connection.ensure_connection()
                source.backup(connection.connection)
            finally:
                source.close()
        else:
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
