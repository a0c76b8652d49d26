"""The trainer's bank pages: upload or paste, problems beside their lines, preview, save,
list, download, GIFT and Aiken import; who may reach them; CSRF on every form."""

from __future__ import annotations

import base64
import html as html_module
import io
import re

import pytest
from markupsafe import escape
from sqlalchemy import func, select

from assessment.banks.models import BankVersion
from assessment.banks.validation import check_bank_file
from assessment.extensions import db
from tests.helpers import DATA, SHIPPED_BANK, csrf_from, make_event
from tests.helpers_staff import login

BAD_BANK = DATA / "banks" / "bad" / "undeclared-topic.yaml"
ONE_LANGUAGE = DATA / "banks" / "good" / "one-language.yaml"
IMPORTS = DATA / "banks" / "import"
#: the shipped bank, read so the tests follow its version and questions
SHIPPED = check_bank_file(SHIPPED_BANK).bank
V, COUNT, FIRST = SHIPPED.version, len(SHIPPED.questions), SHIPPED.questions[0]
STORED = f"/staff/banks/smart-city-basics/v{V}"

#: (method, address) of every bank page; {key} and {version} are a stored bank's
BANK_PAGES = (
    ("GET", "/staff/banks/"),
    ("GET", "/staff/banks/new"),
    ("POST", "/staff/banks/check/file"),
    ("POST", "/staff/banks/check/text"),
    ("POST", "/staff/banks/save"),
    ("GET", "/staff/banks/import"),
    ("POST", "/staff/banks/import"),
    ("GET", "/staff/banks/{key}/v{version}"),
    ("GET", "/staff/banks/{key}/v{version}/source.yaml"),
)


def stored_count() -> int:
    return db.session.scalar(select(func.count()).select_from(BankVersion))


def hidden(html: str, name: str) -> str:
    """A hidden field's value on a page (WTForms writes id, name, type, value)."""
    match = re.search(rf'name="{name}" type="hidden" value="([^"]*)"', html)
    assert match, f"no hidden {name} on the page"
    return match.group(1)


def in_english(client) -> None:
    client.get("/lang/en")


@pytest.fixture
def trainer(app):
    client = app.test_client()
    login(client, "trainer1", "trainer")
    return client


def token(client) -> str:
    return csrf_from(client.get("/staff/banks/new").get_data(as_text=True))


def upload(client, path, name=None):
    """Post a bank file to the check page, as the upload form does."""
    data = {"csrf_token": token(client),
            "file": (io.BytesIO(path.read_bytes()), name or path.name)}
    return client.post("/staff/banks/check/file", data=data, content_type="multipart/form-data")


def paste(client, text, filename=None):
    data = {"csrf_token": token(client), "source": text}
    if filename:
        data["filename"] = filename
    return client.post("/staff/banks/check/text", data=data)


def save(client, preview_html, despite_warnings=False):
    """Press "Save this version" on a preview page (ticking the box the warnings ask for)."""
    return client.post("/staff/banks/save", data={
        "csrf_token": hidden(preview_html, "csrf_token"),
        "filename": hidden(preview_html, "filename"),
        "content": hidden(preview_html, "content"),
        **({"despite_warnings": "y"} if despite_warnings else {})})


# -- upload, preview, save, list, download ------------------------------------------------------


def test_upload_good_bank_preview_save_list_and_download_the_same_bytes(trainer):
    in_english(trainer)
    preview = upload(trainer, SHIPPED_BANK)
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200
    assert "No problems found." in html and "Save this version" in html
    assert escape(FIRST.prompt["th"]) in html  # Thai column
    assert escape(FIRST.prompt["en"]) in html  # English column
    assert stored_count() == 0  # nothing saved by a check

    saved = save(trainer, html)
    assert saved.status_code == 302
    assert saved.location.endswith(STORED)
    assert stored_count() == 1
    page = trainer.get(saved.location).get_data(as_text=True)
    assert f"Saved: smart-city-basics version {V}, {COUNT} questions." in page

    listing = trainer.get("/staff/banks/").get_data(as_text=True)
    assert "smart-city-basics" in listing and f">{COUNT}<" in listing
    assert f"{STORED}/source.yaml" in listing

    download = trainer.get(f"{STORED}/source.yaml")
    assert download.status_code == 200
    assert download.headers["Content-Type"] == "text/yaml; charset=utf-8"
    assert download.headers["Content-Disposition"] == (
        f'attachment; filename="smart-city-basics-v{V}.yaml"')
    assert download.data == SHIPPED_BANK.read_bytes()


