"""The app's own short education tips (EN/NL), one chosen per day from the date."""

from __future__ import annotations

from datetime import date
from typing import Final

from rugdiary.core.exercises import Text

# Written for the app from the message of CLINICAL.md: stress may play a part, the back
# may relax and move freely, exercise helps, keep moving. Dutch uses the informal "je".
# No fear words: tests/core/test_tips.py runs every tip through content.forbidden_words.
TIPS: Final[tuple[Text, ...]] = (
    Text(
        en="Moving is good for your back. A short walk counts, also on a day with more pain.",
        nl="Bewegen is goed voor je rug. Een kort stukje wandelen telt ook, "
        "zelfs op een dag met meer pijn.",
    ),
    Text(
        en="Your back does not need to be held still and controlled all day. "
        "Letting it relax often feels better.",
        nl="Je rug hoeft niet de hele dag stil en onder controle te blijven. "
        "Hem laten ontspannen voelt vaak beter.",
    ),
    Text(
        en="Stress can play a part in how much your back bothers you. "
        "A few slow breaths out can help you unwind.",
        nl="Stress kan meespelen in hoeveel last je van je rug hebt. "
        "Een paar keer rustig uitademen helpt je om tot rust te komen.",
    ),
    Text(
        en="Exercise helps about as much as other active treatments. "
        "The best program is the one you keep doing.",
        nl="Oefenen helpt ongeveer even goed als andere actieve behandelingen. "
        "Het beste programma is het programma dat je volhoudt.",
    ),
    Text(
        en="Stronger back and belly muscles make you more resilient. "
        "Small steps, done often, add up.",
        nl="Sterkere rug- en buikspieren maken je veerkrachtiger. "
        "Kleine stappen, vaak gezet, tellen op.",
    ),
    Text(
        en="You do not have to check every movement. "
        "Your back is strong and made to bend, turn and lift.",
        nl="Je hoeft niet elke beweging te controleren. "
        "Je rug is sterk en gemaakt om te buigen, te draaien en te tillen.",
    ),
    Text(
        en="Sitting for a long time? Stand up, walk a few steps and sit down again. "
        "Your back likes variety.",
        nl="Zit je al lang? Sta even op, loop een paar stappen en ga weer zitten. "
        "Je rug houdt van afwisseling.",
    ),
    Text(
        en="A little more pain while exercising is usually fine "
        "if it has settled again by the next morning.",
        nl="Iets meer pijn tijdens het oefenen is meestal prima "
        "als het de volgende ochtend weer gezakt is.",
    ),
    Text(
        en="Breathe normally while you exercise, and let your shoulders and back go loose "
        "between the movements.",
        nl="Adem gewoon door tijdens het oefenen en laat je schouders en rug los "
        "tussen de bewegingen door.",
    ),
    Text(
        en="On a day with more pain, keep moving gently: shorter walks and easy exercises "
        "work better than a day in bed.",
        nl="Heb je een dag met meer pijn? Blijf rustig bewegen: kortere wandelingen en "
        "makkelijke oefeningen werken beter dan een dag in bed.",
    ),
    Text(
        en="Stress and poor sleep can make pain feel stronger. "
        "Your diary may show how they move together for you.",
        nl="Stress en slecht slapen kunnen pijn sterker laten voelen. "
        "Je dagboek laat misschien zien hoe ze bij jou samen op en neer gaan.",
    ),
    Text(
        en="Being fit and active lowers the chance that back pain lasts. "
        "Any activity you enjoy counts.",
        nl="Fit en actief zijn verkleint de kans dat rugpijn blijft. "
        "Elke activiteit die je fijn vindt, telt mee.",
    ),
    Text(
        en="Build up by plan, not by pain: add a little time each week, "
        "on good days and on harder days.",
        nl="Bouw op volgens plan, niet volgens de pijn: voeg elke week een beetje tijd toe, "
        "op goede en op lastigere dagen.",
    ),
    Text(
        en="Most back pain gets better with time. Staying active helps you along the way.",
        nl="De meeste rugpijn wordt met de tijd minder. Actief blijven helpt je daarbij.",
    ),
    Text(
        en="Let your back move freely. Bending forward with a rounded back is fine.",
        nl="Laat je rug vrij bewegen. Vooroverbuigen met een ronde rug is prima.",
    ),
    Text(
        en="Busy day? Two minutes of slow breathing, with a long breath out, "
        "can take the edge off stress.",
        nl="Drukke dag? Twee minuten rustig ademen, met een lange uitademing, "
        "kan de stress wat verzachten.",
    ),
)


def tip_for(day: date) -> Text:
    """The tip of `day`: the same all day (and on every start), a different one tomorrow.

    Counting from the date rather than at random keeps the Today page steady when it is
    reopened, and walks through every tip before one repeats.
    """
    return TIPS[day.toordinal() % len(TIPS)]


def tip_text(day: date, lang: str) -> str:
    """The tip of `day` in `lang` ("en" or "nl"; other languages get English)."""
    return tip_for(day).get(lang)
