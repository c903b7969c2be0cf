"""Journeys: people completing their tasks in Chromium, start to end.

Each journey fills and submits the real forms (so the browser's own encoding is sent: CRLF line
ends, its own field order), reads mail from the real SMTP server where the journey needs it,
and checks what the person sees at the end. Every journey runs in Swedish and English, at
desktop and phone width; one runs keyboard-only and one with JavaScript off.

Called by scripts/browser-tests with the base URL of a running server (demo network, an admin
admin@example.org) and the Maildir its mail is delivered to. Ends with "N passed, N failed".
"""
import datetime
import email
import html.parser
import os
import re
import sys
import time
import traceback
import urllib.error
import urllib.request
import uuid
from email import policy

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from browser_tests import ADMIN, browser, check

BASE = sys.argv[1]
MAILDIR = sys.argv[2]
SHOTS = sys.argv[3] if len(sys.argv) > 3 else ".build/browser-screenshots"
WIDTHS = {"desktop": (1280, 1000), "phone": (390, 844)}
# The same demo event in each language: a translation pair with one list of places.
WORKSHOP = {"sv": "workshop-oppna-data", "en": "workshop-oppna-data-en"}
SAID = {
    "sv": {"check_inbox": "Titta i din e-post", "registered": "Anmäld", "saved": "är sparat", "welcome": "Välkommen",
           "sign_out": "Logga ut", "new_password": "Välj ett nytt lösenord", "password_saved": "Ditt nya lösenord är sparat",
           "partner_confirmed": "medverkan är bekräftad", "one_unread": "1 oläst", "submitted": "inskickad för granskning",
           "changes_subject": "ändringar behövs", "approved_subject": "är godkänd", "filter": "Filter", "days": "Dag för dag",
           "save_sign_in": "Logga in för att spara i ditt program", "add": "Lägg till i mitt program", "in_programme": "finns nu i ditt program",
           "my_programme": "Mitt program", "make_calendar": "Skapa min kalenderadress", "remove": "Ta bort", "empty": "Ditt program är tomt",
           "new_event": "Nytt evenemang", "unpublish": "Avpublicera", "unpublished": "Avpublicerat av en moderator", "unpublished_subject": "är avpublicerat"},
    "en": {"check_inbox": "Check your email", "registered": "Registered", "saved": "has been saved", "welcome": "Welcome",
           "sign_out": "Sign out", "new_password": "Choose a new password", "password_saved": "Your new password is saved",
           "partner_confirmed": "part is confirmed", "one_unread": "1 unread", "submitted": "submitted for review",
           "changes_subject": "changes needed", "approved_subject": "is approved", "filter": "Filters", "days": "Day by day",
           "save_sign_in": "Sign in to save it to your programme", "add": "Add to my programme", "in_programme": "is now in your programme",
           "my_programme": "My programme", "make_calendar": "Make my calendar address", "remove": "Remove", "empty": "Your programme is empty",
           "new_event": "New event", "unpublish": "Unpublish", "unpublished": "Unpublished by a moderator", "unpublished_subject": "is unpublished"},
}
PASSWORD = "ett långt lösenord"


class JourneyFailed(AssertionError):
    pass


def expect(condition, message):
    if not condition:
        raise JourneyFailed(message)


def new_driver(width, javascript=True):
    driver = browser(javascript=javascript)
    driver.set_window_size(*WIDTHS[width])
    return driver


def screenshot(driver, name):
    os.makedirs(SHOTS, exist_ok=True)
    driver.save_screenshot(os.path.join(SHOTS, name + ".png"))


def press(driver, button):
    """Clicks and waits for the next page."""
    old = driver.find_element(By.TAG_NAME, "html")
    button.click()
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.TAG_NAME, "html") != old)


def heading(driver):
    found = driver.find_elements(By.TAG_NAME, "h1")
    return found[0].text if found else driver.title


def flash(driver):
    found = driver.find_elements(By.CSS_SELECTOR, ".flash")
    return found[0].text if found else ""


def sign_in(driver, account):
    driver.get(f"{BASE}/sign-in")
    driver.find_element(By.ID, "field-email").send_keys(account[0])
    driver.find_element(By.ID, "field-password").send_keys(account[1])
    press(driver, driver.find_element(By.CSS_SELECTOR, "form.form .form-actions button[type=submit]"))


