"""The client of scripts/bench-registration: many members sign up to one event at once.

    bench_registration.py BASE_URL EVENT_SLUG ADMIN_EMAIL ADMIN_PASSWORD MEMBERS SEATS

Sets the event to SEATS seats with a waiting list (as its organiser would, through the form),
creates MEMBERS accounts through the sign-up form, each confirmed by the link in its mail (read
from the admin's outbox, as no SMTP server runs here), then sends all their sign-ups at the same
moment. Prints sign-ups per second and latency, then checks through the organiser's attendee
list that nobody was overbooked, that the waiting list kept the order of arrival, and that ten
cancellations promote the next ten in line. Ends with "N passed, N failed".
"""
import asyncio
import csv
import io
import json
import re
import statistics
import sys
import time

import aiohttp

BASE, SLUG, ADMIN_EMAIL, ADMIN_PASSWORD = sys.argv[1:5]
MEMBERS, SEATS = int(sys.argv[5]), int(sys.argv[6])
PASSWORD = "bench password 1234"
CSRF = re.compile(r'name="_csrf" value="([^"]+)"')
# The organiser's list is in Swedish, the admin's language.
CONFIRMED, WAITING, CANCELLED = "Anmäld", "På väntelistan", "Avbokad"


def session():
    # One cookie jar per person; no connection limit, so the sign-ups really arrive together.
    return aiohttp.ClientSession(
        cookie_jar=aiohttp.CookieJar(unsafe=True),
        connector=aiohttp.TCPConnector(limit=0),
        timeout=aiohttp.ClientTimeout(total=300),
    )


async def form_token(client, path):
    async with client.get(BASE + path) as response:
        text = await response.text()
        assert response.status == 200, f"GET {path}: {response.status}"
    match = CSRF.search(text)
    assert match, f"no form token on {path}"
    return match.group(1)


async def post(client, path, form, token_from=None):
    form = dict(form, _csrf=await form_token(client, token_from or path))
    async with client.post(BASE + path, data=form, allow_redirects=False) as response:
        await response.read()
        return response.status


async def attendees(admin):
    """The organiser's CSV, as email -> (number in line, status)."""
    async with admin.get(BASE + f"/events/{SLUG}/attendees.csv") as response:
        text = (await response.text()).lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    email, status, arrival = (rows[0].index(name) for name in ("E-postadress", "Status", "Nummer i tur"))
    return {row[email]: (int(row[arrival]), row[status]) for row in rows[1:]}


async def make_member(index, gate):
    client = session()
    async with gate:
        status = await post(client, "/sign-up", {
            "name": f"Deltagare {index}", "email": f"deltagare{index}@bench.example.org",
            "password": PASSWORD, "passwordConfirmation": PASSWORD,
        })
        assert status == 303, f"sign-up {index}: {status}"
    return client, f"deltagare{index}@bench.example.org"


async def confirmation_links(admin, gate):
    """Each new member's confirmation link, by address, from the admin's outbox."""
    messages, page = [], 1
    while True:
        async with admin.get(BASE + f"/admin/outbox?page={page}") as response:
            if response.status == 404:
                break
            text = await response.text()
        found = re.findall(r'<a href="(/admin/outbox/[0-9A-Fa-f-]{36})">[^<]*</a></td><td>([^<]+)</td>', text)
        if not found:
            break
        messages += found
        page += 1

    async def link(path, address):
        async with gate:
            async with admin.get(BASE + path) as response:
                match = re.search(r"https?://[^\s<]+(/account/confirm/[A-Za-z0-9_-]+)", await response.text())
        return address, match.group(1) if match else None

    pairs = await asyncio.gather(*(link(path, address) for path, address in messages if address.endswith("@bench.example.org")))
    return {address: path for address, path in pairs if path}


async def confirm(client, path, gate):
    async with gate:
        status = await post(client, path, {})
        assert status == 303, f"confirming {path}: {status}"
        return await form_token(client, f"/events/{SLUG}/register")


async def sign_up(client, token, start):
    await start.wait()
    began = time.perf_counter()
    async with client.post(BASE + f"/events/{SLUG}/register", data={"_csrf": token}, allow_redirects=False) as response:
        await response.read()
        return response.status, response.headers.get("Location", ""), time.perf_counter() - began


async def main():
    checks = []

    def check(name, condition, detail=""):
        checks.append(bool(condition))
        print(f"{'ok  ' if condition else 'FAIL'} {name}{'' if condition else ': ' + detail}")

    admin = session()
    assert await post(admin, "/sign-in", {"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}) == 303, "admin sign-in"
    status = await post(admin, f"/events/{SLUG}/registration",
                        {"mode": "samverka", "capacity": str(SEATS), "waitingList": "true", "questionSlots": "0"})
    assert status == 303, f"registration settings: {status}"

    gate = asyncio.Semaphore(32)
    began = time.perf_counter()
    created = await asyncio.gather(*(make_member(index, gate) for index in range(MEMBERS)))
    links = await confirmation_links(admin, gate)
    assert len(links) == MEMBERS, f"{len(links)} confirmation links for {MEMBERS} members"
    tokens = await asyncio.gather(*(confirm(client, links[address], gate) for client, address in created))
    members = [(client, address, token) for (client, address), token in zip(created, tokens)]
    print(f"Created and confirmed {MEMBERS} members through the sign-up form and the mailed link in {time.perf_counter() - began:.1f}s")

    start = asyncio.Event()
    tasks = [asyncio.create_task(sign_up(client, token, start)) for client, _, token in members]
    await asyncio.sleep(0.5)
    began = time.perf_counter()
    start.set()
    results = await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - began
    statuses = {}
    for status, _, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    latencies = sorted(seconds * 1000 for _, _, seconds in results)
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    print(f"Sign-ups: {MEMBERS} at once, all answered in {elapsed:.2f}s = {MEMBERS / elapsed:.0f} sign-ups/s; "
          f"latency p50 {statistics.median(latencies):.0f} ms, p99 {p99:.0f} ms, max {latencies[-1]:.0f} ms")

    check("every sign-up answered with a redirect to the personal page, no server error",
          statuses == {303: MEMBERS}, json.dumps(statuses))
    before = await attendees(admin)
    seats = sorted(arrival for arrival, status in before.values() if status == CONFIRMED)
    waiting = sorted(arrival for arrival, status in before.values() if status == WAITING)
    check(f"exactly {SEATS} confirmed and {MEMBERS - SEATS} on the waiting list",
          (len(seats), len(waiting)) == (SEATS, MEMBERS - SEATS), f"{len(seats)} confirmed, {len(waiting)} waiting")
    check("every number in line given once", sorted(arrival for arrival, _ in before.values()) == list(range(1, MEMBERS + 1)))
    check("the seats went to the first to arrive and the waiting list holds the rest in order",
          seats == list(range(1, SEATS + 1)) and waiting == list(range(SEATS + 1, MEMBERS + 1)))

    # Ten people with a seat cancel through their personal links.
    cancelling = {email for email, (_, status) in list(before.items()) if status == CONFIRMED}
    cancelling = set(sorted(cancelling)[:10])
    cancelled = []
    for (client, email, _), (_, location, _) in zip(members, results):
        if email in cancelling:
            cancelled.append(await post(client, location + "/cancel", {}, token_from=location))
    after = await attendees(admin)
    counts = {}
    for _, status in after.values():
        counts[status] = counts.get(status, 0) + 1
    moved_up = sorted(before[email][0] for email, (_, status) in after.items()
                      if status == CONFIRMED and before[email][1] == WAITING)
    check("ten cancellations answered with a redirect", cancelled == [303] * 10, json.dumps(cancelled))
    check(f"after them: {SEATS} confirmed, 10 cancelled, {MEMBERS - SEATS - 10} waiting",
          counts == {CONFIRMED: SEATS, CANCELLED: 10, WAITING: MEMBERS - SEATS - 10}, json.dumps(counts, ensure_ascii=False))
    check("the next ten in line moved up", moved_up == list(range(SEATS + 1, SEATS + 11)), json.dumps(moved_up))

    for client, _, _ in members:
        await client.close()
    await admin.close()
    passed = sum(checks)
    print(f"{passed} passed, {len(checks) - passed} failed")
    return 0 if all(checks) else 1


sys.exit(asyncio.run(main()))
