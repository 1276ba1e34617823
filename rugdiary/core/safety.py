"""The red-flag notice (when to get help) in both languages, and which diary tags recall it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Final, Protocol

from rugdiary.core.exercises import Text

# Written for the app from CLINICAL.md §4 in its own calm words: most back pain is not
# serious, a few signs need a doctor, the app does not diagnose. Dutch uses "je".
# tests/core/test_safety.py runs every text through content.forbidden_words.

# Not "now": half of the list is "soon", for an appointment with the GP.
TITLE: Final = Text(en="When to get help", nl="Wanneer zoek je hulp?")

INTRO: Final = Text(
    en="Most back pain is not caused by anything serious and gets better with time and "
    "movement. Now and then, back pain comes with other signs that a doctor should look "
    "at. RugDiary does not diagnose: this list helps you decide when to ask for help.",
    nl="Meestal heeft rugpijn geen ernstige oorzaak en wordt het beter met tijd en "
    "beweging. Soms gaat rugpijn samen met andere signalen waar een arts naar moet "
    "kijken. RugDiary stelt geen diagnose: dit lijstje helpt je bepalen wanneer je hulp "
    "vraagt.",
)

URGENT_HEADING: Final = Text(
    en="Call 112, or go to emergency care or the out-of-hours GP service (huisartsenpost) "
    "now, if your back pain comes with:",
    nl="Bel 112, of ga nu naar de spoedeisende hulp of de huisartsenpost, als je rugpijn "
    "samengaat met:",
)

URGENT_SIGNS: Final[tuple[Text, ...]] = (
    Text(
        en="numbness or tingling around the genitals, the back passage, the buttocks or "
        "the inner thighs (the area you would sit on in a saddle);",
        nl="een doof of tintelend gevoel rond de geslachtsdelen, de anus, de billen of de "
        "binnenkant van de dijen (het deel waarmee je op een zadel zit);",
    ),
    Text(
        en="new trouble starting to pass urine or stopping the flow, leaking urine or stool, "
        "or not feeling when your bladder is full;",
        nl="nieuwe moeite om te gaan plassen of om het plassen te stoppen, ongewild urine "
        "of ontlasting verliezen, of niet meer voelen dat je blaas vol is;",
    ),
    Text(
        en="a new change in sexual feeling or function;",
        nl="een nieuwe verandering in seksueel gevoel of functioneren;",
    ),
    Text(
        en="weakness or numbness in both legs, or leg weakness that gets worse quickly;",
        nl="krachtverlies of een doof gevoel in beide benen, of een been dat snel zwakker wordt;",
    ),
    Text(
        en="pain in the chest, or back pain that started after a serious accident or fall.",
        nl="pijn op de borst, of rugpijn die begon na een ernstig ongeluk of een flinke val.",
    ),
)

SOON_HEADING: Final = Text(
    en="Make an appointment with your GP (huisarts) soon if your back pain comes with:",
    nl="Maak binnenkort een afspraak met je huisarts als je rugpijn samengaat met:",
)

SOON_SIGNS: Final[tuple[Text, ...]] = (
    Text(en="fever, or feeling generally unwell;", nl="koorts, of je algemeen ziek voelen;"),
    Text(en="weight loss you cannot explain;", nl="afvallen zonder dat je weet waardoor;"),
    Text(en="cancer, now or in the past;", nl="kanker, nu of vroeger;"),
    Text(
        en="constant pain that does not ease with rest, or is worst at night;",
        nl="pijn die steeds aanwezig is en niet minder wordt in rust, of 's nachts het ergst is;",
    ),
    Text(
        en="a new lump, or a change in the shape of your back;",
        nl="een nieuwe bult, of een verandering in de vorm van je rug;",
    ),
    Text(
        en="thin bones (osteoporosis) or long-term use of steroids (prednisone), and pain "
        "after a small fall;",
        nl="botontkalking (osteoporose) of langdurig gebruik van prednison, en pijn na een "
        "kleine val;",
    ),
    Text(
        en="stiffness in the morning that lasts a long time and eases when you move.",
        nl="stijfheid 's ochtends die lang duurt en minder wordt als je beweegt.",
    ),
)

CLOSING: Final = Text(
    en="One sign on its own is rarely serious; a combination matters more. When in doubt, "
    "ask your GP or physiotherapist. In the meantime, keep moving in a way that feels "
    "manageable.",
    nl="Eén signaal op zichzelf is zelden ernstig; een combinatie zegt meer. Twijfel je, "
    "vraag het dan aan je huisarts of fysiotherapeut. Blijf intussen bewegen op een "
    "manier die voor jou goed te doen is.",
)

# -- after an entry with a sign from the urgent group -------------------------------------
# Every sign a tag or the body map can name (below) is in the urgent group of CLINICAL.md
# §4. So the notice after such an entry names what was noted and says plainly to contact a
# doctor now; it leaves out the general notice's reassurance ("most back pain is not
# serious", "one sign on its own is rarely serious"), which next to an urgent sign reads
# as "this can wait". Calm words all the same: what to do, not what might be wrong.

ENTRY_NOTICE: Final = Text(
    en="You noted something a doctor should look at now, not later:",
    nl="Je hebt iets genoteerd waar een arts nu naar moet kijken, niet pas later:",
)
"""The notice's first line, followed by the signs that were noted."""