def tab_to(driver, element_id, limit=80):
    """Moves the keyboard focus with Tab alone until `element_id` has it."""
    for _ in range(limit):
        if driver.switch_to.active_element.get_attribute("id") == element_id:
            return driver.switch_to.active_element
        driver.switch_to.active_element.send_keys(Keys.TAB)
    raise JourneyFailed(f"Tab never reached #{element_id}")


def tab_to_submit(driver, limit=80):
    for _ in range(limit):
        active = driver.switch_to.active_element
        if active.tag_name == "button" and active.get_attribute("type") == "submit":
            return active
        active.send_keys(Keys.TAB)
    raise JourneyFailed("Tab never reached the form's button")


class Links(html.parser.HTMLParser):
    """Every href in an HTML text, as a browser's parser reads it."""

    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href", ""))


def mail_to(address, timeout=30, subject_has=None):
    """The newest message the SMTP server received for `address` (whose subject has one of
    `subject_has`, if given)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        found = []
        for folder in ("new", "cur"):
            path = os.path.join(MAILDIR, folder)
            for name in os.listdir(path) if os.path.isdir(path) else []:
                with open(os.path.join(path, name), "rb") as handle:
                    message = email.message_from_binary_file(handle, policy=policy.default)
                subject = str(message["Subject"]).lower()
                if address in str(message["To"]).lower() and (not subject_has or any(word in subject for word in subject_has)):
                    found.append((os.path.getmtime(os.path.join(path, name)), message))
        if found:
            return max(found, key=lambda pair: pair[0])[1]
        time.sleep(0.5)
    raise JourneyFailed(f"no mail reached {address} within {timeout} s")


def mailed_link(message, path):
    """The link to `path` in a mail's text; the HTML part must link the same addresses."""
    text = message.get_body(preferencelist=("plain",)).get_content()
    links = re.findall(r"https?://\S+" + re.escape(path) + r"[A-Za-z0-9_-]+(?:\?lang=[a-z]+)?", text)
    expect(links, f"the mail has no {path} link:\n{text}")
    parser = Links()
    parser.feed(message.get_body(preferencelist=("html",)).get_content())
    expect(links[0] in parser.hrefs, f"the HTML part does not link {links[0]}: {parser.hrefs}")
    return links[0]


def personal_link(message):
    """The personal link in a registration mail; the HTML part must link the same addresses."""
    text = message.get_body(preferencelist=("plain",)).get_content()
    links = re.findall(r"https?://\S+/registrations/[A-Za-z0-9_-]+(?:\?lang=[a-z]+)?", text)
    expect(links, f"the mail has no personal link:\n{text}")
    parser = Links()
    parser.feed(message.get_body(preferencelist=("html",)).get_content())
    in_text = {address.rstrip(".,;:!?)»”") for address in re.findall(r"https?://[^\s<>\"]+", text)}
    broken = [href for href in parser.hrefs if href not in in_text]
    expect(parser.hrefs and not broken, f"the HTML part's links differ from the text's: {broken}")
    return links[0]


def fill(driver, field_id, text):
    element = driver.find_element(By.ID, field_id)
    element.clear()
    element.send_keys(text)


def set_datetime(driver, field_id, value):
    """A datetime-local field takes typed digits in the browser's own locale order; its value
    is set as a script would, and the browser still encodes and sends it with the form."""
    driver.execute_script("document.getElementById(arguments[0]).value = arguments[1]", field_id, value)


def submit(driver):
    press(driver, driver.find_element(By.CSS_SELECTOR, "form.form .form-actions button[type=submit]"))


