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
#: Where attempt limits are counted (join codes, employee IDs, staff passwords): memory://
#: for one server process; redis://host:6379 when several processes or servers share the
#: load, so that each limit counts across all of them (assessment/web/limits.py).
RATELIMIT_STORAGE_URI = "memory://"
#: Groups with fewer paired people are flagged; the export without names leaves their figures blank.
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
#: How many reverse proxies (nginx, a load balancer) stand in front of the app and set
#: X-Forwarded-For/-Proto/-Host; 0 means none, and those headers are ignored.
PROXY_HOPS = 0
#: Serve the benchmarks' routes (POST /bench/write, assessment/web/bench.py); never in use.
BENCHMARK_ROUTES = False
#: SQLite waits this long (seconds) for another writer before giving up.
SQLITE_BUSY_TIMEOUT = 30

# Privacy notice on the join page (Thailand's PDPA, section 23). Each is a plain string or a
# mapping of language to string; an installation puts its own in instance/config.py.
#: Says who sees names, as PRODUCT.md's "Who sees names" rule; in plain words, without naming
#: the law or listing the data subject's rights (the question bank asks about those).
PRIVACY_PURPOSE = {
    "th": "เพื่อวัดผลการเรียนรู้ก่อนและหลังการอบรม ฝ่ายบริหารงานบุคคลเห็นชื่อและคะแนนของทุกคน "
          "เพื่อติดตามผู้ที่ยังไม่ได้ทำแบบทดสอบและเก็บเป็นประวัติการอบรม "
          "และทุกครั้งที่เปิดดูหรือดาวน์โหลดจะถูกบันทึกไว้ วิทยากรเห็นผลโดยไม่เห็นชื่อ "
          "รายงานที่ส่งต่อออกนอกฝ่ายบริหารงานบุคคลไม่มีชื่อหรือรหัสพนักงาน "
          "และไม่แสดงตัวเลขของกลุ่มที่มีน้อยกว่า 5 คน",
    "en": "To measure what you learned before and after the training. HR sees the name and "
          "scores of everyone, to follow up people who missed a test and to keep training "
          "records; every view and download is logged. The trainer sees the results without "
          "names. "
          "Reports shared outside HR have no names or employee IDs and leave out the figures "
          "of groups of fewer than five people.",
}
PRIVACY_LEGAL_BASIS = {
    "th": "เป็นส่วนหนึ่งของงานของหน่วยงานในการพัฒนาบุคลากรเพื่อประโยชน์สาธารณะ",
    "en": "Part of the organisation's public task of training its staff.",
}
PRIVACY_RETENTION = {
    "th": "เก็บไว้ 1 ปีหลังวันอบรม จากนั้นชื่อและรหัสพนักงานจะถูกลบ เหลือเพียงคะแนนที่ระบุตัวตนไม่ได้",
    "en": "Kept for one year after the training; then names and employee IDs are removed and "
          "only scores that identify nobody are kept.",
}
PRIVACY_CONTACT = {
    "th": "หน่วยฝึกอบรม ฝ่ายบริหารงานบุคคล หากมีคำถามเกี่ยวกับข้อมูลของท่าน",
    "en": "The training unit in HR, for any question about your data.",
}
#: days after an event (its date, else its creation) before `flask privacy purge` anonymises
#: it, for events without their own retention_days
PRIVACY_RETENTION_DAYS = 365
