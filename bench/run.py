"""`make bench`: speed of the app on demo registers of 10,000 and 100,000 members (SQLite);
`make bench-postgres`: on PostgreSQL, 100,000 and 1,000,000 members.

Each SQLite register is made once with seed_demo into bench-results/ (kept between runs). On
PostgreSQL (a server given by DATABASE_URL, e.g. the throwaway one of scripts/with-postgres.sh) each
size gets a database of its own: 100,000 members by seed_demo --register-only, 1,000,000 by copying
those members ten times over in SQL, with their badges and disciplines (bulk: INSERT ... SELECT).
Each measurement runs in a process of its own against that database, several times, and the median
is reported next to the target of the issue that set it. Requests go through Django's test client
in-process: the figures are the app's own time, without the network or a web server. "After a
change" means after a write through the services (a member's phone number) just before the view.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"
SIZES = (10_000, 100_000)
POSTGRES_SIZES = (100_000, 1_000_000)
SEEDED = 100_000  # larger PostgreSQL registers are copies of this one
RUNS = 7

# (name, what, target in ms or None, issue)
LINES = [
    ("list_search", "Danh sách đảng viên, tìm “nguyen thi anh”", 100, 20),
    ("list_plain", "Danh sách đảng viên, trang đầu", 200, 3),
    ("cell_list", "Danh sách chi bộ với số đảng viên", None, 3),
    ("member_page", "Trang một đảng viên", None, 3),
    ("candidates_compute", "Xét Huy hiệu cả sổ, đợt 03/02/2027 (tính toán)", 200, 20),
    ("candidates_command", "badge_candidates --date --json (cả lệnh)", 2000, 4),
    ("outlook_page", "Trang Sắp đến hạn (12 tháng), lần sau", None, 4),
    ("outlook_page_cold", "Trang Sắp đến hạn, lần đầu sau khi sổ thay đổi", 200, 20),
    ("home", "Trang chủ, lần sau", None, 9),
    ("home_cold", "Trang chủ, lần đầu sau khi sổ thay đổi", 200, 20),
    ("report_data", "Số liệu báo cáo năm 2025 (tính toán)", 2000, 6),
    ("recompute", "Tính lại ngày xét Huy hiệu cả sổ khi thêm quy định (35, 95)", 10_000, 20),
    ("funding_page_cold", "Trang Kinh phí tiền thưởng (dự toán năm sau), lần đầu", None, 19),
]
# At 1,000,000 members on PostgreSQL (issue 20): what is measured there, and its targets.
MILLION = {"candidates_compute": 2000, "outlook_page_cold": 500}
MILLION_LINES = ("candidates_compute", "outlook_page_cold", "home_cold", "list_search", "recompute")
ROUND_DATE = "2027-02-03"


def database(size: int) -> Path:
    return RESULTS / f"register-{size}.sqlite3"


SERVER = os.environ.get("DATABASE_URL", "")  # for --postgres: the server's URL


def postgres_url(size: int) -> str:
    return SERVER.rsplit("/", 1)[0] + f"/bench_register_{size}"


def environment(size: int, postgres: bool = False) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": postgres_url(size) if postgres else f"sqlite:///{database(size)}",
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "ALLOWED_HOSTS": "127.0.0.1",
        "PYTHONPATH": str(ROOT),
    }


def _postgres_database_is_new(size: int) -> bool:
    import psycopg  # noqa: PLC0415 -- only for --postgres

    with psycopg.connect(SERVER, autocommit=True) as server:
        name = f"bench_register_{size}"
        if server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return False
        server.execute(f'CREATE DATABASE "{name}"')
        return True


def prepare(size: int, postgres: bool = False) -> None:
    """Migrate the register's database (new migrations apply to a kept one); seed it once. On
    PostgreSQL, vacuum it before every run: what autovacuum does soon after a bulk write (the
    seed, or the last run's recompute, which rewrites a third of the members), and what the
    index-only scans need; until then the planner reads the whole table."""
    RESULTS.mkdir(exist_ok=True)
    manage = [sys.executable, str(ROOT / "manage.py")]
    env = environment(size, postgres)
    new = _postgres_database_is_new(size) if postgres else not database(size).exists()
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
    if new:
        seeded = SEEDED if postgres and size > SEEDED else size
        cells = 56 if seeded <= 1000 else max(56, seeded // 300)
        print(f"Tạo sổ {seeded:,} đảng viên ({cells} chi bộ)...", flush=True)
        started = time.perf_counter()
        subprocess.run(
            [*manage, "seed_demo", "--members", str(seeded), "--cells", str(cells), "--seed", "1"]
            + (["--register-only"] if postgres else []),
            env=env,
            check=True,
        )
        if seeded < size:
            print(f"  chép thành {size:,} đảng viên...", flush=True)
            subprocess.run(
                [sys.executable, __file__, "--copies", str(size // seeded)], env=env, check=True
            )
        subprocess.run([*manage, "create_demo_user"], env=env, check=True, capture_output=True)
        print(f"  xong sau {time.perf_counter() - started:.0f} s", flush=True)
    if postgres:
        vacuum = "import django; django.setup(); from django.db import connection; "
        vacuum += "connection.cursor().execute('VACUUM ANALYZE')"
        subprocess.run([sys.executable, "-c", vacuum], env=env, check=True)


def measure(only=None) -> dict:
    """Run inside the benchmark process (Django set up against one register); `only`: the
    names of LINES to measure (all when None)."""
    only = set(only or (name for name, *_ in LINES))
    import django  # noqa: PLC0415 -- set up only in the measuring process

    django.setup()
    from django.contrib.auth import get_user_model  # noqa: PLC0415 -- Django is set up first, in the measuring process
    from django.test import Client  # noqa: PLC0415 -- Django is set up first, in the measuring process

    from members.models import Member  # noqa: PLC0415 -- Django is set up first, in the measuring process

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username="demo"))
    member = Member.objects.filter(badges__isnull=False).order_by("pk").first()
    urls = {
        "outlook_page": "/huy-hieu/",
        "outlook_page_cold": "/huy-hieu/",
        "home": "/",
        "home_cold": "/",
        "list_search": "/dang-vien/?q=nguyen+thi+anh",
        "list_plain": "/dang-vien/",
        "cell_list": "/chi-bo/",
        "member_page": f"/dang-vien/{member.pk}/",
        "funding_page_cold": "/huy-hieu/kinh-phi/",
    }
    results = {}
    for name, url in urls.items():
        if name not in only:
            continue
        timings = []
        for _ in range(RUNS + 1):  # the first run warms caches and is dropped
            if name.endswith("_cold"):
                _change_register(member)  # a write through the services, as staff make
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        results[name] = statistics.median(timings[1:])
    results["candidates_compute"] = _median(_candidates_once)
    if "report_data" in only:
        results["report_data"] = _median(_report_once)
    results["recompute"] = _recompute_once()
    return results


def _recompute_once() -> float:
    """Put in force a rule version with 35 and 95 (every stored date recomputed in the same
    transaction, members/signals), then roll it back: the register is left as it was."""
    from datetime import date  # noqa: PLC0415 -- Django is set up first, in the measuring process

    from django.db import transaction  # noqa: PLC0415 -- Django is set up first, in the measuring process

    from ceremonies.models import BadgeRules  # noqa: PLC0415 -- Django is set up first, in the measuring process

    day = date(2026, 5, 19)
    while BadgeRules.objects.filter(valid_from=day).exists():
        day = day.replace(day=day.day + 1)
    with transaction.atomic():
        started = time.perf_counter()
        BadgeRules.objects.create(
            valid_from=day,
            milestones="30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95",
            legal_basis="Đo thử (hoàn lại)",
        )
        elapsed = (time.perf_counter() - started) * 1000
        transaction.set_rollback(True)
    return elapsed


def copy_register(copies: int) -> None:
    """Make the register `copies` times as large in SQL (PostgreSQL): every member again with new
    ids, without card number or CCCD (unique), with their badges (without badge numbers, unique)
    and disciplines. Their stored dates are copied with them."""
    import django  # noqa: PLC0415 -- set up only in the copying process

    django.setup()
    from django.db import connection, transaction  # noqa: PLC0415 -- Django is set up first

    from members.models import Badge, Discipline, Member  # noqa: PLC0415 -- Django is set up first

    cleared = {"party_card_number": "NULL", "citizen_id": "NULL", "badge_number": "''"}
    cleared |= {"expulsion_event_id": "NULL"}

    def copy(model, step: int, shift: dict) -> None:
        columns = [field.column for field in model._meta.concrete_fields]
        table = model._meta.db_table
        for k in range(1, copies):
            values = [
                f"id + {k * step}"
                if column == "id"
                else f"{column} + {k * shift[column]}"
                if column in shift
                else cleared.get(column, column)
                for column in columns
            ]
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) "
                f"SELECT {', '.join(values)} FROM {table} WHERE id <= {step}"
            )
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
        )

    with transaction.atomic(), connection.cursor() as cursor:
        top = {
            model: model.objects.order_by("-id").values_list("id", flat=True).first() or 0
            for model in (Member, Badge, Discipline)
        }
        copy(Member, top[Member], {})
        copy(Badge, top[Badge], {"member_id": top[Member]})
        copy(Discipline, top[Discipline], {"member_id": top[Member]})


def _change_register(member) -> None:
    """One change to the register, as an office makes it (a member's phone number)."""
    from members import services  # noqa: PLC0415 -- Django is set up first, in the measuring process

    member.refresh_from_db()
    phone = "0912000001" if member.phone != "0912000001" else "0912000002"
    services.member_update(member=member, values={"phone": phone}, expected_version=member.version)


def _median(function) -> float:
    timings = []
    for _ in range(RUNS + 1):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings[1:])


def _candidates_once() -> None:
    from datetime import date  # noqa: PLC0415 -- Django is set up first, in the measuring process

    from ceremonies.models import rules_on  # noqa: PLC0415 -- Django is set up first, in the measuring process
    from ceremonies.queries import candidates  # noqa: PLC0415 -- Django is set up first, in the measuring process
    from members.models import Member  # noqa: PLC0415 -- Django is set up first, in the measuring process

    day = date.fromisoformat(ROUND_DATE)
    candidates(Member.objects.all(), on=day, rules=rules_on(day))


def roster_versus_bare_table(rows: int = 1000, runs: int = 3) -> tuple[float, float]:
    """The ceremony roster of `rows` members, and a bare WeasyPrint table of the same rows."""
    import django  # noqa: PLC0415 -- Django is set up first, in the measuring process

    django.setup()
    from django.utils.html import escape  # noqa: PLC0415 -- Django is set up first, in the measuring process

    from ceremonies.documents import Line, Roster, totals  # noqa: PLC0415 -- Django is set up first, in the measuring process
    from vusta_party.documents import Layout, PartyDocument  # noqa: PLC0415 -- Django is set up first, in the measuring process
    from vusta_party.pdf import html_to_pdf, render_pdf  # noqa: PLC0415 -- Django is set up first, in the measuring process

    lines = [
        Line(
            number=n,
            proposal_id=n,
            full_name=f"Nguyễn Thị Ánh {n}",
            sex="Nữ",
            date_of_birth="29/02/1952",
            hometown="Hà Nội",
            admission_date="19/05/1976",
            official_date="19/05/1977",
            card=f"{n:08d}",
            cell=f"Chi bộ Hội Vật lý Việt Nam {n % 50}",
            milestone=(30, 40, 45, 50, 55, 60)[n % 6],
            kind="regular",
            kind_label="Tặng",
            badge_label="",
            note="",
            old_badge_number="",
            badge_number=f"A{n:06d}",
            bonus=3_510_000,
            at_home=False,
        )
        for n in range(1, rows + 1)
    ]
    lines.sort(key=lambda line: -line.milestone)
    doc = PartyDocument(
        "ĐẢNG BỘ CẤP TRÊN",
        "ĐẢNG ỦY THỬ",
        "Số 01-DS/ĐU",
        "Hà Nội, ngày 02 tháng 9 năm 2026",
        "T/M ĐẢNG ỦY",
        "BÍ THƯ",
        "Lê Văn A",
        (),
        Layout("hd36-2018", 25, 25, 35, 15, "V/v", True, True),
    )
    roster = Roster(
        doc=doc,
        round_label="Tặng đợt 2/9/2026",
        decision="",
        lines=tuple(lines),
        totals=totals(lines),
    )
    cells = "".join(
        "<tr>"
        + "".join(
            f"<td>{escape(v)}</td>"
            for v in (
                line.number,
                line.full_name,
                line.date_of_birth[-4:],
                line.cell,
                line.admission_date,
                f"Tặng Huy hiệu {line.milestone} năm",
                line.badge_number,
                line.bonus,
                "",
            )
        )
        + "</tr>"
        for line in lines
    )
    bare = f"<html><body><table><thead><tr>{'<th>x</th>' * 9}</tr></thead><tbody>{cells}</tbody></table></body></html>"

    def median_seconds(function):
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            function()
            timings.append(time.perf_counter() - started)
        return statistics.median(timings) * 1000

    return (
        median_seconds(
            lambda: render_pdf(
                "ceremonies/documents/round_roster.html", {"roster": roster, "doc": doc}
            )
        ),
        median_seconds(lambda: html_to_pdf(bare)),
    )


def _report_once() -> None:
    from reports.data import membership_summary  # noqa: PLC0415 -- Django is set up first, in the measuring process
    from reports.periods import Period  # noqa: PLC0415 -- Django is set up first, in the measuring process

    membership_summary(Period.year(2025))


DEMO_SIZE = 750  # the demo register of `make run`: 56 cells
REGISTER_PDF = "/dang-vien/so-danh-sach/?format=pdf"


def register_pdf_times() -> tuple[float, float, float]:
    """The register 7-HSĐV PDF of the demo made in the background (issue 18): the request that
    queues it (the user's first feedback), the time until the worker has it ready (polled as the
    page polls), and the median of asking again once it is kept."""
    import django  # noqa: PLC0415 -- set up only in the measuring process

    django.setup()
    from django.contrib.auth import get_user_model  # noqa: PLC0415 -- Django is set up first, in the measuring process
    from django.test import Client  # noqa: PLC0415 -- Django is set up first, in the measuring process
    from django_tasks_db.models import DBTaskResult  # noqa: PLC0415 -- Django is set up first, in the measuring process

    from vusta_party.models import KeptDocument  # noqa: PLC0415 -- Django is set up first, in the measuring process

    KeptDocument.objects.all().delete()  # made anew, not found from an earlier run
    DBTaskResult.objects.all().delete()
    worker = subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "db_worker", "--no-reload", "--no-startup-delay"],
        env=os.environ,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(get_user_model().objects.get(username="demo"))
        client.get("/dang-vien/")  # a warm process, as a running site's
        offer = client.get(REGISTER_PDF)  # the page that offers "Tạo tệp PDF"
        assert offer.status_code == 200, offer.status_code
        time.sleep(3)  # the worker is up and polling, as beside a running site
        started = time.perf_counter()
        queued = client.post(REGISTER_PDF)
        feedback_ms = (time.perf_counter() - started) * 1000
        assert queued.status_code == 302, queued.status_code
        status = queued["Location"] + "trang-thai/"
        while (state := client.get(status).json())["status"] in ("queued", "running"):
            time.sleep(0.1)
        ready_s = time.perf_counter() - started
        assert state["status"] == "ready", state
    finally:
        worker.terminate()
        worker.wait()
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        again = client.get(REGISTER_PDF)
        timings.append((time.perf_counter() - started) * 1000)
        assert (again.status_code, again["Content-Type"]) == (200, "application/pdf")
    return feedback_ms, ready_s, statistics.median(timings)


