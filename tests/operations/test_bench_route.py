"""The benchmarks' one-row write (POST /bench/write) exists only when asked for."""

from __future__ import annotations

from sqlalchemy import func, select

from assessment import create_app
from assessment.extensions import db
from assessment.privacy.models import AuditEntry


def _rows() -> int:
    return db.session.scalar(select(func.count()).select_from(AuditEntry))


def test_the_bench_route_is_not_served_by_default(client):
    assert client.post("/bench/write").status_code == 404
    assert _rows() == 0


def test_with_benchmark_routes_it_writes_one_row_per_post(app):
    bench = create_app({"TESTING": True, "SECRET_KEY": "test", "BENCHMARK_ROUTES": True,
                        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"]})
    with bench.app_context():
        phone = bench.test_client()
        assert [phone.post("/bench/write").status_code for _ in range(3)] == [200] * 3
        db.session.remove()
        db.engine.dispose()
    assert _rows() == 3