def test_bad_bank_shows_each_problem_under_its_line_and_saves_nothing(trainer):
    in_english(trainer)
    response = upload(trainer, BAD_BANK, "ธนาคารข้อสอบ.yaml")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "1 problem: nothing was saved" in html
    # the CLI's words, FILE:LINE:COLUMN: message, with the file's own (Thai) name
    assert ("ธนาคารข้อสอบ.yaml:15:12: the topic &#39;mobilty&#39; of question &#39;q01&#39; is "
            "not declared in the bank&#39;s topics; did you mean &#39;mobility&#39;?") in html
    line = re.search(r'<div class="source-line has-problem" id="line-15">.*?</div>\s*'
                     r'<p class="line-problem">(.*?)</p>', html, re.S)
    assert line and line.group(1).startswith("Line 15, column 12: the topic")
    assert "    topic: mobilty" in html  # the source itself, line by line
    assert html.count('class="source-line') == len(BAD_BANK.read_text().splitlines())
    assert "Save this version" not in html
    assert 'name="content"' not in html
    assert stored_count() == 0
    # the text comes back in the paste box to fix in place, under the same file name
    assert hidden(html, "filename") == "ธนาคารข้อสอบ.yaml"
    assert "topic: mobilty" in html.split('id="source"', 1)[1]


def test_problems_are_shown_in_thai_by_default(trainer):
    html = upload(trainer, BAD_BANK).get_data(as_text=True)
    assert 'lang="th"' in html
    thai = ("หัวข้อ &#39;mobilty&#39; ของข้อ &#39;q01&#39; ไม่มีอยู่ในรายการหัวข้อ (topics:) "
            "ของคลังข้อสอบ (หมายถึง &#39;mobility&#39; ใช่หรือไม่)")
    # FILE:LINE:COLUMN: as the CLI prints it, with the sentence in Thai
    assert f"undeclared-topic.yaml:15:12: {thai}" in html
    line = re.search(r'<div class="source-line has-problem" id="line-15">.*?</div>\s*'
                     r'<p class="line-problem">(.*?)</p>', html, re.S)
    assert line and line.group(1) == f"บรรทัด 15 คอลัมน์ 12: {thai}"
    listed = html.split('<ul class="problems">', 1)[1].split("</ul>", 1)[0]
    assert "did you mean" not in listed  # (the file's own first line says it in English)


@pytest.mark.parametrize("text, where, thai, english", [
    ("id: x\nversion: 1\ntitle: Ratio: 3 to 1\n", "pasted.yaml:3:13",
     "YAML อ่านบรรทัดนี้ไม่ได้: &#39;: &#39; (ทวิภาคตามด้วยเว้นวรรค) ในข้อความจะถูกอ่านเป็นคีย์ใหม่",
     "YAML cannot read this line: a &#39;: &#39; inside a text starts a new key"),
    ("id: x\ntitle\nversion: 1\n", "pasted.yaml:2:1",
     "กรุณาเติม &#39;:&#39; ที่ขาดไปหลังชื่อคีย์",
     "Add the missing &#39;:&#39; after the key"),
    ("id: x\ntopics:\n  - id: a\n    title: b\n   x: y\n", "pasted.yaml:5:4",
     "YAML อ่านบรรทัดนี้ไม่ได้: การย่อหน้าไม่ตรงกับบรรทัดด้านบน",
     "YAML cannot read this line: its indentation does not match the lines above"),
    ('id: x\ntitle: "abc\n', "pasted.yaml:2:8",
     "เครื่องหมายคำพูด (&#34; หรือ &#39;) ที่เปิดตรงนี้ไม่มีตัวปิด",
     "a quote (&#34; or &#39;) opened here is never closed"),
    ("id: x\ntitle: {th: ก, en: Which is it?}\n", "pasted.yaml:2:",
     "ในวงเล็บปีกกาบรรทัดเดียว {th: ..., en: ...}", "inside one-line braces {th: ..., en: ...}"),
], ids=["colon-in-text", "missing-colon", "indentation", "unclosed-quote", "one-line-braces"])
def test_yaml_syntax_errors_are_explained_in_the_chosen_language(trainer, text, where, thai,
                                                                 english):
    html = paste(trainer, text).get_data(as_text=True)
    assert where in html and thai in html and english not in html
    in_english(trainer)
    html = paste(trainer, text).get_data(as_text=True)
    assert where in html and english in html and thai not in html


def test_a_refused_save_says_why_in_thai(trainer, bank_version):
    changed = SHIPPED_BANK.read_text(encoding="utf-8").replace(
        FIRST.prompt["en"], "Changed: " + FIRST.prompt["en"])
    page = save(trainer, paste(trainer, changed).get_data(as_text=True)).get_data(as_text=True)
    assert (f"pasted.yaml: คลังข้อสอบ &#39;smart-city-basics&#39; รุ่น {V} มีอยู่ในระบบแล้วแต่"
            f"เนื้อหาต่างกัน กรุณาเปลี่ยน `version` เป็น {V + 1}") in page
    assert "already loaded with different content" not in page


def test_paste_path_checks_previews_and_saves(trainer):
    in_english(trainer)
    text = ONE_LANGUAGE.read_text(encoding="utf-8").replace("\n", "\r\n")  # as browsers send
    html = paste(trainer, text).get_data(as_text=True)
    assert "No problems found." in html
    saved = save(trainer, html)
    assert saved.location.endswith("/staff/banks/thai-only/v2")
    stored = db.session.scalars(select(BankVersion)).one()
    assert stored.filename == "pasted.yaml"
    assert stored.source == ONE_LANGUAGE.read_text(encoding="utf-8")  # lines end in \n


def test_paste_with_problems_keeps_the_text_for_fixing(trainer):
    in_english(trainer)
    text = ONE_LANGUAGE.read_text(encoding="utf-8").replace("type: single", "type: singel")
    html = paste(trainer, text).get_data(as_text=True)
    assert "pasted.yaml:12:11: the type of question &#39;q1&#39; must be one of" in html
    assert "Line 12, column 11" in html
    assert "type: singel" in html.split('id="source"', 1)[1]
    assert stored_count() == 0


def test_empty_forms_say_what_is_missing(trainer):
    in_english(trainer)
    html = trainer.post("/staff/banks/check/text", data={"csrf_token": token(trainer)}
                        ).get_data(as_text=True)
    assert "Paste the bank" in html  # the message under the empty box
    html = trainer.post("/staff/banks/check/file", data={"csrf_token": token(trainer)}
                        ).get_data(as_text=True)
    assert "Choose a file." in html
    assert stored_count() == 0


def test_unchanged_bank_is_already_loaded(trainer, bank_version):
    in_english(trainer)
    html = upload(trainer, SHIPPED_BANK).get_data(as_text=True)
    response = save(trainer, html)
    assert response.location.endswith(STORED)
    page = trainer.get(response.location).get_data(as_text=True)
    assert f"already loaded as smart-city-basics version {V}; nothing changed" in page
    assert stored_count() == 1


def test_changed_bank_under_the_same_version_is_refused_with_the_next_version(trainer,
                                                                               bank_version):
    in_english(trainer)
    changed = SHIPPED_BANK.read_text(encoding="utf-8").replace(
        FIRST.prompt["en"], "Changed: " + FIRST.prompt["en"])
    html = paste(trainer, changed).get_data(as_text=True)
    response = save(trainer, html)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Not saved" in page
    assert f"smart-city-basics version {V} is already loaded with different content" in page
    assert f"Change version: to {V + 1}" in page
    assert f"raise `version` to {V + 1}" in page  # the loader's words, as the CLI prints them
    assert "Changed: " in page.split('id="source"', 1)[1]
    assert stored_count() == 1

    html = paste(trainer, changed.replace(f"\nversion: {V}\n", f"\nversion: {V + 1}\n")
                 ).get_data(as_text=True)
    assert save(trainer, html).location.endswith(f"/staff/banks/smart-city-basics/v{V + 1}")
    assert stored_count() == 2


def test_save_checks_again_and_refuses_a_tampered_form(trainer):
    bad = BAD_BANK.read_text(encoding="utf-8")
    content = base64.b64encode(bad.encode()).decode()
    page = save(trainer, f'<input name="csrf_token" type="hidden" value="{token(trainer)}">'
                         f'<input name="filename" type="hidden" value="x.yaml">'
                         f'<input name="content" type="hidden" value="{content}">')
    assert page.status_code == 200 and "x.yaml:15:12" in page.get_data(as_text=True)
    assert stored_count() == 0
    garbage = trainer.post("/staff/banks/save", data={
        "csrf_token": token(trainer), "filename": "x.yaml", "content": "not base64!"})
    assert garbage.status_code == 400


# -- the stored version -----------------------------------------------------------------------


