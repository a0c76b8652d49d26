"""Journey 4 in real Chromium on an iPhone-sized screen in Thai: join, identify, answer every
question type, lose the connection and get it back without losing an answer, submit once,
and nothing a stale tab does changes the result. Also small screens, no JavaScript, the font."""

from __future__ import annotations

import re
import time
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from tests.browser.live import phone_options

pytestmark = pytest.mark.browser

THAI = re.compile(r"[\u0E00-\u0E7F]")
PERCENT = re.compile(r"\d+%")
RATING = "4"


# ---------------------------------------------------------------------------------------------
# the bank and the database, read through the live server's app


def bank_questions(live_server):
    """The shipped bank's questions, in bank order."""
    from assessment.banks.models import BankVersion
    from assessment.banks.operations import bank_of
    from assessment.extensions import db

    with live_server.app_context():
        return list(bank_of(db.session.get(BankVersion, live_server.bank_version_id)).questions)


def attempt_state(live_server, code: str) -> dict | None:
    """The event's only attempt: status, submitted_at, score and answers (None if no attempt)."""
    from assessment.events.models import Event
    from assessment.extensions import db
    from assessment.quizzes.models import Attempt, Participant

    with live_server.app_context():
        attempt = db.session.scalars(
            select(Attempt).join(Participant).join(Event).where(Event.code == code)).first()
        if attempt is None:
            return None
        return {
            "id": attempt.id, "status": attempt.status, "submitted_at": attempt.submitted_at,
            "score": attempt.score, "max_score": attempt.max_score,
            "answers": {a.question_key: a.value for a in attempt.answers if a.value is not None},
        }


def wait_until(page: Page, condition, timeout: float = 10.0, message: str = "condition"):
    """Poll `condition()` until it returns something true; fail after `timeout` seconds.
    Waits through the page (never time.sleep), so Playwright keeps dispatching its events."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {message}")
        page.wait_for_timeout(100)


def form_values(question) -> list[str]:
    """What a participant who knows the answer picks or types, as form strings."""
    if question.type in ("single", "multiple"):
        return [o.id for o in question.options if o.correct]
    if question.type == "true_false":
        return ["true" if question.answer else "false"]
    if question.type == "short_text":
        return [question.accept[0]]
    if question.type == "numeric":
        return [f"{question.answer:g}"]
    return [RATING]


def stored(question, values: list[str]):
    """The value the server stores for these form strings."""
    if question.type == "single":
        return values[0]
    if question.type == "multiple":
        return [o.id for o in question.options if o.id in values]
    if question.type == "true_false":
        return values[0] == "true"
    if question.type == "rating":
        return int(values[0])
    return values[0]


# ---------------------------------------------------------------------------------------------
# the participant's gestures


def shoot(page: Page, screenshot_dir, name: str, full_page: bool = True) -> None:
    """A screenshot in CSS pixels: the whole page, or what the phone's screen shows now."""
    page.screenshot(path=str(screenshot_dir / f"{name}.png"), full_page=full_page, scale="css")


def join(page: Page, live_server, code: str, screenshot_dir=None, prefix="phone",
         name="สมชาย ใจดี") -> None:
    """Open the join link, read the privacy notice, identify; ends on the quiz page."""
    page.goto(f"{live_server.url}/j/{code}")
    notice = page.locator("section.privacy")
    expect(notice).to_be_visible()
    expect(notice.locator("#privacy-title")).to_have_text(THAI)
    assert notice.locator("dt").count() >= 4 and notice.locator("dd").count() >= 4
    if screenshot_dir:
        shoot(page, screenshot_dir, f"{prefix}-1-join")
    page.fill("#name", name)
    page.select_option("#department", index=1)
    page.select_option("#level", index=1)
    page.locator("form button.primary").click()
    expect(page).to_have_url(re.compile(rf"/j/{code}/quiz$"))


def fieldset(page: Page, question_id: str):
    return page.locator(f"#question-{question_id}")


def answer(page: Page, question, values: list[str]) -> None:
    """Tap the choices (their labels, as a thumb would) or type the text."""
    box = fieldset(page, question.id)
    if question.type in ("short_text", "numeric"):
        box.locator("input[type=text]").fill(values[0])
        return
    if question.type == "multiple":  # untick what is not wanted, then tick what is
        for checkbox in box.locator("input[type=checkbox]:checked").all():
            if checkbox.get_attribute("value") not in values:
                box.locator("label.choice", has=checkbox).click()
    for value in values:
        choice = box.locator("label.choice", has=page.locator(f'input[value="{value}"]'))
        if not choice.locator("input").is_checked():
            choice.click()


