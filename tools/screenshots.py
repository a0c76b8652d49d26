"""The Thai guides' screenshots (docs/images/), remade from the running app: `make screenshots`.

Starts the app as the browser tests do (a fresh SQLite file in a temporary folder, migrations,
default lists, the shipped bank), creates the demo seminar (its pre-test open, fifty simulated
people who took both tests) and three people still answering, then photographs in Debian's
Chromium, in Thai: a participant's phone (390 px wide), the trainer's event page on a phone,
the projector's join screen (1280x720) and HR's report. Each PNG is reduced to a small palette
so the guides stay light.
"""

from __future__ import annotations

import re
import secrets
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.live import CHROMIUM, CHROMIUM_ARGS, build_app, serving  # noqa: E402

IMAGES = ROOT / "docs" / "images"
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 1,
         "is_mobile": True, "has_touch": True, "locale": "th-TH"}
PROJECTOR = {"viewport": {"width": 1280, "height": 720}, "locale": "th-TH"}
DESKTOP = {"viewport": {"width": 1280, "height": 900}, "locale": "th-TH"}
#: the staff accounts exist only in the throwaway database the screenshots are taken from
PASSWORD = secrets.token_urlsafe(16)
#: people the demo shows still answering the pre-test, with how many questions they answered
ANSWERING = (("ปรีชา มั่นคง", 3), ("อรุณี แสงทอง", 12), ("ธีระ ศรีสวัสดิ์", 25))


def prepare(app) -> str:
    """The demo seminar, its staff accounts and three people mid-test; returns its join code."""
    from assessment.auth.operations import create_user
    from assessment.banks.operations import bank_of
    from assessment.demo import create_demo_event
    from assessment.extensions import db
    from assessment.quizzes import operations as ops
    from tests.helpers import first_codes

    with app.app_context():
        event = create_demo_event(people=50, seed=7)
        owner = create_user("trainer", "trainer", PASSWORD)
        create_user("hr", "hr", PASSWORD)
        event.owner_id = owner.id
        db.session.commit()
        bank = bank_of(event.bank_version)
        department, level = first_codes()
        for name, answered in ANSWERING:
            attempt = ops.start_attempt(
                ops.identify_by_name(event, name, department, level), event.open_phase)
            single = [q for q in bank.questions if q.type == "single"][:answered]
            ops.save_answers(attempt, {q.id: q.options[0].id for q in single})
        code = event.code
        db.session.remove()
    return code


def log_in(page, url: str, username: str, next_path: str) -> None:
    page.goto(f"{url}/staff/login?next={next_path}")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"**{next_path}")


def shoot(page, name: str, element: str | None = None) -> None:
    """A PNG of the viewport (or of one element), reduced to a small palette."""
    from PIL import Image

    page.evaluate("document.fonts.ready.then(() => true)")
    path = IMAGES / f"{name}.png"
    if element:
        page.locator(element).screenshot(path=str(path))
    else:
        page.screenshot(path=str(path))
    with Image.open(path) as image:
        image.convert("RGB").quantize(colors=64).save(path, optimize=True)
    print(f"{path}: {path.stat().st_size // 1024} KB")


def participant(browser, url: str, code: str) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{url}/j/{code}")
    shoot(page, "participant-join")
    page.fill("#name", "มะลิ ใจงาม")
    page.select_option("#department", index=1)
    page.select_option("#level", index=1)
    page.locator("form button.primary").click()
    page.wait_for_url(re.compile(rf"/j/{code}/quiz$"))
    page.locator(".question .choice").first.click()
    page.locator(".save-state").first.wait_for(state="visible")
    shoot(page, "participant-quiz")
    page.goto(f"{url}/j/{code}/confirm")
    shoot(page, "participant-confirm")
    context.close()


def trainer(browser, url: str, code: str) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    log_in(page, url, "trainer", f"/staff/events/{code}")
    shoot(page, "trainer-event")
    shoot(page, "trainer-still-answering", ".still-answering")
    context.close()
    context = browser.new_context(**PROJECTOR)
    page = context.new_page()
    log_in(page, url, "trainer", f"/staff/events/{code}/screen")
    shoot(page, "trainer-join-screen")
    context.close()


def hr(browser, url: str, code: str) -> None:
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    log_in(page, url, "hr", f"/staff/reports/{code}")
    shoot(page, "hr-report")
    context.close()
    context = browser.new_context(**PHONE)
    page = context.new_page()
    log_in(page, url, "hr", f"/staff/reports/{code}")
    shoot(page, "hr-report-phone")
    context.close()


def main() -> None:
    """`--width 320 --out DIR` photographs the phone pages at another width elsewhere (to look
    at, not for the guides)."""
    import argparse

    from playwright.sync_api import sync_playwright

    global IMAGES
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=390, help="phone width in CSS px")
    parser.add_argument("--out", type=Path, default=IMAGES, help="folder for the PNGs")
    arguments = parser.parse_args()
    PHONE["viewport"]["width"], IMAGES = arguments.width, arguments.out.resolve()
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        app, _ = build_app(Path(folder) / "screenshots.sqlite")
        code = prepare(app)
        with serving(app) as (url, _server), sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            participant(browser, url, code)
            trainer(browser, url, code)
            hr(browser, url, code)
            browser.close()
        with app.app_context():
            from assessment.extensions import db

            db.engine.dispose()


if __name__ == "__main__":
    main()
