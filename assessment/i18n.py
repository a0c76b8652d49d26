"""Language choice (Thai by default, English by a switch that stays chosen)."""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import urlsplit

from flask import Flask, current_app, request, session
from flask_babel import get_locale, gettext, to_user_timezone

from assessment.banks.bank import localized


def select_locale() -> str:
    """The participant's chosen language, else Thai."""
    chosen = session.get("lang")
    if chosen in current_app.config["LANGUAGES"]:
        return chosen
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def current_language() -> str:
    """'th' or 'en' for the current request."""
    return str(get_locale() or "th")


def choose_language(lang: str) -> None:
    """Remember a language for this browser's session."""
    if lang in current_app.config["LANGUAGES"]:
        session["lang"] = lang
        session.permanent = True


def translated(said) -> str:
    """A domain Message (or a bank Problem, FILE:LINE:COLUMN: message) in the request's
    language; domain code words them in English and marks them with N_ for the catalogue."""
    if hasattr(said, "render"):
        return said.render(gettext)
    return str(said or "")


def question_labels(total: int) -> dict[str, str]:
    """The words every question of a page repeats, translated once per page."""
    return {
        "number": gettext("Question %(n)s of %(total)s", n="{n}", total=total),
        "multiple": gettext("Choose every answer that applies."),
        "true": gettext("True"),
        "false": gettext("False"),
        "text": gettext("Your answer"),
        "numeric": gettext("Your answer (a number)"),
        "rating": gettext("1 = not at all, 5 = very much. This is not scored."),
    }


def local_date(moment: datetime) -> date:
    """The day a stored (UTC) moment fell on, on the organisation's clock (ASSESSMENT_TIMEZONE)."""
    return to_user_timezone(moment).date()


def option_name(option: str) -> str:
    """An option as a page names it: a true/false question's two answers in words, any other
    option by its id in the bank ('b')."""
    return {"true": gettext("True"), "false": gettext("False")}.get(option, option)


def number(value, digits: int = 1, suffix: str = "") -> str:
    """A statistic for a table: fixed decimals, and a dash where there is no value."""
    try:
        if value is None or value != value:  # NaN is not equal to itself
            return "–"
        if digits == 3 and 0 <= float(value) < 0.001:
            return "< 0.001"
        return f"{float(value):,.{digits}f}{suffix}"
    except (TypeError, ValueError):
        return str(value)


def _path_to_come_back_to() -> str:
    """Where the language switch returns to: this page, or, for the answer to a form post (a
    page that cannot be fetched again), the page the form was on."""
    if not request:
        return "/"
    rule = request.url_rule
    if request.method in ("GET", "HEAD") or (rule is not None and "GET" in rule.methods):
        return request.full_path.rstrip("?")
    referrer = urlsplit(request.referrer or "")
    if referrer.netloc == request.host and referrer.path.startswith("/"):
        return referrer.path + (f"?{referrer.query}" if referrer.query else "")
    return "/"


def register_template_helpers(app: Flask) -> None:
    """`t(text)` picks a bank text in the current language; `lang` is the language code."""

    from assessment.quizzes import display
    from assessment.reports.thai_dates import thai_date
    from assessment.web.thai_lines import person_name_filter, thai_words_filter

    app.add_template_filter(thai_date, "thai_date")
    app.add_template_filter(local_date, "local_date")
    app.add_template_filter(number, "num")
    app.add_template_filter(option_name, "option_name")
    app.add_template_filter(translated, "translated")
    app.add_template_filter(thai_words_filter, "thai_words")
    app.add_template_filter(person_name_filter, "person_name")

    @app.context_processor
    def _helpers():
        lang = current_language()
        return {
            "given_text": lambda question, value: display.given_text(question, value, lang),
            "right_text": lambda question: display.right_text(question, lang),
            "lang": lang,
            "t": lambda text: localized(text, lang),
            "question_labels": question_labels,
            "other_lang": "en" if lang == "th" else "th",
            "current_path": _path_to_come_back_to(),
        }
