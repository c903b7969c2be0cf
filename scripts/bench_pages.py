#!/usr/bin/env python3
"""Measures every public page type of a running Samverka under wrk, for a visitor and for a
signed-in member, and compares the figures with the project's aims.

    bench_pages.py BINARY LABEL

BINARY is a release build; the database is the one SAMVERKA_DATA_DIR / DATABASE_URL name, which
this script seeds (the demo network plus BENCH_ACTIVITIES activities, BENCH_ORGANISATIONS
organisations and BENCH_EVENTS events). Server CPU per request is the server process's user and
system time from /proc over the run divided by the requests wrk made, which holds while wrk
shares the cores. Prints one line per page and aim, and ends with "N passed, N failed".
"""

import http.cookiejar
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request

BINARY, LABEL = sys.argv[1], sys.argv[2]
PORT = int(os.environ.get("BENCH_PORT", "8097"))
BASE = f"http://127.0.0.1:{PORT}"
DURATION = os.environ.get("BENCH_DURATION", "5s")
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
ACTIVITIES = int(os.environ.get("BENCH_ACTIVITIES", "20000"))
ORGANISATIONS = int(os.environ.get("BENCH_ORGANISATIONS", "2000"))
EVENTS = int(os.environ.get("BENCH_EVENTS", "2000"))
TICKS = os.sysconf("SC_CLK_TCK")
MEMBER, PASSWORD = "medlem@bench.example.org", "bench member password"

# The aims (issue: every page as fast as the programme page).
VISITOR_CPU_MS, VISITOR_P99_MS, MEMBER_CPU_MS, API_CPU_MS = 0.5, 20.0, 3.0, 1.0
SEED_S, IMPORT_S, RSS_MB, COLD_START_S = 5.0, 2.0, 100, 0.5

passed = failed = 0


def check(ok, text):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"  FAIL {text}")


def command(*args, env=None):
    started = time.monotonic()
    subprocess.run([BINARY, *args, "--env", "production"], check=True, stdout=subprocess.DEVNULL, env=env)
    return time.monotonic() - started


def get(path, opener=None):
    with (opener or urllib.request.build_opener()).open(BASE + path, timeout=120) as response:
        return response.read().decode("utf-8")


def first_path(api_path):
    """The site path of the first item an API list gives."""
    item = json.loads(get(api_path))["data"][0]
    return urllib.parse.urlparse(item["url"]).path


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def milliseconds(text):
    value = float(re.match(r"[\d.]+", text).group())
    return value / 1000 if text.endswith("us") else value * 1000 if re.search(r"\ds$", text) else value


