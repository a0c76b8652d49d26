"""Print a PostgreSQL URL the tests can use, or nothing: TEST_DATABASE_URL, else a local server.

`make test` runs the suite a second time on PostgreSQL when this prints a URL. Under CI=true
a PostgreSQL that does not answer is an error (exit 1): CI must run both databases.
"""

import os
import sys

LOCAL = "postgresql+psycopg://assessment:assessment@127.0.0.1:5432/assessment_test"


def reachable(url: str) -> bool:
    """True when a connection to the URL opens within two seconds."""
    try:
        import psycopg
    except ImportError:
        return False
    try:
        with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://", 1),
                             connect_timeout=2):
            return True
    except psycopg.Error:
        return False


def main() -> int:
    url = os.environ.get("TEST_DATABASE_URL") or LOCAL
    if url.startswith("postgresql") and reachable(url):
        print(url)
    elif os.environ.get("TEST_DATABASE_URL"):
        print(f"pg_probe: TEST_DATABASE_URL is set but not reachable: {url}", file=sys.stderr)
        return 1
    elif os.environ.get("CI") == "true":
        print(f"pg_probe: CI=true needs PostgreSQL and none answers at {url} "
              "(run .ci/postgres.sh or set TEST_DATABASE_URL)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
