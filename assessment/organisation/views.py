"""Administrator pages for the organisation's lists: add, rename, reorder, hide and show
departments and staff levels (rows are never deleted; reports keep their names)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from assessment.auth.access import roles_required
from assessment.i18n import current_language
from assessment.organisation.forms import ActionForm, item_form
from assessment.organisation.models import Department, StaffLevel
from assessment.organisation.operations import (
    LISTS,
    add_row,
    find_row,
    level_groups,
    list_rows,
    move_row,
    rename_row,
    set_active,
)

bp = Blueprint("organisation_views", __name__, url_prefix="/staff/lists")

MOVES = {"up": -1, "down": 1}
STATES = {"show": True, "hide": False}


@bp.route("/")
@roles_required("admin")
def index():
    """Both lists, hidden rows included, with their buttons."""
    return render_template("organisation/index.html", departments=list_rows(Department),
                           levels=list_rows(StaffLevel), action_form=ActionForm(),
                           groups={g.code: g for g in level_groups()})


@bp.route("/<kind>/new", methods=["GET", "POST"])
@roles_required("admin")
def add(kind):
    model = _model(kind)
    form = item_form(model, lang=current_language())
    if form.validate_on_submit():
        add_row(model, form.code.data, form.name_th.data, form.name_en.data or "",
                **form.extra())
        flash(_("Added: %(name)s", name=form.name_th.data.strip()))
        return redirect(url_for("organisation_views.index"))
    return render_template("organisation/form.html", form=form, kind=kind, row=None)


@bp.route("/<kind>/<code>/edit", methods=["GET", "POST"])
@roles_required("admin")
def edit(kind, code):
    """New names; reports of past events show the new names too."""
    model = _model(kind)
    row = _row(model, code)
    form = item_form(model, row, lang=current_language())
    if form.validate_on_submit():
        rename_row(row, form.name_th.data, form.name_en.data or "", **form.extra())
        flash(_("Saved: %(name)s", name=row.name_th))
        return redirect(url_for("organisation_views.index"))
    return render_template("organisation/form.html", form=form, kind=kind, row=row)


@bp.route("/<kind>/<code>/move/<direction>", methods=["POST"])
@roles_required("admin")
def move(kind, code, direction):
    """One place up or down in the participant's list."""
    row = _row(_model(kind), code)
    if direction not in MOVES or not ActionForm().validate_on_submit():
        abort(400)
    move_row(row, MOVES[direction])
    return redirect(url_for("organisation_views.index", _anchor=f"{kind}-{row.code}"))


@bp.route("/<kind>/<code>/<state>", methods=["POST"])
@roles_required("admin")
def change_state(kind, code, state):
    """Hide a row from participants (names stay in reports), or show it again."""
    row = _row(_model(kind), code)
    if state not in STATES or not ActionForm().validate_on_submit():
        abort(400)
    set_active(row, STATES[state])
    flash(_("%(name)s is shown to participants again.", name=row.name_th) if row.active
          else _("%(name)s is hidden from participants; reports keep its name.",
                 name=row.name_th))
    return redirect(url_for("organisation_views.index", _anchor=f"{kind}-{row.code}"))


def _model(kind: str):
    if kind not in LISTS:
        abort(404)
    return LISTS[kind]


def _row(model, code: str):
    row = find_row(model, code)
    if row is None:
        abort(404)
    return row
