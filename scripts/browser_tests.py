"""Drives headless Chromium over Samverka's pages and runs axe-core on each.

Called by scripts/browser-tests with the base URL of a running server that has the demo
network, the civictech.se site and an admin (admin@example.org) loaded.
"""
import os
import sys

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = sys.argv[1]
SHOTS = sys.argv[2] if len(sys.argv) > 2 else ".build/browser-screenshots"
ADMIN = ("admin@example.org", "browser test password")


def browser(javascript=True):
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def first_link(driver, prefix):
    """The first link on the page into a section, e.g. the first event on /events."""
    for anchor in driver.find_elements(By.CSS_SELECTOR, "main a"):
        href = anchor.get_attribute("href") or ""
        path = href.replace(BASE, "")
        if path.startswith(prefix) and path.count("/") == 2 and not path.endswith("/new"):
            return path
    raise AssertionError(f"no link into {prefix}")


def submit_and_wait(driver, expect_errors):
    """Sends the page's main form and waits for the next page (with or without an error summary)."""
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, "form.form .form-actions button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.TAG_NAME, "html") != old)
    if expect_errors and not driver.find_elements(By.CSS_SELECTOR, ".error-summary"):
        os.makedirs(SHOTS, exist_ok=True)
        driver.save_screenshot(os.path.join(SHOTS, "FAILED-submit.png"))
        heading = driver.find_elements(By.TAG_NAME, "h1")
        raise AssertionError(f"the form at {driver.current_url} came back without an error summary; "
                             f"the page says: {heading[0].text if heading else driver.title}")


def first_activity(driver):
    """The first activity link in a programme's list."""
    for anchor in driver.find_elements(By.CSS_SELECTOR, "main .card h3 a"):
        path = (anchor.get_attribute("href") or "").replace(BASE, "")
        if path.startswith("/programmes/") and path.count("/") == 3:
            return path
    raise AssertionError("no activity in the programme")


