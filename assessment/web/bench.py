"""Routes for benchmarks only, served when BENCHMARK_ROUTES is set (env
ASSESSMENT_BENCHMARK_ROUTES=1), never by default.

POST /bench/write writes one row in one transaction: the honest floor for a request that
writes, against which benchmarks/load.py measures the participants' submit.
"""

from __future__ import annotations

from flask import Blueprint

from assessment.extensions import csrf, db
from assessment.privacy.models import AuditEntry

bp = Blueprint("bench", __name__)


@bp.post("/bench/write")
@csrf.exempt
def write_one_row():
    """One audit row, committed."""
    db.session.add(AuditEntry(username="benchmark", action="bench_write"))
    db.session.commit()
    return "ok"
