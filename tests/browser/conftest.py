"""Playwright fixtures: the app served on loopback, Debian's Chromium, an iPhone-sized Thai phone.

    live_server (session)  the app on a fresh SQLite file, migrated, lists seeded, shipped bank
                           loaded, served by werkzeug in a thread; `.url`, `.app`, `.make_event()`
    browser     (session)  headless Chromium from /usr/bin/chromium (never `playwright install`)
    phone       (function) a context like an iPhone 13, in Thai (`locale="th-TH"`)
    page        (function) a page in `phone`

Screenshots go to test-artifacts/screenshots/ (`screenshot_dir`; git-ignored).
Mark tests that use these with `@pytest.mark.browser`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.live import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    LiveServer,
    build_app,
    phone_options,
    serving,
)

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session")
def live_server(tmp_path_factory) -> Iterator[LiveServer]:
    """The app served for real on loopback, on its own fresh SQLite database."""
    database = tmp_path_factory.mktemp("live-server") / "browser.sqlite"
    app, version_id = build_app(database)
    with serving(app) as (url, server):
        yield LiveServer(url=url, app=app, bank_version_id=version_id, server=server)
    with app.app_context():
        from assessment.extensions import db

        db.engine.dispose()


#: how long an `expect(...)` waits for what it checks (Playwright's own default is 5 s, which
#: a "saved" mark missed once when CI shared the two cores with a server and a browser walk)
EXPECT_TIMEOUT_MS = 15_000


@pytest.fixture(scope="session")
def playwright_instance():
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=EXPECT_TIMEOUT_MS)
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_instance):
    """Debian's Chromium, headless."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def phone(browser, playwright_instance):
    """A fresh browser context shaped like an iPhone 13, Thai locale, empty storage."""
    context = browser.new_context(**phone_options(playwright_instance))
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(phone):
    """A page on the phone."""
    return phone.new_page()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
