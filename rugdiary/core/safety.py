"""The red-flag notice (when to get help) in both languages, and which diary tags recall it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Protocol

from rugdiary.core.body_regions import BELOW_KNEE
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
        en="new trouble starting or stopping passing urine, leaking urine or stool, or not "
        "feeling when your bladder is full;",
        nl="nieuwe moeite om te gaan plassen of om het plassen te stoppen, ongewild urine "
        "of ontlasting verliezen, of niet meer voelen dat je blaas vol is;",
    ),
    Text(
        en="a new change in sexual feeling or function;",
        nl="een nieuwe verandering in seksueel gevoel of functioneren;",
    ),
    Text(
        en="weakness or numbness in both legs, or leg weakness that gets worse quickly;",
        nl="krachtverlies of een doof gevoel in beide benen, of krachtverlies in een been "
        "dat snel erger wordt;",
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

ENTRY_NOTICE: Final = Text(
    en="You noted a sign that is worth checking with a doctor. Please read the list below. "
    "If you have already talked it over with your GP, you can close this.",
    nl="Je hebt iets genoteerd dat je het beste even met een arts kunt bespreken. Lees het "
    "lijstje hieronder. Heb je het al met je huisarts besproken, dan kun je dit sluiten.",
)

RED_FLAG_TAGS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "en": (
            "numbness in both legs",
            "weakness in both legs",
            "saddle numbness",
            "trouble passing urine",
            "leaking urine or stool",
        ),
        "nl": (
            "doof gevoel in beide benen",
            "krachtverlies in beide benen",
            "doof gevoel in zitvlak",
            "moeite met plassen",
            "urine of ontlasting verliezen",
        ),
    }
)
"""Tags the diary offers as suggestions; saving an entry with one brings the notice back."""

_ALIASES: Final[tuple[str, ...]] = (
    # Other ways people (or their physiotherapist) write the same signs.
    "numb both legs",
    "both legs numb",
    "both legs weak",
    "saddle anaesthesia",
    "saddle anesthesia",
    "numb saddle area",
    "incontinence",
    "can't pass urine",
    "cannot pass urine",
    "gevoelloze benen",
    "beide benen gevoelloos",
    "beide benen doof",
    "beide benen krachteloos",
    "rijbroekanesthesie",
    "doof zitvlak",
    "incontinentie",
    "kan niet plassen",
)


def normalize_tag(tag: str) -> str:
    """Lower case with single spaces, as the diary stores tags, so matching is exact."""
    return " ".join(tag.replace("’", "'").split()).lower()


_MATCHING: Final[frozenset[str]] = frozenset(
    normalize_tag(tag) for tag in (*RED_FLAG_TAGS["en"], *RED_FLAG_TAGS["nl"], *_ALIASES)
)


_LEG_SIGNS: Final[frozenset[str]] = frozenset(
    normalize_tag(tag)
    for tag in (
        # Numbness or weakness, without saying where: the body map says where.
        "numbness",
        "numb",
        "weakness",
        "weak legs",
        "numb legs",
        "leg weakness",
        "doof gevoel",
        "gevoelloos",
        "gevoelloosheid",
        "krachtverlies",
        "zwakke benen",
        "dove benen",
    )
)


class _HasTags(Protocol):
    @property
    def tags(self) -> tuple[str, ...]: ...

    @property
    def regions(self) -> tuple[str, ...]: ...


def matching_tags(tags: Iterable[str]) -> list[str]:
    """The tags among `tags` that name a red-flag sign, in their given order."""
    return [tag for tag in tags if normalize_tag(tag) in _MATCHING]


def needs_red_flag_notice(entry: _HasTags) -> bool:
    """True when a saved entry carries a red-flag sign, so the notice is shown again.

    A sign is a red-flag tag, or numbness or weakness tagged while the body map marks
    both legs below the knee: together they are "numbness or weakness in both legs"
    (CLINICAL.md §4). Pain below the knee on its own is an ordinary answer. Only tags
    and the map count, never free text: a note like "no numbness in my legs" must not
    raise an alarm, and a tag is a deliberate choice by the person.
    """
    if matching_tags(entry.tags):
        return True
    if not set(entry.regions) >= BELOW_KNEE:
        return False
    return any(normalize_tag(tag) in _LEG_SIGNS for tag in entry.tags)


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
    ]
