"""Settings page behaviour: store each choice, apply it live, and handle backups and folders."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDateTime, QEvent, QLocale, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QListWidgetItem, QSystemTrayIcon

from rugdiary.core.clock import Clock
from rugdiary.storage.database import Backup, Database, restore_backup
from rugdiary.storage.errors import DataFileError, StorageWriteError
from rugdiary.ui import autostart, dialogs
from rugdiary.ui.first_run import DONE_KEY
from rugdiary.ui.motion import set_reduce_motion
from rugdiary.ui.reasons import reason_text
from rugdiary.ui.safety import ACKNOWLEDGED_KEY
from rugdiary.ui.settings.preferences import (
    AUTOSTART,
    KEEP_IN_TRAY,
    LANGUAGE,
    REDUCE_MOTION,
    REMINDERS,
    SOUND_CUES,
    THEME,
    VOICE_CUES,
    Preferences,
)
from rugdiary.ui.settings.reminders_controller import ProgramChoices, RemindersController
from rugdiary.ui.settings.settings_view import SettingsView
from rugdiary.ui.theme import apply_theme
from rugdiary.ui.widgets.form_parts import show_form_message

ThemeApplier = Callable[[str], object]
"""Applies "system", "light" or "dark" to the running app."""


def apply_to_application(theme: str) -> object:
    """Apply `theme` to the running QApplication; the default way the page applies a theme."""
    app = QApplication.instance()
    return apply_theme(app, theme) if isinstance(app, QApplication) else None


class SettingsController(QObject):
    """Joins the Settings view to the preferences, the database and the desktop.

    Every control saves as soon as it changes, and the matching signal tells the rest
    of the app (the lead connects them to audio, reminders, tray and translators).
    The signals follow the stored preference, so a change made elsewhere (the tray's
    pause) is announced and shown here too.
    """

    languageChanged = Signal(str)
    """"system", "en" or "nl"; used from the next start."""
    themeChanged = Signal(str)
    """"system", "light" or "dark"; already applied to the app when emitted."""
    soundsChanged = Signal(bool)
    voiceChanged = Signal(bool)
    testSoundRequested = Signal()
    testVoiceRequested = Signal()
    remindersChanged = Signal()
    """Reminder settings were stored; read them with `Preferences.reminders()`."""
    keepInTrayChanged = Signal(bool)
    autostartChanged = Signal(bool)
    diaryRestored = Signal(Path)
    """A backup (its path) was put in place of the diary: every page should reload."""
    notice = Signal(str, bool)
    """A short status message, as the other pages send (the bool: offer Undo; never here)."""

    def __init__(
        self,
        view: SettingsView,
        preferences: Preferences,
        db: Database,
        clock: Clock,
        program_choices: ProgramChoices,
        parent: QObject | None = None,
        *,
        apply_theme: ThemeApplier = apply_to_application,
        tray_available: bool | None = None,
        autostart_supported: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.preferences = preferences
        self.db = db
        self.clock = clock
        self._apply_theme = apply_theme
        self.reminders = RemindersController(
            view.reminders, preferences, clock, program_choices, parent=self
        )
        self.reminders.remindersChanged.connect(self.remindersChanged)
        self.reminders.notice.connect(self.notice)
        if tray_available is None:
            tray_available = QSystemTrayIcon.isSystemTrayAvailable()
        if autostart_supported is None:
            autostart_supported = autostart.is_supported()
        self._tray_available = tray_available
        self._autostart_supported = autostart_supported

        self.load()
        v = view
        v.language.currentIndexChanged.connect(self._on_language)
        v.theme.currentIndexChanged.connect(self._on_theme)
        # Applied by _on_preference_changed, as after a restore: once, when it was stored.
        v.reduce_motion.toggled.connect(partial(self._store, self.preferences.set_reduce_motion))
        v.sound_cues.toggled.connect(partial(self._store, self.preferences.set_sound_cues))
        v.voice_cues.toggled.connect(partial(self._store, self.preferences.set_voice_cues))
        v.test_sound_button.clicked.connect(self.testSoundRequested)
        v.test_voice_button.clicked.connect(self.testVoiceRequested)
        v.keep_in_tray.toggled.connect(partial(self._store, self.preferences.set_keep_in_tray))
        v.autostart.toggled.connect(self.set_autostart)
        v.open_folder_button.clicked.connect(self.open_data_folder)
        v.backup_now_button.clicked.connect(self.backup_now)
        v.restore_button.clicked.connect(self.restore_selected)
        v.backups.currentRowChanged.connect(self._update_restore_button)
        v.backups.itemActivated.connect(lambda _item: self.restore_selected())
        preferences.changed.connect(self._on_preference_changed)
        # The list is read again each time the page is shown: the daily backup made by a
        # save on another page, or one made from the command line, is there when you return.
        view.installEventFilter(self)

    # -- loading -----------------------------------------------------------------------------

    def load(self) -> None:
        """Show what is stored (and, for autostart, what is on this computer)."""
        self.load_plain()
        v = self.view
        v.keep_in_tray.setEnabled(self._tray_available)
        if not self._tray_available:
            v.keep_in_tray_note.setText(
                self.tr(
                    "This desktop has no tray area, so RugDiary closes with its window. "
                    "Reminders appear while the window is open."
                )
            )
        v.autostart.blockSignals(True)
        if self._autostart_supported:
            v.autostart.setChecked(autostart.is_enabled())
            v.autostart_note.setVisible(False)
        else:
            v.autostart.setChecked(False)
            v.autostart.setEnabled(False)
            v.autostart_note.setText(
                self.tr(
                    "Starting at login is not supported here yet. You can add RugDiary to "
                    "your system's startup programs yourself."
                )
            )
            v.autostart_note.setVisible(True)
        v.autostart.blockSignals(False)
        v.data_folder.setText(str(self.db.data_dir))
        self.reload_backups()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Show:
            self.reload_backups(select=self.selected_backup())
        return super().eventFilter(watched, event)

    # -- look and sound ----------------------------------------------------------------------

    def _store(self, setter: Callable[[bool], None], on: bool) -> bool:
        """Save one switch; False (and said) when the diary file cannot be written."""
        try:
            setter(on)
        except (StorageWriteError, DataFileError) as error:
            self._not_saved(error)
            return False
        return True

    def _not_saved(self, error: StorageWriteError | DataFileError) -> None:
        """A choice the diary file refused (a full disk, a folder locked too long): show what
        is stored again, and say why in the status bar.

        Without this the control kept the new value, as if saved, until the next start.
        """
        self.load_plain()
        self.notice.emit(
            self.tr("Not saved: %1").replace("%1", reason_text(error.reason).rstrip(".")), False
        )

    def _on_language(self, index: int) -> None:
        try:
            self.preferences.set_language(self.view.language.itemData(index))
        except (StorageWriteError, DataFileError) as error:
            self._not_saved(error)

    def _on_theme(self, index: int) -> None:
        self.set_theme(self.view.theme.itemData(index))

    def set_theme(self, theme: str) -> None:
        """Store and apply at once: the whole window changes colour without a restart."""
        self._apply_theme(theme)
        try:
            self.preferences.set_theme(theme)
        except (StorageWriteError, DataFileError) as error:
            self._apply_theme(self.preferences.theme())  # the colours of what is stored
            self._not_saved(error)

    def _on_preference_changed(self, key: str) -> None:
        p = self.preferences
        if key == LANGUAGE:
            self.languageChanged.emit(p.language())
        elif key == THEME:
            self.themeChanged.emit(p.theme())
        elif key == SOUND_CUES:
            self.soundsChanged.emit(p.sound_cues())
        elif key == VOICE_CUES:
            self.voiceChanged.emit(p.voice_cues())
        elif key == KEEP_IN_TRAY:
            self.keepInTrayChanged.emit(p.keep_in_tray())
        elif key == AUTOSTART:
            self.autostartChanged.emit(p.autostart())
        elif key == REDUCE_MOTION:
            set_reduce_motion(p.reduce_motion())
        if key in (LANGUAGE, THEME, REDUCE_MOTION, SOUND_CUES, VOICE_CUES, KEEP_IN_TRAY):
            self.load_plain()

    def load_plain(self) -> None:
        """Show the stored choices in the simple controls, without emitting any change.

        Also after a change made elsewhere (the tray menu, another page).
        """
        p = self.preferences
        v = self.view
        for combo, value in ((v.language, p.language()), (v.theme, p.theme())):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)
        for check, on in (
            (v.reduce_motion, p.reduce_motion()),
            (v.sound_cues, p.sound_cues()),
            (v.voice_cues, p.voice_cues()),
            (v.keep_in_tray, p.keep_in_tray()),
        ):
            check.blockSignals(True)
            check.setChecked(on)
            check.blockSignals(False)

    # -- at login ----------------------------------------------------------------------------

    def set_autostart(self, on: bool) -> bool:
        """Write or remove the autostart entry; on failure the switch goes back and says why.

        In the example diary the entry opens the person's own folder, not the example.
        """
        try:
            autostart.set_enabled(on, data_dir=self.preferences.demo_home() or self.db.data_dir)
        except autostart.AutostartError as error:
            box = self.view.autostart
            box.blockSignals(True)
            box.setChecked(not on)
            box.blockSignals(False)
            self.view.autostart_note.setText(
                self.tr("This could not be changed: %1.").replace(
                    "%1", reason_text(error.reason).rstrip(".")
                )
            )
            self.view.autostart_note.setVisible(True)
            return False
        self.view.autostart_note.setVisible(False)
        # Only a memory of the choice: the autostart entry just written is what counts, and
        # the switch, read from that entry, already shows it.
        with suppress(StorageWriteError, DataFileError):
            self.preferences.set_autostart(on)
        return True

    # -- data folder -------------------------------------------------------------------------

    def open_data_folder(self) -> bool:
        """Show the data folder in the desktop's file manager (no network: a file URL)."""
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.db.data_dir)))
        if not opened:
            self.notice.emit(
                self.tr("The file manager could not be opened. The folder is: %1").replace(
                    "%1", str(self.db.data_dir)
                ),
                False,
            )
        return bool(opened)

    # -- backups -----------------------------------------------------------------------------

    def reload_backups(self, select: Path | None = None) -> None:
        """List the backups newest first, with date, time and size."""
        listing = self.view.backups
        listing.clear()
        try:
            backups = self.db.backups()
        except OSError:
            backups = []
        for backup in backups:
            item = QListWidgetItem(self.describe(backup), listing)
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            item.setToolTip(str(backup.path))
        if not backups:
            placeholder = QListWidgetItem(self.tr("No backups yet."), listing)
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
        row = 0
        if select is not None:
            for i, backup in enumerate(backups):
                if backup.path == select:
                    row = i
        if backups:
            listing.setCurrentRow(row)
        self._update_restore_button()

    def describe(self, backup: Backup) -> str:
        """ "Monday, March 2, 2026, 9:00 AM · 1.2 KB" in the person's locale."""
        when = self._when(backup)
        try:
            size = QLocale().formattedDataSize(backup.path.stat().st_size)
        except OSError:
            return when
        return f"{when} · {size}"

    def _when(self, backup: Backup) -> str:
        locale = QLocale()
        moment = QDateTime.fromSecsSinceEpoch(int(backup.created.timestamp()))
        day = locale.toString(moment.date(), QLocale.FormatType.LongFormat)
        time = locale.toString(moment.time(), QLocale.FormatType.ShortFormat)
        return f"{day}, {time}"

    def selected_backup(self) -> Path | None:
        item = self.view.backups.currentItem()
        if item is None:
            return None
        value = item.data(Qt.ItemDataRole.UserRole)
        return Path(value) if value else None

    def _update_restore_button(self, *_args: object) -> None:
        self.view.restore_button.setEnabled(self.selected_backup() is not None)

    def backup_now(self) -> bool:
        try:
            backup = self.db.backup_now()
        except (StorageWriteError, DataFileError) as error:
            self._backup_message(
                self.tr("No backup was made: %1. Your diary is unchanged.").replace(
                    "%1", reason_text(error.reason).rstrip(".")
                )
            )
            return False
        self.reload_backups(select=backup.path)
        self._backup_message(None)
        self.notice.emit(self.tr("Backup made"), False)
        return True

    def restore_selected(self) -> bool:
        """Ask, then put the selected backup in place; the current diary is backed up first."""
        path = self.selected_backup()
        if path is None:
            return False
        backup = next((b for b in self.db.backups() if b.path == path), None)
        when = self._when(backup) if backup is not None else path.name
        if not dialogs.ask_restore_backup(self.view, when):
            return False
        before = self._snapshot()
        try:
            used = restore_backup(self.db.data_dir, path, clock=self.clock)
        except (DataFileError, StorageWriteError, OSError) as error:
            reason = getattr(error, "reason", None) or str(error)
            self._backup_message(
                self.tr("The backup was not restored: %1. Your diary is unchanged.").replace(
                    "%1", reason_text(reason).rstrip(".")
                )
            )
            return False
        self._keep_seen(before)
        self.reload_backups(select=path)
        self._backup_message(
            self.tr(
                "The backup of %1 is restored. Your diary as it was is in the list too."
            ).replace("%1", when)
        )
        self.notice.emit(self.tr("Backup restored"), False)
        # Settings travel with the diary file: the restored file's choices apply now.
        after = self._snapshot()
        if after[THEME] != before[THEME]:
            self._apply_theme(self.preferences.theme())
        for key in (LANGUAGE, THEME, REDUCE_MOTION, SOUND_CUES, VOICE_CUES, KEEP_IN_TRAY):
            if after[key] != before[key]:
                self._on_preference_changed(key)
        self.reminders.load()
        if after[REMINDERS] != before[REMINDERS]:
            self.remindersChanged.emit()
        self.diaryRestored.emit(used)
        return True

    def shutdown(self) -> None:
        """Save reminder edits still waiting for the typing pause (the window closes)."""
        self.reminders.flush()

    def _keep_seen(self, before: dict[str, object]) -> None:
        """Keep the welcome done and the red-flag notice read when they were before the restore.

        A backup from the first day predates the welcome; restoring it is going back to
        older entries, not asking to see the welcome and the notice again at the next start.
        """
        repository = self.preferences.repository
        for key in (DONE_KEY, ACKNOWLEDGED_KEY):
            if before[key] is True and repository.get(key) is not True:
                try:
                    repository.set(key, True)
                except (StorageWriteError, DataFileError):
                    return  # then they are shown once more; the restore itself succeeded

    def _snapshot(self) -> dict[str, object]:
        p = self.preferences
        return {
            LANGUAGE: p.language(),
            THEME: p.theme(),
            REDUCE_MOTION: p.reduce_motion(),
            SOUND_CUES: p.sound_cues(),
            VOICE_CUES: p.voice_cues(),
            KEEP_IN_TRAY: p.keep_in_tray(),
            REMINDERS: p.reminders(),
            DONE_KEY: p.repository.get(DONE_KEY) is True,
            ACKNOWLEDGED_KEY: p.repository.get(ACKNOWLEDGED_KEY) is True,
        }

    def _backup_message(self, text: str | None) -> None:
        # Said as well as shown: the focus stays on the button that was pressed.
        show_form_message(self.view.backup_message, text or "")
