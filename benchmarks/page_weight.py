"""Page weight of the participant's pages on a first visit, as a phone on the seminar Wi-Fi sees it.

Run on demand (`make bench`), not by the test suite. Starts the app as the browser tests do (a
fresh SQLite file in a temporary folder, migrations, default lists, the shipped bank) on
127.0.0.1, then loads each participant page in Debian's Chromium shaped like an iPhone 13, every
page in a new browser context (an empty cache) that carries only the session cookie of the steps
before it. Per page: requests, bytes as served (headers and body; the app does not compress),
raw body bytes, the body gzip-compressed with Python's gzip module (level 6, what a compressing
proxy would typically send), and the same without font files. The budget in PRODUCT.md is
"40 KB compressed on first load, the font apart": pages over 40 KB (40,960 bytes) of gzipped
bodies, fonts excluded, are flagged.

Loopback only: any request to another host is aborted and reported. Output: a table on stdout
and benchmarks/results/page_weight.md.
"""

from __future__ import annotations

import gzip
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.live import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    LiveServer,
    build_app,
    phone_options,
    serving,
)

RESULTS = ROOT / "benchmarks" / "results" / "page_weight.md"
BUDGET = 40 * 1024  # bytes of gzip-compressed bodies on a first load, fonts excluded
GZIP_LEVEL = 6
TIMEOUT_MS = 15_000
FONT_SUFFIXES = (".woff2", ".woff", ".ttf", ".otf")


@dataclass
class Resource:
    path: str
    content_type: str
    status: int
    served: int  # headers + body as they crossed the wire
    raw: int  # body bytes
    gzipped: int  # body gzip-compressed here

    @property
    def is_font(self) -> bool:
        return self.path.endswith(FONT_SUFFIXES) or self.content_type.startswith("font/")


@dataclass
class PageWeight:
    name: str
    path: str  # with the event's join code replaced by CODE (it is random)
    resources: list[Resource] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def total(self, attribute: str, fonts: bool = True) -> int:
        return sum(getattr(r, attribute) for r in self.resources if fonts or not r.is_font)

    @property
    def over_budget(self) -> bool:
        return self.total("gzipped", fonts=False) > BUDGET or bool(self.blocked)


def gzip_size(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0))


def measure(browser, playwright, server_url: str, name: str, path: str, state,
            code: str) -> PageWeight:
    """Load one page in a fresh context (empty cache) with the given cookies; weigh every
    response it needed until the network was idle."""
    weight = PageWeight(name, path.replace(code, "CODE"))
    context = browser.new_context(**phone_options(playwright, storage_state=state))
    context.set_default_timeout(TIMEOUT_MS)
    host = urlsplit(server_url).netloc

    def loopback_only(route):
        if urlsplit(route.request.url).netloc == host or route.request.url.startswith("data:"):
            route.continue_()
        else:
            weight.blocked.append(route.request.url)
            route.abort()

    context.route("**/*", loopback_only)
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    try:
        page.goto(server_url + path, wait_until="networkidle", timeout=TIMEOUT_MS)
        page.evaluate("document.fonts.ready.then(() => true)")
        page.wait_for_load_state("networkidle")
        for request in finished:
            if request.url.startswith("data:"):
                continue
            response = request.response()
            body = response.body() if response else b""
            sizes = request.sizes()
            weight.resources.append(Resource(
                path=urlsplit(request.url).path.replace(code, "CODE"),
                content_type=(response.headers.get("content-type", "") if response else ""),
                status=response.status if response else 0,
                served=sizes["responseHeadersSize"] + sizes["responseBodySize"],
                raw=len(body),
                gzipped=gzip_size(body),
            ))
    finally:
        context.close()
    weight.resources.sort(key=lambda r: (r.path != weight.path, r.path))  # the page first
    weight.blocked.sort()
    return weight


def identify(page, server_url: str, code: str, name: str) -> None:
    page.goto(f"{server_url}/j/{code}")
    page.fill("#name", name)
    page.select_option("#department", index=1)
    page.select_option("#level", index=1)
    page.locator("form button.primary").click()
    page.wait_for_url(f"{server_url}/j/{code}/quiz")


