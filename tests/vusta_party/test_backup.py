"""manage.py backup and restore: the round trip gives back the same data; bad archives change nothing."""

import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
from datetime import date

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from members.models import ImportBatch, Member
from tests.factories import CellFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def snapshot():
    out = io.StringIO()
    call_command(
        "dumpdata",
        "members",
        "ceremonies",
        "reports",
        "vusta_party",
        "auth.user",
        stdout=out,
        indent=None,
    )
    return json.loads(out.getvalue())


def backup(tmp_path):
    out = io.StringIO()
    call_command("backup", "--output", str(tmp_path), stdout=out)
    (archive,) = tmp_path.glob("vusta_party-*.tar.gz")
    assert out.getvalue() == f"Đã sao lưu vào {archive}\n"
    return archive


@pytest.fixture
def register():
    cell = CellFactory(name="Chi bộ Văn phòng")
    user = UserFactory(username="vanphong")
    make_member(
        cell=cell,
        full_name="Nguyễn Thị Ánh",
        admission_date=date(1996, 2, 29),
        official_date=date(1997, 2, 28),
    )
    make_member(
        cell=cell,
        full_name="Trần Văn Bình",
        admission_date=date(1990, 5, 19),
        official_date=date(1991, 5, 19),
    )
    ImportBatch.objects.create(file_name="dv.xlsx", content=b"\x00\x01binary", uploaded_by=user)
    return cell


def test_restore_gives_back_exactly_the_backed_up_data(tmp_path, register):
    before = snapshot()
    archive = backup(tmp_path)

    Member.objects.filter(full_name="Trần Văn Bình").delete()
    make_member(
        cell=register,
        full_name="Lê Văn Mới",
        admission_date=date(2020, 1, 1),
        official_date=date(2021, 1, 1),
    )
    ImportBatch.objects.update(content=b"changed")
    assert snapshot() != before

    out = io.StringIO()
    call_command("restore", str(archive), "--yes", stdout=out)
    assert out.getvalue().startswith("Đã khôi phục bản sao lưu lập lúc ")
    assert snapshot() == before
    assert bytes(ImportBatch.objects.get().content) == b"\x00\x01binary"
    assert sorted(Member.objects.values_list("full_name", flat=True)) == [
        "Nguyễn Thị Ánh",
        "Trần Văn Bình",
    ]


def test_the_archive_names_its_engine_and_checksum(tmp_path, register, settings):
    archive = backup(tmp_path)
    with tarfile.open(archive) as tar:
        names = sorted(tar.getnames())
        manifest = json.load(tar.extractfile("manifest.json"))
    database_file = "database.sqlite3" if connection.vendor == "sqlite" else "database.dump"
    assert names == [database_file, "manifest.json"]
    assert manifest["engine"] == connection.vendor
    assert manifest["database_file"] == database_file
    assert len(manifest["sha256"]) == 64
    assert manifest["last_migrations"]["members"].startswith("00")