ENTRY_NOTICE_UNNAMED: Final = Text(
    en="You noted something a doctor should look at now, not later.",
    nl="Je hebt iets genoteerd waar een arts nu naar moet kijken, niet pas later.",
)
"""The first line when the signs are not known (the dialog opened on its own)."""

ENTRY_ACTION: Final = Text(
    en="Together with back pain, this means contacting a doctor now rather than "
    "waiting: call your GP's urgent line, the out-of-hours GP service (huisartsenpost) "
    "when the practice is closed, or 112, the emergency number.",
    nl="Samen met rugpijn betekent dit: neem nu contact op met een arts en wacht "
    "niet af. Bel de spoedlijn van je huisarts, de huisartsenpost als de praktijk dicht "
    "is, of 112.",
)

ENTRY_NO_DIAGNOSIS: Final = Text(
    en="RugDiary does not diagnose: a doctor can tell you what it means for you.",
    nl="RugDiary stelt geen diagnose: een arts kan je vertellen wat het voor jou betekent.",
)

ENTRY_LIST_INTRO: Final = Text(
    en="The whole list, for reference:",
    nl="Het hele lijstje, om na te lezen:",
)


class UrgentSign(StrEnum):
    """A sign of CLINICAL.md §4's urgent group that a diary entry can name."""

    SADDLE_NUMBNESS = "saddle_numbness"
    URINE_TROUBLE = "urine_trouble"
    LEAKING = "leaking"
    NUMB_BOTH_LEGS = "numb_both_legs"
    WEAK_BOTH_LEGS = "weak_both_legs"
    LEG_WEAKER_QUICKLY = "leg_weaker_quickly"


SIGN_NAMES: Final[Mapping[UrgentSign, Text]] = MappingProxyType(
    {
        UrgentSign.SADDLE_NUMBNESS: Text(
            en="numbness around the genitals, back passage or buttocks (the saddle area)",
            nl="een doof gevoel rond de geslachtsdelen, de anus of de billen (het zitvlak)",
        ),
        UrgentSign.URINE_TROUBLE: Text(
            en="new trouble starting to pass urine or stopping the flow",
            nl="nieuwe moeite om te gaan plassen of om het plassen te stoppen",
        ),
        UrgentSign.LEAKING: Text(
            en="leaking urine or stool",
            nl="ongewild urine of ontlasting verliezen",
        ),
        UrgentSign.NUMB_BOTH_LEGS: Text(
            en="numbness in both legs",
            nl="een doof gevoel in beide benen",
        ),
        UrgentSign.WEAK_BOTH_LEGS: Text(
            en="weakness in both legs",
            nl="krachtverlies in beide benen",
        ),
        UrgentSign.LEG_WEAKER_QUICKLY: Text(
            en="a leg that is quickly getting weaker",
            nl="een been dat snel zwakker wordt",
        ),
    }
)
"""Each sign in plain words, as the notice after an entry names it."""

RED_FLAG_TAGS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "en": (
            "numbness in both legs",
            "weakness in both legs",
            "leg getting weaker quickly",
            "saddle numbness",
            "trouble passing urine",
            "leaking urine or stool",
        ),
        "nl": (
            "doof gevoel in beide benen",
            "krachtverlies in beide benen",
            "been wordt snel zwakker",
            "doof gevoel in zitvlak",
            "moeite met plassen",
            "urine of ontlasting verliezen",
        ),
    }
)
"""Tags the diary offers as suggestions; saving an entry with one brings the notice back."""

