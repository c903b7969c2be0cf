"""The client of scripts/security-tests.

    security_tests.py fuzz BASE_URL ROUTES_FILE ADMIN_EMAIL ADMIN_PASSWORD
    security_tests.py burst BASE_URL EVENT_SLUG COUNT OUT_FILE
    security_tests.py survivors BASE_URL EVENT_SLUG ADMIN_EMAIL ADMIN_PASSWORD IN_FILE

fuzz: every GET route of the route table (as `samverka routes` prints it), its parameters filled
from the demo network, gets extreme values in every query parameter Samverka reads, as an admin
so that every guard lets it through; any 5xx or a dead server fails.
burst: COUNT guests sign up to one event at once; the addresses that got a success answer are
written to OUT_FILE as they arrive (the server is killed meanwhile by the caller).
survivors: after the restart, every address in IN_FILE must be in the organiser's attendee list.

Standard library only. Each mode ends with "N passed, N failed".
"""
import concurrent.futures
import csv
import http.cookiejar
import io
import json
import re
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request

VALUES = ["9223372036854775807", "-9223372036854775808", "99999999999999999999", "-1", "0", "1e400", "NaN", "",
          "abc", "%00", "%FF%FE", "'%22%3E%3Cscript%3E", "9" * 10_000]
PARAMETERS = ["page", "limit", "cursor", "q", "lang", "language", "show", "waited", "next", "status",
              "day", "region", "municipality", "format", "theme", "group", "sector"]
NUMBERS = ["page", "limit", "cursor", "waited"]
CSRF = re.compile(r'name="_csrf" value="([^"]+)"')


class Client:
    """A person with a cookie jar, who never follows redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), self.NoRedirect)

    def request(self, path, form=None, timeout=60):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        try:
            with self.opener.open(urllib.request.Request(self.base + path, data=data), timeout=timeout) as response:
                return response.status, response.read().decode("utf-8", "replace"), response.headers
        except urllib.error.HTTPError as error:
            # Headers stay an HTTPMessage: its names are case-insensitive, as HTTP's are.
            return error.code, error.read().decode("utf-8", "replace"), error.headers

    def post_form(self, path, form, token_from=None):
        _, page, _ = self.request(token_from or path)
        match = CSRF.search(page)
        return self.request(path, dict(form, _csrf=match.group(1) if match else ""))


def tally(results):
    passed = sum(1 for ok in results if ok)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


def fuzz(base, routes_file, admin_email, admin_password):
    admin = Client(base)
    status, _, _ = admin.post_form("/sign-in", {"email": admin_email, "password": admin_password})
    assert status == 303, f"admin sign-in: {status}"
    slugs = {}
    for kind in ("events", "projects", "groups", "organisations"):
        _, body, _ = admin.request(f"/api/v1/{kind}?limit=1")
        slugs[kind] = json.loads(body)["data"][0]["slug"]
    _, body, _ = admin.request("/api/v1/programmes?limit=1")
    slugs["programmes"] = json.loads(body)["data"][0]["slug"]
    _, body, _ = admin.request(f"/api/v1/programmes/{slugs['programmes']}/activities?limit=1")
    activity = json.loads(body)["data"][0]["id"]

    paths = []
    for line in open(routes_file, encoding="utf-8"):
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 2 or cells[0] != "GET":
            continue
        parts = [part for part in cells[1].split("/") if part]
        kind = next((part for part in parts if part in slugs), "")
        filled = []
        for part in parts:
            if part == ":slug":
                filled.append(slugs.get(kind, "nowhere"))
            elif part == ":activity":
                filled.append(activity)
            elif part == "**":
                filled.append("some/old/page")
            elif part.startswith(":"):
                filled.append("a" * 32)
            else:
                filled.append(part)
        paths.append("/" + "/".join(filled))
    print(f"{len(paths)} GET routes from the route table")

    failures = []
    lock = threading.Lock()

    def send(target):
        try:
            status, _, _ = admin.request(target, timeout=30)
        except Exception as error:  # a connection the server dropped is the failure looked for
            status = f"no answer ({error.__class__.__name__})"
        if not isinstance(status, int) or status >= 500:
            with lock:
                failures.append(f"{status} {target[:160]}")

    # The 10 kB value goes in one parameter at a time: seventeen of them would make a request
    # line no HTTP server reads.
    long_value = VALUES[-1]
    targets = []
    for path in paths:
        for value in VALUES[:-1]:
            targets.append(path + "?" + "&".join(f"{name}={value}" for name in PARAMETERS))
        for name in NUMBERS + ["q"]:
            for value in VALUES[:3] + [long_value]:
                targets.append(f"{path}?{name}={value}")
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(send, targets))
    results = []
    print(f"{'ok  ' if not failures else 'FAIL'} {len(targets)} requests with extreme parameters: {len(failures)} server errors or dropped connections")
    for failure in failures[:20]:
        print(f"     {failure}")
    results.append(not failures)
    status, _, _ = Client(base).request("/healthz")
    print(f"{'ok  ' if status == 200 else 'FAIL'} the server still answers /healthz ({status})")
    results.append(status == 200)
    return tally(results)


def burst(base, slug, count, out_file):
    guests = [Client(base) for _ in range(count)]
    tokens = []
    for guest in guests:
        _, page, _ = guest.request(f"/events/{slug}/register")
        match = CSRF.search(page)
        tokens.append(match.group(1) if match else "")
    start = threading.Event()
    out = open(out_file, "w", encoding="utf-8")
    lock = threading.Lock()

    def sign_up(index):
        start.wait()
        address = f"burst{index}@security.example.org"
        try:
            status, _, headers = guests[index].request(f"/events/{slug}/register",
                                                       {"_csrf": tokens[index], "name": f"Gäst {index}", "email": address}, timeout=20)
        except Exception:
            return
        if status == 303 and "/register/sent" in (headers.get("Location") or ""):
            with lock:
                out.write(address + "\n")
                out.flush()

    with concurrent.futures.ThreadPoolExecutor(max_workers=64) as pool:
        futures = [pool.submit(sign_up, index) for index in range(count)]
        print("ready", flush=True)
        start.set()
        concurrent.futures.wait(futures)
    out.close()
    return 0


def survivors(base, slug, admin_email, admin_password, in_file):
    answered = [line.strip() for line in open(in_file, encoding="utf-8") if line.strip()]
    admin = Client(base)
    status, _, _ = admin.post_form("/sign-in", {"email": admin_email, "password": admin_password})
    assert status == 303, f"admin sign-in: {status}"
    status, body, _ = admin.request(f"/events/{slug}/attendees.csv?lang=sv")
    # Swedish, so as Swedish Excel reads it: semicolons.
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    header = rows[0] if rows else []
    column = header.index("E-postadress") if "E-postadress" in header else None
    stored = {row[column] for row in rows[1:] if column is not None and len(row) > column}
    missing = [address for address in answered if address not in stored]
    results = [status == 200, len(answered) > 0, not missing]
    print(f"{'ok  ' if status == 200 else 'FAIL'} the attendee list answers after the restart ({status})")
    print(f"{'ok  ' if answered else 'FAIL'} {len(answered)} sign-ups were answered with success before the kill")
    print(f"{'ok  ' if not missing else 'FAIL'} every one of them is still there after kill -9 and a restart"
          + (f"; missing: {missing[:5]}" if missing else ""))
    return tally(results)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "fuzz":
        sys.exit(fuzz(*sys.argv[2:6]))
    if mode == "burst":
        sys.exit(burst(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]))
    if mode == "survivors":
        sys.exit(survivors(*sys.argv[2:7]))
    sys.exit(f"unknown mode {mode}")