def rewrite(archive, target, change_manifest=None, change_data=None):
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        data = tar.extractfile(manifest["database_file"]).read()
    if change_manifest:
        change_manifest(manifest)
    if change_data:
        data = change_data(data)
    with tarfile.open(target, "w:gz") as tar:
        for name, content in (
            ("manifest.json", json.dumps(manifest).encode()),
            (manifest["database_file"], data),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    return target


@pytest.mark.parametrize(
    ("change_manifest", "change_data", "message"),
    [
        (
            None,
            lambda data: data[:-10] + b"0123456789",
            "Bản sao lưu bị hỏng (mã kiểm tra SHA-256 không khớp).",
        ),
        (
            lambda m: m.update(engine="oracle"),
            None,
            "Bản sao lưu của cơ sở dữ liệu oracle, không khôi phục vào",
        ),
        (
            lambda m: m.update(format=99),
            None,
            "Bản sao lưu có định dạng khác, không khôi phục được.",
        ),
        (
            lambda m: m["last_migrations"].update(members="0999_future"),
            None,
            "Bản sao lưu lập từ phiên bản phần mềm mới hơn (members.0999_future)",
        ),
    ],
)
def test_a_bad_archive_is_refused_and_changes_nothing(
    tmp_path, register, change_manifest, change_data, message
):
    archive = backup(tmp_path)
    bad = rewrite(archive, tmp_path / "bad.tar.gz", change_manifest, change_data)
    Member.objects.filter(full_name="Trần Văn Bình").delete()
    after_delete = snapshot()

    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        call_command("restore", str(bad), "--yes")
    assert snapshot() == after_delete


def test_restore_needs_confirmation_and_a_real_archive(tmp_path, register):
    before = snapshot()
    with pytest.raises(CommandError, match="Khôi phục sẽ thay thế toàn bộ dữ liệu hiện có"):
        call_command("restore", str(tmp_path / "x.tar.gz"))
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        call_command("restore", str(tmp_path / "x.tar.gz"), "--yes")
    not_an_archive = tmp_path / "notes.tar.gz"
    not_an_archive.write_text("không phải bản sao lưu")
    with pytest.raises(CommandError, match="không phải bản sao lưu hợp lệ"):
        call_command("restore", str(not_an_archive), "--yes")
    assert snapshot() == before


def test_only_the_owner_may_read_an_archive(tmp_path, register):
    folder = tmp_path / "sao-luu"

    archive = backup(folder)

    assert archive.stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o700


def test_keep_removes_all_but_the_newest_archives(tmp_path, register):
    old = [tmp_path / f"vusta_party-2026-01-0{day}-020000.tar.gz" for day in (1, 2, 3)]
    for path in old:
        path.write_bytes(b"old")
    unrelated = tmp_path / "ghi-chu.txt"
    unrelated.write_text("giữ lại")
    out = io.StringIO()

    call_command("backup", "--output", str(tmp_path), "--keep", "2", stdout=out)

    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept[:2] == ["ghi-chu.txt", "vusta_party-2026-01-03-020000.tar.gz"]
    assert len(kept) == 3  # and the new archive
    assert out.getvalue().splitlines()[1:] == [
        f"Đã xóa bản sao lưu cũ {old[0]}",
        f"Đã xóa bản sao lưu cũ {old[1]}",
    ]


def test_keep_must_not_be_negative(tmp_path):
    with pytest.raises(CommandError, match=r"^--keep phải là số không âm\.$"):
        call_command("backup", "--output", str(tmp_path), "--keep", "-1")
    assert list(tmp_path.iterdir()) == []


# --- crafted archives (issue 16, finding 11): one clear line, nothing read from outside ----------


def craft(target, manifest, members):
    """An archive of the given manifest (dict, or raw bytes) and (name, bytes or TarInfo) members."""
    with tarfile.open(target, "w:gz") as tar:
        raw = manifest if isinstance(manifest, bytes) else json.dumps(manifest).encode()
        info = tarfile.TarInfo("manifest.json")
        info.size = len(raw)
        tar.addfile(info, io.BytesIO(raw))
        for name, content in members:
            if isinstance(content, tarfile.TarInfo):
                tar.addfile(content)
                continue
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    return target


def real_manifest(archive):
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        data = tar.extractfile(manifest["database_file"]).read()
    return manifest, data


def restore_refused(archive):
    with pytest.raises(CommandError) as error:
        call_command("restore", str(archive), "--yes")
    return str(error.value)


def own_file():
    return "database.sqlite3" if connection.vendor == "sqlite" else "database.dump"


def test_a_database_file_named_outside_the_archive_is_never_read(tmp_path, register):
    manifest, data = real_manifest(backup(tmp_path))
    outside = tmp_path / "elsewhere.sqlite3"
    outside.write_bytes(data)
    after = snapshot()

    for name in (str(outside), "../elsewhere.sqlite3"):
        crafted = craft(
            tmp_path / "crafted.tar.gz", {**manifest, "database_file": name}, [(name, data)]
        )
        assert restore_refused(crafted) == f"Bản sao lưu phải chứa tệp cơ sở dữ liệu {own_file()}."
    assert snapshot() == after


def test_a_database_member_that_is_a_link_is_refused(tmp_path, register):
    manifest, _data = real_manifest(backup(tmp_path))
    link = tarfile.TarInfo(own_file())
    link.type = tarfile.SYMTYPE
    link.linkname = "/etc/passwd"
    crafted = craft(tmp_path / "link.tar.gz", manifest, [(own_file(), link)])

    assert restore_refused(crafted) == f"Bản sao lưu không có tệp cơ sở dữ liệu {own_file()}."


def test_a_file_of_another_kind_with_a_matching_checksum_is_refused(tmp_path, register):
    manifest, _data = real_manifest(backup(tmp_path))
    junk = b"not a database at all " * 100
    crafted = craft(
        tmp_path / "junk.tar.gz",
        {**manifest, "sha256": hashlib.sha256(junk).hexdigest()},
        [(own_file(), junk)],
    )
    after = snapshot()

    assert restore_refused(crafted) == (
        "Tệp cơ sở dữ liệu trong bản sao lưu không phải SQLite."
        if connection.vendor == "sqlite"
        else "Tệp cơ sở dữ liệu trong bản sao lưu không phải bản pg_dump."
    )
    assert snapshot() == after


@pytest.mark.skipif(connection.vendor != "sqlite", reason="an SQLite file of another app")
def test_an_sqlite_file_of_another_app_is_refused(tmp_path, register):
    manifest, _data = real_manifest(backup(tmp_path))
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE django_migrations (app TEXT, name TEXT)")
        db.execute("CREATE TABLE auth_user (id INTEGER)")
    data = other.read_bytes()
    crafted = craft(
        tmp_path / "other.tar.gz",
        {**manifest, "sha256": hashlib.sha256(data).hexdigest()},
        [(own_file(), data)],
    )
    after = snapshot()

    assert restore_refused(crafted) == (
        "Tệp cơ sở dữ liệu trong bản sao lưu không phải của phần mềm này."
    )
    assert snapshot() == after


@pytest.mark.parametrize(
    "manifest",
    [
        b"[1, 2, 3]",
        b"\xff\xfe not utf-8",
        b'{"format": 1, "engine": "sqlite", "sha256": "x", "created": "x", "last_migrations": []}',
        b'{"format": 1, "engine": "sqlite", "created": "x"}',
    ],
)
def test_a_manifest_of_the_wrong_shape_is_one_clear_line(tmp_path, register, manifest):
    crafted = craft(tmp_path / "bad.tar.gz", manifest, [])

    assert restore_refused(crafted) == f"Tệp {crafted} không phải bản sao lưu hợp lệ."


def test_an_archive_without_its_database_is_one_clear_line(tmp_path, register):
    manifest, _data = real_manifest(backup(tmp_path))
    crafted = craft(tmp_path / "empty.tar.gz", manifest, [])

    assert restore_refused(crafted) == f"Bản sao lưu không có tệp cơ sở dữ liệu {own_file()}."


def test_the_command_answers_a_crafted_archive_without_a_traceback(tmp_path, register):
    crafted = craft(tmp_path / "bad.tar.gz", b"[]", [])
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'untouched.sqlite3'}",
    }

    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(crafted), "--yes"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )

    assert (result.returncode, result.stderr) == (
        1,
        f"CommandError: Tệp {crafted} không phải bản sao lưu hợp lệ.\n",
    )
