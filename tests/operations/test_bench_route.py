"""The benchmarks' one-row write exists only when asked for."""

from __future__ import annotations

from sqlalchemy import func, select

from assessment import create_app
from assessment.extensions import db
from assessment.privacy.models import AuditEntry


def test_the_one_row_write_is_off_by_default_and_writes_one_row_when_on(app, client):
    assert client.post("/bench/write").status_code == 404
    bench = create_app({**app.config, "BENCHMARK_ROUTES": True})
    with bench.test_client() as writer:
        assert writer.post("/bench/write").status_code == 200
    assert db.session.scalar(select(func.count()).select_from(AuditEntry).where(
        AuditEntry.action == "bench_write")) == 1
    with bench.app_context():
        db.engine.dispose()