def create_account(driver, lang, name, kind):
    """Signs up through the form and confirms by the mailed link; returns the address."""
    address = f"{kind}-{lang}-{uuid.uuid4().hex[:8]}@example.org"
    driver.get(f"{BASE}/sign-up?lang={lang}")
    fill(driver, "field-name", name)
    fill(driver, "field-email", address)
    fill(driver, "field-password", PASSWORD)
    fill(driver, "field-passwordConfirmation", PASSWORD)
    submit(driver)
    expect(heading(driver) == SAID[lang]["check_inbox"], f"after signing up the page says “{heading(driver)}”")
    driver.get(mailed_link(mail_to(address), "/account/confirm/"))
    press(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    expect(SAID[lang]["welcome"] in flash(driver), f"after confirming the page says “{flash(driver)}”")
    return address


def register_organisation(driver, name, sector, municipality):
    """Registers an organisation through its form; returns its slug, read from the address."""
    driver.get(f"{BASE}/organisations/new")
    fill(driver, "field-name", name)
    Select(driver.find_element(By.ID, "field-sector")).select_by_value(sector)
    Select(driver.find_element(By.ID, "field-municipalityCode")).select_by_value(municipality)
    fill(driver, "field-description", "Vi arbetar med öppna data.\nOch med digital inkludering.")
    submit(driver)
    expect(driver.current_url.split("?")[0].startswith(f"{BASE}/organisations/"), f"registering {name} ended on {driver.current_url}")
    return driver.current_url.split("?")[0].rstrip("/").split("/")[-1]


def demo_week_wednesday():
    """A day inside the demo programme week: the Monday three weeks ahead, moved on past the
    Christmas holidays and July as the seed does (DemoProgramme.firstDay)."""
    today = datetime.date.today()
    monday = today + datetime.timedelta(days=(7 - today.weekday()) % 7 + 21)

    def holiday(day):
        return day.month == 7 or (day.month == 12 and day.day >= 20) or (day.month == 1 and day.day <= 6)

    while any(holiday(monday + datetime.timedelta(days=offset)) for offset in range(5)):
        monday += datetime.timedelta(days=7)
    return (monday + datetime.timedelta(days=2)).isoformat()


def bell(driver):
    """The header's notification bell, as a screen reader announces it."""
    found = driver.find_elements(By.CSS_SELECTOR, ".site-header a.bell")
    expect(found, "a signed-in member has no notification bell in the header")
    return found[0].get_attribute("aria-label")


# MARK: Journeys


def guest_signs_up_and_confirms(lang, width, keyboard=False):
    """A guest signs up, is told to check the inbox (and offered nothing else), follows the
    mailed link and confirms."""
    driver = new_driver(width)
    try:
        address = f"guest-{lang}-{width}-{uuid.uuid4().hex[:8]}@example.org"
        driver.get(f"{BASE}/events/{WORKSHOP[lang]}/register?lang={lang}")
        if keyboard:
            driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
            tab_to(driver, "field-name").send_keys("Gäst Gästsson")
            tab_to(driver, "field-email").send_keys(address)
            level = tab_to(driver, "field-q_level")
            level.send_keys(Keys.ARROW_DOWN)
            expect(Select(level).first_selected_option.get_attribute("value") != "", "the arrow key chose no answer")
            button = tab_to_submit(driver)
            old = driver.find_element(By.TAG_NAME, "html")
            button.send_keys(Keys.ENTER)
            WebDriverWait(driver, 10).until(lambda d: d.find_element(By.TAG_NAME, "html") != old)
        else:
            driver.find_element(By.ID, "field-name").send_keys("Gäst Gästsson")
            driver.find_element(By.ID, "field-email").send_keys(address)
            Select(driver.find_element(By.ID, "field-q_level")).select_by_index(1)
            press(driver, driver.find_element(By.CSS_SELECTOR, "form.form .form-actions button[type=submit]"))
        expect(heading(driver) == SAID[lang]["check_inbox"], f"after signing up the guest sees “{heading(driver)}”")
        expect("/registrations/" not in driver.page_source, "the landing page leaks the personal link")
        expect(not driver.find_elements(By.CSS_SELECTOR, "form[action$='/confirm']"), "the landing page offers the confirmation")

        link = personal_link(mail_to(address))
        driver.delete_all_cookies()
        driver.get(link)
        press(driver, driver.find_element(By.CSS_SELECTOR, "form[action$='/confirm'] button"))
        status = driver.find_element(By.CSS_SELECTOR, ".facts strong").text
        expect(status == SAID[lang]["registered"], f"after confirming the status says “{status}”")
    except Exception:
        screenshot(driver, f"FAILED-guest-{lang}-{width}")
        raise
    finally:
        driver.quit()


def member_signs_up_confirms_and_registers(lang, width):
    """Someone new creates an account, is told to check the inbox, follows the mailed link,
    confirms, and signs up for an event as a member; later they forget the password and set a
    new one through the mailed link."""
    driver = new_driver(width)
    try:
        address = create_account(driver, lang, "Maja Medlem", f"member-{width}")
        driver.get(f"{BASE}/events/{WORKSHOP[lang]}/register")
        Select(driver.find_element(By.ID, "field-q_level")).select_by_index(2)
        press(driver, driver.find_element(By.CSS_SELECTOR, "form.form .form-actions button[type=submit]"))
        status = driver.find_element(By.CSS_SELECTOR, ".facts strong").text
        expect(status == SAID[lang]["registered"], f"after signing up for the event the status says “{status}”")

        press(driver, driver.find_element(By.CSS_SELECTOR, ".site-header form button"))
        driver.get(f"{BASE}/password/forgot")
        driver.find_element(By.ID, "field-email").send_keys(address)
        press(driver, driver.find_element(By.CSS_SELECTOR, "form.form .form-actions button[type=submit]"))
        expect(heading(driver) == SAID[lang]["check_inbox"], f"after asking for a new password the page says “{heading(driver)}”")
        driver.get(mailed_link(mail_to(address, subject_has=("lösenord", "password")), "/password/reset/"))
        expect(heading(driver) == SAID[lang]["new_password"], f"the reset link opens “{heading(driver)}”")
        driver.find_element(By.ID, "field-password").send_keys(PASSWORD + " två")
        driver.find_element(By.ID, "field-passwordConfirmation").send_keys(PASSWORD + " två")
        press(driver, driver.find_element(By.CSS_SELECTOR, "form.form .form-actions button[type=submit]"))
        expect(SAID[lang]["password_saved"] in flash(driver), f"after the reset the page says “{flash(driver)}”")
    except Exception:
        screenshot(driver, f"FAILED-member-{lang}-{width}")
        raise
    finally:
        driver.quit()


def admin_saves_unchanged(lang, width, javascript=True):
    """An admin opens an event and a programme week to edit, presses Save without changing
    anything, then adds a link in an empty row and saves again."""
    driver = new_driver(width, javascript=javascript)
    try:
        driver.get(f"{BASE}/?lang={lang}")
        sign_in(driver, ADMIN)
        for page in ("/events/workshop-oppna-data/edit", "/programmes/innovationsveckan-demo/edit"):
            driver.get(BASE + page)
            if page.startswith("/events"):
                # Enter in a field saves, as the Save button does, not the rows' "add rows".
                old = driver.find_element(By.TAG_NAME, "html")
                driver.find_element(By.ID, "field-title").send_keys(Keys.ENTER)
                WebDriverWait(driver, 10).until(lambda d: d.find_element(By.TAG_NAME, "html") != old)
            else:
                press(driver, driver.find_element(By.CSS_SELECTOR, "form.form .form-actions button[type=submit]"))
            expect(not driver.find_elements(By.CSS_SELECTOR, ".error-summary"),
                   f"saving {page} unchanged gave errors: {driver.find_element(By.CSS_SELECTOR, '.error-summary').text if driver.find_elements(By.CSS_SELECTOR, '.error-summary') else ''}")
            expect(SAID[lang]["saved"] in flash(driver), f"after saving {page} the page says “{flash(driver)}”")
        driver.get(BASE + "/events/workshop-oppna-data/edit")
        # A new link goes into the first empty row: its title and its address.
        row = next(element for element in driver.find_elements(By.CSS_SELECTOR, "input[name='linkTitle[]']") if not element.get_attribute("value"))
        number = row.get_attribute("id").rsplit("-", 1)[1]
        row.send_keys(f"Anteckningar {width}")
        driver.find_element(By.ID, f"field-linkURL-{number}").send_keys(f"https://example.org/{lang}/{width}")
        press(driver, driver.find_element(By.CSS_SELECTOR, "form.form .form-actions button[type=submit]"))
        expect(SAID[lang]["saved"] in flash(driver), f"after adding a link the page says “{flash(driver)}”")
        expect(f"Anteckningar {width}" in driver.page_source, "the added link is not on the event page")
    except Exception:
        screenshot(driver, f"FAILED-edit-{lang}-{width}")
        raise
    finally:
        driver.quit()


def organiser_partner_and_review(lang, width):
    """An organiser registers a municipality and submits an activity with a partner; the partner
    is told by mail and confirms; the organiser, told by the bell, submits; a moderator asks for
    changes; the organiser is told by mail, changes and resubmits; it is approved, the organiser
    is told, and the activity is in the public programme."""
    partner = new_driver(width)
    organiser = new_driver(width)
    moderator = new_driver(width)
    suffix = uuid.uuid4().hex[:6]
    title = f"Datakväll {lang} {width} {suffix}"
    current = partner
    try:
        partner_address = create_account(partner, lang, "Pia Partner", "partner")
        register_organisation(partner, f"Föreningen Partner {suffix}", "civil_society", "1380")

        current = organiser
        organiser_address = create_account(organiser, lang, "Olle Organisatör", "organiser")
        own_slug = register_organisation(organiser, f"Provkommun {suffix}", "municipality", "1382")
        organiser.get(f"{BASE}/programmes/innovationsveckan-demo/activities/new")
        Select(organiser.find_element(By.ID, "field-organisation")).select_by_value(own_slug)
        fill(organiser, "field-title", title)
        fill(organiser, "field-summary", "En kväll om öppna data.\nFör alla som är nyfikna.")
        fill(organiser, "field-description", "Vi visar **exempel** från kommunen.\n\nFika finns.")
        Select(organiser.find_element(By.ID, "field-format")).select_by_value("physical")
        start = demo_week_wednesday()
        set_datetime(organiser, "field-startsAt", start + "T18:00")
        set_datetime(organiser, "field-endsAt", start + "T20:00")
        Select(organiser.find_element(By.ID, "field-municipalityCode")).select_by_value("1382")
        fill(organiser, "field-venue", "Stadsbiblioteket")
        fill(organiser, "field-address", "Storgatan 1")
        # More rows come at once with the script (without it the button sends the form back).
        organiser.find_element(By.CSS_SELECTOR, "#field-partners button.add-row").click()
        expect(organiser.switch_to.active_element.get_attribute("id") == "field-partnerOrganisation-3",
               "adding a partner row did not give a third row the focus")
        # The partner is a row: its name (the browser suggests names as one types) and its role.
        fill(organiser, "field-partnerOrganisation-1", f"Föreningen Partner {suffix}")
        Select(organiser.find_element(By.ID, "field-partnerRole-1")).select_by_value("organiser")
        organiser.execute_script("document.getElementById('field-partners').scrollIntoView()")
        screenshot(organiser, f"journey-activity-form-{lang}-{width}")
        organiser.find_element(By.CSS_SELECTOR, "input[name='themes[]']").click()
        press(organiser, organiser.find_element(By.CSS_SELECTOR, ".form-actions button[name=intent][value=submit]"))
        expect(not organiser.find_elements(By.CSS_SELECTOR, ".error-summary"),
               "submitting gave errors: " + " | ".join(e.text for e in organiser.find_elements(By.CSS_SELECTOR, ".error-summary")))
        expect(f"Föreningen Partner {suffix}" in flash(organiser), f"after submitting with a partner the page says “{flash(organiser)}”")
        activity_path = organiser.current_url.split("?")[0][len(BASE):]

        current = partner
        asked = mail_to(partner_address, subject_has=(title.lower(),))
        partner.get(mailed_link(asked, activity_path.rsplit("/", 1)[0] + "/"))
        expect(title in heading(partner), f"the partner's link opens “{heading(partner)}”")
        press(partner, partner.find_element(By.CSS_SELECTOR, f"form[action='{activity_path}/confirm'] button"))
        expect(SAID[lang]["partner_confirmed"] in flash(partner), f"after confirming the partner sees “{flash(partner)}”")

        current = organiser
        organiser.get(f"{BASE}/account")
        expect(SAID[lang]["one_unread"] in bell(organiser), f"after the partner confirmed the organiser's bell says “{bell(organiser)}”")
        organiser.get(f"{BASE}/notifications")
        accessible = []
        check(organiser, f"journey-notifications-{lang}-{width}", accessible)
        expect(all(accessible), "the list of notifications has accessibility violations (listed above)")
        press(organiser, organiser.find_element(By.PARTIAL_LINK_TEXT, f"Föreningen Partner {suffix}"))
        expect(title in heading(organiser), f"the notification leads to “{heading(organiser)}”")
        press(organiser, organiser.find_element(By.CSS_SELECTOR, f"form[action='{activity_path}/submit'] button"))
        expect(SAID[lang]["submitted"] in flash(organiser), f"after submitting the organiser sees “{flash(organiser)}”")

        current = moderator
        sign_in(moderator, ADMIN)
        moderator.get(f"{BASE}/programmes/innovationsveckan-demo/review?lang={lang}")
        item = moderator.find_element(By.XPATH, f"//article[.//a[contains(., '{title}')]]")
        item.find_element(By.CSS_SELECTOR, "textarea[name=message]").send_keys("Skriv vilken sal det är.\nOch om det finns hörslinga.")
        press(moderator, item.find_element(By.CSS_SELECTOR, "button[value=changes]"))

        current = organiser
        asked = mail_to(organiser_address, subject_has=(SAID[lang]["changes_subject"],))
        body = asked.get_body(preferencelist=("plain",)).get_content()
        expect("Skriv vilken sal det är." in body, f"the mail about changes lacks the moderator's message:\n{body}")
        organiser.get(mailed_link(asked, activity_path.rsplit("/", 1)[0] + "/"))
        organiser.get(f"{BASE}{activity_path}/edit")
        fill(organiser, "field-venue", "Stadsbiblioteket, sal 2 (hörslinga)")
        press(organiser, organiser.find_element(By.CSS_SELECTOR, ".form-actions button[name=intent][value=submit]"))
        expect(SAID[lang]["submitted"] in flash(organiser), f"after resubmitting the organiser sees “{flash(organiser)}”")

        current = moderator
        moderator.get(f"{BASE}/programmes/innovationsveckan-demo/review?lang={lang}")
        item = moderator.find_element(By.XPATH, f"//article[.//a[contains(., '{title}')]]")
        press(moderator, item.find_element(By.CSS_SELECTOR, "button[value=approve]"))

        current = organiser
        mail_to(organiser_address, subject_has=(SAID[lang]["approved_subject"],))
        organiser.get(f"{BASE}/programmes/innovationsveckan-demo?q={suffix}")
        expect(title in organiser.find_element(By.TAG_NAME, "main").text, "the approved activity is not in the public programme")
        screenshot(organiser, f"journey-organiser-{lang}-{width}")
    except Exception:
        screenshot(current, f"FAILED-organiser-{lang}-{width}")
        raise
    finally:
        for driver in (partner, organiser, moderator):
            driver.quit()


def programme_filters_days_and_my_programme(lang, width):
    """A visitor opens the programme week (folded filters on a phone), ticks two regions and a
    theme, reads the result day by day, opens an activity, signs in from it to save it, finds it
    in "my programme", subscribes to it as a calendar and takes it away again."""
    account = new_driver(width)
    visitor = new_driver(width)
    current = visitor
    try:
        current = account
        address = create_account(account, lang, "Vera Besökare", "visitor")
        current = visitor
        visitor.get(f"{BASE}/programmes/innovationsveckan-demo?lang={lang}")
        panel = visitor.find_element(By.CSS_SELECTOR, "details.filter-panel")
        summary = panel.find_element(By.TAG_NAME, "summary")
        expect(summary.text == SAID[lang]["filter"], f"the filter control says “{summary.text}”")
        # Folded on a phone, where the list comes first; open on a wide screen.
        expect((panel.get_attribute("open") is None) == (width == "phone"), f"the filter panel's open state is wrong at {width} width")
        if width == "phone":
            summary.click()
        total = int(visitor.find_element(By.CSS_SELECTOR, "main p[role=status] strong").text.split()[2])
        ticked = []
        for group, wanted in (("region", 2), ("theme", 1)):
            fold = visitor.find_element(By.XPATH, f"//details[contains(@class,'choice-group')][.//input[@name='{group}']]")
            fold.find_element(By.TAG_NAME, "summary").click()
            for box in fold.find_elements(By.CSS_SELECTOR, "input[type=checkbox]"):
                label = visitor.find_element(By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']")
                if len([b for b in ticked if b[0] == group]) < wanted and not label.text.endswith("(0)"):
                    visitor.execute_script("arguments[0].scrollIntoView({block: 'center'})", label)
                    label.click()
                    ticked.append((group, box.get_attribute("value")))
        screenshot(visitor, f"journey-programme-filters-{lang}-{width}")
        press(visitor, visitor.find_element(By.CSS_SELECTOR, ".filter-actions button[type=submit]"))
        summary = visitor.find_element(By.CSS_SELECTOR, "details.filter-panel > summary").text
        expect(summary == f"{SAID[lang]['filter']} (3)", f"after choosing three filters the control says “{summary}”")
        for group, value in ticked:
            expect(visitor.find_element(By.CSS_SELECTOR, f"input[name='{group}'][value='{value}']").is_selected(), f"{group} {value} is not ticked after filtering")
        shown = int(visitor.find_element(By.CSS_SELECTOR, "main p[role=status] strong").text.split()[0])
        expect(0 < shown < total, f"two regions and a theme show {shown} of {total} activities")

        press(visitor, visitor.find_element(By.LINK_TEXT, SAID[lang]["days"]))
        expect(visitor.find_elements(By.CSS_SELECTOR, ".day-tabs a[aria-current=page]"), "the timeline has no current day")
        counts = [int(re.search(r"\((\d+)\)", tab.text).group(1)) for tab in visitor.find_elements(By.CSS_SELECTOR, ".day-tabs a")]
        expect(sum(counts) == shown, f"the day tabs count {sum(counts)} activities, the list {shown}")
        screenshot(visitor, f"journey-programme-days-{lang}-{width}")
        links = visitor.find_elements(By.CSS_SELECTOR, ".timeline .slot-activities a")
        expect(links, "the current day of the timeline lists no activity")
        title = links[0].text
        press(visitor, links[0])
        expect(heading(visitor) == title, f"the timeline's link opens “{heading(visitor)}”")

        activity = visitor.current_url.split("?")[0]
        press(visitor, visitor.find_element(By.LINK_TEXT, SAID[lang]["save_sign_in"]))
        fill(visitor, "field-email", address)
        fill(visitor, "field-password", PASSWORD)
        press(visitor, visitor.find_element(By.CSS_SELECTOR, "form.form .form-actions button[type=submit]"))
        expect(visitor.current_url.split("?")[0] == activity, f"signing in from the activity ended on {visitor.current_url}")
        press(visitor, visitor.find_element(By.XPATH, f"//button[normalize-space()='{SAID[lang]['add']}']"))
        expect(SAID[lang]["in_programme"] in flash(visitor), f"after adding the page says “{flash(visitor)}”")

        visitor.get(f"{BASE}/account")
        press(visitor, visitor.find_element(By.LINK_TEXT, SAID[lang]["my_programme"]))
        expect(title in visitor.find_element(By.TAG_NAME, "main").text, "the starred activity is not in my programme")
        press(visitor, visitor.find_element(By.XPATH, f"//button[normalize-space()='{SAID[lang]['make_calendar']}']"))
        feed = visitor.find_element(By.ID, "calendar-url").get_attribute("value")
        with urllib.request.urlopen(feed) as response:
            calendar = response.read().decode().replace("\r\n ", "")
        expect(f"SUMMARY:{title}" in calendar.replace("\\,", ",").replace("\\;", ";"), f"the calendar of my programme lacks “{title}”")
        accessible = []
        check(visitor, f"journey-my-programme-{lang}-{width}", accessible)
        expect(all(accessible), "my programme has accessibility violations (listed above)")
        press(visitor, visitor.find_element(By.XPATH, f"//button[starts-with(normalize-space(), '{SAID[lang]['remove']}')]"))
        expect(SAID[lang]["empty"] in visitor.find_element(By.TAG_NAME, "main").text, "after removing the only activity my programme is not empty")
    except Exception:
        screenshot(current, f"FAILED-programme-{lang}-{width}")
        raise
    finally:
        visitor.quit()
        account.quit()


def organisation_publishes_event_moderator_unpublishes(lang, width):
    """A member registers their organisation and publishes an event for it from its page; it is
    public at once. A moderator unpublishes it with a reason; the organiser reads the reason in
    the mail and on the event's page, and visitors no longer find it."""
    organiser = new_driver(width)
    moderator = new_driver(width)
    current = organiser
    suffix = uuid.uuid4().hex[:6]
    title = f"Öppet hus {lang} {width} {suffix}"
    try:
        address = create_account(organiser, lang, "Olga Organisation", "publisher")
        register_organisation(organiser, f"Föreningen Öppet {suffix}", "civil_society", "1480")
        press(organiser, organiser.find_element(By.LINK_TEXT, SAID[lang]["new_event"]))
        fill(organiser, "field-title", title)
        fill(organiser, "field-excerpt", "Kom och träffa oss.")
        fill(organiser, "field-body", "Vi visar vad vi gör.\n\nFika finns.")
        set_datetime(organiser, "field-startsAt", demo_week_wednesday() + "T17:00")
        Select(organiser.find_element(By.ID, "field-format")).select_by_value("physical")
        fill(organiser, "field-placeName", "Föreningshuset")
        Select(organiser.find_element(By.ID, "field-municipalityCode")).select_by_value("1480")
        submit(organiser)
        expect(not organiser.find_elements(By.CSS_SELECTOR, ".error-summary"),
               "publishing gave errors: " + " | ".join(e.text for e in organiser.find_elements(By.CSS_SELECTOR, ".error-summary")))
        expect(heading(organiser) == title, f"after publishing the page is “{heading(organiser)}”")
        event_path = organiser.current_url.split("?")[0][len(BASE):]
        with urllib.request.urlopen(f"{BASE}/events?lang={lang}") as response:
            expect(title in response.read().decode(), "the published event is not in the public list of events")

        current = moderator
        sign_in(moderator, ADMIN)
        moderator.get(f"{BASE}{event_path}?lang={lang}")
        moderator.find_element(By.CSS_SELECTOR, "details.moderation summary").click()
        moderator.find_element(By.ID, "unpublish-reason").send_keys("Det saknas en adress.\nLägg till den, så publicerar vi igen.")
        press(moderator, moderator.find_element(By.CSS_SELECTOR, "details.moderation button[type=submit]"))
        expect(title in flash(moderator), f"after unpublishing the moderator sees “{flash(moderator)}”")

        current = organiser
        told = mail_to(address, subject_has=(SAID[lang]["unpublished_subject"],))
        body = told.get_body(preferencelist=("plain",)).get_content()
        expect("Det saknas en adress." in body, f"the mail about unpublishing lacks the reason:\n{body}")
        organiser.get(mailed_link(told, "/events/"))
        main = organiser.find_element(By.TAG_NAME, "main").text
        expect(SAID[lang]["unpublished"] in main and "Det saknas en adress." in main, "the organiser does not see why the event was unpublished")
        accessible = []
        check(organiser, f"journey-unpublished-event-{lang}-{width}", accessible)
        expect(all(accessible), "the unpublished event's page has accessibility violations (listed above)")
        try:
            urllib.request.urlopen(f"{BASE}{event_path}")
            raise JourneyFailed("visitors still reach the unpublished event")
        except urllib.error.HTTPError as error:
            expect(error.code == 404, f"visitors get {error.code} for the unpublished event")
    except Exception:
        screenshot(current, f"FAILED-publishing-{lang}-{width}")
        raise
    finally:
        organiser.quit()
        moderator.quit()


def run():
    journeys = []
    for lang in ("sv", "en"):
        for width in WIDTHS:
            journeys.append((f"{lang}/{width}: a guest signs up and confirms by the mailed link", guest_signs_up_and_confirms, (lang, width)))
            journeys.append((f"{lang}/{width}: someone creates an account, confirms it by mail, signs up for an event, resets the password",
                             member_signs_up_confirms_and_registers, (lang, width)))
            journeys.append((f"{lang}/{width}: an admin saves an event and a programme unchanged, then with a new link", admin_saves_unchanged, (lang, width)))
            journeys.append((f"{lang}/{width}: an organiser submits with a partner who confirms; changes are asked for, made, and approved",
                             organiser_partner_and_review, (lang, width)))
            journeys.append((f"{lang}/{width}: a visitor filters the programme, reads it day by day, signs in to save an activity and subscribes to their programme",
                             programme_filters_days_and_my_programme, (lang, width)))
            journeys.append((f"{lang}/{width}: a member publishes an event for their organisation; a moderator unpublishes it and the member is told why",
                             organisation_publishes_event_moderator_unpublishes, (lang, width)))
    journeys.append(("sv/desktop, keyboard only: a guest signs up and confirms", guest_signs_up_and_confirms, ("sv", "desktop", True)))
    journeys.append(("en/phone, JavaScript off: an admin saves unchanged", admin_saves_unchanged, ("en", "phone", False)))

    passed = failed = 0
    for name, journey, arguments in journeys:
        try:
            journey(*arguments)
            print(f"ok   {name}")
            passed += 1
        except Exception as error:  # a journey that breaks for any reason has failed
            print(f"FAIL {name}: {error}")
            if not isinstance(error, JourneyFailed):
                traceback.print_exc()
            failed += 1
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(run())
