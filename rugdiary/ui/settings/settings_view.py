"""Layout of the Settings page: calm groups in one scrolling column."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rugdiary.ui.page_layout import bold_group_titles, page_title, set_page_margins
from rugdiary.ui.settings.reminders_view import RemindersView, field_message
from rugdiary.ui.widgets.scrolling import quiet_scroll_area

COLUMN_WIDTH = 760
"""Wide enough for the reminder rows, narrow enough to read lines without losing the place."""


def _note(text: str, parent: QWidget) -> QLabel:
    """A quieter explanatory line under a control."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SettingsView(QWidget):
    """All settings in one column: language and look, sounds, reminders, background, data, privacy.

    One scrolling column rather than tabs: everything can be found by scrolling or
    Tab, and a screen reader reads the groups in order.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPage")

        content = QWidget()
        content.setObjectName("settingsContent")
        content.setMaximumWidth(COLUMN_WIDTH)
        column = QVBoxLayout(content)
        set_page_margins(column)
        column.setSpacing(16)

        title = page_title(QCoreApplication.translate("SettingsView", "Settings"), content)
        title.setAccessibleName(QCoreApplication.translate("SettingsView", "Settings"))
        column.addWidget(title)
        column.addWidget(
            _note(
                QCoreApplication.translate("SettingsView", "Changes are saved as you make them."),
                content,
            )
        )

        column.addWidget(self._look_group(content))
        column.addWidget(self._sound_group(content))
        column.addWidget(self._reminders_group(content))
        column.addWidget(self._background_group(content))
        column.addWidget(self._data_group(content))
        column.addWidget(self._privacy_group(content))
        column.addStretch(1)
        bold_group_titles(content)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("settingsScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        quiet_scroll_area(self.scroll_area)
        self.scroll_area.setWidget(content)
        # Left-aligned: every page starts at the same edge (issue 17).
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)
        self.setFocusProxy(self.language)

    # -- groups ------------------------------------------------------------------------------

    def _look_group(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("SettingsView", "Language and look"), parent)
        self.language = QComboBox(box)
        self.language.setAccessibleName(QCoreApplication.translate("SettingsView", "Language"))
        self.language.addItem(
            QCoreApplication.translate("SettingsView", "Same as this computer"), "system"
        )
        # Language names in their own language, so a person can find theirs.
        self.language.addItem("English", "en")
        self.language.addItem("Nederlands", "nl")
        self.language_note = _note(
            QCoreApplication.translate(
                "SettingsView", "A new language is used from the next time you start RugDiary."
            ),
            box,
        )
        self.theme = QComboBox(box)
        self.theme.setAccessibleName(QCoreApplication.translate("SettingsView", "Colours"))
        self.theme.addItem(
            QCoreApplication.translate("SettingsView", "Same as this computer"), "system"
        )
        self.theme.addItem(QCoreApplication.translate("SettingsView", "Light"), "light")
        self.theme.addItem(QCoreApplication.translate("SettingsView", "Dark"), "dark")
        self.theme.addItem(
            QCoreApplication.translate("SettingsView", "High contrast"), "high-contrast"
        )
        self.reduce_motion = QCheckBox(
            QCoreApplication.translate(
                "SettingsView", "Reduce mo&tion: the exercise figure holds still"
            ),
            box,
        )
        language_label = QLabel(QCoreApplication.translate("SettingsView", "&Language"), box)
        language_label.setBuddy(self.language)
        theme_label = QLabel(QCoreApplication.translate("SettingsView", "&Colours"), box)
        theme_label.setBuddy(self.theme)
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(6)
        left = Qt.AlignmentFlag.AlignLeft
        grid.addWidget(language_label, 0, 0)
        grid.addWidget(self.language, 0, 1, left)
        grid.addWidget(self.language_note, 1, 1)
        grid.addWidget(theme_label, 2, 0)
        grid.addWidget(self.theme, 2, 1, left)
        grid.addWidget(self.reduce_motion, 3, 1)
        return box

    def _sound_group(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("SettingsView", "Sounds and voice"), parent)
        self.sound_cues = QCheckBox(
            QCoreApplication.translate(
                "SettingsView", "Play a soft &sound when an exercise step changes"
            ),
            box,
        )
        self.test_sound_button = QPushButton(
            QCoreApplication.translate("SettingsView", "Test sound"), box
        )
        self.test_sound_button.setAccessibleDescription(
            QCoreApplication.translate("SettingsView", "Play the sound once to try it")
        )
        self.voice_cues = QCheckBox(
            QCoreApplication.translate("SettingsView", "Read the e&xercise steps aloud"), box
        )
        self.test_voice_button = QPushButton(
            QCoreApplication.translate("SettingsView", "Test voice"), box
        )
        self.test_voice_button.setAccessibleDescription(
            QCoreApplication.translate("SettingsView", "Speak a short sentence to try the voice")
        )
        layout = QVBoxLayout(box)
        for check, button in (
            (self.sound_cues, self.test_sound_button),
            (self.voice_cues, self.test_voice_button),
        ):
            row = QHBoxLayout()
            row.addWidget(check, 1)
            row.addWidget(button)
            layout.addLayout(row)
        return box

    def _reminders_group(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("SettingsView", "Reminders"), parent)
        self.reminders = RemindersView(box)
        layout = QVBoxLayout(box)
        layout.addWidget(self.reminders)
        return box

    def _background_group(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(
            QCoreApplication.translate("SettingsView", "When the window is closed"), parent
        )
        self.keep_in_tray = QCheckBox(
            QCoreApplication.translate(
                "SettingsView", "&Keep running in the tray when the window is closed"
            ),
            box,
        )
        self.keep_in_tray_note = _note(
            QCoreApplication.translate(
                "SettingsView",
                "Reminders can then still appear. RugDiary stays as a small icon in the "
                "tray; choose Quit in its menu to close it completely.",
            ),
            box,
        )
        self.autostart = QCheckBox(
            QCoreApplication.translate("SettingsView", "Start RugDiary when I log &in"), box
        )
        self.autostart_note = _note("", box)
        self.autostart_note.setVisible(False)
        layout = QVBoxLayout(box)
        layout.addWidget(self.keep_in_tray)
        layout.addWidget(self.keep_in_tray_note)
        layout.addWidget(self.autostart)
        layout.addWidget(self.autostart_note)
        return box

    def _data_group(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("SettingsView", "Your data"), parent)
        folder_heading = QLabel(QCoreApplication.translate("SettingsView", "Data folder"), box)
        folder_heading.setFont(_bold(folder_heading.font()))
        self.data_folder = QLabel(box)
        self.data_folder.setObjectName("dataFolder")
        self.data_folder.setWordWrap(True)
        self.data_folder.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.data_folder.setAccessibleDescription(
            QCoreApplication.translate("SettingsView", "Data folder")
        )
        self.open_folder_button = QPushButton(
            QCoreApplication.translate("SettingsView", "&Open in file manager"), box
        )
        self.open_folder_button.setAccessibleDescription(
            QCoreApplication.translate("SettingsView", "Open the data folder in the file manager")
        )
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.data_folder, 1)
        folder_row.addWidget(self.open_folder_button, 0, Qt.AlignmentFlag.AlignTop)

        backups_heading = QLabel(QCoreApplication.translate("SettingsView", "Backups"), box)
        backups_heading.setFont(_bold(backups_heading.font()))
        backups_note = _note(
            QCoreApplication.translate(
                "SettingsView",
                "RugDiary makes a backup every day you use it and keeps the recent ones. "
                "Restoring puts a backup in place of your diary; your diary as it is now "
                "is backed up first, so nothing is lost.",
            ),
            box,
        )
        self.backups = QListWidget(box)
        self.backups.setObjectName("backupList")
        self.backups.setAccessibleName(
            QCoreApplication.translate("SettingsView", "Backups, newest first")
        )
        self.backups.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backups.setAlternatingRowColors(True)
        self.backups.setMinimumHeight(120)
        self.backups.setMaximumHeight(220)
        self.backup_now_button = QPushButton(
            QCoreApplication.translate("SettingsView", "Make a &backup now"), box
        )
        self.backup_now_button.setAccessibleDescription(
            QCoreApplication.translate("SettingsView", "Make a backup of the diary now")
        )
        self.restore_button = QPushButton(
            QCoreApplication.translate("SettingsView", "&Restore…"), box
        )
        # Named by its visible word in every language; what it restores is the description.
        self.restore_button.setAccessibleDescription(
            QCoreApplication.translate("SettingsView", "Restore the selected backup")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_now_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        self.backup_message = field_message(box, "backupMessage")
        # A description, not a name: the label's name is its text, the message itself.
        self.backup_message.setAccessibleDescription(
            QCoreApplication.translate("SettingsView", "Message about backups")
        )

        layout = QVBoxLayout(box)
        layout.addWidget(folder_heading)
        layout.addLayout(folder_row)
        layout.addSpacing(8)
        layout.addWidget(backups_heading)
        layout.addWidget(backups_note)
        layout.addWidget(self.backups)
        layout.addLayout(buttons)
        layout.addWidget(self.backup_message)
        return box

    def _privacy_group(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("SettingsView", "Privacy"), parent)
        self.privacy = QLabel(
            QCoreApplication.translate(
                "SettingsView",
                "<p>Everything you write in RugDiary stays on this computer, in the data "
                "folder above. RugDiary never connects to the internet: there is no "
                "account, no cloud and no tracking.</p>"
                "<p>Only you decide when something leaves this computer: a report or an "
                "export is a file you choose to make and share. Those files hold health "
                "information, so give them only to people you trust, such as your "
                "physiotherapist.</p>",
            ),
            box,
        )
        self.privacy.setObjectName("privacyStatement")
        self.privacy.setWordWrap(True)
        self.privacy.setTextFormat(Qt.TextFormat.RichText)
        self.privacy.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(box)
        layout.addWidget(self.privacy)
        return box


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold
