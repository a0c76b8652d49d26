"""Item-writing warnings on the trainer's pages: in Thai under their lines on the checked
bank's page, one confirmation before a bank with warnings is saved, and on the version page."""

from __future__ import annotations

import pytest

from tests.banks.test_item_writing import CLEAN, bank, single
from tests.banks.test_views import paste, save, stored_count
from tests.helpers_staff import login

FLAWED = bank([single(n, key=0) for n in range(8)])
THAI_WARNING = "คำตอบที่ถูกของข้อเลือกตอบ 8 ข้อกระจุกอยู่บางตำแหน่ง"


@pytest.fixture
def trainer(app):
    client = app.test_client()
    login(client, "trainer1", "trainer")
    return client


def test_warnings_shown_in_thai_under_their_line_and_saving_asks_once(trainer):
    html = paste(trainer, FLAWED, "flawed.yaml").get_data(as_text=True)
    questions_line = FLAWED.split("\n").index("questions:") + 1
    assert "คำเตือนเรื่องการเขียนข้อสอบ 1 รายการ" in html
    assert f"บรรทัด {questions_line} คอลัมน์ 1: {THAI_WARNING}" in html
    assert 'name="despite_warnings"' in html

    unconfirmed = save(trainer, html)
    assert unconfirmed.status_code == 200 and stored_count() == 0
    assert "แล้วทำเครื่องหมายในช่องเพื่อบันทึกรุ่นนี้" in unconfirmed.get_data(as_text=True)

    saved = save(trainer, html, despite_warnings=True)
    assert saved.status_code == 302 and stored_count() == 1
    version_page = trainer.get(saved.location).get_data(as_text=True)
    assert THAI_WARNING in version_page


def test_a_bank_without_warnings_saves_without_asking(trainer):
    html = paste(trainer, bank(CLEAN), "clean.yaml").get_data(as_text=True)
    assert 'name="despite_warnings"' not in html and "คำเตือน" not in html
    assert save(trainer, html).status_code == 302 and stored_count() == 1