def check(driver, name, results):
    axe = Axe(driver)
    axe.inject()
    found = axe.run(options='{"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}')
    violations = found["violations"]
    os.makedirs(SHOTS, exist_ok=True)
    driver.save_screenshot(os.path.join(SHOTS, name.replace("/", "_") + ".png"))
    if violations:
        print(f"FAIL {name}: {len(violations)} violations")
        for violation in violations:
            targets = [" ".join(node["target"]) for node in violation["nodes"]][:3]
            print(f"     {violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    else:
        print(f"ok   {name}")
    results.append(not violations)


def run():
    results = []
    driver = browser()
    try:
        for lang in ("sv", "en"):
            driver.get(f"{BASE}/?lang={lang}")
            assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
            check(driver, f"{lang}/home", results)
            driver.get(f"{BASE}/events")
            check(driver, f"{lang}/events", results)
            driver.get(BASE + first_link(driver, "/events/"))
            check(driver, f"{lang}/event", results)
            driver.get(f"{BASE}/events/cocreate-technology-for-the-common-good")
            check(driver, f"{lang}/event-imported", results)
            driver.get(f"{BASE}/projects")
            check(driver, f"{lang}/projects", results)
            driver.get(BASE + first_link(driver, "/projects/"))
            check(driver, f"{lang}/project", results)
            driver.get(f"{BASE}/groups")
            check(driver, f"{lang}/groups", results)
            driver.get(BASE + first_link(driver, "/groups/"))
            check(driver, f"{lang}/group", results)
            driver.get(f"{BASE}/programmes")
            check(driver, f"{lang}/programmes", results)
            driver.get(f"{BASE}/programmes/innovationsveckan-demo")
            check(driver, f"{lang}/programme", results)
            driver.get(f"{BASE}/programmes/innovationsveckan-demo?format=digital&theme=ai")
            check(driver, f"{lang}/programme-filtered", results)
            driver.get(BASE + first_activity(driver))
            check(driver, f"{lang}/activity", results)
            driver.get(f"{BASE}/programmes/innovationsveckan-demo?format=digital&q=ingenting-alls")
            check(driver, f"{lang}/programme-nothing-matches", results)
            driver.get(f"{BASE}/programmes/innovationsveckan-demo?view=days&region=01&region=12&theme=ai")
            check(driver, f"{lang}/programme-days", results)
            driver.get(f"{BASE}/programmes/innovationsveckan-demo?view=print&region=01")
            check(driver, f"{lang}/programme-print", results)
            driver.get(f"{BASE}/embed/programmes/innovationsveckan-demo?format=digital&lang={lang}")
            check(driver, f"{lang}/programme-embed", results)
            driver.get(f"{BASE}/programmes/innovationsveckan-demo/statistics")
            check(driver, f"{lang}/statistics", results)
            driver.get(f"{BASE}/organisations")
            check(driver, f"{lang}/organisations", results)
            driver.get(BASE + first_link(driver, "/organisations/"))
            check(driver, f"{lang}/organisation", results)
            driver.get(f"{BASE}/sign-up")
            check(driver, f"{lang}/sign-up", results)
            submit_and_wait(driver, expect_errors=True)
            check(driver, f"{lang}/sign-up-errors", results)
            driver.get(f"{BASE}/sign-in")
            check(driver, f"{lang}/sign-in", results)
            for path, name in (("/sign-up/sent", "sign-up-sent"), ("/password/forgot", "forgot-password"),
                               ("/password/forgot/sent", "forgot-password-sent"),
                               ("/password/reset/no-such-link-at-all-0123456789", "link-invalid"),
                               ("/events/workshop-oppna-data/register/sent", "registration-sent"),
                               ("/events/workshop-oppna-data/register/link", "registration-link-again"),
                               ("/accessibility", "accessibility-statement"), ("/privacy", "privacy-notice"),
                               ("/about", "about"), ("/help", "help-for-organisers")):
                driver.get(BASE + path)
                check(driver, f"{lang}/{name}", results)
            # A guest's sign-up form, with the organiser's questions, then sent empty.
            driver.get(f"{BASE}/events/workshop-oppna-data/register")
            check(driver, f"{lang}/registration-form", results)
            submit_and_wait(driver, expect_errors=True)
            check(driver, f"{lang}/registration-form-errors", results)
            driver.get(f"{BASE}/no-such-page")
            check(driver, f"{lang}/not-found", results)

            # An editor's view: sign in, open the event form, send it half-filled.
            driver.get(f"{BASE}/sign-in")
            driver.find_element(By.ID, "field-email").send_keys(ADMIN[0])
            driver.find_element(By.ID, "field-password").send_keys(ADMIN[1])
            submit_and_wait(driver, expect_errors=False)
            # A member signs up (once; the second time the page says so), then sees their lists.
            driver.get(f"{BASE}/events/workshop-oppna-data/register")
            if lang == "sv":
                Select(driver.find_element(By.ID, "field-q_level")).select_by_index(1)
                submit_and_wait(driver, expect_errors=False)
                check(driver, f"{lang}/registration-personal", results)
                driver.get(driver.current_url.split("?")[0] + "/cancel")
                check(driver, f"{lang}/registration-cancel-question", results)
            else:
                check(driver, f"{lang}/registration-already", results)
            driver.get(f"{BASE}/account/registrations")
            check(driver, f"{lang}/my-registrations", results)
            driver.get(f"{BASE}/account")
            check(driver, f"{lang}/account", results)
            driver.get(f"{BASE}/account/profile")
            check(driver, f"{lang}/profile", results)
            driver.get(f"{BASE}/account/programme")
            check(driver, f"{lang}/my-programme-empty", results)
            driver.get(f"{BASE}/notifications")
            check(driver, f"{lang}/notifications-empty", results)
            driver.get(f"{BASE}/admin")
            check(driver, f"{lang}/admin-dashboard", results)
            driver.get(f"{BASE}/admin/members?q=admin")
            check(driver, f"{lang}/admin-members", results)
            driver.get(BASE + next(a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main table a")).replace(BASE, ""))
            check(driver, f"{lang}/admin-member", results)
            driver.get(f"{BASE}/account/password")
            check(driver, f"{lang}/change-password", results)
            driver.get(f"{BASE}/account/email")
            check(driver, f"{lang}/change-email", results)
            driver.get(f"{BASE}/account/two-factor")
            check(driver, f"{lang}/two-factor-setup", results)
            driver.get(f"{BASE}/events/workshop-oppna-data/attendees")
            check(driver, f"{lang}/attendees", results)
            driver.get(f"{BASE}/events/workshop-oppna-data/registration")
            check(driver, f"{lang}/registration-settings", results)
            driver.get(f"{BASE}/events/new")
            check(driver, f"{lang}/event-form", results)
            submit_and_wait(driver, expect_errors=True)
            check(driver, f"{lang}/event-form-errors", results)
            driver.get(f"{BASE}/organisations/new")
            check(driver, f"{lang}/organisation-form", results)
            driver.get(f"{BASE}/organisations/orebro-kommun/members")
            check(driver, f"{lang}/organisation-members", results)
            driver.get(f"{BASE}/groups")
            driver.get(BASE + first_link(driver, "/groups/"))
            check(driver, f"{lang}/group-organisers", results)
            driver.get(f"{BASE}/programmes/innovationsveckan-demo/review")
            check(driver, f"{lang}/review-queue", results)
            driver.get(f"{BASE}/programmes/new")
            check(driver, f"{lang}/programme-form", results)

            # An organiser's view: register an organisation once, then submit an activity.
            if lang == "sv":
                driver.get(f"{BASE}/organisations/new")
                driver.find_element(By.ID, "field-name").send_keys("Testkommunen")
                Select(driver.find_element(By.ID, "field-sector")).select_by_value("municipality")
                Select(driver.find_element(By.ID, "field-municipalityCode")).select_by_value("2480")
                submit_and_wait(driver, expect_errors=False)
            driver.get(f"{BASE}/programmes/innovationsveckan-demo/activities/new")
            check(driver, f"{lang}/activity-form", results)
            submit_and_wait(driver, expect_errors=True)
            check(driver, f"{lang}/activity-form-errors", results)
            driver.get(f"{BASE}/account/activities")
            check(driver, f"{lang}/my-activities", results)
            old = driver.find_element(By.TAG_NAME, "html")
            driver.find_element(By.CSS_SELECTOR, ".site-header form button").click()
            WebDriverWait(driver, 10).until(lambda d: d.find_element(By.TAG_NAME, "html") != old)
    finally:
        driver.quit()
    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(run())
