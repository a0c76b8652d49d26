"""Defaults only; an installation overrides them in instance/config.py or ASSESSMENT_* variables."""

#: Replaced at first start by a random key written to instance/secret_key.
SECRET_KEY = None
#: None means SQLite in the instance folder (see create_app).
SQLALCHEMY_DATABASE_URI = None
DATABASE_URL = None
BABEL_DEFAULT_LOCALE = "th"
BABEL_DEFAULT_TIMEZONE = "Asia/Bangkok"
LANGUAGES = ("th", "en")
#: Largest request body; a bank is at most 1 MiB, imports a little more.
MAX_CONTENT_LENGTH = 4 * 1024 * 1024
WTF_CSRF_TIME_LIMIT = None  # a seminar can run all day; the token lives as long as the session
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_HTTPONLY = True
PERMANENT_SESSION_LIFETIME = 60 * 60 * 24 * 14
#: Groups with fewer paired people are flagged and never named in exports.
MIN_GROUP_SIZE = 5
#: Address printed for phones on the same network; None means guess it.
PUBLIC_URL = None
PORT = 5000
#: SQLite waits this long (seconds) for another writer before giving up.
SQLITE_BUSY_TIMEOUT = 30