def expect_shown(page: Page, question, values: list[str]) -> None:
    """The page shows this answer as given."""
    box = fieldset(page, question.id)
    if question.type in ("short_text", "numeric"):
        expect(box.locator("input[type=text]")).to_have_value(values[0])
        return
    for choice in box.locator("input").all():
        if choice.get_attribute("value") in values:
            expect(choice).to_be_checked()
        else:
            expect(choice).not_to_be_checked()


def save_state(page: Page, question_id: str):
    return fieldset(page, question_id).locator(".save-state")


def quiz_text(page: Page, key: str) -> str:
    """One of the quiz form's data-text-* messages (already in the page's language)."""
    return page.locator("form#quiz").get_attribute(f"data-text-{key}")


# ---------------------------------------------------------------------------------------------
# the journey


def test_phone_journey_offline_reconnect_reload_second_tab_submit_once(
        live_server, phone, page, screenshot_dir):
    code = live_server.make_event()
    questions = bank_questions(live_server)
    assert {q.type for q in questions} >= {"single", "multiple", "true_false", "short_text",
                                          "numeric", "rating"}, "the shipped bank lost a type"
    join(page, live_server, code, screenshot_dir)
    assert THAI.search(page.locator("h1").inner_text())

    # online: the first question of every type, each showing "saved"
    online = [next(q for q in questions if q.type == kind) for kind in
              dict.fromkeys(q.type for q in questions)]
    given = {}
    for question in online:
        given[question.id] = form_values(question)
        answer(page, question, given[question.id])
        expect(save_state(page, question.id)).to_have_class(re.compile(r"\bsaved\b"))
        expect(save_state(page, question.id)).to_have_text(quiz_text(page, "saved"))
    expect(page.locator("#progress-text")).to_contain_text(str(len(online)))
    state = attempt_state(live_server, code)
    assert state["answers"] == {q.id: stored(q, given[q.id]) for q in online}
    shoot(page, screenshot_dir, "phone-2-quiz-full")
    fieldset(page, online[0].id).scroll_into_view_if_needed()
    shoot(page, screenshot_dir, "phone-2-quiz", full_page=False)

    # offline: one more answer (an unanswered question, or a changed choice) is kept on the phone
    later = next((q for q in questions if q.id not in given), None)
    if later is None:
        later = next(q for q in questions if q.type == "single")
        other = next(o.id for o in later.options if o.id not in given[later.id])
        given[later.id] = [other]
    else:
        given[later.id] = form_values(later)
    phone.set_offline(True)
    answer(page, later, given[later.id])
    expect(save_state(page, later.id)).to_have_class(re.compile(r"\bfailed\b"))
    expect(save_state(page, later.id)).to_have_text(quiz_text(page, "failed"))
    assert THAI.search(quiz_text(page, "failed"))
    banner = page.locator("#connection")
    expect(banner).to_be_visible()
    expect(banner).to_have_class(re.compile(r"\boffline\b"))
    expect(banner).to_have_text(quiz_text(page, "offline"))
    queued = page.evaluate("(id) => JSON.parse(localStorage.getItem('unsent-answers-' + id))",
                           str(state["id"]))
    assert queued == {later.id: given[later.id]}
    assert attempt_state(live_server, code)["answers"].get(later.id) != stored(later,
                                                                              given[later.id])
    page.evaluate("(id) => document.getElementById('question-' + id).scrollIntoView()", later.id)
    shoot(page, screenshot_dir, "phone-3-offline", full_page=False)

    # back online: the queued answer is sent by itself
    phone.set_offline(False)
    expect(save_state(page, later.id)).to_have_class(re.compile(r"\bsaved\b"), timeout=15_000)
    wait_until(page, lambda: attempt_state(live_server, code)["answers"].get(later.id)
               == stored(later, given[later.id]), message="the queued answer in the database")
    expect(banner).not_to_have_class(re.compile(r"\boffline\b"))
    assert page.evaluate("(id) => localStorage.getItem('unsent-answers-' + id)",
                         str(state["id"])) in ("{}", None)

    # reload: every answer is still there
    page.reload()
    by_id = {q.id: q for q in questions}
    for qid, values in given.items():
        expect_shown(page, by_id[qid], values)

    # a second tab in the same browser shows the same answers
    second = phone.new_page()
    second.goto(f"{live_server.url}/j/{code}/quiz")
    for qid, values in given.items():
        expect_shown(second, by_id[qid], values)

    # submit: button -> confirmation -> "Yes, submit now" -> result with a percentage
    page.locator("button[name=action][value=submit]").click()
    expect(page).to_have_url(re.compile(rf"/j/{code}/confirm$"))
    confirm_button = page.locator("form button.primary")
    expect(confirm_button).to_be_visible()
    shoot(page, screenshot_dir, "phone-4-confirm")
    stale_confirm = phone.new_page()  # the same confirmation in a third tab, tapped later
    stale_confirm.goto(f"{live_server.url}/j/{code}/confirm")
    confirm_button.click()
    expect(page).to_have_url(re.compile(rf"/j/{code}/result$"))
    expect(page.locator(".score .big")).to_have_text(PERCENT)
    shoot(page, screenshot_dir, "phone-5-result")
    submitted = attempt_state(live_server, code)
    assert submitted["status"] == "submitted" and submitted["submitted_at"] is not None
    assert submitted["answers"] == {qid: stored(by_id[qid], v) for qid, v in given.items()}
    shown = int(page.locator(".score .big").inner_text().rstrip("%"))
    assert shown == round(100 * submitted["score"] / submitted["max_score"])

    # the stale confirmation tapped again: a plain message, nothing changes
    stale_confirm.locator("form button.primary").click()
    expect(stale_confirm).to_have_url(re.compile(rf"/j/{code}/result$"))
    expect(stale_confirm.locator("p.notice")).to_have_text(THAI)
    assert attempt_state(live_server, code) == submitted

    # the stale quiz tab changes an answer: a plain message, nothing changes
    messages = []
    second.on("dialog", lambda dialog: (messages.append(dialog.message), dialog.accept()))
    single = next(q for q in questions if q.type == "single")
    answer(second, single, [next(o.id for o in single.options if [o.id] != given[single.id])])
    wait_until(second, lambda: messages, message="the already-submitted message")
    assert THAI.search(messages[0])
    expect(second).to_have_url(re.compile(rf"/j/{code}/result$"))
    assert attempt_state(live_server, code) == submitted
    for tab in (second, stale_confirm):
        tab.close()