def documents_section() -> None:
    prepare(DEMO_SIZE)
    output = subprocess.run(
        [sys.executable, __file__, "--register-pdf"],
        env=environment(DEMO_SIZE),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    feedback_ms, ready_s, again_ms = json.loads(output.strip().splitlines()[-1])
    print()
    print(
        f"Sổ danh sách 7-HSĐV (PDF) của sổ mẫu {_n(DEMO_SIZE)} đảng viên, tạo nền (issue 18): "
        f"phản hồi đầu tiên {feedback_ms:.0f} ms; có tệp sau {ready_s:.1f} s; "
        f"hỏi lại {again_ms:.0f} ms (trung vị {RUNS} lần, tệp đã giữ)"
    )


IMPORT_SIZES = (10_000, 100_000)
PREVIEW_ROWS = 100_000


def _members_file(rows: int, *, bad_every: int = 0) -> bytes:
    """An .xlsx of `rows` new members in 300 cells the file creates; with `bad_every`, every
    such row has an impossible admission date (31/02/1990)."""
    from tests.spreadsheets import xlsx_bytes  # noqa: PLC0415 -- Django is set up first, in the measuring process

    return xlsx_bytes(
        [
            [
                f"Nguyễn Văn Thứ {n}",
                "01/01/1960",
                "Nam",
                None,
                "Hà Nội",
                f"{n:012d}",
                f"Chi bộ {n % 300}",
                "31/02/1990" if bad_every and n % bad_every == 0 else "01/01/1990",
                "01/01/1991",
                f"{n:08d}",
                None,
                None,
                "30",
                None,
                None,
            ]
            for n in range(rows)
        ]
    )


def import_time(rows: int = 10_000) -> tuple[float, float]:
    """Check and commit a spreadsheet of `rows` new members into an empty register (one run)."""
    import django  # noqa: PLC0415 -- Django is set up first, in the measuring process

    django.setup()
    from ceremonies.milestones import known_milestones  # noqa: PLC0415 -- Django is set up first, in the measuring process
    from members.imports import commit_import, plan_import  # noqa: PLC0415 -- Django is set up first, in the measuring process

    content = _members_file(rows)
    started = time.perf_counter()
    plan = plan_import("danh-sach.xlsx", content, milestones=known_milestones())
    planned = time.perf_counter()
    assert plan.count("create") == rows, plan.errors[:3]
    commit_import(plan, milestones=known_milestones())
    return (planned - started) * 1000, (time.perf_counter() - planned) * 1000


def preview_time(rows: int = PREVIEW_ROWS) -> tuple[float, float, float]:
    """The import pages for an uploaded file of `rows` rows with errors on half of them: the
    upload (the file is read and checked once, its outcome kept with it), the preview's later
    views (the median of several, each on another page of rows), and the error report."""
    import django  # noqa: PLC0415 -- Django is set up first, in the measuring process

    django.setup()
    from django.contrib.auth import get_user_model  # noqa: PLC0415 -- Django is set up first, in the measuring process
    from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: PLC0415 -- Django is set up first, in the measuring process
    from django.test import Client  # noqa: PLC0415 -- Django is set up first, in the measuring process

    content = _members_file(rows, bad_every=2)
    user = get_user_model().objects.create_superuser("bench", password="bench-only-0123")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    started = time.perf_counter()
    upload = client.post(
        "/dang-vien/nhap/", {"file": SimpleUploadedFile("danh-sach.xlsx", content)}
    )
    upload_ms = (time.perf_counter() - started) * 1000
    preview = upload["Location"]

    def view(url):
        started = time.perf_counter()
        response = client.get(url)
        assert response.status_code == 200, response.status_code
        return response, (time.perf_counter() - started) * 1000

    from members.models import ImportBatch  # noqa: PLC0415 -- Django is set up first, in the measuring process

    assert ImportBatch.objects.get().outcome["error_count"] == rows // 2
    later = statistics.median(view(f"{preview}?page={page}")[1] for page in range(1, RUNS + 1))
    _report, report_ms = view(preview + "loi.xlsx")
    return upload_ms, later, report_ms


def command_time(size: int, postgres: bool = False) -> float:
    """The whole command, Python start-up included, as a user runs it."""
    command = [
        sys.executable,
        str(ROOT / "manage.py"),
        "badge_candidates",
        "--date",
        ROUND_DATE,
        "--json",
    ]

    def run():
        subprocess.run(
            command, env=environment(size, postgres), check=True, stdout=subprocess.DEVNULL
        )

    return _median(run)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--only", default="", help=argparse.SUPPRESS)
    parser.add_argument("--copies", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--roster", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--import-rows", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--preview-rows", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default=None, help="Cỡ sổ, ví dụ 10000,100000.")
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="Đo trên PostgreSQL (máy chủ ở DATABASE_URL), mặc định 100.000 và 1.000.000 ĐV.",
    )
    parser.add_argument(
        "--no-extras", action="store_true", help="Bỏ phần PDF và phần nhập danh sách."
    )
    parser.add_argument("--imports", action="store_true", help="Chỉ đo phần nhập danh sách.")
    parser.add_argument("--register-pdf", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--documents", action="store_true", help="Chỉ đo tài liệu tạo nền (sổ 7-HSĐV, PDF)."
    )
    args = parser.parse_args()
    if args.imports:
        imports_section()
        return
    if args.documents:
        documents_section()
        return
    if args.register_pdf:
        print(json.dumps(register_pdf_times()))
        return
    if args.measure:
        print(json.dumps(measure(args.only.split(",") if args.only else None)))
        return
    if args.copies:
        copy_register(args.copies)
        return
    if args.roster:
        print(json.dumps(roster_versus_bare_table()))
        return
    if args.import_rows:
        print(json.dumps(import_time(args.import_rows)))
        return
    if args.preview_rows:
        print(json.dumps(preview_time(args.preview_rows)))
        return
    if args.postgres and not SERVER.startswith("postgres"):
        sys.exit("--postgres: DATABASE_URL phải trỏ tới một máy chủ PostgreSQL.")
    default = POSTGRES_SIZES if args.postgres else SIZES
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else list(default)
    figures = {}
    for size in sizes:
        prepare(size, args.postgres)
        only = MILLION_LINES if size > SEEDED else ()
        output = subprocess.run(
            [sys.executable, __file__, "--measure", "--only", ",".join(only)],
            env=environment(size, args.postgres),
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        figures[size] = json.loads(output.strip().splitlines()[-1])
        if not only:
            figures[size]["candidates_command"] = command_time(size, args.postgres)
        # Each size as soon as it is measured: a long run cut short keeps what it measured.
        print(f"{size} ĐV (ms): {json.dumps(figures[size])}", flush=True)
    _table(figures, sizes, "PostgreSQL" if args.postgres else "SQLite")
    if args.no_extras or args.postgres:
        return
    output = subprocess.run(
        [sys.executable, __file__, "--roster"],
        env=environment(sizes[0]),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    roster_ms, bare_ms = json.loads(output.strip().splitlines()[-1])
    ratio = roster_ms / bare_ms
    verdict = "đạt" if ratio <= 1.5 else "KHÔNG ĐẠT"
    print()
    print(
        f"PDF danh sách trao tặng 1.000 đảng viên: {roster_ms:,.0f} ms; bảng trơn cùng số dòng: "
        f"{bare_ms:,.0f} ms; tỉ lệ {ratio:.2f} (mục tiêu ≤ 1,5) {verdict} (issue 5)"
    )
    documents_section()
    imports_section()


def _table(figures: dict, sizes: list[int], engine: str) -> None:
    """One line per measurement: its target, the median at each size, whether the targets are
    met at 100,000 members and, at 1,000,000, the targets of MILLION (issue 20 names none other
    at that size: the other figures there are reported without a verdict)."""
    header = (
        f"{'Phép đo':<58} {'Mục tiêu':>9} "
        + " ".join(f"{f'{s:,} ĐV':>13}" for s in sizes)
        + "  Đạt?"
    )
    print()
    print(f"Trung vị của {RUNS} lần đo (ms; tính lại: một lần), {engine}, máy này:")
    print(header)
    print("-" * len(header))
    for name, label, target, issue in LINES:
        cells, verdicts = [], []
        for size in sizes:
            value = figures[size].get(name)
            cells.append(f"{value:>13.1f}" if value is not None else f"{'—':>13}")
            goal = MILLION.get(name) if size > SEEDED else target
            if value is not None and goal is not None and size >= SEEDED:
                verdicts.append(f"{'đạt' if value <= goal else 'KHÔNG ĐẠT'} (≤ {goal} ở {size:,})")
        goal = f"≤ {target}" if target else "—"
        met = "; ".join(verdicts) or "—"
        print(f"{label:<58} {goal:>9} {' '.join(cells)}  {met} (issue {issue})")


def _n(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def imports_section() -> None:
    """The import of a members file (issue 15): each measurement once, on an empty register."""
    print()
    print("Nhập danh sách đảng viên (một lần đo, vào sổ trống; tệp .xlsx), máy này:")
    for rows in IMPORT_SIZES:
        plan_ms, commit_ms = _scratch_run("--import-rows", rows)
        print(
            f"Tệp {_n(rows)} đảng viên mới: kiểm tra {plan_ms / 1000:.1f} s, "
            f"ghi {commit_ms / 1000:.1f} s (issue 15: tuyến tính theo số dòng)"
        )
    upload_ms, later_ms, report_ms = _scratch_run("--preview-rows", PREVIEW_ROWS)
    print(
        f"Tệp {_n(PREVIEW_ROWS)} dòng, lỗi ở nửa số dòng: tải lên và kiểm tra {upload_ms / 1000:.1f} s; "
        f"trang xem trước {later_ms:.0f} ms (trung vị {RUNS} lần, kết quả giữ cùng tệp); "
        f"tải danh sách lỗi {report_ms / 1000:.1f} s (issue 15)"
    )


def _scratch_run(flag: str, rows: int):
    """One import measurement in a process of its own, on a new empty register."""
    RESULTS.mkdir(exist_ok=True)
    scratch = RESULTS / "import-scratch.sqlite3"
    scratch.unlink(missing_ok=True)
    env = {**environment(SIZES[0]), "DATABASE_URL": f"sqlite:///{scratch}"}
    subprocess.run([sys.executable, str(ROOT / "manage.py"), "migrate", "-v0"], env=env, check=True)
    try:
        output = subprocess.run(
            [sys.executable, __file__, flag, str(rows)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    finally:
        scratch.unlink(missing_ok=True)
    return json.loads(output.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
