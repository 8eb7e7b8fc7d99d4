"""Referrals from the contact form, their follow-up from Today and the person's page, and the
bundle reminder on Today: the real main window on a real vault (French), keys where a worker uses them."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app import contacts, people
from app.contacts import ContactInput
from app.directory import referrals
from app.directory.sample import import_sample
from app.ops import sync as sync_ops
from app.sync import export
from models.directory import DirService
from tests.floor_gui_kit import focused, open_unlocked, unlock
from views.directory.referral_widgets import ReferralDialog
from views.i18n import install_translators

CTRL = Qt.KeyboardModifier.ControlModifier
TODAY = date.today()
SHELTER = "Refuge de nuit Le Phare"


@pytest.fixture
def french(qapp):
    translators = install_translators(qapp, "fr_CA")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def referral_vault(make_vault):
    """The sample directory, Élodie (an invented alias), and no bundle reminder unless a test sets one."""
    vault = make_vault()
    with vault.session() as s:
        import_sample(s)
        vault.ids = {"elodie": people.create_person(s, "Élodie au foulard").id}
        export.set_reminder_weekday(s, None)
    return vault


def follow_up_texts(window) -> list[str]:
    follow = window.workspace.page("today").follow_list
    return [follow.item(i).text() for i in range(follow.count())]


def start_routine_contact(qtbot, window):
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    panel = window.ctx.extras["quick_entry"].new_panel
    qtbot.keyClicks(focused(), "elo")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_2)
    return panel


def pick_inline(qtbot, panel, query: str) -> None:
    """Tab-free: the worker clicks in the referral search box, types, Enter picks the first service."""
    box = panel.referrals.picker.box
    box.setFocus()
    qtbot.keyClicks(box, query)
    with qtbot.waitSignal(panel.referrals.changed, timeout=2000):
        qtbot.keyClick(box, Qt.Key.Key_Return)


def test_a_referral_picked_inline_is_saved_with_the_contact_and_shows_on_the_person_and_today(
        qtbot, french, referral_vault):
    window = open_unlocked(qtbot, referral_vault)
    panel = start_routine_contact(qtbot, window)
    assert focused() in panel.type_buttons.values()  # the referral section took nothing from the routine
    pick_inline(qtbot, panel, "refuge")
    assert panel.referrals.list.item(0).text() == f"{SHELTER} · à enregistrer"
    panel.referrals.follow_on.setDate(QDate(TODAY))  # follow up today, so Today lists it
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    window.ctx.ops.wait()

    assert not panel.isVisible()
    elodie = referral_vault.ids["elodie"]
    with window.vault.session() as s:
        [ref] = referrals.referrals_for_person(s, elodie)
    assert (ref.service_name, ref.status, ref.follow_up_on) == (SHELTER, "proposed", TODAY)
    assert f"Aujourd'hui · Référence vers {SHELTER} · Élodie au foulard" in follow_up_texts(window)
    # Saved, so nothing waits in the form: Today offers a new contact, not "Resume".
    assert window.workspace.page("today").new_button.text() == "Nouveau contact  (Ctrl+N)"

    window.show_page("people")
    page = window.workspace.page("people")
    page.open_person(elodie)
    listed = page.detail.referrals
    assert listed.count() == 1 and SHELTER in listed.item(0).text() and "Proposée" in listed.item(0).text()

    # Editing the contact shows its saved referral; nothing is pending, so nothing is added twice.
    window.ctx.extras["quick_entry"].open_edit(ref.contact_id)
    edit_box = window.ctx.extras["quick_entry"].edit_panel.referrals
    assert [edit_box.list.item(i).text() for i in range(edit_box.list.count())] == [
        f"{SHELTER} · Proposée · Élodie au foulard"]
    assert edit_box.pending_services() == []


def test_a_referral_added_while_editing_a_saved_contact(qtbot, french, referral_vault):
    with referral_vault.session() as s:
        contact_id = contacts.create_contact(s, ContactInput(
            occurred_at=datetime.now().replace(second=0, microsecond=0) - timedelta(hours=1),
            person_ids=[referral_vault.ids["elodie"]], types=["listening"],
        )).contact.id
    window = open_unlocked(qtbot, referral_vault)
    entry = window.ctx.extras["quick_entry"]
    entry.open_edit(contact_id)
    panel = entry.edit_panel
    assert focused() is panel.person_field.edit
    pick_inline(qtbot, panel, "grenier")
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    window.ctx.ops.wait()
    assert not panel.isVisible()
    with window.vault.session() as s:
        [ref] = referrals.referrals_for_contact(s, contact_id)
        assert len(contacts.contact_input(s, contact_id).person_ids) == 1  # the contact itself unchanged
    assert ref.service_name == "Comptoir alimentaire Le Grenier"
    assert ref.follow_up_on == TODAY + timedelta(days=1)  # the box's default follow-up: tomorrow


def test_a_pending_referral_survives_a_lock_in_the_draft(qtbot, french, referral_vault):
    window = open_unlocked(qtbot, referral_vault)
    panel = start_routine_contact(qtbot, window)
    pick_inline(qtbot, panel, "refuge")
    panel.referrals.follow.setChecked(False)  # no follow-up for this one
    window.lock()
    unlock(qtbot, window)
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    panel = window.ctx.extras["quick_entry"].new_panel
    assert panel.draft_note.text() == "Brouillon repris"
    assert [name for _sid, name in panel.referrals.pending_services()] == [SHELTER]
    assert not panel.referrals.follow.isChecked()
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    window.ctx.ops.wait()
    with window.vault.session() as s:
        [ref] = referrals.referrals_for_person(s, referral_vault.ids["elodie"])
    assert (ref.service_name, ref.follow_up_on) == (SHELTER, None)
    assert not panel.keeper.has_draft()


def make_referral(vault, service_name: str, follow_up_on: date) -> int:
    with vault.session() as s:
        contact_id = contacts.create_contact(s, ContactInput(
            occurred_at=datetime.now().replace(second=0, microsecond=0) - timedelta(days=8),
            person_ids=[vault.ids["elodie"]], types=["listening"],
        )).contact.id
        service_id = s.scalars(select(DirService.id).where(DirService.name == service_name)).one()
        return referrals.create_referral(
            s, contact_id, service_id, person_id=vault.ids["elodie"], follow_up_on=follow_up_on).id


def open_dialog(qtbot, parent) -> ReferralDialog:
    qtbot.waitUntil(lambda: any(d.isVisible() for d in parent.findChildren(ReferralDialog)), timeout=3000)
    return next(d for d in parent.findChildren(ReferralDialog) if d.isVisible())


def test_enter_on_a_referral_follow_up_in_today_opens_it_and_saving_takes_it_off(qtbot, french, referral_vault):
    make_referral(referral_vault, SHELTER, TODAY - timedelta(days=1))
    window = open_unlocked(qtbot, referral_vault)
    today_page = window.workspace.page("today")
    [text] = [t for t in follow_up_texts(window) if SHELTER in t]
    assert text.startswith("En retard depuis")
    follow = today_page.follow_list
    follow.setFocus()
    follow.setCurrentRow(follow_up_texts(window).index(text))
    qtbot.keyClick(follow, Qt.Key.Key_Return)
    dialog = open_dialog(qtbot, today_page)
    assert dialog.windowTitle() == f"Référence vers {SHELTER}"
    assert not window.ctx.extras["quick_entry"].edit_panel.isVisible()  # the referral, not the contact
    dialog.status.setCurrentIndex(dialog.status.findData("accompanied"))
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("attained"))
    dialog.done_box.setChecked(True)
    dialog.save()
    window.ctx.ops.wait()
    with window.vault.session() as s:
        [ref] = referrals.referrals_for_person(s, referral_vault.ids["elodie"])
    assert (ref.status, ref.outcome, ref.follow_up_done) == ("accompanied", "attained", True)
    assert not any(SHELTER in t for t in follow_up_texts(window))


def test_double_click_on_a_referral_of_the_persons_page_opens_its_follow_up(qtbot, french, referral_vault):
    make_referral(referral_vault, "Comptoir alimentaire Le Grenier", TODAY + timedelta(days=3))
    window = open_unlocked(qtbot, referral_vault)
    window.show_page("people")
    page = window.workspace.page("people")
    page.open_person(referral_vault.ids["elodie"])
    listed = page.detail.referrals
    page.detail.tabs.setCurrentWidget(listed)
    QApplication.processEvents()
    rect = listed.visualItemRect(listed.item(0))
    qtbot.mouseClick(listed.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(listed.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = open_dialog(qtbot, page.detail)
    dialog.status.setCurrentIndex(dialog.status.findData("declined"))
    dialog.save()
    window.ctx.ops.wait()
    QApplication.processEvents()
    assert "refusée" in page.detail.referrals.item(0).text().lower()


def test_today_reminds_of_the_bundle_on_its_weekday_and_leads_to_envois(qtbot, french, referral_vault):
    window = open_unlocked(qtbot, referral_vault)
    today_page = window.workspace.page("today")
    assert not today_page.bundle_reminder.isVisible()
    window.ctx.ops.run(sync_ops.set_reminder_weekday, TODAY.isoweekday())  # what Envois runs when it is chosen
    window.ctx.ops.wait()
    assert today_page.bundle_reminder.isVisible()
    assert today_page.bundle_button.text() == "Aller aux &envois"
    qtbot.mouseClick(today_page.bundle_button, Qt.MouseButton.LeftButton)
    assert window.workspace.current_page_id() == "envois"

    # No reminder day any more (chosen on the Envois page): Today drops the reminder.
    window.ctx.ops.run(sync_ops.set_reminder_weekday, None)
    window.ctx.ops.wait()
    window.show_page("today")
    assert not today_page.bundle_reminder.isVisible()