def measure(pid, name, path, cookie=None):
    """Runs wrk against the path; returns (requests/s, p50 ms, p99 ms, server CPU ms per request)."""
    headers = ["-H", f"Cookie: {cookie}"] if cookie else []
    subprocess.run(["curl", "-fs", "-o", "/dev/null", *headers, BASE + path], check=True)
    before = cpu_seconds(pid)
    out = subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}", "--latency", *headers, BASE + path],
                         check=True, capture_output=True, text=True).stdout
    used = cpu_seconds(pid) - before
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = milliseconds(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = milliseconds(re.search(r"\s99%\s+(\S+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    check(requests > 0, f"{name}: no answer within {DURATION}")
    cpu = used * 1000 / requests if requests else float("inf")
    print(f"{name:<34} {rate:>9.0f} {p50:>8.2f} {p99:>8.2f} {cpu:>8.3f}")
    check(errors is None, f"{name}: {errors.group(1) if errors else 0} answers were errors")
    return rate, p50, p99, cpu


def sign_in():
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = get("/sign-in", opener)
    token = re.search(r'name="_csrf" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode({"email": MEMBER, "password": PASSWORD, "_csrf": token}).encode()
    opener.open(BASE + "/sign-in", data=data, timeout=120).read()
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    assert "samverka_session" in cookie and "Logga ut" in get("/", opener), "the member could not sign in"
    return cookie


def main():
    site = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "civictech.se")
    imported = command("import", "jekyll", site)
    print(f"[{LABEL}] imported the civictech.se site into an empty database in {imported:.1f} s")
    seeded = command("seed", "demo", "--activities", str(ACTIVITIES), "--organisations", str(ORGANISATIONS),
                     "--events", str(EVENTS))
    print(f"[{LABEL}] seeded the demo network with {ACTIVITIES} activities, {ORGANISATIONS} organisations, "
          f"{EVENTS} events in {seeded:.1f} s")
    env = dict(os.environ, SAMVERKA_PASSWORD=PASSWORD)
    command("user", "create", "--email", MEMBER, "--role", "member", env=env)

    started = time.monotonic()
    server = subprocess.Popen([BINARY, "serve", "--env", "production", "--hostname", "127.0.0.1", "--port", str(PORT)],
                              stdout=subprocess.DEVNULL, stderr=open(os.environ.get("BENCH_LOG", os.devnull), "w"))
    try:
        while True:
            try:
                get("/healthz")
                break
            except OSError:
                if time.monotonic() - started > 30:
                    raise
                time.sleep(0.005)
        cold = time.monotonic() - started
        print(f"[{LABEL}] cold start to the first answer: {cold:.2f} s")
        check(cold <= COLD_START_S, f"cold start {cold:.2f} s above {COLD_START_S} s")

        programme = "/programmes/innovationsveckan-demo"
        activity = first_path("/api/v1/programmes/innovationsveckan-demo/activities?limit=1")
        pages = [
            ("home", "/"),
            ("events index", "/events"),
            ("event", first_path("/api/v1/events?limit=1")),
            ("projects index", "/projects"),
            ("project", first_path("/api/v1/projects?limit=1")),
            ("groups index", "/groups"),
            ("group", first_path("/api/v1/groups?limit=1")),
            ("organisations index", "/organisations"),
            ("organisation", first_path("/api/v1/organisations?limit=1")),
            ("programmes index", "/programmes"),
            ("programme", programme),
            ("programme, filtered", programme + "?region=01&format=digital&theme=ai"),
            ("programme, free text", programme + "?q=kommun"),
            ("activity", activity),
            ("statistics", programme + "/statistics"),
        ]
        feeds = [
            ("events feed (Atom)", "/events.atom"),
            ("events calendar (iCalendar)", "/events.ics"),
            ("programme feed (Atom)", programme + "/feed.atom"),
            ("programme calendar (iCalendar)", programme + "/calendar.ics"),
            ("events CSV", "/events.csv"),
            ("organisations CSV", "/organisations.csv"),
            ("activities CSV", programme + "/activities.csv"),
        ]
        apis = [
            ("API events", "/api/v1/events?limit=50"),
            ("API activities", "/api/v1/programmes/innovationsveckan-demo/activities?limit=50"),
            ("API organisations", "/api/v1/organisations?limit=50"),
            ("API projects", "/api/v1/projects?limit=50"),
            ("API groups", "/api/v1/groups?limit=50"),
        ]
        header = f"{'page':<34} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'CPU ms':>8}"
        print(f"\n[{LABEL}] a visitor, {CONNECTIONS} connections, {DURATION} each\n{header}")
        for name, path in pages + feeds:
            _, _, p99, cpu = measure(server.pid, name, path)
            check(cpu <= VISITOR_CPU_MS, f"{name}: {cpu:.3f} ms CPU per request above {VISITOR_CPU_MS} ms")
            check(p99 <= VISITOR_P99_MS, f"{name}: p99 {p99:.1f} ms above {VISITOR_P99_MS} ms")
        for name, path in apis:
            _, _, p99, cpu = measure(server.pid, name, path)
            check(cpu <= API_CPU_MS, f"{name}: {cpu:.3f} ms CPU per page of 50 above {API_CPU_MS} ms")

        cookie = sign_in()
        print(f"\n[{LABEL}] a signed-in member\n{header}")
        for name, path in pages:
            _, _, _, cpu = measure(server.pid, name, path, cookie=cookie)
            check(cpu <= MEMBER_CPU_MS, f"{name}: {cpu:.3f} ms CPU per request above {MEMBER_CPU_MS} ms")

        rss = int(re.search(r"VmHWM:\s+(\d+)", open(f"/proc/{server.pid}/status").read()).group(1)) // 1024
        print(f"\n[{LABEL}] server peak memory (RSS): {rss} MB")
        check(rss <= RSS_MB, f"peak RSS {rss} MB above {RSS_MB} MB")
    finally:
        server.terminate()
        server.wait()
    print(f"[{LABEL}] seed: {seeded:.1f} s, import: {imported:.1f} s")
    check(seeded <= SEED_S, f"seeding took {seeded:.1f} s, above {SEED_S} s")
    check(imported <= IMPORT_S, f"importing took {imported:.1f} s, above {IMPORT_S} s")
    print(f"{passed} passed, {failed} failed")


main()