def test_preview_shows_every_question_in_both_languages_with_the_key(trainer, bank_version):
    in_english(trainer)
    html = trainer.get(STORED).get_data(as_text=True)
    assert html.count('class="card preview-question"') == COUNT
    assert html.count('<div class="preview-language" lang="th">') == COUNT
    assert html.count('<div class="preview-language" lang="en">') == COUNT
    assert f"ข้อ 1 จาก {COUNT}" in html and f"Question 1 of {COUNT}" in html  # own words
    assert html.count('<fieldset class="preview-inputs" disabled>') == 2 * COUNT
    key = next(option for option in FIRST.options if option.correct)
    assert f"Right answer:</strong> {escape(key.text['en'])}" in html
    assert f"คำตอบที่ถูก:</strong> {escape(key.text['th'])}" in html
    assert f"Explanation:</strong> {escape(FIRST.explanation['en'])}" in html
    assert "No event uses this version yet." in html


def test_list_and_preview_name_the_events_using_a_version(trainer, bank_version):
    event = make_event(bank_version)
    listing = trainer.get("/staff/banks/").get_data(as_text=True)
    assert f"สัมมนาทดสอบ <code>{event.code}</code>" in listing
    page = trainer.get(STORED).get_data(as_text=True)
    assert event.code in page


def test_unknown_version_is_404(trainer, bank_version):
    assert trainer.get("/staff/banks/smart-city-basics/v9").status_code == 404
    assert trainer.get("/staff/banks/nothing/v1/source.yaml").status_code == 404


# -- GIFT and Aiken ---------------------------------------------------------------------------


def import_file(client, path, file_format, **fields):
    page = client.get("/staff/banks/import").get_data(as_text=True)
    data = {"csrf_token": csrf_from(page), "file_format": file_format, "language": "th",
            "bank_id": "kk-smart-city", "title": "เมืองอัจฉริยะขอนแก่น", "version": "1",
            "file": (io.BytesIO(path.read_bytes()), path.name), **fields}
    return client.post("/staff/banks/import", data=data, content_type="multipart/form-data")


def converted_text(html: str) -> str:
    box = re.search(r"<textarea[^>]*id=\"source\"[^>]*>\r?\n?(.*?)</textarea>", html, re.S)
    return html_module.unescape(box.group(1))


def test_gift_import_is_converted_for_review_then_checked_and_saved(trainer):
    in_english(trainer)
    response = import_file(trainer, IMPORTS / "smart-city.gift", "gift")
    html = response.get_data(as_text=True)
    assert "Converted from smart-city.gift" in html
    assert "11 questions were converted." in html
    text = converted_text(html)
    assert text.startswith("id: kk-smart-city\nversion: 1\n")
    assert stored_count() == 0

    preview = paste(trainer, text, "kk-smart-city.yaml").get_data(as_text=True)
    assert "No problems found." in preview
    assert "item-writing warning" in preview  # Moodle banks are not checked for them
    saved = save(trainer, preview, despite_warnings=True)
    assert saved.location.endswith("/staff/banks/kk-smart-city/v1")
    assert db.session.scalars(select(BankVersion)).one().source == text


def test_gift_import_lists_what_was_not_carried_over(trainer):
    in_english(trainer)
    html = import_file(trainer, IMPORTS / "unsupported.gift", "gift").get_data(as_text=True)
    assert "1 question was converted." in html
    assert "unsupported.gift:3:2: a matching question" in html
    assert "unsupported.gift:15:33: &#39;ประมาณสิบ&#39; is not a number" in html


def test_gift_import_lists_what_was_not_carried_over_in_thai(trainer):
    html = import_file(trainer, IMPORTS / "unsupported.gift", "gift").get_data(as_text=True)
    assert "แปลงได้ 1 ข้อ" in html
    assert ("unsupported.gift:3:2: คลังข้อสอบไม่มีคำถามแบบจับคู่ (=a -&gt; b) "
            "ข้อนี้จึงไม่ได้นำเข้า") in html
    assert ("unsupported.gift:13:47: ข้อเลือกตอบนี้มีคำตอบที่ระบุ = มากกว่าหนึ่งตัว "
            "หากต้องการให้ผู้ตอบเลือกคำตอบที่ถูกทุกตัว ให้กำหนดน้ำหนักแบบ ~%50%") in html
    assert ("unsupported.gift:15:33: &#39;ประมาณสิบ&#39; ไม่ใช่ตัวเลข") in html
    assert "left out" not in html