def run() -> list[PageWeight]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="page-weight-") as folder:
        app, version_id = build_app(Path(folder) / "bench.sqlite")
        with serving(app) as (url, server), sync_playwright() as playwright:
            live = LiveServer(url=url, app=app, bank_version_id=version_id, server=server)
            code = live.make_event()
            later = live.make_event(open_kind=None)
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            weights = []
            try:
                driver = browser.new_context(**phone_options(playwright))
                driver.set_default_timeout(TIMEOUT_MS)
                page = driver.new_page()

                def weigh(name, path, event_code=code):
                    weights.append(measure(browser, playwright, url, name, path,
                                           driver.storage_state(), event_code))

                weigh("home", "/")
                weigh("join", f"/j/{code}")
                identify(page, url, code, "สมชาย ใจดี")
                weigh("quiz", f"/j/{code}/quiz")
                page.goto(f"{url}/j/{code}/confirm")
                weigh("confirm", f"/j/{code}/confirm")
                page.locator("form button.primary").click()
                page.wait_for_url(f"{url}/j/{code}/result")
                weigh("result", f"/j/{code}/result")
                identify(page, url, later, "สมชาย ใจดี")
                weigh("waiting", f"/j/{later}/quiz", later)
                driver.close()
            finally:
                browser.close()
            with app.app_context():
                from assessment.extensions import db

                db.engine.dispose()
    return weights


def kb(size: int) -> str:
    return f"{size / 1024:.1f}"


def report(weights: list[PageWeight]) -> str:
    lines = [
        "# Page weight: participant pages, first load (empty cache)",
        "",
        "`make bench` (benchmarks/page_weight.py): Chromium as an iPhone 13 in Thai, app on "
        "127.0.0.1. KB = 1,024 bytes. *Served* is headers plus body as the app sends them "
        "(uncompressed); *gzip* compresses each body with Python's gzip (level "
        f"{GZIP_LEVEL}). Budget: {kb(BUDGET)} KB gzip on first load, fonts apart.",
        "",
        "| page | requests | served KB | served KB without fonts | raw body KB | gzip KB "
        "| fonts KB (raw) | gzip KB without fonts | budget (gzip, fonts apart) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for w in weights:
        fonts = sum(r.raw for r in w.resources if r.is_font)
        verdict = "OVER" if w.over_budget else "ok"
        if w.blocked:
            verdict += f" ({len(w.blocked)} outside requests blocked)"
        lines.append(
            f"| {w.name} | {len(w.resources)} | {kb(w.total('served'))} "
            f"| {kb(w.total('served', fonts=False))} | {kb(w.total('raw'))} "
            f"| {kb(w.total('gzipped'))} | {kb(fonts)} | {kb(w.total('gzipped', fonts=False))} "
            f"| {verdict} |")
    lines += ["", "## Responses per page", ""]
    for w in weights:
        parts = ", ".join(
            f"`{r.path}` {r.status} {kb(r.raw)}→{kb(r.gzipped)}" for r in w.resources)
        lines.append(f"- **{w.name}** (`{w.path}`): {parts}")
        for url in w.blocked:
            lines.append(f"  - blocked outside request: {url}")
    over = [w.name for w in weights if w.over_budget]
    lines += ["", f"**Over budget: {', '.join(over)}**" if over
              else "Every page is within budget (gzip, fonts apart)."]
    uncompressed = [f"{w.name} ({kb(w.total('served', fonts=False))} KB)" for w in weights
                    if w.total("served", fonts=False) > BUDGET]
    if uncompressed:
        lines += ["", "As served today (no compression) these pages are over "
                  f"{kb(BUDGET)} KB without fonts: {', '.join(uncompressed)}; "
                  "the budget holds only with gzip on (a compressing proxy or middleware)."]
    return "\n".join(lines) + "\n"


def main() -> int:
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing (apt-get install chromium)", file=sys.stderr)
        return 2
    text = report(run())
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")
    print(text)
    print(f"written to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