_SIGN_TAGS: Final[tuple[tuple[str, UrgentSign, tuple[str, ...]], ...]] = (
    # (language, sign, tags): the suggested tags, and other ways people (or their
    # physiotherapist) write the same sign. Each of these names the sign on its own.
    (
        "en",
        UrgentSign.NUMB_BOTH_LEGS,
        ("numbness in both legs", "numb both legs", "both legs numb"),
    ),
    ("en", UrgentSign.WEAK_BOTH_LEGS, ("weakness in both legs", "both legs weak")),
    (
        "en",
        UrgentSign.LEG_WEAKER_QUICKLY,
        (
            "leg getting weaker quickly",
            "leg getting weaker",
            "leg weakness getting worse",
            "worsening leg weakness",
        ),
    ),
    (
        "en",
        UrgentSign.SADDLE_NUMBNESS,
        ("saddle numbness", "saddle anaesthesia", "saddle anesthesia", "numb saddle area"),
    ),
    (
        "en",
        UrgentSign.URINE_TROUBLE,
        ("trouble passing urine", "can't pass urine", "cannot pass urine"),
    ),
    ("en", UrgentSign.LEAKING, ("leaking urine or stool", "incontinence")),
    (
        "nl",
        UrgentSign.NUMB_BOTH_LEGS,
        (
            "doof gevoel in beide benen",
            "gevoelloze benen",
            "beide benen gevoelloos",
            "beide benen doof",
        ),
    ),
    ("nl", UrgentSign.WEAK_BOTH_LEGS, ("krachtverlies in beide benen", "beide benen krachteloos")),
    (
        "nl",
        UrgentSign.LEG_WEAKER_QUICKLY,
        ("been wordt snel zwakker", "been wordt zwakker", "krachtverlies in been wordt erger"),
    ),
    (
        "nl",
        UrgentSign.SADDLE_NUMBNESS,
        ("doof gevoel in zitvlak", "rijbroekanesthesie", "doof zitvlak"),
    ),
    ("nl", UrgentSign.URINE_TROUBLE, ("moeite met plassen", "kan niet plassen")),
    ("nl", UrgentSign.LEAKING, ("urine of ontlasting verliezen", "incontinentie")),
)


def normalize_tag(tag: str) -> str:
    """Lower case with single spaces, as the diary stores tags, so matching is exact."""
    return " ".join(tag.replace("’", "'").split()).lower()


_TAG_SIGN: Final[Mapping[str, UrgentSign]] = MappingProxyType(
    {normalize_tag(tag): sign for _lang, sign, tags in _SIGN_TAGS for tag in tags}
)

# Numbness or weakness without saying where: the body map says where. With a mark on each
# leg, that is "numbness or weakness in both legs" (CLINICAL.md §4).
_BOTH_LEGS_WORDS: Final[tuple[tuple[str, UrgentSign, tuple[str, ...]], ...]] = (
    ("en", UrgentSign.NUMB_BOTH_LEGS, ("numbness", "numb", "numb legs")),
    ("en", UrgentSign.WEAK_BOTH_LEGS, ("weakness", "weak legs", "leg weakness")),
    (
        "nl",
        UrgentSign.NUMB_BOTH_LEGS,
        ("doof gevoel", "gevoelloos", "gevoelloosheid", "dove benen"),
    ),
    ("nl", UrgentSign.WEAK_BOTH_LEGS, ("krachtverlies", "zwakke benen")),
)

# Weakness that gets worse, without saying where: with a mark on a leg (one is enough),
# that is "leg weakness that gets worse quickly" (CLINICAL.md §4).
_WORSENING_WORDS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("en", ("weakness getting worse", "worsening weakness", "getting weaker")),
    ("nl", ("krachtverlies wordt erger", "wordt zwakker", "steeds zwakker")),
)

_LEG_WORD_SIGN: Final[Mapping[str, UrgentSign]] = MappingProxyType(
    {normalize_tag(tag): sign for _lang, sign, tags in _BOTH_LEGS_WORDS for tag in tags}
)
_WORSENING: Final[frozenset[str]] = frozenset(
    normalize_tag(tag) for _lang, tags in _WORSENING_WORDS for tag in tags
)
_DUTCH: Final[frozenset[str]] = frozenset(
    normalize_tag(tag)
    for lang, tags in (
        *((lang, tags) for lang, _sign, tags in _SIGN_TAGS),
        *((lang, tags) for lang, _sign, tags in _BOTH_LEGS_WORDS),
        *_WORSENING_WORDS,
    )
    if lang == "nl"
    for tag in tags
)
"""Every Dutch word above: the command line answers in the language of the tag."""

LEFT_LEG: Final[frozenset[str]] = frozenset({"thigh_left", "below_knee_left"})
RIGHT_LEG: Final[frozenset[str]] = frozenset({"thigh_right", "below_knee_right"})
"""The body map's leg regions: a thigh or below the knee, on each side. Numbness marked on
the left thigh and below the right knee is in both legs as much as below both knees."""


class _HasTags(Protocol):
    @property
    def tags(self) -> tuple[str, ...]: ...

    @property
    def regions(self) -> tuple[str, ...]: ...


