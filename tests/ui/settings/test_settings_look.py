"""Settings for how the app looks and moves: high contrast and reduced motion."""

from __future__ import annotations

from rugdiary.ui.services import Services
from rugdiary.ui.settings.page import SettingsPage


def test_high_contrast_and_reduced_motion(
    page: SettingsPage, services: Services, applied_themes: list[str]
) -> None:
    from rugdiary.ui.motion import reduce_motion, set_reduce_motion

    view = page.view
    view.theme.setCurrentIndex(view.theme.findData("high-contrast"))
    assert services.settings.get("theme") == "high-contrast"
    assert applied_themes[-1] == "high-contrast"
    view.reduce_motion.setChecked(True)
    try:
        assert services.settings.get("reduce_motion") is True
        assert reduce_motion(), "the figure and the ring read this when they paint"
    finally:
        set_reduce_motion(False)
