"""Reads Samverka's feeds and pages with the parsers calendars, feed readers and search engines
use, and checks what they find; then holds every fetched file to its format's reference validator
(Tests/Validators: libical and four other iCalendar readers, the RFC 4287 RELAX NG schema, the
DCAT-AP 3.0.1 SHACL shapes, the schema.org vocabulary and shapes). Called by scripts/interop-tests
with the base URL of a server that has the demo network, the civictech.se site and a member
(member@example.org).
"""
import http.cookiejar
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
from datetime import datetime

import rdflib.compare
import extruct
import feedparser
import rdflib
from icalendar import Calendar
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF

BASE = sys.argv[1]
VALIDATORS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Validators")
FETCHED = tempfile.mkdtemp(prefix="samverka-interop-files-")
kept = {"ics": [], "atom": [], "html": [], "ttl": [], "rdf": []}  # fetched files the reference validators read at the end
results = []
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def fetch(path, data=None):
    request = urllib.request.Request(BASE + path, data=urllib.parse.urlencode(data).encode() if data is not None else None)
    with opener.open(request) as response:
        return response.status, response.headers, response.read()


def keep(kind, name, body, url=None):
    """Saves a fetched body for the reference validators, named after what it is."""
    path = os.path.join(FETCHED, re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") + "." + kind)
    with open(path, "wb") as file:
        file.write(body)
    kept[kind].append((name, path, url))


def check(name, condition, detail=""):
    results.append(bool(condition))
    print(f"{'ok  ' if condition else 'FAIL'} {name}{'' if condition else ': ' + str(detail)}")


def calendar(name, path, minimum=1, recurring=False):
    """Parses a feed with `icalendar` and checks what every calendar program relies on."""
    try:
        status, headers, body = fetch(path)
        keep("ics", name, body)
        parsed = Calendar.from_ical(body)
    except Exception as error:  # noqa: BLE001 - any failure to fetch or parse is the finding
        check(f"{name}: parses as iCalendar", False, error)
        return None
    events = [part for part in parsed.walk("VEVENT")]
    zones = [part.get("TZID") for part in parsed.walk("VTIMEZONE")]
    uids = [str(event.get("UID")) for event in events]
    starts = [event.decoded("DTSTART") for event in events]
    check(f"{name}: parses as iCalendar with at least {minimum} events", status == 200 and len(events) >= minimum, f"{len(events)} events")
    check(f"{name}: text/calendar", headers.get_content_type() == "text/calendar", headers.get_content_type())
    check(f"{name}: a VTIMEZONE for Europe/Stockholm", zones == ["Europe/Stockholm"], zones)
    check(f"{name}: unique UIDs", len(set(uids)) == len(uids))
    check(f"{name}: every start is a zoned time in Europe/Stockholm",
          all(isinstance(start, datetime) and start.tzinfo is not None and "Stockholm" in str(start.tzinfo) for start in starts),
          [str(start) for start in starts[:3]])
    check(f"{name}: every event has SEQUENCE, STATUS and a URL back to its page",
          all(event.get("SEQUENCE") is not None and event.get("STATUS") and str(event.get("URL", "")).startswith(BASE) for event in events))
    if recurring:
        check(f"{name}: a weekly event has its RRULE", any(event.get("RRULE") and event.get("RRULE").get("FREQ") == ["WEEKLY"] for event in events))
    return events


def atom(name, path):
    status, headers, body = fetch(path)
    keep("atom", name, body, BASE + path)
    feed = feedparser.parse(body)
    check(f"{name}: well-formed Atom", status == 200 and not feed.bozo and feed.version == "atom10", getattr(feed, "bozo_exception", feed.version))
    check(f"{name}: entries with id, title, link and dates",
          len(feed.entries) > 0 and all(entry.get("id") and entry.get("title") and entry.get("link") and entry.get("updated_parsed") for entry in feed.entries),
          len(feed.entries))
    updated = [entry.get("updated") for entry in feed.entries]
    check(f"{name}: each entry has its own updated time (readers sort and deduplicate by it)", len(set(updated)) == len(updated),
          sorted(set(u for u in updated if updated.count(u) > 1))[:5])
    return feed


def json_ld(name, path, expected_type, required):
    status, _, body = fetch(path)
    keep("html", name, body)
    found = extruct.extract(body.decode(), base_url=BASE + path, syntaxes=["json-ld"], uniform=True)["json-ld"]
    items = [item for item in found if item.get("@type") == expected_type]
    check(f"{name}: one {expected_type} in JSON-LD", status == 200 and len(items) == 1, [item.get("@type") for item in found])
    if items:
        missing = [key for key in required if key not in items[0]]
        check(f"{name}: {expected_type} has {', '.join(required)}", not missing, missing)
    return items[0] if items else {}


def catalog():
    """Reads the DCAT catalogue in both spellings with rdflib, as a harvester would."""
    graphs = {}
    for path, form in (("/catalog.rdf", "xml"), ("/catalog.ttl", "turtle")):
        try:
            status, _, body = fetch(path)
            keep(path.rsplit(".", 1)[-1], "catalog", body)
            graphs[form] = rdflib.Graph().parse(data=body, format=form)
            check(f"{path} parses as {form} RDF", status == 200 and len(graphs[form]) > 20, len(graphs[form]))
        except Exception as error:  # noqa: BLE001
            check(f"{path} parses as {form} RDF", False, error)
    if len(graphs) < 2:
        return
    check("both spellings say the same", rdflib.compare.isomorphic(graphs["xml"], graphs["turtle"]))
    graph = graphs["xml"]
    catalogs = list(graph.subjects(RDF.type, DCAT.Catalog))
    datasets = list(graph.subjects(RDF.type, DCAT.Dataset))
    check("one catalogue with its datasets", len(catalogs) == 1 and set(graph.objects(catalogs[0], DCAT.dataset)) == set(datasets), len(datasets))
    check("events, organisations and the demo programme are datasets",
          {str(d).rsplit("#", 1)[-1] for d in datasets} >= {"events", "organisations", "programme-innovationsveckan-demo"})
    for dataset in datasets:
        name = str(dataset).rsplit("#", 1)[-1]
        titles = {title.language for title in graph.objects(dataset, DCTERMS.title)}
        publisher = graph.value(dataset, DCTERMS.publisher)
        contact = graph.value(dataset, DCAT.contactPoint)
        check(f"{name}: titled in sv and en, with publisher, contact point, theme and frequency",
              titles == {"sv", "en"} and publisher is not None and graph.value(publisher, FOAF.name) is not None and contact is not None
              and graph.value(dataset, DCAT.theme) is not None and graph.value(dataset, DCTERMS.accrualPeriodicity) is not None)
        for distribution in graph.objects(dataset, DCAT.distribution):
            url = str(graph.value(distribution, DCAT.downloadURL))
            media = str(graph.value(distribution, DCAT.mediaType)).rsplit("media-types/", 1)[-1]
            status, headers, _ = fetch(url[len(BASE):])
            check(f"{name}: {url[len(BASE):]} answers as {media}, licensed",
                  status == 200 and headers.get_content_type() == media and graph.value(distribution, DCTERMS.license) is not None,
                  (status, headers.get_content_type()))


def api():
    """The JSON API against its own OpenAPI document: schemathesis generates requests from the
    document (valid and invalid, then sequences of calls) and applies all its checks: no server
    error, no answer outside the document, invalid input refused, unsupported methods refused."""
    status, headers, body = fetch("/api/openapi.json")
    check("the OpenAPI document is served as JSON", status == 200 and headers.get_content_type() == "application/json")
    schemathesis = os.path.join(os.path.dirname(sys.executable), "schemathesis")
    run = subprocess.run([schemathesis, "--no-color", "run", BASE + "/api/openapi.json", "--checks", "all", "--max-examples", "40",
                          "--generation-deterministic"], capture_output=True, text=True, timeout=900,
                         cwd=tempfile.mkdtemp(prefix="samverka-schemathesis-"))  # its caches stay out of the repository
    summary = [line for line in run.stdout.splitlines() if "generated" in line or "issues" in line.lower()]
    print("     schemathesis: " + " / ".join(line.strip() for line in summary[-2:]))
    check("schemathesis finds no server error and no answer outside the OpenAPI document", run.returncode == 0, run.stdout[-3000:])


def validator(*args):
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=600, cwd=VALIDATORS)


def reference_validators():
    """Every fetched file against its format's reference: what other software is built to."""
    matrix = json.loads(validator("ical/ical_matrix.py", *[path for _, path, _ in kept["ics"]]).stdout or "{}")
    for name, path, _ in kept["ics"]:
        verdicts = matrix.get(path, {"ical_matrix": "did not run"})
        rejected = {reader: verdict for reader, verdict in verdicts.items() if verdict != "accept"}
        check(f"{name}: accepted by libical, icalendar, vobject, ical and recurring-ical-events", not rejected, rejected)

    for name, path, url in kept["atom"]:
        run = subprocess.run(["xmllint", "--noout", "--relaxng", os.path.join(VALIDATORS, "atom", "atom-rfc4287.rng"), path],
                             capture_output=True, text=True, timeout=120)
        check(f"{name}: valid against the RFC 4287 RELAX NG schema", run.returncode == 0, run.stderr[-1500:])
        feed = feedparser.parse(open(path, "rb").read())
        selves = [link.href for link in feed.feed.get("links", []) if link.get("rel") == "self"]
        check(f"{name}: rel=self is the address it was read from", selves == [url], selves)

    for kind in ("ttl", "rdf"):
        for _, path, _ in kept[kind]:
            run = validator("dcat/validate_dcat.py", path, "base", "rec", "deprec", "full1")
            check(f"catalog.{kind}: conforms to DCAT-AP 3.0.1 (base, recommended, deprecated, full classes) with no warning",
                  run.returncode == 0, run.stdout[-3000:])

    pages = [path for _, path, _ in kept["html"]]
    run = validator("jsonld/validate_schemaorg.py", *pages)
    for name, path, _ in kept["html"]:
        line = next((line for line in run.stdout.splitlines() if line.startswith(f"===== {path}:")), "did not run")
        check(f"{name}: JSON-LD conforms to schema.org 30.0 (shapes, known terms, domains and ranges)",
              "shacl_conforms=True" in line and line.endswith("unknown_terms=[]"), line + run.stderr[-500:])


def run():
    calendar("events", "/events.ics", minimum=5, recurring=True)
    calendar("one event", "/events/digital-fika/calendar.ics", recurring=True)
    calendar("a local group", "/groups/malmo/calendar.ics")
    calendar("a programme, filtered", "/programmes/innovationsveckan-demo/calendar.ics?format=digital", minimum=10)
    everything = calendar("a programme", "/programmes/innovationsveckan-demo/calendar.ics", minimum=200)
    digital = calendar("a programme, searched", "/programmes/innovationsveckan-demo/calendar.ics?q=webbinarium", minimum=1)
    if everything and digital:
        check("a filter narrows the feed", len(digital) < len(everything))

    # A member signs up through the form, then subscribes to their own calendar.
    _, _, page = fetch("/sign-in")
    token = re.search(rb'name="_csrf" value="([^"]+)"', page).group(1).decode()
    fetch("/sign-in", {"_csrf": token, "email": "member@example.org", "password": "interop test password"})
    _, _, page = fetch("/events/meetup-malmo-januari/register")
    token = re.search(rb'name="_csrf" value="([^"]+)"', page).group(1).decode()
    fetch("/events/meetup-malmo-januari/register", {"_csrf": token})
    fetch("/account/calendar", {"_csrf": token})
    _, _, page = fetch("/account")
    address = re.search(rb'value="(http[^"]+/registrations\.ics)"', page)
    check("the account page shows the member's calendar address", address)
    if address:
        own = calendar("a member's own calendar", address.group(1).decode()[len(BASE):])
        check("it holds the sign-up", own and any("Malmö" in str(event.get("SUMMARY")) for event in own))

    atom("events feed", "/events.atom")
    atom("projects feed", "/projects.atom")
    atom("programme feed", "/programmes/innovationsveckan-demo/feed.atom?format=digital")
    _, _, page = fetch("/events")
    check("the events page announces its feeds", b'type="application/atom+xml"' in page and b'type="text/calendar"' in page)

    event = json_ld("an event page", "/events/workshop-oppna-data", "Event",
                    ["name", "startDate", "location", "organizer", "eventStatus", "eventAttendanceMode", "isAccessibleForFree", "url"])
    place = event.get("location", {})
    check("an event on site is at a Place with its address",
          isinstance(place, dict) and place.get("@type") == "Place" and place.get("address", {}).get("addressLocality") == "Örebro", place)
    fika = json_ld("a weekly online event page", "/events/digital-fika", "Event", ["eventSchedule", "location"])
    check("an online event is at a VirtualLocation and repeats weekly",
          fika.get("location", {}).get("@type") == "VirtualLocation" and fika.get("eventSchedule", {}).get("repeatFrequency") == "P1W",
          fika.get("location"))
    _, _, page = fetch("/programmes/innovationsveckan-demo")
    activity = re.search(rb'<li class="card">\s*<h3><a href="(/programmes/innovationsveckan-demo/[a-z0-9-]+)"', page)
    check("the programme page lists activities at readable addresses", activity is not None, page[:200])
    if activity:
        json_ld("an activity page", activity.group(1).decode(), "Event", ["name", "startDate", "location", "organizer", "superEvent"])
    json_ld("an organisation page", "/organisations/orebro-kommun", "GovernmentOrganization", ["name", "url", "address"])
    _, _, page = fetch("/projects")
    project = re.search(rb'href="(/projects/[a-z0-9-]+)"', page)
    if project:
        json_ld("a project page", project.group(1).decode(), "Project", ["name", "url"])

    catalog()
    reference_validators()
    api()

    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(run())