def test_stale_quiz_tab_submit_after_submitting_says_so_plainly(live_server, phone, page):
    code = live_server.make_event()
    join(page, live_server, code)
    stale = phone.new_page()
    stale.goto(f"{live_server.url}/j/{code}/quiz")
    page.locator("button[name=action][value=submit]").click()
    page.locator("form button.primary").click()
    expect(page).to_have_url(re.compile(rf"/j/{code}/result$"))
    submitted = attempt_state(live_server, code)

    stale.locator("button[name=action][value=submit]").click()
    expect(stale).to_have_url(re.compile(rf"/j/{code}/(result|confirm)$"))
    assert attempt_state(live_server, code) == submitted
    expect(stale.locator("p.notice")).to_have_text(THAI, timeout=2_000)


def test_leaving_a_typed_answer_sends_it_once(live_server, phone, page):
    code = live_server.make_event()
    join(page, live_server, code)
    saves = []
    page.on("request", lambda request: saves.append(request.post_data or "")
            if request.url.endswith("/save") else None)
    typed = next(q for q in bank_questions(live_server) if q.type == "short_text")
    answer(page, typed, ["IoT"])
    expect(save_state(page, typed.id)).to_have_class(re.compile(r"\bsaved\b"))
    chosen = next(q for q in bank_questions(live_server) if q.type == "single")
    answer(page, chosen, [chosen.options[0].id])  # the text box loses focus: "change" fires
    expect(save_state(page, chosen.id)).to_have_class(re.compile(r"\bsaved\b"))
    page.wait_for_timeout(1000)  # a second save of the text would be sent within 700 ms
    assert sum(f"question={typed.id}" in body for body in saves) == 1
    assert len(saves) == 2


# ---------------------------------------------------------------------------------------------
# small screens, labels, tap targets

NARROW = {"width": 320, "height": 640}

UNLABELLED = """() => {
  const visible = (el) => { const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
  const named = (el) => (el.labels && [...el.labels].some(l => l.textContent.trim()))
    || (el.getAttribute('aria-label') || '').trim() || el.getAttribute('aria-labelledby');
  const bad = [];
  document.querySelectorAll('input:not([type=hidden]), select, textarea').forEach((el) => {
    if (visible(el) && !named(el)) { bad.push(el.outerHTML.slice(0, 120)); } });
  document.querySelectorAll('button, a.button').forEach((el) => {
    if (visible(el) && !(el.textContent.trim() || (el.getAttribute('aria-label') || '').trim())) {
      bad.push(el.outerHTML.slice(0, 120)); } });
  return bad;
}"""


