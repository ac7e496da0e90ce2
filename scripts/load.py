"""A load test: N simulated staff browse a running app for D seconds; prints requests per second,
latency percentiles and errors, overall and per kind of page.

    python scripts/load.py --url http://127.0.0.1:8000 --users 50 --duration 60 --think 1-5 \
        --warmup 15 \
        --username demo --password ...

Each simulated staff member signs in once, then loops over what office staff do: the member
list, a later page of it, a name search, a member's page, the upcoming-milestones page. Between
two pages, and before their first, they read for a random time in the --think range (seconds; 0
for no pause, which measures the server's capacity rather than staff at work).

The first --warmup seconds are reported apart: a freshly started server answers its first pages
more slowly (each worker compiles its templates and opens its database connection).
Only the standard library is used, so it runs wherever the app runs.
"""

import argparse
import http.cookiejar
import random
import re
import statistics
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

SEARCHES = ["nguyen thi", "tran van", "le thi hoa", "pham", "hoang van nam", "vu thi"]


class Staff:
    def __init__(self, base, username, password, seed):
        self.base = base
        self.random = random.Random(seed)
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        page = self.opener.open(f"{base}/tai-khoan/login/", timeout=30).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode(
            {"username": username, "password": password, "csrfmiddlewaretoken": token}
        ).encode()
        request = urllib.request.Request(
            f"{base}/tai-khoan/login/", data=data, headers={"Referer": f"{base}/tai-khoan/login/"}
        )
        home = self.opener.open(request, timeout=30)
        if "/tai-khoan/login/" in home.geturl():
            raise SystemExit("Sign-in refused: check --username and --password.")

    def next_request(self, member_ids):
        kind = self.random.choice(["list", "list_page", "search", "member", "milestones"])
        path = {
            "list": "/dang-vien/",
            "list_page": f"/dang-vien/?page={self.random.randint(2, 200)}",
            "search": "/dang-vien/?" + urllib.parse.urlencode({"q": self.random.choice(SEARCHES)}),
            "member": f"/dang-vien/{self.random.choice(member_ids)}/",
            "milestones": "/huy-hieu/",
        }[kind]
        return kind, path

    def get(self, path):
        started = time.perf_counter()
        try:
            with self.opener.open(self.base + path, timeout=60) as response:
                response.read()
                ok = response.status == 200 and "/tai-khoan/login/" not in response.geturl()
        except (urllib.error.URLError, TimeoutError, ConnectionError):
            ok = False
        return (time.perf_counter() - started) * 1000, ok


def member_ids_from(staff, pages=20):
    ids = set()
    for page in range(1, pages + 1):
        html = staff.opener.open(f"{staff.base}/dang-vien/?page={page}", timeout=60).read()
        ids.update(int(pk) for pk in re.findall(rb'href="/dang-vien/(\d+)/"', html))
    if not ids:
        raise SystemExit("No member links found on the member list.")
    return sorted(ids)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--username", default="demo")
    parser.add_argument("--password", required=True)
    parser.add_argument("--think", default="1-5", help="pause between pages, MIN-MAX seconds")
    parser.add_argument("--warmup", type=float, default=15, help="seconds reported apart")
    args = parser.parse_args()
    low, _, high = args.think.partition("-")
    think = (float(low), float(high or low))

    staff = [Staff(args.url, args.username, args.password, seed) for seed in range(args.users)]
    member_ids = member_ids_from(staff[0])
    results, warmup = [], []  # (kind, ms, ok); list.append is atomic under the GIL
    begin = time.perf_counter()
    measured_from = begin + args.warmup
    deadline = measured_from + args.duration

    def browse(one):
        time.sleep(one.random.uniform(*think))  # staff do not all click at the same instant
        while time.perf_counter() < deadline:
            kind, path = one.next_request(member_ids)
            sent = time.perf_counter()
            ms, ok = one.get(path)
            (results if sent >= measured_from else warmup).append((kind, ms, ok))
            time.sleep(one.random.uniform(*think))

    cpu_before = time.process_time()
    threads = [threading.Thread(target=browse, args=(one,)) for one in staff]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - measured_from
    client_cpu = time.process_time() - cpu_before

    print(
        f"{args.users} simulated staff, {think[0]:g}–{think[1]:g} s between pages, against {args.url}"
    )
    if warmup:
        times = [ms for _, ms, _ in warmup]
        print(
            f"warm-up, first {args.warmup:g} s (not counted below): {len(warmup)} requests,"
            f" p95 {percentile(times, 0.95):.0f} ms, slowest {max(times):.0f} ms,"
            f" {sum(1 for *_, ok in warmup if not ok)} errors"
        )
    print(
        f"measured, next {elapsed:.0f} s (the load generator used {client_cpu:.1f} CPU-seconds"
        " of this machine):"
    )
    header = ("requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors")
    print(f"{'page':<12}" + "".join(f"{title:>9}" for title in header))
    kinds = sorted({kind for kind, _, _ in results})
    for kind in [*kinds, "all"]:
        rows = [r for r in results if kind in ("all", r[0])]
        times = [ms for _, ms, _ in rows]
        errors = sum(1 for _, _, ok in rows if not ok)
        print(
            f"{kind:<12}{len(rows):>9}{len(rows) / elapsed:>9.1f}{statistics.median(times):>9.0f}"
            f"{percentile(times, 0.95):>9.0f}{percentile(times, 0.99):>9.0f}{errors:>9}"
        )


if __name__ == "__main__":
    main()