def matching_tags(tags: Iterable[str]) -> list[str]:
    """The tags among `tags` that name a red-flag sign on their own, in their given order."""
    return [tag for tag in tags if normalize_tag(tag) in _TAG_SIGN]


def red_flag_signs(entry: _HasTags) -> tuple[UrgentSign, ...]:
    """The urgent signs a saved entry names, each once, in the order of its tags.

    A sign is a red-flag tag; or numbness or weakness tagged while the body map marks
    both legs (a thigh or below the knee, on each side); or weakness that gets worse
    tagged while it marks a leg. Pain in the legs on its own is an ordinary answer. Only
    tags and the map count, never free text: a note like "no numbness in my legs" must
    not raise an alarm, and a tag is a deliberate choice by the person.
    """
    regions = set(entry.regions)
    on_left, on_right = bool(regions & LEFT_LEG), bool(regions & RIGHT_LEG)
    found: dict[UrgentSign, None] = {}
    for tag in map(normalize_tag, entry.tags):
        sign = _TAG_SIGN.get(tag)
        if sign is None and on_left and on_right:
            sign = _LEG_WORD_SIGN.get(tag)
        if sign is None and (on_left or on_right) and tag in _WORSENING:
            sign = UrgentSign.LEG_WEAKER_QUICKLY
        if sign is not None:
            found.setdefault(sign, None)
    return tuple(found)


def needs_red_flag_notice(entry: _HasTags) -> bool:
    """True when a saved entry carries an urgent sign, so the notice is shown again."""
    return bool(red_flag_signs(entry))


def signs_language(entry: _HasTags) -> str | None:
    """ "nl" when a tag that names a sign is Dutch, "en" when one is English, else None.

    For the command line, which has no language of its own: the notice answers in the
    words the person used.
    """
    sign_words = {*_TAG_SIGN, *_LEG_WORD_SIGN, *_WORSENING}
    named = [tag for tag in map(normalize_tag, entry.tags) if tag in sign_words]
    if not named:
        return None
    return "nl" if any(tag in _DUTCH for tag in named) else "en"


@dataclass(frozen=True, slots=True)
class EntryNotice:
    """The opening of the notice after an entry with an urgent sign, in one language."""

    lead: str
    signs: tuple[str, ...]
    action: str
    no_diagnosis: str
    list_intro: str


def entry_notice(lang: str, signs: Iterable[UrgentSign] = ()) -> EntryNotice:
    """The words above the list after an entry; `signs` are named when given."""
    names = tuple(SIGN_NAMES[sign].get(lang) for sign in signs)
    return EntryNotice(
        lead=(ENTRY_NOTICE if names else ENTRY_NOTICE_UNNAMED).get(lang),
        signs=names,
        action=ENTRY_ACTION.get(lang),
        no_diagnosis=ENTRY_NO_DIAGNOSIS.get(lang),
        list_intro=ENTRY_LIST_INTRO.get(lang),
    )


def entry_notice_text(lang: str, signs: Iterable[UrgentSign] = ()) -> str:
    """The opening as plain text with bullets: for the command line and screen readers."""
    notice = entry_notice(lang, signs)
    lines = [notice.lead, *(f"• {name}" for name in notice.signs), notice.action]
    return "\n".join([*lines, notice.no_diagnosis])


@dataclass(frozen=True, slots=True)
class RedFlagNotice:
    """The whole notice in one language, ready for a dialog or a report."""

    title: str
    intro: str
    urgent_heading: str
    urgent: tuple[str, ...]
    soon_heading: str
    soon: tuple[str, ...]
    closing: str


def red_flag_notice(lang: str) -> RedFlagNotice:
    """The notice in `lang` ("en" or "nl"; anything else gives English)."""
    return RedFlagNotice(
        title=TITLE.get(lang),
        intro=INTRO.get(lang),
        urgent_heading=URGENT_HEADING.get(lang),
        urgent=tuple(sign.get(lang) for sign in URGENT_SIGNS),
        soon_heading=SOON_HEADING.get(lang),
        soon=tuple(sign.get(lang) for sign in SOON_SIGNS),
        closing=CLOSING.get(lang),
    )


def all_texts() -> list[Text]:
    """Every text of the notice, for the wording checks."""
    return [
        TITLE,
        INTRO,
        URGENT_HEADING,
        *URGENT_SIGNS,
        SOON_HEADING,
        *SOON_SIGNS,
        CLOSING,
        ENTRY_NOTICE,
        ENTRY_NOTICE_UNNAMED,
        ENTRY_ACTION,
        ENTRY_NO_DIAGNOSIS,
        ENTRY_LIST_INTRO,
        *SIGN_NAMES.values(),
    ]
