"""Defaults only; an installation overrides them in instance/config.py or ASSESSMENT_* variables."""

#: Replaced at first start by a random key written to instance/secret_key.
SECRET_KEY = None
#: None means SQLite in the instance folder (see create_app).
SQLALCHEMY_DATABASE_URI = None
DATABASE_URL = None
BABEL_DEFAULT_LOCALE = "th"
#: The organisation's time zone: every time is stored in UTC and shown on this clock, whatever
#: the server's own (env ASSESSMENT_TIMEZONE; create_app sets BABEL_DEFAULT_TIMEZONE from it).
TIMEZONE = "Asia/Bangkok"
LANGUAGES = ("th", "en")
#: Largest request body; a bank is at most 1 MiB, imports a little more.
MAX_CONTENT_LENGTH = 4 * 1024 * 1024
WTF_CSRF_TIME_LIMIT = None  # a seminar can run all day; the token lives as long as the session
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_HTTPONLY = True
PERMANENT_SESSION_LIFETIME = 60 * 60 * 24 * 14
#: The cookie is sent again only when it changes, not with every autosave (it lives 14 days
#: from the last change, longer than any seminar).
SESSION_REFRESH_EACH_REQUEST = False
#: Groups with fewer paired people are flagged and never named in exports.
MIN_GROUP_SIZE = 5

#: Pages, styles and scripts go out compressed (phones on shaky Wi-Fi); fonts and
#: workbooks are compressed already and go out as they are.
COMPRESS_ALGORITHM = ["br", "gzip"]
COMPRESS_MIMETYPES = ["text/html", "text/css", "text/javascript", "application/javascript",
                      "application/json", "image/svg+xml"]
COMPRESS_MIN_SIZE = 500
COMPRESS_STREAMS = False  # static files stream from disk; compressing them leaks file handles
#: Address printed for phones on the same network; None means guess it.
PUBLIC_URL = None
PORT = 5000
#: Serve the benchmarks' routes (POST /bench/write, assessment/web/bench.py); never in use.
BENCHMARK_ROUTES = False
#: SQLite waits this long (seconds) for another writer before giving up.
SQLITE_BUSY_TIMEOUT = 30

# Privacy notice on the join page (Thailand's PDPA, section 23). Each is a plain string or a
# mapping of language to string; an installation puts its own in instance/config.py.
PRIVACY_PURPOSE = {
    "th": "เพื่อวัดผลการเรียนรู้ก่อนและหลังการอบรม และรายงานผลต่อฝ่ายบริหารงานบุคคลเป็นรายกลุ่ม "
          "(กลุ่มที่มีน้อยกว่า 5 คนจะไม่ถูกระบุชื่อ)",
    "en": "To measure what you learned before and after the training and report it to HR by "
          "group (groups under five people are never named).",
}
PRIVACY_LEGAL_BASIS = {
    "th": "การปฏิบัติหน้าที่ในการดำเนินภารกิจเพื่อประโยชน์สาธารณะของหน่วยงาน "
          "(มาตรา 24 (4) พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562)",
    "en": "Performing the organisation's public task (section 24(4) of the Personal Data "
          "Protection Act B.E. 2562).",
}
PRIVACY_RETENTION = {
    "th": "เก็บไว้ 1 ปีหลังวันอบรม จากนั้นชื่อและรหัสพนักงานจะถูกลบ เหลือเพียงคะแนนที่ระบุตัวตนไม่ได้",
    "en": "Kept for one year after the training; then names and employee IDs are removed and "
          "only scores that identify nobody are kept.",
}
PRIVACY_CONTACT = {
    "th": "หน่วยฝึกอบรม ฝ่ายบริหารงานบุคคล (ขอดู แก้ไข หรือลบข้อมูลของท่านได้)",
    "en": "The training unit, HR (ask to see, correct or delete your data).",
}
#: days after an event (its date, else its creation) before `flask privacy purge` anonymises
#: it, for events without their own retention_days
PRIVACY_RETENTION_DAYS = 365