def test_aiken_import_problems_in_thai(trainer):
    html = import_file(trainer, IMPORTS / "broken-aiken.txt", "aiken").get_data(as_text=True)
    assert ("broken-aiken.txt:8:1: ANSWER: ระบุ E แต่ตัวเลือกที่มีคือ A, B "
            "ข้อนี้จึงไม่ได้นำเข้า") in html


def test_aiken_import(trainer):
    in_english(trainer)
    html = import_file(trainer, IMPORTS / "smart-city-aiken.txt", "aiken",
                       bank_id="kk-services").get_data(as_text=True)
    text = converted_text(html)
    assert "id: kk-services" in text and "ANSWER" not in text
    assert "No problems found." in paste(trainer, text).get_data(as_text=True)


def test_import_form_requires_the_bank_details(trainer):
    in_english(trainer)
    html = import_file(trainer, IMPORTS / "smart-city.gift", "gift",
                       bank_id="Smart City!").get_data(as_text=True)
    assert "Use lowercase letters, digits and dashes" in html
    assert "Converted from" not in html


# -- who may reach the pages, and CSRF --------------------------------------------------------


def _request(client, method, address, with_token=True):
    if method == "GET":
        return client.get(address)
    data = {"csrf_token": csrf_from(client.get("/").get_data(as_text=True))} if with_token else {}
    return client.post(address, data=data)


def _address(address: str, version) -> str:
    return address.format(key=version.bank_key, version=version.version)


@pytest.mark.parametrize("method, address", BANK_PAGES)
def test_anonymous_is_sent_to_login(client, bank_version, method, address):
    response = _request(client, method, _address(address, bank_version))
    assert response.status_code == 302 and "/staff/login" in response.location


@pytest.mark.parametrize("method, address", BANK_PAGES)
def test_hr_is_refused(app, bank_version, method, address):
    hr = app.test_client()
    login(hr, "hr1", "hr")
    assert _request(hr, method, _address(address, bank_version)).status_code == 403


@pytest.mark.parametrize("method, address", BANK_PAGES)
def test_admin_reaches_every_page(app, bank_version, method, address):
    admin = app.test_client()
    login(admin, "admin1", "admin")
    response = _request(admin, method, _address(address, bank_version))
    assert response.status_code in (200, 400)  # 400: a save without its content


@pytest.mark.parametrize("address", [a for m, a in BANK_PAGES if m == "POST"])
def test_every_form_needs_its_csrf_token(trainer, address):
    response = _request(trainer, "POST", address, with_token=False)
    assert response.status_code == 400
    assert stored_count() == 0


def test_upload_without_csrf_saves_nothing(trainer):
    html = upload(trainer, SHIPPED_BANK).get_data(as_text=True)
    response = trainer.post("/staff/banks/save", data={
        "filename": hidden(html, "filename"), "content": hidden(html, "content")})
    assert response.status_code == 400
    assert stored_count() == 0


def test_the_language_switch_on_check_results_goes_back_to_the_upload_page(trainer):
    html = trainer.post("/staff/banks/check/file", data={
        "csrf_token": token(trainer), "file": (BAD_BANK.open("rb"), "bad.yaml")},
        headers={"Referer": "http://localhost/staff/banks/new"},
        content_type="multipart/form-data").get_data(as_text=True)
    switch = re.search(r'<a class="lang" href="([^"]+)"', html).group(1)
    assert switch == "/lang/en?next=/staff/banks/new"
    answer = trainer.get(switch.replace("&amp;", "&"), follow_redirects=True)
    assert answer.status_code == 200 and "<html lang=\"en\">" in answer.get_data(as_text=True)


def test_a_page_fetched_the_wrong_way_gets_the_thai_error_page(trainer):
    answer = trainer.get("/staff/banks/check/file")
    assert answer.status_code == 405
    assert "ไม่สามารถเปิดหน้านี้ด้วยวิธีนี้" in answer.get_data(as_text=True)


def test_the_language_switch_after_a_post_never_leaves_the_site(trainer):
    for referrer in ({"Referer": "https://elsewhere.example/staff/banks/new"}, {}):
        html = trainer.post("/staff/banks/check/file", data={
            "csrf_token": token(trainer), "file": (BAD_BANK.open("rb"), "bad.yaml")},
            headers=referrer, content_type="multipart/form-data").get_data(as_text=True)
        switch = re.search(r'<a class="lang" href="([^"]+)"', html).group(1)
        assert switch == "/lang/en?next=/"


def test_a_405_says_which_methods_the_page_takes(trainer):
    allowed = trainer.get("/staff/banks/check/file").headers["Allow"].split(", ")
    assert "POST" in allowed and "GET" not in allowed
