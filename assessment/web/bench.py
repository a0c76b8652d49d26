"""A route for benchmarks only: the honest floor for a write, one row in one transaction.

Registered only when BENCHMARK_ROUTES is set (env ASSESSMENT_BENCHMARK_ROUTES=true); the
topology benchmark divides the submit's throughput by this route's, served the same way.
"""

from __future__ import annotations

from flask import Blueprint

from assessment.extensions import csrf, db
from assessment.privacy.models import AuditEntry

bp = Blueprint("bench", __name__)


@bp.post("/bench/write")
@csrf.exempt
def write_one_row():
    """Insert one row and commit: what any write costs, with nothing of the app's own."""
    db.session.add(AuditEntry(username="benchmark", action="bench_write"))
    db.session.commit()
    return "ok"
