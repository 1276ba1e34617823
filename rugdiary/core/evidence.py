"""The evidence behind the exercises, in plain words (EN/NL) with the sources it rests on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from rugdiary.core.exercises import Text

# Paraphrased from CLINICAL.md §0 in the app's own words. Claims stay as careful as the
# sources: "may contribute" where the evidence is mixed, and patterns are never causes.

TITLE: Final = Text(en="Evidence behind the exercises", nl="Onderbouwing van de oefeningen")

INTRO: Final = Text(
    en="The exercises and programs in RugDiary follow what research and the Dutch and "
    "British guidelines say about low back pain without a specific cause. In short:",
    nl="De oefeningen en programma's in RugDiary volgen wat onderzoek en de Nederlandse en "
    "Britse richtlijnen zeggen over lage rugpijn zonder specifieke oorzaak. In het kort:",
)


@dataclass(frozen=True, slots=True)
class EvidencePoint:
    """One plain-language claim and the keys of the sources that support it."""

    text: Text
    sources: tuple[str, ...]


POINTS: Final[tuple[EvidencePoint, ...]] = (
    EvidencePoint(
        Text(
            en="Exercise helps about as much as other active treatments; no type is clearly "
            "best. The best program is the one you keep doing.",
            nl="Oefenen helpt ongeveer even goed als andere actieve behandelingen; geen "
            "enkele soort is duidelijk de beste. Het beste programma is het programma dat "
            "je volhoudt.",
        ),
        ("Hayden21", "Sarag16"),
    ),
    EvidencePoint(
        Text(
            en="Compared with no treatment or usual care, exercise lowers pain by about 15 "
            "points on a scale of 100 and makes daily activities a little easier (moderate "
            "certainty).",
            nl="Vergeleken met geen behandeling of de gewone zorg vermindert oefenen de pijn "
            "met zo'n 15 punten op een schaal van 100, en gaan dagelijkse bezigheden wat "
            "makkelijker (redelijke zekerheid).",
        ),
        ("Hayden21",),
    ),
    EvidencePoint(
        Text(
            en="Programs that build strength and core stability, such as Pilates and "
            "strength training, come out among the most helpful. Stretching on its own "
            "helps little, so RugDiary uses stretches to warm up and to unwind.",
            nl="Programma's die kracht en stabiliteit opbouwen, zoals pilates en "
            "krachttraining, horen bij de meest behulpzame. Alleen rekken helpt weinig, "
            "dus RugDiary gebruikt rekoefeningen om op te warmen en te ontspannen.",
        ),
        ("Owen20",),
    ),
    EvidencePoint(
        Text(
            en="Guidelines put exercise and staying active at the heart of care, together "
            "with clear information. Long bed rest is not advised.",
            nl="Richtlijnen zetten oefenen en actief blijven centraal, samen met goede "
            "uitleg. Lang in bed blijven wordt afgeraden.",
        ),
        ("NICE", "KNGF", "Lancet18"),
    ),
    EvidencePoint(
        Text(
            en="Build up step by step, following a plan rather than the pain of the day. A "
            "little more pain after exercise is common and usually settles within a day.",
            nl="Bouw stap voor stap op, volgens een plan en niet volgens de pijn van de dag. "
            "Iets meer pijn na het oefenen komt vaak voor en zakt meestal binnen een dag.",
        ),
        ("KNGF", "WHO-SR"),
    ),
    EvidencePoint(
        Text(
            en="Holding the trunk muscles tight all day can keep pain going. That is why "
            "the exercises say: breathe normally, move freely, let the back relax.",
            nl="De hele dag je rompspieren vasthouden kan pijn juist laten aanhouden. "
            "Daarom zeggen de oefeningen: adem rustig door, beweeg vrij, laat je rug "
            "ontspannen.",
        ),
        ("vanDieen17",),
    ),
    EvidencePoint(
        Text(
            en="Stress, worry and fear of movement may contribute to back pain lasting "
            "longer. For stress at work the research is mixed.",
            nl="Stress, zorgen en angst om te bewegen kunnen eraan bijdragen dat rugpijn "
            "langer aanhoudt. Over stress op het werk is het onderzoek niet eenduidig.",
        ),
        ("KNGF", "FAM", "Work"),
    ),
    EvidencePoint(
        Text(
            en="Mindfulness and slow, relaxed breathing help some people cope with pain; "
            "the studies on breathing are still small.",
            nl="Mindfulness en rustig, ontspannen ademen helpen sommige mensen om met pijn "
            "om te gaan; de onderzoeken naar ademhaling zijn nog klein.",
        ),
        ("Mind",),
    ),
    EvidencePoint(
        Text(
            en="The traffic-light guide for pain during exercise (0–3 fine, 4–5 acceptable, "
            "above 5 too much) comes from research on tendon pain. It is a practical rule "
            "of thumb, not tested for back pain. The number of repetitions and seconds are "
            "common practice, not trial results.",
            nl="De stoplichtregel voor pijn tijdens het oefenen (0–3 prima, 4–5 acceptabel, "
            "boven de 5 te veel) komt uit onderzoek naar peespijn. Het is een praktische "
            "vuistregel, niet getest bij rugpijn. Het aantal herhalingen en seconden is "
            "gangbare praktijk, geen uitkomst van onderzoek.",
        ),
        ("PMM",),
    ),
)

SOURCES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "Hayden21": "Hayden JA et al. Exercise therapy for chronic low back pain. "
        "Cochrane Database of Systematic Reviews 2021, CD009790.",
        "Sarag16": "Saragiotto BT et al. Motor control exercise for chronic non-specific "
        "low-back pain. Cochrane Database of Systematic Reviews 2016, CD012004.",
        "Owen20": "Owen PJ et al. Which specific modes of exercise training are most "
        "effective for treating low back pain? British Journal of Sports Medicine "
        "2020;54:1279.",
        "NICE": "NICE guideline NG59. Low back pain and sciatica in over 16s (2016, updated 2020).",
        "KNGF": "KNGF-richtlijn Lage rugpijn en lumbosacraal radiculair syndroom (2021).",
        "Lancet18": "Hartvigsen J et al.; Foster NE et al. Low back pain series. The Lancet 2018.",
        "WHO-SR": "Systematic review of exercise for chronic low back pain for the WHO "
        "guideline (2023; PMC10684665).",
        "vanDieen17": "van Dieën JH et al. Exercise and Sport Sciences Reviews 2017;45:223.",
        "FAM": "Vlaeyen JWS, Linton SJ. Pain 2000; Leeuw M et al. Journal of Behavioral "
        "Medicine 2007 (fear of movement).",
        "Work": "Buruck G et al. BMC Musculoskeletal Disorders 2019; Jahn et al. "
        "Scandinavian Journal of Work, Environment & Health 2024.",
        "Mind": "Cherkin DC et al. JAMA 2016; Busch V et al. Pain Medicine 2012.",
        "PMM": "Silbernagel KG et al. 2007: the pain-monitoring model (tendon pain).",
    }
)
"""Citations by key; names and journals are not translated."""

SOURCES_HEADING: Final = Text(en="Sources", nl="Bronnen")


def source_keys() -> list[str]:
    """The keys the points cite, in order of first use, so the list reads top to bottom."""
    seen: dict[str, None] = {}
    for point in POINTS:
        for key in point.sources:
            seen.setdefault(key, None)
    return list(seen)


def all_texts() -> list[Text]:
    """Every translated text, for the wording checks."""
    return [TITLE, INTRO, SOURCES_HEADING, *(point.text for point in POINTS)]
