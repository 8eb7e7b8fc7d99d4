"""Referral widgets other screens embed: the contact form's box and one referral's follow-up."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from app.contacts import ContactInput, create_contact
from app.directory import referrals
from app.directory.sample import import_sample
from app.ops import floor as floor_ops
from app.people import create_person
from tests.gui_doubles import ScriptedDialogs
from views.bus import DataBus
from views.context import AppContext
from views.directory.referral_widgets import ContactReferrals, ReferralDialog

TODAY = date.today()


@pytest.fixture
def ctx(vault, french):
    with vault.session() as s:
        import_sample(s)
    context = AppContext(vault, DataBus(), extras={"dialogs": ScriptedDialogs()})
    yield context
    context.ops.wait()


def new_contact(ctx, *aliases):
    with ctx.vault.session() as s:
        ids = [create_person(s, alias).id for alias in aliases]
        contact = create_contact(s, ContactInput(
            types=["awareness"],
            occurred_at=datetime.now().replace(second=0, microsecond=0), person_ids=ids,
            unidentified_count=0 if ids else 1,
        )).contact
        return contact.id, ids


def test_contact_form_box_gives_one_referral_per_person_to_the_forms_operation(qtbot, ctx):
    box = ContactReferrals(ctx, today=TODAY)
    qtbot.addWidget(box)
    box.set_contact(None)
    box.show()
    with qtbot.waitSignal(box.changed, timeout=2000):
        qtbot.keyClicks(box.picker.box, "refuge")
        qtbot.keyClick(box.picker.box, Qt.Key.Key_Return)
    box.picker.box.setText("épicerie")  # nothing: the pending list is unchanged
    assert [name for _sid, name in box.pending_services()] == ["Refuge de nuit Le Phare"]
    assert box.list.item(0).text() == "Refuge de nuit Le Phare · à enregistrer"
    # The contact form's save: new people, the contact and its referrals in one operation.
    form = floor_ops.ContactSave(
        contact=ContactInput(types=["awareness"], occurred_at=datetime.now().replace(second=0, microsecond=0)),
        new_aliases=("Julie au sac vert", "Grand Marc casquette rouge"),
        referrals=tuple(floor_ops.ReferralInput(sid, box.follow_up_date()) for sid, _n in box.pending_services()),
    )
    saved = []
    ctx.ops.run(floor_ops.save_contact, form, on_done=saved.append)
    ctx.ops.wait()
    [contact_id] = saved
    with ctx.vault.session() as s:
        assert len(referrals.referrals_for_contact(s, contact_id)) == 2
    box.set_contact(contact_id)
    assert sorted(box.list.item(i).text() for i in range(box.list.count())) == [
        "Refuge de nuit Le Phare · Proposée · Grand Marc casquette rouge",
        "Refuge de nuit Le Phare · Proposée · Julie au sac vert",
    ]
    with ctx.vault.session() as s:
        due = referrals.referral_follow_ups(s, TODAY + timedelta(days=7))
    assert len(due) == 2


def test_removing_a_pending_service_before_saving(qtbot, ctx):
    box = ContactReferrals(ctx, today=TODAY)
    qtbot.addWidget(box)
    box.set_contact(None)
    box.add_service(1, "Un service")
    box.list.setCurrentRow(0)
    with qtbot.waitSignal(box.changed, timeout=1000):
        box.remove.click()
    assert box.pending_services() == []


def test_follow_up_dialog_changes_status_outcome_and_takes_it_off_today(qtbot, ctx):
    contact_id, (person,) = new_contact(ctx, "Grand Marc casquette rouge")
    with ctx.vault.session() as s:
        from sqlalchemy import select

        from models.directory import DirService

        service_id = s.scalars(select(DirService.id).where(DirService.name == "Comptoir alimentaire Le Grenier")).one()
        ref_id = referrals.create_referral(s, contact_id, service_id, person_id=person, follow_up_on=TODAY).id
    dialog = ReferralDialog(ctx, ref_id)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Référence vers Comptoir alimentaire Le Grenier"
    dialog.status.setCurrentIndex(dialog.status.findData("completed"))
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("attained"))
    assert dialog.outcome.currentText() == "Atteint"
    dialog.done_box.setChecked(True)
    told = []
    ctx.bus.changed.connect(told.append)
    dialog.save()
    ctx.ops.wait()
    assert told == [{"referral"}]
    assert dialog.result() == dialog.DialogCode.Accepted
    with ctx.vault.session() as s:
        [row] = referrals.referrals_for_person(s, person)
        assert referrals.referral_follow_ups(s, TODAY) == []
    assert (row.status, row.outcome, row.follow_up_done) == ("completed", "attained", True)


def test_follow_up_dates_read_like_the_rest_of_the_app(qtbot, ctx):
    contact_id, (person,) = new_contact(ctx, "Julie au sac vert")
    with ctx.vault.session() as s:
        from sqlalchemy import select

        from models.directory import DirService

        service_id = s.scalars(select(DirService.id).where(DirService.name == "Refuge de nuit Le Phare")).one()
        ref_id = referrals.create_referral(
            s, contact_id, service_id, person_id=person, follow_up_on=date(2026, 11, 24)).id
    dialog = ReferralDialog(ctx, ref_id)
    qtbot.addWidget(dialog)
    assert dialog.follow_on.text() == "24 nov. 2026"  # not 2026-11-24
    box = ContactReferrals(ctx, today=date(2026, 11, 26))
    qtbot.addWidget(box)
    assert box.follow_on.text() == "27 nov. 2026"  # tomorrow by default


def test_escape_in_the_service_search_clears_it_before_closing_the_contact_panel(qtbot, french, make_vault):
    from tests.floor_gui_kit import focused, open_unlocked

    vault = make_vault("window")
    with vault.session() as s:
        import_sample(s)
    window = open_unlocked(qtbot, vault)
    qtbot.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    panel = window.ctx.extras["quick_entry"].new_panel
    assert panel.isVisible()
    box = panel.referrals.picker.box
    box.setFocus()
    qtbot.keyClicks(box, "refuge")
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert box.text() == "" and panel.isVisible() and focused() is box
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)  # an empty box: Esc closes the panel as anywhere else
    assert not panel.isVisible()