def check_small_screen(page: Page, where: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW["width"], f"{where}: scrolls sideways ({width}px wide)"
    assert page.evaluate(UNLABELLED) == [], f"{where}: controls without a label"
    targets = page.locator("label.choice, button, a.button, input[type=text], select")
    for target in targets.all():
        if not target.is_visible():
            continue
        box = target.bounding_box()
        assert box and box["height"] >= 44, (
            f"{where}: tap target {target.evaluate('e => e.outerHTML.slice(0, 100)')} is "
            f"{box and box['height']}px tall")
        assert box["x"] >= 0 and box["x"] + box["width"] <= NARROW["width"] + 0.5, (
            f"{where}: {target.evaluate('e => e.outerHTML.slice(0, 100)')} sticks out")


def test_320px_wide_no_sideways_scroll_every_control_labelled_big_tap_targets(
        live_server, browser, playwright_instance, screenshot_dir):
    code = live_server.make_event()
    context = browser.new_context(**phone_options(
        playwright_instance, viewport=NARROW, screen=NARROW))
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/")
        check_small_screen(page, "home")
        page.goto(f"{live_server.url}/j/{code}")
        check_small_screen(page, "join")
        join(page, live_server, code)
        check_small_screen(page, "quiz")
        shoot(page, screenshot_dir, "narrow-320-quiz")
        page.locator("button[name=action][value=submit]").click()
        check_small_screen(page, "confirm")
        page.locator("form button.primary").click()
        expect(page).to_have_url(re.compile(r"/result$"))
        check_small_screen(page, "result")
        shoot(page, screenshot_dir, "narrow-320-result")
        waiting = live_server.make_event(open_kind=None)
        join(page, live_server, waiting, name="มาลี ทองคำ")  # no test open: the waiting page
        expect(page.locator("meta[http-equiv=refresh]")).to_have_count(1)
        check_small_screen(page, "waiting")
    finally:
        context.close()


# ---------------------------------------------------------------------------------------------
# without JavaScript


def test_without_javascript_plain_form_saves_and_submits(
        live_server, browser, playwright_instance, screenshot_dir):
    code = live_server.make_event()
    questions = bank_questions(live_server)
    context = browser.new_context(**phone_options(playwright_instance, java_script_enabled=False))
    page = context.new_page()
    try:
        join(page, live_server, code)
        given = {q.id: form_values(q) for q in questions}
        for question in questions:
            answer(page, question, given[question.id])
        page.locator("button[name=action][value=save]").click()
        expect(page).to_have_url(re.compile(rf"/j/{code}/quiz$"))
        expect(page.locator("p.notice")).to_have_text(THAI)
        state = attempt_state(live_server, code)
        assert state["answers"] == {q.id: stored(q, given[q.id]) for q in questions}
        for question in questions:
            expect_shown(page, question, given[question.id])
        shoot(page, screenshot_dir, "nojs-1-saved")

        page.locator("button[name=action][value=submit]").click()
        expect(page).to_have_url(re.compile(rf"/j/{code}/confirm$"))
        page.locator("form button.primary").click()
        expect(page).to_have_url(re.compile(rf"/j/{code}/result$"))
        expect(page.locator(".score .big")).to_have_text("100%")
        shoot(page, screenshot_dir, "nojs-2-result")
        state = attempt_state(live_server, code)
        assert state["status"] == "submitted" and state["score"] == state["max_score"]
    finally:
        context.close()


# ---------------------------------------------------------------------------------------------
# the self-hosted font, and nothing from outside the server


def test_self_hosted_sarabun_and_no_request_leaves_the_server(live_server, phone, page):
    code = live_server.make_event()
    requests, failures = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: response.status >= 400 and failures.append(
        f"{response.status} {response.url}"))
    page.goto(f"{live_server.url}/")
    join(page, live_server, code)
    # the page loads its faces as it lays out text: wait until it has (fails after the timeout)
    page.wait_for_function("document.fonts.check('16px Sarabun', 'ทดสอบ')")
    loaded = page.evaluate("""() => [...document.fonts]
        .filter(f => f.family.replace(/"/g, '') === 'Sarabun' && f.status === 'loaded')
        .map(f => f.weight)""")
    assert "400" in loaded, f"Sarabun regular not loaded: {loaded}"
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert family.split(",")[0].strip().strip('"') == "Sarabun"

    page.locator("button[name=action][value=submit]").click()
    page.locator("form button.primary").click()
    expect(page).to_have_url(re.compile(r"/result$"))
    page.wait_for_function("document.fonts.check('700 48px Sarabun', '0123456789%')")

    hosts = {urlsplit(url).hostname for url in requests if not url.startswith("data:")}
    assert hosts == {"127.0.0.1"}, f"requests left the server: {sorted(hosts)}"
    assert any("/static/fonts/sarabun-400.woff2" in url for url in requests)
    assert failures == []  # e.g. no /favicon.ico 404 on every first visit
