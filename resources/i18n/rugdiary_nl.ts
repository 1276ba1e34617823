<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About RugDiary</source>
        <translation>Over RugDiary</translation>
    </message>
    <message>
        <source>RugDiary %1</source>
        <translation>RugDiary %1</translation>
    </message>
    <message>
        <source>A calm diary and exercise companion for low back pain: note your pain and stress, keep moving with guided exercises, and see how things change over the weeks.</source>
        <translation>Een rustig dagboek en oefenmaatje bij lage rugpijn: noteer je pijn en stress, blijf in beweging met begeleide oefeningen en zie hoe het verandert in de loop van de weken.</translation>
    </message>
    <message>
        <source>RugDiary does not diagnose or replace your physiotherapist or doctor.</source>
        <translation>RugDiary stelt geen diagnose en vervangt je fysiotherapeut of arts niet.</translation>
    </message>
    <message>
        <source>Free software: you may use, share and change it under the GNU General Public License, version 3 or later (%1). Your diary stays on this computer.</source>
        <translation>Vrije software: je mag het gebruiken, delen en aanpassen onder de GNU General Public License, versie 3 of later (%1). Je dagboek blijft op deze computer.</translation>
    </message>
    <message>
        <source>Your diary is kept in this folder:</source>
        <translation>Je dagboek staat in deze map:</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Gegevensmap</translation>
    </message>
    <message>
        <source>&amp;Copy path</source>
        <translation>Pad &amp;kopiëren</translation>
    </message>
    <message>
        <source>Copy the data folder path</source>
        <translation>Kopieer het pad van de gegevensmap</translation>
    </message>
    <message>
        <source>&amp;Evidence behind the exercises</source>
        <translation>&amp;Onderbouwing van de oefeningen</translation>
    </message>
    <message>
        <source>&amp;When to get help</source>
        <translation>&amp;Wanneer zoek je hulp?</translation>
    </message>
</context>
<context>
    <name>ActivitiesController</name>
    <message>
        <source>Not scored yet.</source>
        <translation>Nog niet gescoord.</translation>
    </message>
    <message>
        <source>Scored today: %1. Choose another score to correct it.</source>
        <translation>Vandaag gescoord: %1. Kies een andere score om die aan te passen.</translation>
    </message>
    <message>
        <source>Last time: %1, on %2</source>
        <translation>Vorige score: %1 (%2)</translation>
    </message>
    <message>
        <source>Five activities is the most. To add another, stop asking about one first.</source>
        <translation>Vijf activiteiten is het maximum. Wil je er een bij? Kies dan eerst bij een andere “Niet meer vragen”.</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>Nieuwe activiteit</translation>
    </message>
    <message>
        <source>New: score it now, or the next time.</source>
        <translation>Nieuw: geef het nu een score, of de volgende keer.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Niet opgeslagen: %1</translation>
    </message>
    <message>
        <source>the diary could not be written</source>
        <translation>het dagboek kon niet worden opgeslagen</translation>
    </message>
    <message>
        <source>Not saved yet: %1. Your answers are still here, so you can try again.</source>
        <translation>Nog niet opgeslagen: %1. Je antwoorden staan er nog, dus je kunt het opnieuw proberen.</translation>
    </message>
    <message>
        <source>you have an activity with this name already.</source>
        <translation>je hebt al een activiteit met deze naam.</translation>
    </message>
    <message>
        <source>a name is needed, such as “put on socks”.</source>
        <translation>vul een naam in, zoals “sokken aantrekken”.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ActivitiesDialog</name>
    <message>
        <source>My activities</source>
        <translation>Mijn activiteiten</translation>
    </message>
    <message>
        <source>Name up to five everyday activities that your back makes hard, such as putting on socks, sitting through a meeting or lifting a child. Every two weeks, score how well you can do each one now: 0 means you cannot do it, 10 means as well as before your back pain.</source>
        <translation>Noem maximaal vijf dagelijkse activiteiten die moeilijk gaan door je rug, zoals sokken aantrekken, een vergadering uitzitten of een kind optillen. Geef elke twee weken per activiteit een score voor hoe goed die nu lukt: 0 betekent dat het niet lukt, 10 betekent zo goed als vóór je rugpijn.</translation>
    </message>
    <message>
        <source>No activities yet.</source>
        <translation>Nog geen activiteiten.</translation>
    </message>
    <message>
        <source>&amp;New activity:</source>
        <translation>&amp;Nieuwe activiteit:</translation>
    </message>
    <message>
        <source>e.g. put on socks</source>
        <translation>bijv. sokken aantrekken</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>Nieuwe activiteit</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Toevoegen</translation>
    </message>
    <message>
        <source>Add the new activity</source>
        <translation>De nieuwe activiteit toevoegen</translation>
    </message>
    <message>
        <source>Five activities is the most. To add another, stop asking about one first.</source>
        <translation>Vijf activiteiten is het maximum. Wil je er een bij? Kies dan eerst bij een andere “Niet meer vragen”.</translation>
    </message>
    <message>
        <source>Ask me a&amp;gain on:</source>
        <translation>&amp;Weer vragen op:</translation>
    </message>
    <message>
        <source>Ask me again on</source>
        <translation>Weer vragen op</translation>
    </message>
    <message>
        <source>Usually two weeks after you score. Choose another day if it suits you better.</source>
        <translation>Meestal twee weken na je laatste score. Kies een andere dag als dat beter uitkomt.</translation>
    </message>
    <message>
        <source>What needs attention</source>
        <translation>Nog even nakijken</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Save my activities</source>
        <translation>Mijn activiteiten opslaan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>ActivitiesLine</name>
    <message>
        <source>Follow a few everyday activities that your back makes hard, and see them get easier.</source>
        <translation>Volg een paar dagelijkse activiteiten die moeilijk gaan door je rug, en zie hoe ze makkelijker worden.</translation>
    </message>
    <message>
        <source>Name my activities</source>
        <translation>Mijn activiteiten kiezen</translation>
    </message>
    <message>
        <source>Time to score your activities again: how well can you do them now?</source>
        <translation>Tijd om je activiteiten weer een score te geven: hoe goed lukken ze nu?</translation>
    </message>
    <message>
        <source>Score my activities</source>
        <translation>Mijn activiteiten scoren</translation>
    </message>
    <message>
        <source>Next score of your activities: tomorrow, %1</source>
        <translation>Volgende score van je activiteiten: morgen, %1</translation>
    </message>
    <message>
        <source>Next score of your activities: in %1 days, %2</source>
        <translation>Volgende score van je activiteiten: over %1 dagen, %2</translation>
    </message>
    <message>
        <source>My activities</source>
        <translation>Mijn activiteiten</translation>
    </message>
</context>
<context>
    <name>ActivitiesSection</name>
    <message>
        <source>My activities</source>
        <translation>Mijn activiteiten</translation>
    </message>
    <message>
        <source>How well you can do the everyday activities you chose, from 0 (not at all) to 10 (as before your back pain). Each change is counted from the first score in this period.</source>
        <translation>Hoe goed de dagelijkse activiteiten lukken die je hebt gekozen, van 0 (helemaal niet) tot 10 (zoals vóór je rugpijn). Elke verandering wordt gerekend vanaf de eerste score in deze periode.</translation>
    </message>
    <message>
        <source>Show as table</source>
        <translation>Als tabel tonen</translation>
    </message>
    <message>
        <source>Change my activities…</source>
        <translation>Mijn activiteiten aanpassen…</translation>
    </message>
</context>
<context>
    <name>ActivitiesSectionController</name>
    <message>
        <source>Name a few everyday activities that your back makes hard, such as putting on socks. Score them every two weeks and see here how they get easier.</source>
        <translation>Noem een paar dagelijkse activiteiten die moeilijk gaan door je rug, zoals sokken aantrekken. Geef ze elke twee weken een score en zie hier hoe ze makkelijker worden.</translation>
    </message>
    <message>
        <source>Name my activities</source>
        <translation>Mijn activiteiten kiezen</translation>
    </message>
    <message>
        <source>How well you can do the everyday activities you chose, from 0 (not at all) to 10 (as before your back pain). Each change is counted from the first score in this period.</source>
        <translation>Hoe goed de dagelijkse activiteiten lukken die je hebt gekozen, van 0 (helemaal niet) tot 10 (zoals vóór je rugpijn). Elke verandering wordt gerekend vanaf de eerste score in deze periode.</translation>
    </message>
    <message>
        <source>Change my activities…</source>
        <translation>Mijn activiteiten aanpassen…</translation>
    </message>
</context>
<context>
    <name>ActivityRow</name>
    <message>
        <source>Activity %1</source>
        <translation>Activiteit %1</translation>
    </message>
    <message>
        <source>Stop asking</source>
        <translation>Niet meer vragen</translation>
    </message>
    <message>
        <source>I cannot do it</source>
        <translation>het lukt me niet</translation>
    </message>
    <message>
        <source>as well as before my back pain</source>
        <translation>zo goed als vóór mijn rugpijn</translation>
    </message>
    <message>
        <source>You will not be asked about this any more; its scores stay in your history.</source>
        <translation>Je krijgt hier geen vraag meer over; de scores blijven in je geschiedenis staan.</translation>
    </message>
    <message>
        <source>Nothing chosen yet. 0 means %1, 10 means %2. Type a digit to choose a score; after that, the arrow keys change it.</source>
        <translation>Nog niets gekozen. 0 betekent %1, 10 betekent %2. Typ een cijfer om een score te kiezen; daarna verander je die met de pijltjestoetsen.</translation>
    </message>
    <message>
        <source>Stop asking about %1</source>
        <translation>Niet meer vragen naar %1</translation>
    </message>
    <message>
        <source>Keep asking about %1</source>
        <translation>Blijven vragen naar %1</translation>
    </message>
    <message>
        <source>Keep asking</source>
        <translation>Blijven vragen</translation>
    </message>
</context>
<context>
    <name>AfterForm</name>
    <message>
        <source>How much &amp;pain do you feel now?</source>
        <translation>Hoeveel &amp;pijn heb je nu?</translation>
    </message>
    <message>
        <source>Pain now</source>
        <translation>Pijn nu</translation>
    </message>
    <message>
        <source>no pain</source>
        <translation>geen pijn</translation>
    </message>
    <message>
        <source>worst pain imaginable</source>
        <translation>ergst denkbare pijn</translation>
    </message>
    <message>
        <source>How hard did the session feel (&amp;effort)?</source>
        <translation>Hoe zwaar voelde de sessie (&amp;inspanning)?</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>Inspanning</translation>
    </message>
    <message>
        <source>very easy</source>
        <translation>heel licht</translation>
    </message>
    <message>
        <source>as hard as I can</source>
        <translation>zo zwaar als ik kan</translation>
    </message>
    <message>
        <source>What your pain score means</source>
        <translation>Wat je pijnscore betekent</translation>
    </message>
    <message>
        <source>Colour of the pain response</source>
        <translation>Kleur van de pijnreactie</translation>
    </message>
    <message>
        <source>Save your answers with the session in your diary</source>
        <translation>Sla je antwoorden op bij de sessie in je dagboek</translation>
    </message>
    <message>
        <source>How did it go? (optional)</source>
        <translation>Hoe ging het? (optioneel)</translation>
    </message>
    <message>
        <source>How did it go</source>
        <translation>Hoe ging het</translation>
    </message>
    <message>
        <source>For example: easier than last time, hips felt loose</source>
        <translation>Bijvoorbeeld: makkelijker dan vorige keer, heupen voelden soepel</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Opslagstatus</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Close the session summary</source>
        <translation>Sluit het overzicht van de sessie</translation>
    </message>
</context>
<context>
    <name>BeforeForm</name>
    <message>
        <source>How much pain do you feel &amp;right now?</source>
        <translation>Hoeveel pijn heb je &amp;op dit moment?</translation>
    </message>
    <message>
        <source>Pain right now</source>
        <translation>Pijn op dit moment</translation>
    </message>
    <message>
        <source>no pain</source>
        <translation>geen pijn</translation>
    </message>
    <message>
        <source>worst pain imaginable</source>
        <translation>ergst denkbare pijn</translation>
    </message>
    <message>
        <source>Put the laptop where you can see it from the mat. Press Space to start; the player guides you from there. Space pauses, Esc stops.</source>
        <translation>Zet de laptop zo neer dat je hem vanaf de mat kunt zien. Druk op de spatiebalk om te beginnen; daarna begeleidt de speler je. De spatiebalk pauzeert, Esc stopt.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Start the session</source>
        <translation>Start de sessie</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Niet nu</translation>
    </message>
    <message>
        <source>Do not start this session</source>
        <translation>Deze sessie niet starten</translation>
    </message>
</context>
<context>
    <name>BodyMap</name>
    <message>
        <source>Where it hurts</source>
        <translation>Waar het pijn doet</translation>
    </message>
    <message>
        <source>A body seen from behind. Arrow keys move between the regions, Space marks or unmarks one.</source>
        <translation>Een lichaam van achteren gezien. Met de pijltjestoetsen ga je van plek naar plek, met de spatiebalk zet je een kruisje of haal je het weg.</translation>
    </message>
</context>
<context>
    <name>BodyMapField</name>
    <message>
        <source>Where it hurts (optional)</source>
        <translation>Waar het pijn doet (optioneel)</translation>
    </message>
    <message>
        <source>Seen from behind: your left side is on the left. Click the places that hurt, or use the arrow keys and Space.</source>
        <translation>Van achteren gezien: je linkerkant staat links. Klik op de plekken die pijn doen, of gebruik de pijltjestoetsen en de spatiebalk.</translation>
    </message>
    <message>
        <source>Nothing marked.</source>
        <translation>Niets aangekruist.</translation>
    </message>
    <message>
        <source>Marked: %1</source>
        <translation>Aangekruist: %1</translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <source>Save as…</source>
        <translation>Opslaan als…</translation>
    </message>
    <message>
        <source>Save the chart “%1” as a file</source>
        <translation>Sla de grafiek “%1” op als bestand</translation>
    </message>
    <message>
        <source>Save as a PNG picture, SVG drawing or PDF. The file shows your pain and stress: keep it private and share it only with people you choose.</source>
        <translation>Opslaan als PNG-afbeelding, SVG-tekening of PDF. Het bestand toont je pijn en stress: houd het privé en deel het alleen met mensen die jij kiest.</translation>
    </message>
    <message>
        <source>Show as table</source>
        <translation>Als tabel tonen</translation>
    </message>
    <message>
        <source>Every number in the chart “%1”, in a table</source>
        <translation>Alle getallen uit de grafiek ‘%1’, in een tabel</translation>
    </message>
    <message>
        <source>Drawing the chart…</source>
        <translation>Grafiek wordt getekend…</translation>
    </message>
</context>
<context>
    <name>CountdownRing</name>
    <message>
        <source>Time left in this step</source>
        <translation>Resterende tijd voor deze stap</translation>
    </message>
</context>
<context>
    <name>DataExportDialog</name>
    <message>
        <source>&amp;Spreadsheet of my diary (CSV)</source>
        <translation>&amp;Spreadsheet van mijn dagboek (CSV)</translation>
    </message>
    <message>
        <source>One row per entry, for Excel, LibreOffice or Numbers.</source>
        <translation>Eén rij per registratie, voor Excel, LibreOffice of Numbers.</translation>
    </message>
    <message>
        <source>Spreadsheet of my e&amp;xercise sessions (CSV)</source>
        <translation>Spreadsheet van mijn &amp;oefensessies (CSV)</translation>
    </message>
    <message>
        <source>One row per session: the program, how long, and how your back felt.</source>
        <translation>Eén rij per sessie: het programma, hoe lang je oefende en hoe je rug aanvoelde.</translation>
    </message>
    <message>
        <source>&amp;Complete copy (JSON)</source>
        <translation>&amp;Volledige kopie (JSON)</translation>
    </message>
    <message>
        <source>Everything in RugDiary. It can be imported again, on this computer or another one.</source>
        <translation>Alles uit RugDiary. Je kunt het weer importeren, op deze computer of op een andere.</translation>
    </message>
    <message>
        <source>For a &amp;health record system (FHIR)</source>
        <translation>Voor een patiënten&amp;dossier (FHIR)</translation>
    </message>
    <message>
        <source>Pain, stress and where it hurts, in the format practice and hospital systems read.</source>
        <translation>Pijn, stress en waar het pijn doet, in het formaat dat de systemen van praktijken en ziekenhuizen lezen.</translation>
    </message>
    <message>
        <source>Export my data</source>
        <translation>Mijn gegevens exporteren</translation>
    </message>
    <message>
        <source>Make a file of your diary: to keep, to open in a spreadsheet, or to give to your physiotherapist. RugDiary writes it only where you choose and never sends it anywhere.</source>
        <translation>Maak een bestand van je dagboek: om te bewaren, om in een spreadsheet te openen of om aan je fysiotherapeut te geven. RugDiary slaat het alleen op waar jij kiest en stuurt het nooit ergens heen.</translation>
    </message>
    <message>
        <source>What kind of file?</source>
        <translation>Wat voor bestand?</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Last 4 weeks</source>
        <translation>Laatste 4 weken</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>Laatste 3 maanden</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Laatste 12 maanden</translation>
    </message>
    <message>
        <source>Choose dates</source>
        <translation>Datums kiezen</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Tot en met</translation>
    </message>
    <message>
        <source>first day</source>
        <translation>eerste dag</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>Datums:</translation>
    </message>
    <message>
        <source>The file holds health data. Keep it private and share it only with people you choose.</source>
        <translation>Het bestand bevat gezondheidsgegevens. Houd het privé en deel het alleen met mensen die jij kiest.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporteren…</translation>
    </message>
</context>
<context>
    <name>DataFiles</name>
    <message>
        <source>1 diary entry</source>
        <translation>1 dagboekregistratie</translation>
    </message>
    <message>
        <source>%1 diary entries</source>
        <translation>%1 dagboekregistraties</translation>
    </message>
    <message>
        <source>1 exercise session</source>
        <translation>1 oefensessie</translation>
    </message>
    <message>
        <source>%1 exercise sessions</source>
        <translation>%1 oefensessies</translation>
    </message>
    <message>
        <source>1 program</source>
        <translation>1 programma</translation>
    </message>
    <message>
        <source>%1 programs</source>
        <translation>%1 programma&apos;s</translation>
    </message>
    <message>
        <source>1 exercise of your own</source>
        <translation>1 eigen oefening</translation>
    </message>
    <message>
        <source>%1 exercises of your own</source>
        <translation>%1 eigen oefeningen</translation>
    </message>
    <message>
        <source>1 activity</source>
        <translation>1 activiteit</translation>
    </message>
    <message>
        <source>%1 activities</source>
        <translation>%1 activiteiten</translation>
    </message>
    <message>
        <source>1 activity score</source>
        <translation>1 activiteitsscore</translation>
    </message>
    <message>
        <source>%1 activity scores</source>
        <translation>%1 activiteitsscores</translation>
    </message>
    <message>
        <source>1 flare-up</source>
        <translation>1 opvlamming</translation>
    </message>
    <message>
        <source>%1 flare-ups</source>
        <translation>%1 opvlammingen</translation>
    </message>
    <message>
        <source>1 day of sitting times</source>
        <translation>1 dag met zittijden</translation>
    </message>
    <message>
        <source>%1 days of sitting times</source>
        <translation>%1 dagen met zittijden</translation>
    </message>
    <message>
        <source>your settings</source>
        <translation>je instellingen</translation>
    </message>
    <message>
        <source>diary entry of %1</source>
        <translation>dagboekregistratie van %1</translation>
    </message>
    <message>
        <source>exercise session of %1</source>
        <translation>oefensessie van %1</translation>
    </message>
    <message>
        <source>activity score of %1</source>
        <translation>activiteitsscore van %1</translation>
    </message>
    <message>
        <source>flare-up of %1</source>
        <translation>opvlamming van %1</translation>
    </message>
    <message>
        <source>sitting times of %1</source>
        <translation>zittijden van %1</translation>
    </message>
    <message>
        <source>program “%1”</source>
        <translation>programma “%1”</translation>
    </message>
    <message>
        <source>exercise “%1”</source>
        <translation>oefening “%1”</translation>
    </message>
    <message>
        <source>activity “%1”</source>
        <translation>activiteit “%1”</translation>
    </message>
    <message>
        <source>%1 %2 (line %3)</source>
        <translation>%1 %2 (regel %3)</translation>
    </message>
    <message>
        <source>The data was not exported</source>
        <translation>De gegevens zijn niet geëxporteerd</translation>
    </message>
    <message>
        <source>RugDiary could not write the file %1. Choose another folder and try again.

What happened: %2</source>
        <translation>RugDiary kon het bestand %1 niet opslaan. Kies een andere map en probeer het opnieuw.

Wat er gebeurde: %2</translation>
    </message>
    <message>
        <source>row</source>
        <translation>rij</translation>
    </message>
    <message>
        <source>header</source>
        <translation>kopregel</translation>
    </message>
    <message>
        <source>file</source>
        <translation>bestand</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>kolom %1</translation>
    </message>
    <message>
        <source>1 record could not be read and was left out.</source>
        <translation>1 onderdeel kon niet worden gelezen en is weggelaten.</translation>
    </message>
    <message>
        <source>%1 records could not be read and were left out.</source>
        <translation>%1 onderdelen konden niet worden gelezen en zijn weggelaten.</translation>
    </message>
    <message>
        <source>Your diary changed while you were choosing, in another window or on the command line. Import the file again to see what it would add now.</source>
        <translation>Je dagboek is veranderd terwijl je aan het kiezen was, in een ander venster of op de opdrachtregel. Importeer het bestand opnieuw om te zien wat het nu zou toevoegen.</translation>
    </message>
    <message>
        <source>Imported from %1.</source>
        <translation>Geïmporteerd uit %1.</translation>
    </message>
    <message>
        <source>%1 is %2 MB: far larger than any diary. Choose the file you exported from RugDiary or a spreadsheet of your scores.</source>
        <translation>%1 is %2 MB: veel groter dan een dagboek ooit wordt. Kies het bestand dat je uit RugDiary hebt geëxporteerd, of een spreadsheet met je scores.</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>Er is niets geïmporteerd</translation>
    </message>
    <message>
        <source>RugDiary could not read %1.

What happened: %2</source>
        <translation>RugDiary kon %1 niet lezen.

Wat er gebeurde: %2</translation>
    </message>
    <message>
        <source>Nothing new to import</source>
        <translation>Niets nieuws om te importeren</translation>
    </message>
    <message>
        <source>Everything in %1 is in your diary already. Nothing was changed.</source>
        <translation>Alles uit %1 staat al in je dagboek. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>%1 is one of RugDiary&apos;s own files (the diary, its backups or the pictures of your own exercises). Choose another name or folder, so that they are never written over.</source>
        <translation>%1 is een van de eigen bestanden van RugDiary (het dagboek, de back-ups of de afbeeldingen van je eigen oefeningen). Kies een andere naam of map, zodat die nooit worden overschreven.</translation>
    </message>
    <message>
        <source>Exported 1 record to %2.</source>
        <translation>1 onderdeel geëxporteerd naar %2.</translation>
    </message>
    <message>
        <source>Exported %1 records to %2.</source>
        <translation>%1 onderdelen geëxporteerd naar %2.</translation>
    </message>
    <message>
        <source>There are no exercise sessions from %1 to %2, so the file would be empty.</source>
        <translation>Er zijn geen oefensessies van %1 tot en met %2, dus het bestand zou leeg zijn.</translation>
    </message>
    <message>
        <source>There is nothing in RugDiary from %1 to %2, so the file would be empty.</source>
        <translation>Er staat niets in RugDiary van %1 tot en met %2, dus het bestand zou leeg zijn.</translation>
    </message>
    <message>
        <source>There are no diary entries from %1 to %2, so the file would be empty.</source>
        <translation>Er zijn geen registraties van %1 tot en met %2, dus het bestand zou leeg zijn.</translation>
    </message>
    <message>
        <source>There are no exercise sessions yet, so the file would be empty.</source>
        <translation>Er zijn nog geen oefensessies, dus het bestand zou leeg zijn.</translation>
    </message>
    <message>
        <source>There is nothing in RugDiary yet, so the file would be empty.</source>
        <translation>Er staat nog niets in RugDiary, dus het bestand zou leeg zijn.</translation>
    </message>
    <message>
        <source>There are no diary entries yet, so the file would be empty.</source>
        <translation>Er zijn nog geen registraties, dus het bestand zou leeg zijn.</translation>
    </message>
    <message>
        <source>RugDiary could not save the diary, so it is unchanged.

What happened: %1</source>
        <translation>RugDiary kon het dagboek niet opslaan, dus het is niet veranderd.

Wat er gebeurde: %1</translation>
    </message>
    <message>
        <source>Imported 1 record from %2.</source>
        <translation>1 onderdeel geïmporteerd uit %2.</translation>
    </message>
    <message>
        <source>Imported %1 records from %2.</source>
        <translation>%1 onderdelen geïmporteerd uit %2.</translation>
    </message>
    <message>
        <source>1 of yours was replaced by the file&apos;s.</source>
        <translation>Bij 1 onderdeel is jouw versie vervangen door die uit het bestand.</translation>
    </message>
    <message>
        <source>%1 of yours were replaced by the file&apos;s.</source>
        <translation>Bij %1 onderdelen is jouw versie vervangen door die uit het bestand.</translation>
    </message>
    <message>
        <source>RugDiary could not read your diary, so nothing was changed.

What happened: %1</source>
        <translation>RugDiary kon je dagboek niet lezen, dus er is niets veranderd.

Wat er gebeurde: %1</translation>
    </message>
    <message>
        <source>%1 is not a file RugDiary can import (%2).

Choose a file you exported from RugDiary, or a spreadsheet saved as CSV (in Excel: Save As, then CSV UTF-8). A program file goes in through Programs, Import.</source>
        <translation>%1 is geen bestand dat RugDiary kan importeren (%2).

Kies een bestand dat je uit RugDiary hebt geëxporteerd, of een spreadsheet die als CSV is opgeslagen (in Excel: Opslaan als, dan CSV UTF-8). Een programmabestand gaat via Programma&apos;s, Importeren.</translation>
    </message>
    <message>
        <source>%1 holds only settings, and your own settings stay as they are. Nothing was changed.</source>
        <translation>%1 bevat alleen instellingen, en je eigen instellingen blijven zoals ze zijn. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>%1 holds no diary records. Nothing was changed.</source>
        <translation>%1 bevat geen dagboekgegevens. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>Line %1, %2: %3</source>
        <translation>Regel %1, %2: %3</translation>
    </message>
</context>
<context>
    <name>DiaryCommands</name>
    <message>
        <source>the entry no longer exists</source>
        <translation>de registratie bestaat niet meer</translation>
    </message>
    <message>
        <source>the diary could not be written</source>
        <translation>het dagboek kon niet worden opgeslagen</translation>
    </message>
    <message>
        <source>Could not %1: %2.</source>
        <translation>Het lukte niet om %1: %2.</translation>
    </message>
    <message>
        <source>redo %1</source>
        <translation>‘%1’ opnieuw te doen</translation>
    </message>
    <message>
        <source>undo %1</source>
        <translation>‘%1’ ongedaan te maken</translation>
    </message>
    <message>
        <source>add entry</source>
        <translation>registratie toevoegen</translation>
    </message>
    <message>
        <source>change entry</source>
        <translation>registratie wijzigen</translation>
    </message>
    <message>
        <source>delete entry</source>
        <translation>registratie verwijderen</translation>
    </message>
</context>
<context>
    <name>DiaryController</name>
    <message>
        <source>Choose a number for pain and for stress first.</source>
        <translation>Kies eerst een getal voor pijn en voor stress.</translation>
    </message>
    <message>
        <source>lies in the future. Choose a moment up to now.</source>
        <translation>ligt in de toekomst. Kies een moment tot nu.</translation>
    </message>
    <message>
        <source>This entry was deleted in the meantime, so it cannot be changed. Everything you typed is still here: Save adds it as a new entry.</source>
        <translation>Deze registratie is intussen verwijderd en kan dus niet meer worden gewijzigd. Alles wat je typte staat er nog: met Opslaan wordt het een nieuwe registratie.</translation>
    </message>
    <message>
        <source>Changes saved</source>
        <translation>Wijzigingen opgeslagen</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Opgeslagen</translation>
    </message>
    <message>
        <source>Changing the entry of %1</source>
        <translation>Registratie van %1 wijzigen</translation>
    </message>
    <message>
        <source>Leave it and go back to a new entry?</source>
        <translation>Niet opslaan en teruggaan naar een nieuwe registratie?</translation>
    </message>
    <message>
        <source>delete entry</source>
        <translation>de registratie te verwijderen</translation>
    </message>
    <message>
        <source>Entry deleted</source>
        <translation>Registratie verwijderd</translation>
    </message>
    <message>
        <source>Undo the earlier change and leave it?</source>
        <translation>De eerdere wijziging ongedaan maken en de registratie niet opslaan?</translation>
    </message>
    <message>
        <source>the diary could not be written</source>
        <translation>het dagboek kon niet worden opgeslagen</translation>
    </message>
    <message>
        <source>No entries match these filters. Choose “Show all” to see every entry.</source>
        <translation>Geen registraties bij deze filters. Kies “Alles tonen” om alle registraties te zien.</translation>
    </message>
    <message>
        <source>No entries yet. Choose a number for pain and for stress, then Save: it takes a few seconds.</source>
        <translation>Nog geen registraties. Kies een getal voor pijn en voor stress en daarna Opslaan: het kost maar een paar seconden.</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 registratie</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1 registraties</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle labels</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Not saved yet: %1. Everything you typed is still here, so you can try again.</source>
        <translation>Nog niet opgeslagen: %1. Alles wat je typte staat er nog, dus je kunt het opnieuw proberen.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
    </message>
</context>
<context>
    <name>EntryFormView</name>
    <message>
        <source>How are you right now?</source>
        <translation>Hoe gaat het nu met je?</translation>
    </message>
    <message>
        <source>Worst pa&amp;in today</source>
        <translation>Ergste pi&amp;jn vandaag</translation>
    </message>
    <message>
        <source>Support fro&amp;m others</source>
        <translation>Ste&amp;un van anderen</translation>
    </message>
    <message>
        <source>Shows the optional questions: sleep, mood, where it hurts, tags, medicine, a note and more.</source>
        <translation>Toont de extra vragen: slaap, stemming, waar het pijn doet, labels, medicijnen, een notitie en meer.</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Pijn</translation>
    </message>
    <message>
        <source>Stress</source>
        <translation>Stress</translation>
    </message>
    <message>
        <source>&amp;More details</source>
        <translation>&amp;Meer details</translation>
    </message>
    <message>
        <source>Message about this entry</source>
        <translation>Bericht over deze registratie</translation>
    </message>
    <message>
        <source>Save entry</source>
        <translation>Registratie opslaan</translation>
    </message>
    <message>
        <source>Save entry (%1)</source>
        <translation>Registratie opslaan (%1)</translation>
    </message>
    <message>
        <source>Choose pain and stress to save.</source>
        <translation>Kies eerst pijn en stress.</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>Wijzigen annuleren</translation>
    </message>
    <message>
        <source>Back to a new entry (Esc)</source>
        <translation>Terug naar een nieuwe registratie (Esc)</translation>
    </message>
    <message>
        <source>Date and time of this entry</source>
        <translation>Datum en tijd van deze registratie</translation>
    </message>
    <message>
        <source>Worst pain today</source>
        <translation>Ergste pijn vandaag</translation>
    </message>
    <message>
        <source>0 = no pain, 10 = worst</source>
        <translation>0 = geen pijn, 10 = ergst denkbaar</translation>
    </message>
    <message>
        <source>Sleep last night</source>
        <translation>Slaap afgelopen nacht</translation>
    </message>
    <message>
        <source>0 = very poor sleep, 10 = very good sleep</source>
        <translation>0 = heel slecht geslapen, 10 = heel goed geslapen</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Stemming</translation>
    </message>
    <message>
        <source>0 = very low, 10 = very good</source>
        <translation>0 = heel somber, 10 = heel goed</translation>
    </message>
    <message>
        <source>Confidence to move despite pain</source>
        <translation>Vertrouwen om te bewegen ondanks pijn</translation>
    </message>
    <message>
        <source>0 = not confident, 10 = fully confident</source>
        <translation>0 = geen vertrouwen, 10 = volledig vertrouwen</translation>
    </message>
    <message>
        <source>Demands of work and daily tasks</source>
        <translation>Druk van werk en dagelijkse taken</translation>
    </message>
    <message>
        <source>0 = none, 10 = very high</source>
        <translation>0 = geen, 10 = heel hoog</translation>
    </message>
    <message>
        <source>Support from people around you</source>
        <translation>Steun van mensen om je heen</translation>
    </message>
    <message>
        <source>0 = none, 10 = a lot</source>
        <translation>0 = geen, 10 = veel</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Active minutes today</source>
        <translation>Actieve minuten vandaag</translation>
    </message>
    <message>
        <source>This is a flare-up</source>
        <translation>Dit is een opvlamming</translation>
    </message>
    <message>
        <source>e.g. sitting, work, walking</source>
        <translation>bijv. zitten, werk, wandelen</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Separate tags with commas.</source>
        <translation>Scheid labels met komma&apos;s.</translation>
    </message>
    <message>
        <source>Anything you want to remember about today</source>
        <translation>Wat je over vandaag wilt onthouden</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>For my physiotherapist</source>
        <translation>Voor mijn fysiotherapeut</translation>
    </message>
    <message>
        <source>Marks this entry for the report you take along.</source>
        <translation>Markeert deze registratie voor het verslag dat je meeneemt.</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>Wannee&amp;r</translation>
    </message>
    <message>
        <source>S&amp;leep last night</source>
        <translation>Slaap afgelopen &amp;nacht</translation>
    </message>
    <message>
        <source>M&amp;ood</source>
        <translation>Stemm&amp;ing</translation>
    </message>
    <message>
        <source>&amp;Confidence to move</source>
        <translation>Vertrouwen om te bewe&amp;gen</translation>
    </message>
    <message>
        <source>Wor&amp;k demands</source>
        <translation>Werk&amp;druk</translation>
    </message>
    <message>
        <source>&amp;Active minutes</source>
        <translation>&amp;Actieve minuten</translation>
    </message>
    <message>
        <source>All of these are optional: 0 is low, 10 is high.</source>
        <translation>Alles hier is optioneel: 0 is laag, 10 is hoog.</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Labels</translation>
    </message>
    <message>
        <source>Medicine taken</source>
        <translation>Ingenomen medicijnen</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>N&amp;otitie</translation>
    </message>
    <message>
        <source>Flare-up</source>
        <translation>Opvlamming</translation>
    </message>
    <message>
        <source>Where it hurts</source>
        <translation>Waar het pijn doet</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>Medicijnen</translation>
    </message>
    <message>
        <source>Fewer &amp;details</source>
        <translation>&amp;Minder details</translation>
    </message>
    <message>
        <source>Hides the optional questions.</source>
        <translation>Verbergt de extra vragen.</translation>
    </message>
    <message>
        <source>Medicine %1</source>
        <translation>Medicijn %1</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Wijzigingen opslaan</translation>
    </message>
</context>
<context>
    <name>EntryListModel</name>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Pijn</translation>
    </message>
    <message>
        <source>Stress</source>
        <translation>Stress</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>pain %1, stress %2</source>
        <translation>pijn %1, stress %2</translation>
    </message>
    <message>
        <source>average pain %1, stress %2</source>
        <translation>gemiddelde pijn %1, stress %2</translation>
    </message>
    <message>
        <source>An exercise session stays as it was saved: only diary entries can be changed or deleted.</source>
        <translation>Een oefensessie blijft zoals die is opgeslagen: alleen registraties kun je wijzigen of verwijderen.</translation>
    </message>
    <message>
        <source>Exercise · %1 min, finished</source>
        <translation>Oefenen · %1 min, afgerond</translation>
    </message>
    <message>
        <source>Exercise · %1 min, partly done</source>
        <translation>Oefenen · %1 min, deels gedaan</translation>
    </message>
    <message>
        <source>Exercise · %1 min, stopped early</source>
        <translation>Oefenen · %1 min, eerder gestopt</translation>
    </message>
    <message>
        <source>%1 min, finished</source>
        <translation>%1 min, afgerond</translation>
    </message>
    <message>
        <source>%1 min, partly done</source>
        <translation>%1 min, deels gedaan</translation>
    </message>
    <message>
        <source>%1 min, stopped early</source>
        <translation>%1 min, eerder gestopt</translation>
    </message>
    <message>
        <source>Flare-up</source>
        <translation>Opvlamming</translation>
    </message>
    <message>
        <source>For physio</source>
        <translation>Voor fysio</translation>
    </message>
    <message>
        <source>pain %1 of 10</source>
        <translation>pijn %1 van 10</translation>
    </message>
    <message>
        <source>stress %1 of 10</source>
        <translation>stress %1 van 10</translation>
    </message>
</context>
<context>
    <name>EntryListView</name>
    <message>
        <source>Show entries from</source>
        <translation>Toon registraties vanaf</translation>
    </message>
    <message>
        <source>Show entries until</source>
        <translation>Toon registraties tot en met</translation>
    </message>
    <message>
        <source>Show entries with tag</source>
        <translation>Toon registraties met label</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alles tonen</translation>
    </message>
    <message>
        <source>Show all entries</source>
        <translation>Alle registraties tonen</translation>
    </message>
    <message>
        <source>F&amp;rom</source>
        <translation>&amp;Van</translation>
    </message>
    <message>
        <source>&amp;until</source>
        <translation>&amp;t/m</translation>
    </message>
    <message>
        <source>Ta&amp;g</source>
        <translation>Lab&amp;el</translation>
    </message>
    <message>
        <source>Diary entries</source>
        <translation>Dagboekregistraties</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Wijzigen…</translation>
    </message>
    <message>
        <source>Change the selected entry</source>
        <translation>De gekozen registratie wijzigen</translation>
    </message>
    <message>
        <source>Change the selected entry (Enter)</source>
        <translation>Wijzig de gekozen registratie (Enter)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Delete the selected entry</source>
        <translation>De gekozen registratie verwijderen</translation>
    </message>
    <message>
        <source>Delete the selected entry (Delete); Undo brings it back</source>
        <translation>Verwijder de gekozen registratie (Delete); met Ongedaan maken komt ze terug</translation>
    </message>
    <message>
        <source>Your entries</source>
        <translation>Je registraties</translation>
    </message>
</context>
<context>
    <name>EntryScales</name>
    <message>
        <source>Pain</source>
        <translation>Pijn</translation>
    </message>
    <message>
        <source>no pain</source>
        <translation>geen pijn</translation>
    </message>
    <message>
        <source>worst pain imaginable</source>
        <translation>ergst denkbare pijn</translation>
    </message>
    <message>
        <source>Stress</source>
        <translation>Stress</translation>
    </message>
    <message>
        <source>no stress</source>
        <translation>geen stress</translation>
    </message>
    <message>
        <source>worst stress imaginable</source>
        <translation>ergst denkbare stress</translation>
    </message>
    <message>
        <source>&amp;Pain right now</source>
        <translation>&amp;Pijn op dit moment</translation>
    </message>
    <message>
        <source>&amp;Stress right now</source>
        <translation>&amp;Stress op dit moment</translation>
    </message>
</context>
<context>
    <name>EntryTable</name>
    <message>
        <source>&amp;Change this entry</source>
        <translation>Deze registratie &amp;wijzigen</translation>
    </message>
    <message>
        <source>&amp;Delete this entry</source>
        <translation>Deze registratie &amp;verwijderen</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>I have &amp;read this</source>
        <translation>Ik heb dit &amp;gelezen</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Volgende</translation>
    </message>
    <message>
        <source>Confirm the notice and close the welcome</source>
        <translation>Bevestig dat je dit hebt gelezen en sluit de kennismaking</translation>
    </message>
    <message>
        <source>Next screen</source>
        <translation>Volgend scherm</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Stap %1 van %2</translation>
    </message>
    <message>
        <source>Welcome to RugDiary</source>
        <translation>Welkom bij RugDiary</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Terug</translation>
    </message>
    <message>
        <source>Previous screen</source>
        <translation>Vorig scherm</translation>
    </message>
    <message>
        <source>&amp;Skip</source>
        <translation>&amp;Overslaan</translation>
    </message>
    <message>
        <source>Skip the welcome</source>
        <translation>Kennismaking overslaan</translation>
    </message>
    <message>
        <source>Skip the welcome (Esc)</source>
        <translation>Kennismaking overslaan (Esc)</translation>
    </message>
</context>
<context>
    <name>FlareLine</name>
    <message>
        <source>My back is flaring up</source>
        <translation>Mijn rug speelt op</translation>
    </message>
    <message>
        <source>open the flare-up plan</source>
        <translation>open het plan bij een opvlamming</translation>
    </message>
    <message>
        <source>Open the plan</source>
        <translation>Plan openen</translation>
    </message>
    <message>
        <source>Open the flare-up plan</source>
        <translation>Open het plan bij een opvlamming</translation>
    </message>
    <message>
        <source>It has settled</source>
        <translation>Het is gezakt</translation>
    </message>
    <message>
        <source>note the end of the flare-up</source>
        <translation>noteer het einde van de opvlamming</translation>
    </message>
</context>
<context>
    <name>FlareLineController</name>
    <message>
        <source>A flare-up, %1. Take it gently: it will settle.</source>
        <translation>Een opvlamming, %1. Doe het rustig aan: het zakt weer.</translation>
    </message>
</context>
<context>
    <name>FlarePlanController</name>
    <message>
        <source>A flare-up was noted already, %1. The plan shows it now.</source>
        <translation>Er was al een opvlamming genoteerd, %1. Het plan laat die nu zien.</translation>
    </message>
    <message>
        <source>It could not be noted now: it would overlap a flare-up noted before.</source>
        <translation>Dit kon nu niet worden genoteerd: het zou overlappen met een eerder genoteerde opvlamming.</translation>
    </message>
    <message>
        <source>Flare-up noted</source>
        <translation>Opvlamming genoteerd</translation>
    </message>
    <message>
        <source>Remove the flare-up noted %1?</source>
        <translation>De opvlamming %1 weghalen?</translation>
    </message>
    <message>
        <source>Remove the flare-up of %1?</source>
        <translation>De opvlamming van %1 weghalen?</translation>
    </message>
    <message>
        <source>Flare-up note removed</source>
        <translation>Genoteerde opvlamming verwijderd</translation>
    </message>
    <message>
        <source>No flare-up is running now: it was noted as settled or removed elsewhere. The plan shows what is noted now.</source>
        <translation>Er is nu geen opvlamming meer gaande: die is ergens anders als gezakt genoteerd of weggehaald. Het plan laat nu zien wat er genoteerd is.</translation>
    </message>
    <message>
        <source>It was noted only a moment ago. If it was noted by mistake, remove the note above.</source>
        <translation>Het is pas net genoteerd. Was dat een vergissing? Haal het dan hierboven weer weg.</translation>
    </message>
    <message>
        <source>The end could not be noted now: the flare-up would overlap one noted before.</source>
        <translation>Het einde kon nu niet worden genoteerd: de opvlamming zou overlappen met een eerder genoteerde.</translation>
    </message>
    <message>
        <source>Good to hear it has settled. Noted.</source>
        <translation>Fijn dat het gezakt is. Genoteerd.</translation>
    </message>
    <message>
        <source>the diary could not be written</source>
        <translation>het dagboek kon niet worden opgeslagen</translation>
    </message>
    <message>
        <source>Not saved: %1. Please try again in a moment.</source>
        <translation>Niet opgeslagen: %1. Probeer het zo nog eens.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 tot en met %2</translation>
    </message>
    <message>
        <source>No flare-up is noted right now. The plan is here whenever you need it.</source>
        <translation>Er is nu geen opvlamming genoteerd. Het plan staat hier klaar wanneer je het nodig hebt.</translation>
    </message>
    <message>
        <source>Noted: a flare-up %1.</source>
        <translation>Genoteerd: een opvlamming %1.</translation>
    </message>
    <message>
        <source>The flare-up of %1</source>
        <translation>De opvlamming van %1</translation>
    </message>
</context>
<context>
    <name>FlarePlanDialog</name>
    <message>
        <source>Walking</source>
        <translation>Wandelen</translation>
    </message>
    <message>
        <source>Gentle exercises</source>
        <translation>Rustige oefeningen</translation>
    </message>
    <message>
        <source>Breathing and relaxing</source>
        <translation>Ademen en ontspannen</translation>
    </message>
    <message>
        <source>Heat</source>
        <translation>Warmte</translation>
    </message>
    <message>
        <source>Short rests</source>
        <translation>Korte rustmomenten</translation>
    </message>
    <message>
        <source>Good sleep</source>
        <translation>Goed slapen</translation>
    </message>
    <message>
        <source>Pain relief</source>
        <translation>Pijnstilling</translation>
    </message>
    <message>
        <source>Talking to someone</source>
        <translation>Praten met iemand</translation>
    </message>
    <message>
        <source>Your back is flaring up</source>
        <translation>Je rug speelt op</translation>
    </message>
    <message>
        <source>Note it started now</source>
        <translation>Noteren: net begonnen</translation>
    </message>
    <message>
        <source>Not a flare-up? Remove this note</source>
        <translation>Toch geen opvlamming? Weghalen</translation>
    </message>
    <message>
        <source>Noted by mistake? Remove the last flare-up</source>
        <translation>Per vergissing genoteerd? Laatste opvlamming weghalen</translation>
    </message>
    <message>
        <source>This is common, and it settles</source>
        <translation>Dit komt vaak voor, en het zakt weer</translation>
    </message>
    <message>
        <source>Most people with back pain have a flare-up now and then. It feels worrying, but it usually calms down within a few days.

Keep moving gently. You do not need to hold your back still: let it move, breathe normally and let your muscles relax. That often feels better than keeping still.</source>
        <translation>De meeste mensen met rugpijn hebben af en toe een opvlamming. Dat kan zorgen geven, maar meestal wordt het binnen een paar dagen rustiger.

Blijf rustig bewegen. Je hoeft je rug niet stil te houden: laat hem bewegen, adem gewoon door en laat je spieren ontspannen. Dat voelt vaak beter dan alles stilhouden.</translation>
    </message>
    <message>
        <source>For the next 2 to 3 days</source>
        <translation>De komende 2 tot 3 dagen</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>Start %1</translation>
    </message>
    <message>
        <source>• Take short walks, a few times a day, at an easy pace. A few minutes is enough.</source>
        <translation>• Maak een paar keer per dag een korte wandeling, in een rustig tempo. Een paar minuten is genoeg.</translation>
    </message>
    <message>
        <source>• Keep doing at least half of what you usually do. Rest a little when you need to, then get moving again.</source>
        <translation>• Blijf minstens de helft doen van wat je normaal doet. Rust even als dat nodig is, en ga daarna weer bewegen.</translation>
    </message>
    <message>
        <source>Afterwards</source>
        <translation>Daarna</translation>
    </message>
    <message>
        <source>When it has settled, go back to your usual programme and activities, step by step, at the level you had before.</source>
        <translation>Als het gezakt is, ga je stap voor stap terug naar je gewone programma en bezigheden, op het niveau van daarvoor.</translation>
    </message>
    <message>
        <source>When it has settled</source>
        <translation>Als het gezakt is</translation>
    </message>
    <message>
        <source>What helped? Choose any that fit.</source>
        <translation>Wat hielp? Kies wat past.</translation>
    </message>
    <message>
        <source>In your own words (optional):</source>
        <translation>In je eigen woorden (optioneel):</translation>
    </message>
    <message>
        <source>What helped, in your own words</source>
        <translation>Wat hielp, in je eigen woorden</translation>
    </message>
    <message>
        <source>For example: a walk after lunch</source>
        <translation>Bijvoorbeeld: een wandeling na de lunch</translation>
    </message>
    <message>
        <source>It has settled</source>
        <translation>Het is gezakt</translation>
    </message>
    <message>
        <source>It has settled: note the end of the flare-up</source>
        <translation>Het is gezakt: noteer het einde van de opvlamming</translation>
    </message>
</context>
<context>
    <name>FlareSince</name>
    <message>
        <source>since today at %1</source>
        <translation>sinds vandaag om %1</translation>
    </message>
    <message>
        <source>since yesterday at %1</source>
        <translation>sinds gisteren om %1</translation>
    </message>
    <message>
        <source>since %1 at %2</source>
        <translation>sinds %1 om %2</translation>
    </message>
</context>
<context>
    <name>FormParts</name>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 van %2 tekens</translation>
    </message>
    <message>
        <source>a little too long to save</source>
        <translation>iets te lang om op te slaan</translation>
    </message>
</context>
<context>
    <name>IdlePanel</name>
    <message>
        <source>Exercise session</source>
        <translation>Oefensessie</translation>
    </message>
    <message>
        <source>RugDiary guides you through a program with a timer, a moving figure and, if you like, sound and voice. Nothing is playing now.</source>
        <translation>RugDiary begeleidt je door een programma met een timer, een bewegend figuur en, als je wilt, geluid en een stem. Er loopt nu niets.</translation>
    </message>
    <message>
        <source>Next program</source>
        <translation>Volgend programma</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Choose a program</source>
        <translation>Programma kiezen</translation>
    </message>
    <message>
        <source>Opens Programs, where every program and exercise is listed</source>
        <translation>Opent Programma&apos;s, met alle programma&apos;s en oefeningen</translation>
    </message>
    <message>
        <source>Your last sessions</source>
        <translation>Je laatste sessies</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>Start %1</translation>
    </message>
    <message>
        <source>Your sessions will be listed here.</source>
        <translation>Je sessies komen hier te staan.</translation>
    </message>
</context>
<context>
    <name>InsightsController</name>
    <message>
        <source>%1 of %2 days filled in (%3%)</source>
        <translation>%1 van %2 dagen ingevuld (%3%)</translation>
    </message>
    <message>
        <source>The charts could not be made this time. Your diary has not changed. Choosing the period again often helps. (%1)</source>
        <translation>De grafieken konden deze keer niet worden gemaakt. Je dagboek is niet veranderd. Vaak helpt het om de periode opnieuw te kiezen. (%1)</translation>
    </message>
    <message>
        <source>Nothing is filled in for this period yet. As you keep the diary, your charts appear here.</source>
        <translation>In deze periode is nog niets ingevuld. Als je het dagboek bijhoudt, verschijnen hier je grafieken.</translation>
    </message>
    <message>
        <source>Nothing is filled in for this period yet. As you keep the diary, your charts appear here. Try a longer period to see earlier days.</source>
        <translation>Voor deze periode is nog niets ingevuld. Als je het dagboek bijhoudt, verschijnen hier je grafieken. Kies een langere periode om eerdere dagen te zien.</translation>
    </message>
    <message>
        <source>This period has 1 day filled in. A trend needs at least %1, so read the charts below as single days for now, not yet as a trend.</source>
        <translation>In deze periode is 1 dag ingevuld. Voor een trend zijn er minstens %1 nodig. Lees de grafieken hieronder dus voorlopig als losse dagen, nog niet als trend.</translation>
    </message>
    <message>
        <source>This period has %1 days filled in. A trend needs at least %2, so read the charts below as single days for now, not yet as a trend.</source>
        <translation>In deze periode zijn %1 dagen ingevuld. Voor een trend zijn er minstens %2 nodig. Lees de grafieken hieronder dus voorlopig als losse dagen, nog niet als trend.</translation>
    </message>
    <message>
        <source>The trend is shown. Comparing stress with pain needs at least %1 days compared with your usual level; this period has %2. Until then the comparison charts are marked as tentative.</source>
        <translation>De trend wordt getoond. Om stress met pijn te vergelijken zijn minstens %1 dagen nodig, afgezet tegen je gewone niveau; deze periode heeft er %2. Tot die tijd zijn de vergelijkingsgrafieken gemarkeerd als voorlopig.</translation>
    </message>
    <message>
        <source>Nothing filled in</source>
        <translation>Niets ingevuld</translation>
    </message>
    <message>
        <source>Pain %1 · Stress %2</source>
        <translation>Pijn %1 · Stress %2</translation>
    </message>
    <message>
        <source>Average of %1 entries</source>
        <translation>Gemiddelde van %1 registraties</translation>
    </message>
    <message>
        <source>Flare-up</source>
        <translation>Opvlamming</translation>
    </message>
    <message>
        <source>Exercise sessions: %1</source>
        <translation>Oefensessies: %1</translation>
    </message>
    <message>
        <source>Press Enter to open this day in the diary</source>
        <translation>Druk op Enter om deze dag in het dagboek te openen</translation>
    </message>
    <message>
        <source>Click to open this day in the diary</source>
        <translation>Klik om deze dag in het dagboek te openen</translation>
    </message>
    <message>
        <source>Use the arrow keys to choose a day, Home and End for the first and last day, and Enter to open it in the diary.</source>
        <translation>Kies met de pijltjestoetsen een dag, met Home en End de eerste en de laatste dag, en open hem met Enter in het dagboek.</translation>
    </message>
    <message>
        <source>The chart was not saved</source>
        <translation>De grafiek is niet opgeslagen</translation>
    </message>
    <message>
        <source>RugDiary could not write %1.

What happened: %2</source>
        <translation>RugDiary kon %1 niet opslaan.

Wat er gebeurde: %2</translation>
    </message>
    <message>
        <source>Chart saved to %1</source>
        <translation>Grafiek opgeslagen als %1</translation>
    </message>
</context>
<context>
    <name>InsightsView</name>
    <message>
        <source>Insights</source>
        <translation>Inzichten</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Last 4 weeks</source>
        <translation>Laatste 4 weken</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>Laatste 3 maanden</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Laatste 12 maanden</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Choose dates…</source>
        <translation>Datums kiezen…</translation>
    </message>
    <message>
        <source>First day of the period</source>
        <translation>Eerste dag van de periode</translation>
    </message>
    <message>
        <source>to</source>
        <translation>t/m</translation>
    </message>
    <message>
        <source>Last day of the period</source>
        <translation>Laatste dag van de periode</translation>
    </message>
    <message>
        <source>Updating the charts</source>
        <translation>De grafieken worden bijgewerkt</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Bijwerken…</translation>
    </message>
    <message>
        <source>Do stress and pain move together for you?</source>
        <translation>Gaan stress en pijn bij jou samen op en neer?</translation>
    </message>
    <message>
        <source>What your diary shows</source>
        <translation>Wat je dagboek laat zien</translation>
    </message>
    <message>
        <source>The numbers</source>
        <translation>De cijfers</translation>
    </message>
    <message>
        <source>Shows the figures behind the sentence above</source>
        <translation>Toont de cijfers achter de zin hierboven</translation>
    </message>
    <message>
        <source>Pain and stress over time</source>
        <translation>Pijn en stress in de tijd</translation>
    </message>
    <message>
        <source>Dots are single days, lines are 7-day averages, shaded bands are flare-ups, and ticks along the top are days with exercise. Point at a day to see it; click to open it in the diary.</source>
        <translation>Stippen zijn losse dagen, lijnen zijn gemiddelden over 7 dagen, gekleurde banden zijn opvlammingen en streepjes bovenaan zijn dagen waarop je hebt geoefend. Wijs een dag aan om hem te zien; klik om hem in het dagboek te openen.</translation>
    </message>
    <message>
        <source>Stress and pain on the same day</source>
        <translation>Stress en pijn op dezelfde dag</translation>
    </message>
    <message>
        <source>Each dot is a day as you logged it: stress across, pain up. The more the dots follow a rising line, the more the two rise and fall together.</source>
        <translation>Elke stip is een dag, zoals je die hebt ingevuld: stress naar rechts, pijn omhoog. Hoe meer de stippen een stijgende lijn volgen, hoe meer die twee samen op en neer gaan.</translation>
    </message>
    <message>
        <source>Same day and next day</source>
        <translation>Dezelfde dag en de dag erna</translation>
    </message>
    <message>
        <source>Compared with what is usual for you: does stress tend to come before pain, or pain before stress? This shows order in time, not cause.</source>
        <translation>Vergeleken met wat voor jou gewoon is: komt stress vaak vóór pijn, of pijn vóór stress? Dit laat de volgorde in de tijd zien, geen oorzaak.</translation>
    </message>
    <message>
        <source>Exercise and pain per week</source>
        <translation>Oefenen en pijn per week</translation>
    </message>
    <message>
        <source>Exercise sessions per week (bars) next to that week&apos;s average pain.</source>
        <translation>Oefensessies per week (staven) naast de gemiddelde pijn van die week.</translation>
    </message>
    <message>
        <source>Daily pain</source>
        <translation>Pijn per dag</translation>
    </message>
    <message>
        <source>One square per day, from dark (little pain) to light (more pain); a blank square with a dot has no entry. Click a day to open it.</source>
        <translation>Eén vakje per dag, van donker (weinig pijn) naar licht (meer pijn); een leeg vakje met een stip is een dag zonder registratie. Klik op een dag om hem te openen.</translation>
    </message>
    <message>
        <source>Pain on higher- and lower-stress days</source>
        <translation>Pijn op dagen met meer en minder stress</translation>
    </message>
    <message>
        <source>Average pain on days with more stress than your middle value, next to the other days. On the right: the difference, with its likely range.</source>
        <translation>Gemiddelde pijn op dagen met meer stress dan je middelste waarde, naast de andere dagen. Rechts: het verschil, met de waarschijnlijke marge.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>RugDiary</source>
        <translation>RugDiary</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pagina&apos;s</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Diary</source>
        <translation>Dagboek</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Inzichten</translation>
    </message>
    <message>
        <source>Programs</source>
        <translation>Programma&apos;s</translation>
    </message>
    <message>
        <source>Exercise session</source>
        <translation>Oefensessie</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Verslag</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>De laatste wijziging ongedaan maken</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Opgeslagen</translation>
    </message>
    <message>
        <source>That program no longer exists.</source>
        <translation>Dat programma bestaat niet meer.</translation>
    </message>
    <message>
        <source>Sound is off or not available on this computer.</source>
        <translation>Het geluid staat uit of werkt niet op deze computer.</translation>
    </message>
    <message>
        <source>Breathe out, and let your back relax.</source>
        <translation>Adem uit en laat je rug ontspannen.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Export my data…</source>
        <translation>&amp;Mijn gegevens exporteren…</translation>
    </message>
    <message>
        <source>&amp;Import data…</source>
        <translation>Gegevens &amp;importeren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>Ongedaan &amp;maken</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Opnieuw</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <source>&amp;About RugDiary</source>
        <translation>&amp;Over RugDiary</translation>
    </message>
    <message>
        <source>&lt;h3&gt;RugDiary %1&lt;/h3&gt;&lt;p&gt;A calm diary for low back pain: note your pain and stress, and see how they move together over the weeks.&lt;/p&gt;&lt;p&gt;RugDiary does not diagnose or treat anything. It helps you notice patterns and talk them over with your physiotherapist or doctor.&lt;/p&gt;&lt;p&gt;Your diary stays on this computer.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;RugDiary %1&lt;/h3&gt;&lt;p&gt;Een rustig dagboek bij lage rugpijn: noteer je pijn en stress en zie hoe die samen veranderen in de loop van de weken.&lt;/p&gt;&lt;p&gt;RugDiary stelt geen diagnose en behandelt niets. Het helpt je patronen te zien en die te bespreken met je fysiotherapeut of arts.&lt;/p&gt;&lt;p&gt;Je dagboek blijft op deze computer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Diary and Today</source>
        <translation>Dagboek en Vandaag</translation>
    </message>
    <message>
        <source>Save the diary entry</source>
        <translation>De registratie opslaan</translation>
    </message>
    <message>
        <source>Change the chosen entry; on Today: save</source>
        <translation>De gekozen registratie wijzigen; op Vandaag: opslaan</translation>
    </message>
    <message>
        <source>Stop changing an entry</source>
        <translation>Stoppen met het wijzigen van een registratie</translation>
    </message>
    <message>
        <source>Start the session; then pause or carry on</source>
        <translation>De sessie starten; daarna pauzeren of doorgaan</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Volgende stap</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Vorige stap</translation>
    </message>
    <message>
        <source>Stop the session, or cancel it before it starts</source>
        <translation>De sessie stoppen, of annuleren voordat die begint</translation>
    </message>
    <message>
        <source>Delete the chosen own program or exercise</source>
        <translation>Het gekozen eigen programma of de gekozen eigen oefening verwijderen</translation>
    </message>
    <message>
        <source>Move the chosen exercise up / down in the program</source>
        <translation>De gekozen oefening omhoog / omlaag zetten in het programma</translation>
    </message>
    <message>
        <source>Save the program or exercise being changed</source>
        <translation>Het programma of de oefening die je aanpast opslaan</translation>
    </message>
    <message>
        <source>My activities</source>
        <translation>Mijn activiteiten</translation>
    </message>
    <message>
        <source>Save my activities</source>
        <translation>Mijn activiteiten opslaan</translation>
    </message>
    <message>
        <source>Quit RugDiary and leave it?</source>
        <translation>RugDiary afsluiten zonder de registratie op te slaan?</translation>
    </message>
    <message>
        <source>Delete the chosen entry (Undo brings it back)</source>
        <translation>De gekozen registratie verwijderen (met Ongedaan maken komt ze terug)</translation>
    </message>
    <message>
        <source>&amp;When to get help</source>
        <translation>&amp;Wanneer zoek je hulp?</translation>
    </message>
    <message>
        <source>Choose a score on a 0–10 scale</source>
        <translation>Een score kiezen op een schaal van 0–10</translation>
    </message>
    <message>
        <source>Start the exercise again</source>
        <translation>De oefening opnieuw beginnen</translation>
    </message>
    <message>
        <source>Focus mode: only the figure, the timer and the words for the mat</source>
        <translation>Focusmodus: alleen het figuur, de timer en de woorden voor op de mat</translation>
    </message>
    <message>
        <source>RugDiary – demo diary</source>
        <translation>RugDiary – voorbeelddagboek</translation>
    </message>
</context>
<context>
    <name>MedicationEditor</name>
    <message>
        <source>Add medicine</source>
        <translation>Medicijn toevoegen</translation>
    </message>
</context>
<context>
    <name>MedicationRow</name>
    <message>
        <source>Medicine</source>
        <translation>Medicijn</translation>
    </message>
    <message>
        <source>Dose, e.g. 400 mg</source>
        <translation>Dosis, bijv. 400 mg</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Medicine %1</source>
        <translation>Medicijn %1</translation>
    </message>
    <message>
        <source>Dose of medicine %1</source>
        <translation>Dosis van medicijn %1</translation>
    </message>
</context>
<context>
    <name>MessageScreen</name>
    <message>
        <source>What helps a sore back</source>
        <translation>Wat helpt bij een pijnlijke rug</translation>
    </message>
    <message>
        <source>Stress can play a part.</source>
        <translation>Stress kan meespelen.</translation>
    </message>
    <message>
        <source>A busy or tense time can make pain last longer. The diary helps you notice how stress and pain move together.</source>
        <translation>Een drukke of gespannen tijd kan pijn langer laten duren. Met het dagboek zie je hoe stress en pijn samen op en neer gaan.</translation>
    </message>
    <message>
        <source>Let your back move and relax.</source>
        <translation>Laat je rug bewegen en ontspannen.</translation>
    </message>
    <message>
        <source>There is no need to hold your back still or check every movement. Your back is strong and made to bend and turn.</source>
        <translation>Je hoeft je rug niet stil te houden of elke beweging te controleren. Je rug is sterk en gemaakt om te buigen en te draaien.</translation>
    </message>
    <message>
        <source>Exercise helps.</source>
        <translation>Oefenen helpt.</translation>
    </message>
    <message>
        <source>Building strength in your back and belly makes you more resilient. Small steps, done often, add up.</source>
        <translation>Kracht opbouwen in je rug en buik maakt je veerkrachtiger. Kleine stappen, vaak gedaan, tellen op.</translation>
    </message>
    <message>
        <source>Keep moving.</source>
        <translation>Blijf bewegen.</translation>
    </message>
    <message>
        <source>Walking and everyday activity help your back recover, also on a day with more pain.</source>
        <translation>Wandelen en gewone dagelijkse bezigheden helpen je rug herstellen, ook op een dag met meer pijn.</translation>
    </message>
</context>
<context>
    <name>OptionalSpinBox</name>
    <message>
        <source>not set</source>
        <translation>niet ingevuld</translation>
    </message>
</context>
<context>
    <name>PainRule</name>
    <message>
        <source>Shape of the pain response</source>
        <translation>Vorm van de pijnreactie</translation>
    </message>
</context>
<context>
    <name>PlayPanel</name>
    <message>
        <source>Sound status</source>
        <translation>Geluidsstatus</translation>
    </message>
    <message>
        <source>What to do now</source>
        <translation>Wat je nu doet</translation>
    </message>
    <message>
        <source>Exercise session</source>
        <translation>Oefensessie</translation>
    </message>
    <message>
        <source>Space pauses or carries on, the arrow keys skip, Esc stops.</source>
        <translation>De spatiebalk pauzeert of gaat verder, de pijltjestoetsen slaan over, Esc stopt.</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programma</translation>
    </message>
    <message>
        <source>Repetition, set and side</source>
        <translation>Herhaling, serie en kant</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Oefening</translation>
    </message>
    <message>
        <source>What comes next</source>
        <translation>Wat er hierna komt</translation>
    </message>
    <message>
        <source>Progress through the program</source>
        <translation>Voortgang in het programma</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Pause or carry on</source>
        <translation>Pauzeren of doorgaan</translation>
    </message>
    <message>
        <source>Skip to the next step</source>
        <translation>Naar de volgende stap</translation>
    </message>
    <message>
        <source>How to do this exercise</source>
        <translation>Zo doe je deze oefening</translation>
    </message>
    <message>
        <source>Back to the previous step</source>
        <translation>Terug naar de vorige stap</translation>
    </message>
    <message>
        <source>Restart this exercise</source>
        <translation>Deze oefening opnieuw beginnen</translation>
    </message>
    <message>
        <source>Stop the session</source>
        <translation>De sessie stoppen</translation>
    </message>
    <message>
        <source>Focus mode</source>
        <translation>Focusmodus</translation>
    </message>
    <message>
        <source>Back (←)</source>
        <translation>Terug (←)</translation>
    </message>
    <message>
        <source>Skip (→)</source>
        <translation>Overslaan (→)</translation>
    </message>
    <message>
        <source>Restart exercise (R)</source>
        <translation>Oefening opnieuw (R)</translation>
    </message>
    <message>
        <source>Stop (Esc)</source>
        <translation>Stoppen (Esc)</translation>
    </message>
    <message>
        <source>Show only the figure, the timer and the words for the mat</source>
        <translation>Toon alleen het figuur, de timer en de woorden voor op de mat</translation>
    </message>
    <message>
        <source>Carry on (Space)</source>
        <translation>Doorgaan (spatiebalk)</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Pauze (spatiebalk)</translation>
    </message>
    <message>
        <source>Show everything (F)</source>
        <translation>Alles tonen (F)</translation>
    </message>
    <message>
        <source>Focus mode (F)</source>
        <translation>Focusmodus (F)</translation>
    </message>
</context>
<context>
    <name>PlayerController</name>
    <message>
        <source>A session is still playing. Stop it first.</source>
        <translation>Er loopt nog een sessie. Stop die eerst.</translation>
    </message>
    <message>
        <source>This program cannot be played: %1</source>
        <translation>Dit programma kan niet starten: %1</translation>
    </message>
    <message>
        <source>%1 · about %2 minutes · %3 exercises</source>
        <translation>%1 · ongeveer %2 minuten · %3 oefeningen</translation>
    </message>
    <message>
        <source>Saved. The session is in your diary.</source>
        <translation>Opgeslagen. De sessie staat in je dagboek.</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Wijzigingen opslaan</translation>
    </message>
    <message>
        <source>Session saved</source>
        <translation>Sessie opgeslagen</translation>
    </message>
    <message>
        <source>The last session is not saved yet, so a new one cannot start. Its answers are still on the Exercise session page.</source>
        <translation>De vorige sessie is nog niet opgeslagen, dus een nieuwe kan nog niet beginnen. De antwoorden staan nog op de pagina Oefensessie.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>Pain now</source>
        <translation>Pijn nu</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>Inspanning</translation>
    </message>
    <message>
        <source>Your answers are not saved yet. %1: %2.</source>
        <translation>Je antwoorden zijn nog niet opgeslagen. %1: %2.</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>gepauzeerd</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Gepauzeerd</translation>
    </message>
    <message>
        <source>Press Space to carry on.</source>
        <translation>Druk op de spatiebalk om door te gaan.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 van %2</translation>
    </message>
    <message>
        <source>Start: %1</source>
        <translation>Beginhouding: %1</translation>
    </message>
    <message>
        <source>Up next: the end of the session</source>
        <translation>Hierna: het einde van de sessie</translation>
    </message>
    <message>
        <source>This is the last step.</source>
        <translation>Dit is de laatste stap.</translation>
    </message>
    <message>
        <source>Up next: %1</source>
        <translation>Hierna: %1</translation>
    </message>
    <message>
        <source>Next exercise: %1</source>
        <translation>Volgende oefening: %1</translation>
    </message>
    <message>
        <source>All done. Well done.</source>
        <translation>Helemaal klaar. Goed gedaan.</translation>
    </message>
    <message>
        <source>Session stopped. Stopping early is fine.</source>
        <translation>Sessie gestopt. Eerder stoppen is prima.</translation>
    </message>
    <message>
        <source>You moved for %1 and did all %2 exercises.</source>
        <translation>Je hebt %1 bewogen en alle %2 oefeningen gedaan.</translation>
    </message>
    <message>
        <source>You moved for %1 of the planned %2 and got to exercise %3 of %4.</source>
        <translation>Je hebt %1 van de geplande %2 bewogen en bent tot oefening %3 van %4 gekomen.</translation>
    </message>
    <message>
        <source>Session finished. Doing part of it is fine.</source>
        <translation>Sessie afgerond. Een deel doen is ook goed.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>You moved for %1 and did all %2 exercises, with a few parts skipped.</source>
        <translation>Je hebt %1 bewogen en alle %2 oefeningen gedaan; een paar delen heb je overgeslagen.</translation>
    </message>
    <message>
        <source>You moved for %1 and did %2 of %3 exercises; %4 skipped or cut short.</source>
        <translation>Je hebt %1 bewogen en %2 van de %3 oefeningen gedaan; %4 overgeslagen of ingekort.</translation>
    </message>
    <message>
        <source>Session stopped before the first exercise.</source>
        <translation>Sessie gestopt vóór de eerste oefening.</translation>
    </message>
    <message>
        <source>Nothing was saved. Start again whenever you are ready.</source>
        <translation>Er is niets opgeslagen. Begin opnieuw wanneer je er klaar voor bent.</translation>
    </message>
    <message>
        <source>the diary could not be written</source>
        <translation>het dagboek kon niet worden opgeslagen</translation>
    </message>
    <message>
        <source>Not saved yet: %1. Your answers are still here; choose Try again when the problem is solved.</source>
        <translation>Nog niet opgeslagen: %1. Je antwoorden staan er nog; kies Opnieuw proberen als het probleem is opgelost.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>Session not saved yet</source>
        <translation>Sessie nog niet opgeslagen</translation>
    </message>
    <message>
        <source>Beginner</source>
        <translation>Beginner</translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation>Halfgevorderd</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Gevorderd</translation>
    </message>
</context>
<context>
    <name>PlayerView</name>
    <message>
        <source>Start the session</source>
        <translation>De sessie starten</translation>
    </message>
    <message>
        <source>Do not start</source>
        <translation>Niet starten</translation>
    </message>
</context>
<context>
    <name>PoseFigure</name>
    <message>
        <source>Exercise figure</source>
        <translation>Oefenfiguur</translation>
    </message>
</context>
<context>
    <name>Programs</name>
    <message>
        <source>cannot start: an exercise is missing</source>
        <translation>kan niet starten: er ontbreekt een oefening</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · your own</source>
        <translation>%1 · eigen</translation>
    </message>
    <message>
        <source>Built-in programs stay as they are. Copy one to make your own.</source>
        <translation>Ingebouwde programma&apos;s blijven zoals ze zijn. Kopieer er een om je eigen versie te maken.</translation>
    </message>
    <message>
        <source>No program chosen</source>
        <translation>Geen programma gekozen</translation>
    </message>
    <message>
        <source>From your physiotherapist: %1</source>
        <translation>Van je fysiotherapeut: %1</translation>
    </message>
    <message>
        <source>%1 at the %2 level</source>
        <translation>%1 op niveau %2</translation>
    </message>
    <message>
        <source>cannot be worked out</source>
        <translation>niet te berekenen</translation>
    </message>
    <message>
        <source>This program uses an exercise that is no longer in the library (%1). Change the program to remove it, or undo the delete.</source>
        <translation>Dit programma gebruikt een oefening die niet meer in de bibliotheek staat (%1). Pas het programma aan om die weg te halen, of maak het verwijderen ongedaan.</translation>
    </message>
    <message>
        <source>pain %1 → %2</source>
        <translation>pijn %1 → %2</translation>
    </message>
    <message>
        <source>pain afterwards %1</source>
        <translation>pijn na afloop %1</translation>
    </message>
    <message>
        <source>no pain score afterwards</source>
        <translation>geen pijnscore na afloop</translation>
    </message>
    <message>
        <source> · partly done</source>
        <translation> · deels gedaan</translation>
    </message>
    <message>
        <source> · stopped early</source>
        <translation> · eerder gestopt</translation>
    </message>
    <message>
        <source>No sessions yet. After each session you will see here how your pain responded.</source>
        <translation>Nog geen sessies. Na elke sessie zie je hier hoe je pijn reageerde.</translation>
    </message>
    <message>
        <source>Last time the pain went up more than usual. Next time you could use a lighter level, or do about a quarter fewer reps and shorter holds. Keep moving: that helps more than resting.</source>
        <translation>Vorige keer ging de pijn meer omhoog dan gewoonlijk. De volgende keer kun je een lichter niveau kiezen, of ongeveer een kwart minder herhalingen doen en korter vasthouden. Blijf bewegen: dat helpt meer dan rusten.</translation>
    </message>
    <message>
        <source>You could try the %1 level.</source>
        <translation>Je zou niveau %1 kunnen proberen.</translation>
    </message>
    <message>
        <source>In the last two weeks: %1.</source>
        <translation>In de afgelopen twee weken: %1.</translation>
    </message>
    <message>
        <source>It is an offer: you decide when you are ready.</source>
        <translation>Het is een voorstel: jij bepaalt wanneer je er klaar voor bent.</translation>
    </message>
    <message>
        <source>You could use the %1 level for a while.</source>
        <translation>Je zou een tijdje niveau %1 kunnen gebruiken.</translation>
    </message>
    <message>
        <source>%1 sessions in the last week had a “go lighter” pain response. Keep moving: a lighter level for a few sessions is enough, then build up again.</source>
        <translation>%1 sessies in de afgelopen week hadden de pijnreactie “iets lichter”. Blijf bewegen: een paar sessies op een lichter niveau is genoeg, daarna bouw je weer op.</translation>
    </message>
    <message>
        <source>Use the %1 level</source>
        <translation>Niveau %1 kiezen</translation>
    </message>
    <message>
        <source>The %1 level is chosen. Start when you are ready.</source>
        <translation>Niveau %1 is gekozen. Begin wanneer je er klaar voor bent.</translation>
    </message>
    <message>
        <source>Program saved</source>
        <translation>Programma opgeslagen</translation>
    </message>
    <message>
        <source>delete the program</source>
        <translation>het programma te verwijderen</translation>
    </message>
    <message>
        <source>Program deleted</source>
        <translation>Programma verwijderd</translation>
    </message>
    <message>
        <source>Program deleted. A reminder still offers it: choose another program for it in Settings, or undo.</source>
        <translation>Programma verwijderd. Een herinnering biedt het nog aan: kies bij Instellingen een ander programma voor die herinnering, of maak het verwijderen ongedaan.</translation>
    </message>
    <message>
        <source>%1 of %2 exercises</source>
        <translation>%1 van %2 oefeningen</translation>
    </message>
    <message>
        <source>Built-in exercises stay as they are; you can add exercises of your own.</source>
        <translation>Ingebouwde oefeningen blijven zoals ze zijn; je kunt wel eigen oefeningen toevoegen.</translation>
    </message>
    <message>
        <source>Exercise saved</source>
        <translation>Oefening opgeslagen</translation>
    </message>
    <message>
        <source>delete the exercise</source>
        <translation>de oefening te verwijderen</translation>
    </message>
    <message>
        <source>Exercise deleted</source>
        <translation>Oefening verwijderd</translation>
    </message>
    <message>
        <source>your diary could not be written</source>
        <translation>je dagboek kon niet worden opgeslagen</translation>
    </message>
    <message>
        <source>it no longer exists</source>
        <translation>die bestaat niet meer</translation>
    </message>
    <message>
        <source>Could not %1: %2. Nothing else changed.</source>
        <translation>Het lukte niet om %1: %2. Verder is er niets veranderd.</translation>
    </message>
    <message>
        <source>Kind of exercise</source>
        <translation>Soort oefening</translation>
    </message>
    <message>
        <source>Hold a position</source>
        <translation>Een houding vasthouden</translation>
    </message>
    <message>
        <source>Move at a steady pace</source>
        <translation>Bewegen in een rustig tempo</translation>
    </message>
    <message>
        <source>Keep going for a time</source>
        <translation>Een tijdje volhouden</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Seconden</translation>
    </message>
    <message>
        <source>Repetitions</source>
        <translation>Herhalingen</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>Rest between repetitions</source>
        <translation>Rust tussen herhalingen</translation>
    </message>
    <message>
        <source>Rest between sets</source>
        <translation>Rust tussen series</translation>
    </message>
    <message>
        <source>Each side in turn</source>
        <translation>Elke kant om de beurt</translation>
    </message>
    <message>
        <source>Do the repetitions on each side in turn</source>
        <translation>Doe de herhalingen om de beurt aan elke kant</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Soort</translation>
    </message>
    <message>
        <source>&amp;Repetitions</source>
        <translation>Herhal&amp;ingen</translation>
    </message>
    <message>
        <source>S&amp;ets</source>
        <translation>Seri&amp;es</translation>
    </message>
    <message>
        <source>Rest &amp;between reps</source>
        <translation>R&amp;ust tussen herhalingen</translation>
    </message>
    <message>
        <source>Rest between se&amp;ts</source>
        <translation>Rust tussen se&amp;ries</translation>
    </message>
    <message>
        <source>enter a whole number from %1 to %2</source>
        <translation>vul een heel getal van %1 tot %2 in</translation>
    </message>
    <message>
        <source>A word like “%1” can make moving feel risky. You could say “move freely” or “let the back relax” instead. You can still save it as it is.</source>
        <translation>Een woord als “%1” kan bewegen riskant laten lijken. Je kunt in plaats daarvan “vrij bewegen” of “laat je rug ontspannen” schrijven. Je kunt het ook zo opslaan.</translation>
    </message>
    <message>
        <source>New program</source>
        <translation>Nieuw programma</translation>
    </message>
    <message>
        <source>Copy of a program</source>
        <translation>Kopie van een programma</translation>
    </message>
    <message>
        <source>Change program</source>
        <translation>Programma wijzigen</translation>
    </message>
    <message>
        <source>%1 (your own)</source>
        <translation>%1 (eigen)</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dosering</translation>
    </message>
    <message>
        <source>Choose an exercise in the list to set its dose.</source>
        <translation>Kies een oefening in de lijst om de dosering in te stellen.</translation>
    </message>
    <message>
        <source>Dose of %1 at the %2 level</source>
        <translation>Dosering van %1 op niveau %2</translation>
    </message>
    <message>
        <source>The other levels keep their own dose from the library.</source>
        <translation>De andere niveaus houden hun eigen dosering uit de bibliotheek.</translation>
    </message>
    <message>
        <source>Add at least one exercise.</source>
        <translation>Voeg minstens één oefening toe.</translation>
    </message>
    <message>
        <source>The total cannot be worked out: an exercise is missing.</source>
        <translation>Het totaal is niet te berekenen: er ontbreekt een oefening.</translation>
    </message>
    <message>
        <source>Total: %1 at the %2 level</source>
        <translation>Totaal: %1 op niveau %2</translation>
    </message>
    <message>
        <source>give the program a name</source>
        <translation>geef het programma een naam</translation>
    </message>
    <message>
        <source>add at least one exercise</source>
        <translation>voeg minstens één oefening toe</translation>
    </message>
    <message>
        <source>this exercise is no longer in the library</source>
        <translation>deze oefening staat niet meer in de bibliotheek</translation>
    </message>
    <message>
        <source>Not saved yet: %1. Everything you entered is still here, so you can try again.</source>
        <translation>Nog niet opgeslagen: %1. Alles wat je hebt ingevuld staat er nog, dus je kunt het opnieuw proberen.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Exercises</source>
        <translation>Oefeningen</translation>
    </message>
    <message>
        <source>Sessions per week</source>
        <translation>Sessies per week</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Rest between reps</source>
        <translation>Rust tussen herhalingen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programma</translation>
    </message>
    <message>
        <source>Name in English</source>
        <translation>Naam in het Engels</translation>
    </message>
    <message>
        <source>Name in Dutch</source>
        <translation>Naam in het Nederlands</translation>
    </message>
    <message>
        <source>Optional: the English name is used when empty</source>
        <translation>Optioneel: anders wordt de Engelse naam gebruikt</translation>
    </message>
    <message>
        <source>Optional: the Dutch name is used when empty</source>
        <translation>Optioneel: anders wordt de Nederlandse naam gebruikt</translation>
    </message>
    <message>
        <source>Short description</source>
        <translation>Korte beschrijving</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optioneel</translation>
    </message>
    <message>
        <source>Level of the program</source>
        <translation>Niveau van het programma</translation>
    </message>
    <message>
        <source>&amp;Name (English)</source>
        <translation>Naa&amp;m (Engels)</translation>
    </message>
    <message>
        <source>Name (&amp;Dutch)</source>
        <translation>Naam (Ne&amp;derlands)</translation>
    </message>
    <message>
        <source>De&amp;scription</source>
        <translation>&amp;Beschrijving</translation>
    </message>
    <message>
        <source>Move d&amp;own</source>
        <translation>Om&amp;laag</translation>
    </message>
    <message>
        <source>&amp;Level</source>
        <translation>&amp;Niveau</translation>
    </message>
    <message>
        <source>Sessions per &amp;week</source>
        <translation>Sessies per &amp;week</translation>
    </message>
    <message>
        <source>Exercises in this program, in order</source>
        <translation>Oefeningen in dit programma, op volgorde</translation>
    </message>
    <message>
        <source>Drag to change the order, or use Alt+Up and Alt+Down</source>
        <translation>Sleep om de volgorde te veranderen, of gebruik Alt+pijl omhoog en Alt+pijl omlaag</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Om&amp;hoog</translation>
    </message>
    <message>
        <source>Move the selected exercise up</source>
        <translation>Zet de gekozen oefening een plek hoger</translation>
    </message>
    <message>
        <source>Alt+Up</source>
        <translation>Alt+pijl omhoog</translation>
    </message>
    <message>
        <source>Move the selected exercise down</source>
        <translation>Zet de gekozen oefening een plek lager</translation>
    </message>
    <message>
        <source>Alt+Down</source>
        <translation>Alt+pijl omlaag</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>Remove the selected exercise from the program</source>
        <translation>Haal de gekozen oefening uit het programma</translation>
    </message>
    <message>
        <source>Exercise to add</source>
        <translation>Oefening om toe te voegen</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Toevoegen</translation>
    </message>
    <message>
        <source>Add the chosen exercise to the end</source>
        <translation>Voeg de gekozen oefening toe aan het eind</translation>
    </message>
    <message>
        <source>E&amp;xercise</source>
        <translation>&amp;Oefening</translation>
    </message>
    <message>
        <source>Save the program</source>
        <translation>Programma opslaan</translation>
    </message>
    <message>
        <source>Choose a PNG, JPEG or SVG picture.</source>
        <translation>Kies een PNG-, JPEG- of SVG-afbeelding.</translation>
    </message>
    <message>
        <source>The picture file could not be opened.</source>
        <translation>Het afbeeldingsbestand kon niet worden geopend.</translation>
    </message>
    <message>
        <source>This picture is %1 MB; pictures can be up to 10 MB. A smaller copy will do.</source>
        <translation>Deze afbeelding is %1 MB; een afbeelding mag tot 10 MB zijn. Een kleinere kopie is prima.</translation>
    </message>
    <message>
        <source>This picture is %1 × %2 pixels; pictures can be up to %3 × %3 pixels. A smaller copy will do.</source>
        <translation>Deze afbeelding is %1 × %2 pixels; afbeeldingen mogen hoogstens %3 × %3 pixels zijn. Een kleinere kopie is prima.</translation>
    </message>
    <message>
        <source>This file could not be read as a picture.</source>
        <translation>Dit bestand kon niet als afbeelding worden gelezen.</translation>
    </message>
    <message>
        <source>No figure</source>
        <translation>Geen figuur</translation>
    </message>
    <message>
        <source>Its own figure, as it is</source>
        <translation>Het eigen figuur, zoals het is</translation>
    </message>
    <message>
        <source>New own exercise</source>
        <translation>Nieuwe eigen oefening</translation>
    </message>
    <message>
        <source>Change exercise</source>
        <translation>Oefening wijzigen</translation>
    </message>
    <message>
        <source>Every level</source>
        <translation>Elk niveau</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>Geen afbeelding</translation>
    </message>
    <message>
        <source>give the exercise a name</source>
        <translation>geef de oefening een naam</translation>
    </message>
    <message>
        <source>write at least one step</source>
        <translation>schrijf minstens één stap</translation>
    </message>
    <message>
        <source>use at most %1 steps, one per line</source>
        <translation>gebruik hoogstens %1 stappen, één per regel</translation>
    </message>
    <message>
        <source>The picture could not be copied: %1. Nothing was saved yet.</source>
        <translation>De afbeelding kon niet worden gekopieerd: %1. Er is nog niets opgeslagen.</translation>
    </message>
    <message>
        <source>The exercise is saved, but its new picture could not be put in place: %1. Choose the picture again and save.</source>
        <translation>De oefening is opgeslagen, maar de nieuwe afbeelding kon niet op haar plek worden gezet: %1. Kies de afbeelding opnieuw en sla op.</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Stappen</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groep</translation>
    </message>
    <message>
        <source>Own exercise</source>
        <translation>Eigen oefening</translation>
    </message>
    <message>
        <source>Name of the exercise</source>
        <translation>Naam van de oefening</translation>
    </message>
    <message>
        <source>Start position</source>
        <translation>Beginhouding</translation>
    </message>
    <message>
        <source>For example: lying on your back, knees bent</source>
        <translation>Bijvoorbeeld: op je rug, knieën gebogen</translation>
    </message>
    <message>
        <source>Steps, one per line</source>
        <translation>Stappen, één per regel</translation>
    </message>
    <message>
        <source>One step per line, as your physiotherapist explained</source>
        <translation>Eén stap per regel, zoals je fysiotherapeut het uitlegde</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Naam</translation>
    </message>
    <message>
        <source>&amp;Group</source>
        <translation>&amp;Groep</translation>
    </message>
    <message>
        <source>PNG, JPEG or SVG, up to 10 MB and %1 × %1 pixels. A copy is kept with your diary.</source>
        <translation>PNG, JPEG of SVG, tot 10 MB en %1 × %1 pixels. Er wordt een kopie bij je dagboek bewaard.</translation>
    </message>
    <message>
        <source>Dose per level</source>
        <translation>Dosering per niveau</translation>
    </message>
    <message>
        <source>St&amp;art position</source>
        <translation>&amp;Beginhouding</translation>
    </message>
    <message>
        <source>&amp;Steps</source>
        <translation>S&amp;tappen</translation>
    </message>
    <message>
        <source>The same &amp;dose at every level</source>
        <translation>De&amp;zelfde dosering op elk niveau</translation>
    </message>
    <message>
        <source>An easier way</source>
        <translation>Een makkelijkere variant</translation>
    </message>
    <message>
        <source>A harder way</source>
        <translation>Een moeilijkere variant</translation>
    </message>
    <message>
        <source>Common mistake</source>
        <translation>Veelgemaakte fout</translation>
    </message>
    <message>
        <source>Good to know</source>
        <translation>Goed om te weten</translation>
    </message>
    <message>
        <source>More (optional)</source>
        <translation>Meer (optioneel)</translation>
    </message>
    <message>
        <source>Eas&amp;ier</source>
        <translation>Ma&amp;kkelijker</translation>
    </message>
    <message>
        <source>&amp;Harder</source>
        <translation>Moei&amp;lijker</translation>
    </message>
    <message>
        <source>Common &amp;mistake</source>
        <translation>Veelgemaakte f&amp;out</translation>
    </message>
    <message>
        <source>Good to kno&amp;w</source>
        <translation>Goed om te &amp;weten</translation>
    </message>
    <message>
        <source>Picture of the exercise</source>
        <translation>Afbeelding van de oefening</translation>
    </message>
    <message>
        <source>Choose &amp;picture…</source>
        <translation>&amp;Afbeelding kiezen…</translation>
    </message>
    <message>
        <source>Remove pict&amp;ure</source>
        <translation>Afbeelding &amp;verwijderen</translation>
    </message>
    <message>
        <source>Show the figure of a similar exercise</source>
        <translation>Toon de figuur van een vergelijkbare oefening</translation>
    </message>
    <message>
        <source>Or show the &amp;figure of:</source>
        <translation>Of toon de &amp;figuur van:</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Afbeelding</translation>
    </message>
    <message>
        <source>Save the exercise</source>
        <translation>Oefening opslaan</translation>
    </message>
    <message>
        <source>Missing exercise (%1)</source>
        <translation>Ontbrekende oefening (%1)</translation>
    </message>
    <message>
        <source>not in the library any more: remove it or add it again</source>
        <translation>staat niet meer in de bibliotheek: haal hem weg of voeg hem opnieuw toe</translation>
    </message>
    <message>
        <source>your own</source>
        <translation>eigen</translation>
    </message>
    <message>
        <source>Easier</source>
        <translation>Makkelijker</translation>
    </message>
    <message>
        <source>Harder</source>
        <translation>Moeilijker</translation>
    </message>
    <message>
        <source>Search by name</source>
        <translation>Zoek op naam</translation>
    </message>
    <message>
        <source>Search exercises by name</source>
        <translation>Zoek oefeningen op naam</translation>
    </message>
    <message>
        <source>Show exercises of group</source>
        <translation>Toon oefeningen uit groep</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Alle groepen</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Zoeken</translation>
    </message>
    <message>
        <source>No exercises match. Try another word or “All groups”.</source>
        <translation>Geen oefeningen gevonden. Probeer een ander woord of “Alle groepen”.</translation>
    </message>
    <message>
        <source>New own exercise…</source>
        <translation>Nieuwe eigen oefening…</translation>
    </message>
    <message>
        <source>Add an exercise of your own</source>
        <translation>Voeg een eigen oefening toe</translation>
    </message>
    <message>
        <source>For an exercise your physiotherapist gave you, with your own picture</source>
        <translation>Voor een oefening van je fysiotherapeut, met je eigen afbeelding</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Wijzigen…</translation>
    </message>
    <message>
        <source>Change the selected own exercise</source>
        <translation>Wijzig de gekozen eigen oefening</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Delete the selected own exercise</source>
        <translation>Verwijder de gekozen eigen oefening</translation>
    </message>
    <message>
        <source>Picture of the start position</source>
        <translation>Afbeelding van de beginhouding</translation>
    </message>
    <message>
        <source>About this exercise</source>
        <translation>Over deze oefening</translation>
    </message>
    <message>
        <source>Choose an exercise to see how it goes.</source>
        <translation>Kies een oefening om te zien hoe die gaat.</translation>
    </message>
    <message>
        <source>Programs and exercises</source>
        <translation>Programma&apos;s en oefeningen</translation>
    </message>
    <message>
        <source>&amp;Programs</source>
        <translation>&amp;Programma&apos;s</translation>
    </message>
    <message>
        <source>E&amp;xercise library</source>
        <translation>&amp;Oefenbibliotheek</translation>
    </message>
    <message>
        <source>Programs</source>
        <translation>Programma&apos;s</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Nieuw…</translation>
    </message>
    <message>
        <source>Make a new program</source>
        <translation>Maak een nieuw programma</translation>
    </message>
    <message>
        <source>Copy…</source>
        <translation>Kopiëren…</translation>
    </message>
    <message>
        <source>Copy the selected program to change it</source>
        <translation>Kopieer het gekozen programma om het aan te passen</translation>
    </message>
    <message>
        <source>Change the selected own program</source>
        <translation>Wijzig het gekozen eigen programma</translation>
    </message>
    <message>
        <source>Delete the selected own program</source>
        <translation>Verwijder het gekozen eigen programma</translation>
    </message>
    <message>
        <source>Level to play the program at</source>
        <translation>Niveau waarop je het programma doet</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Start the program at the chosen level</source>
        <translation>Start het programma op het gekozen niveau</translation>
    </message>
    <message>
        <source>Use the suggested level</source>
        <translation>Voorgesteld niveau kiezen</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Niet nu</translation>
    </message>
    <message>
        <source>Keep the current level for now</source>
        <translation>Houd voorlopig je huidige niveau</translation>
    </message>
    <message>
        <source>What you will do</source>
        <translation>Wat je gaat doen</translation>
    </message>
    <message>
        <source>Your last sessions</source>
        <translation>Je laatste sessies</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importeren…</translation>
    </message>
    <message>
        <source>Import a program from a file</source>
        <translation>Een programma uit een bestand importeren</translation>
    </message>
    <message>
        <source>Export the selected program to a file</source>
        <translation>Het gekozen programma naar een bestand exporteren</translation>
    </message>
    <message>
        <source>Print sheet…</source>
        <translation>Oefenblad afdrukken…</translation>
    </message>
    <message>
        <source>Save a printable sheet of the selected program at the chosen level</source>
        <translation>Een afdrukbaar oefenblad van het gekozen programma op het gekozen niveau opslaan</translation>
    </message>
    <message>
        <source>Core stability</source>
        <translation>Rompstabiliteit</translation>
    </message>
    <message>
        <source>Strengthening</source>
        <translation>Kracht opbouwen</translation>
    </message>
    <message>
        <source>Mobility and relaxation</source>
        <translation>Beweeglijkheid en ontspanning</translation>
    </message>
    <message>
        <source>Breathing and stress relief</source>
        <translation>Ademhaling en minder stress</translation>
    </message>
    <message>
        <source>General movement</source>
        <translation>Algemeen bewegen</translation>
    </message>
    <message>
        <source>beginner</source>
        <translation>beginner</translation>
    </message>
    <message>
        <source>intermediate</source>
        <translation>halfgevorderd</translation>
    </message>
    <message>
        <source>advanced</source>
        <translation>gevorderd</translation>
    </message>
    <message>
        <source>Hold (seconds)</source>
        <translation>Vasthouden (seconden)</translation>
    </message>
    <message>
        <source>Seconds per rep</source>
        <translation>Seconden per herhaling</translation>
    </message>
    <message>
        <source>Duration (seconds)</source>
        <translation>Duur (seconden)</translation>
    </message>
    <message>
        <source>%1 × %2 s hold</source>
        <translation>%1 × %2 s vasthouden</translation>
    </message>
    <message>
        <source>1 rep</source>
        <translation>1 herhaling</translation>
    </message>
    <message>
        <source>%1 reps</source>
        <translation>%1 herhalingen</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>, each side</source>
        <translation>, per kant</translation>
    </message>
    <message>
        <source>1 set</source>
        <translation>1 serie</translation>
    </message>
    <message>
        <source>%1 sets</source>
        <translation>%1 series</translation>
    </message>
    <message>
        <source>%1 s rest</source>
        <translation>%1 s rust</translation>
    </message>
    <message>
        <source>about %1 min</source>
        <translation>ongeveer %1 min</translation>
    </message>
    <message>
        <source>Fine</source>
        <translation>Prima</translation>
    </message>
    <message>
        <source>pain 0–3: fine, carry on</source>
        <translation>pijn 0–3: prima, ga door</translation>
    </message>
    <message>
        <source>Okay</source>
        <translation>Oké</translation>
    </message>
    <message>
        <source>pain 4–5: okay if it settles by the next morning</source>
        <translation>pijn 4–5: oké als het de volgende ochtend weer gezakt is</translation>
    </message>
    <message>
        <source>Go lighter</source>
        <translation>Iets lichter</translation>
    </message>
    <message>
        <source>pain above 5 or worse the next day: next time, a lighter level</source>
        <translation>pijn boven 5 of de volgende dag erger: de volgende keer een lichter niveau</translation>
    </message>
    <message>
        <source>two weeks or more at this level</source>
        <translation>twee weken of langer op dit niveau</translation>
    </message>
    <message>
        <source>at least 8 in 10 of the planned sessions done</source>
        <translation>minstens 8 van de 10 geplande sessies gedaan</translation>
    </message>
    <message>
        <source>effort 6 out of 10 or less</source>
        <translation>inspanning 6 van de 10 of minder</translation>
    </message>
    <message>
        <source>only “fine” and “okay” pain responses</source>
        <translation>alleen de pijnreacties “prima” en “oké”</translation>
    </message>
    <message>
        <source>a session with a “go lighter” pain response</source>
        <translation>een sessie met de pijnreactie “iets lichter”</translation>
    </message>
    <message>
        <source>Message about this form</source>
        <translation>Bericht over dit formulier</translation>
    </message>
    <message>
        <source>Export the program</source>
        <translation>Het programma exporteren</translation>
    </message>
    <message>
        <source>“%1” goes into one file.</source>
        <translation>“%1” gaat in één bestand.</translation>
    </message>
    <message>
        <source>The file holds this program and your own exercises in it, with their pictures. It holds no diary data: no pain or stress scores, notes or sessions. Someone with RugDiary can import it, for example your physiotherapist or patient.</source>
        <translation>Het bestand bevat dit programma en je eigen oefeningen daarin, met hun afbeeldingen. Het bevat geen dagboekgegevens: geen pijn- of stressscores, notities of sessies. Iemand met RugDiary kan het importeren, bijvoorbeeld je fysiotherapeut of patiënt.</translation>
    </message>
    <message>
        <source>&amp;Note to go with it (optional)</source>
        <translation>&amp;Notitie erbij (mag leeg blijven)</translation>
    </message>
    <message>
        <source>Note to go with the program</source>
        <translation>Notitie bij het programma</translation>
    </message>
    <message>
        <source>For example: twice a day; stop at a 5 and tell me next time.</source>
        <translation>Bijvoorbeeld: twee keer per dag; stop bij een 5 en vertel het me de volgende keer.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <source>A note can be up to %1 characters.</source>
        <translation>Een notitie mag hoogstens %1 tekens lang zijn.</translation>
    </message>
    <message>
        <source>The program was not exported</source>
        <translation>Het programma is niet geëxporteerd</translation>
    </message>
    <message>
        <source>Program exported to %1</source>
        <translation>Programma geëxporteerd naar %1</translation>
    </message>
    <message>
        <source>(without the pictures of %1: they could not be read)</source>
        <translation>(zonder de afbeeldingen van %1: die waren niet te lezen)</translation>
    </message>
    <message>
        <source>“%1” could not be put into a file: %2</source>
        <translation>“%1” kon niet in een bestand worden gezet: %2</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>regel %1</translation>
    </message>
    <message>
        <source>%1 is one of RugDiary&apos;s own files (the diary, its backups or the pictures of your own exercises). Choose another name or folder, so that they are never written over.</source>
        <translation>%1 is een van de eigen bestanden van RugDiary (het dagboek, de back-ups of de afbeeldingen van je eigen oefeningen). Kies een andere naam of map, zodat die nooit worden overschreven.</translation>
    </message>
    <message>
        <source>RugDiary could not write the file %1. Choose another folder and try again.

What happened: %2</source>
        <translation>RugDiary kon het bestand %1 niet opslaan. Kies een andere map en probeer het opnieuw.

Wat er gebeurde: %2</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>Er is niets geïmporteerd</translation>
    </message>
    <message>
        <source>You have this program already; nothing changed.</source>
        <translation>Je hebt dit programma al; er is niets veranderd.</translation>
    </message>
    <message>
        <source>Program imported: %1</source>
        <translation>Programma geïmporteerd: %1</translation>
    </message>
    <message>
        <source>Program “%1”</source>
        <translation>Programma “%1”</translation>
    </message>
    <message>
        <source>Exercise “%1”</source>
        <translation>Oefening “%1”</translation>
    </message>
    <message>
        <source>The program file %1 cannot be used: %2</source>
        <translation>Het programmabestand %1 is niet te gebruiken: %2</translation>
    </message>
    <message>
        <source>Your own programs and exercises have not changed.</source>
        <translation>Je eigen programma&apos;s en oefeningen zijn niet veranderd.</translation>
    </message>
    <message>
        <source>Making the exercise sheet…</source>
        <translation>Het oefenblad wordt gemaakt…</translation>
    </message>
    <message>
        <source>The sheet was not made</source>
        <translation>Het oefenblad is niet gemaakt</translation>
    </message>
    <message>
        <source>An exercise of this program is missing: %1</source>
        <translation>Er ontbreekt een oefening van dit programma: %1</translation>
    </message>
    <message>
        <source>Something went wrong while the sheet was made: %1</source>
        <translation>Bij het maken van het oefenblad ging iets mis: %1</translation>
    </message>
    <message>
        <source>The sheet was not saved</source>
        <translation>Het oefenblad is niet opgeslagen</translation>
    </message>
    <message>
        <source>Exercise sheet saved as %1</source>
        <translation>Oefenblad opgeslagen als %1</translation>
    </message>
</context>
<context>
    <name>ProgramsCommands</name>
    <message>
        <source>redo %1</source>
        <translation>‘%1’ opnieuw te doen</translation>
    </message>
    <message>
        <source>undo %1</source>
        <translation>‘%1’ ongedaan te maken</translation>
    </message>
    <message>
        <source>delete program</source>
        <translation>programma verwijderen</translation>
    </message>
    <message>
        <source>delete exercise</source>
        <translation>oefening verwijderen</translation>
    </message>
</context>
<context>
    <name>QuickEntryView</name>
    <message>
        <source>Message about this entry</source>
        <translation>Bericht over deze registratie</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Save today&apos;s entry</source>
        <translation>Registratie van vandaag opslaan</translation>
    </message>
    <message>
        <source>Save (%1 or Enter)</source>
        <translation>Opslaan (%1 of Enter)</translation>
    </message>
    <message>
        <source>Choose pain and stress to save.</source>
        <translation>Kies eerst pijn en stress.</translation>
    </message>
    <message>
        <source>Sleep, notes and more are on the Diary page.</source>
        <translation>Slaap, notities en meer vind je op de pagina Dagboek.</translation>
    </message>
    <message>
        <source>Where it hurts (optional)</source>
        <translation>Waar het pijn doet (optioneel)</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>the file is empty</source>
        <translation>het bestand is leeg</translation>
    </message>
    <message>
        <source>the file is UTF-16 text; save it as UTF-8 (CSV UTF-8) instead</source>
        <translation>het bestand is opgeslagen als UTF-16-tekst; sla het in plaats daarvan op als UTF-8 (CSV UTF-8)</translation>
    </message>
    <message>
        <source>the file is binary, not text (it contains NUL bytes)</source>
        <translation>het bestand is geen tekstbestand (er staan NUL-bytes in)</translation>
    </message>
    <message>
        <source>not UTF-8 text (byte %1); save it as UTF-8 (CSV UTF-8)</source>
        <translation>geen UTF-8-tekst (byte %1); sla het op als UTF-8 (CSV UTF-8)</translation>
    </message>
    <message>
        <source>not valid JSON: nested too deeply</source>
        <translation>geen geldige JSON: te diep in elkaar genest</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>geen geldige JSON: %1</translation>
    </message>
    <message>
        <source>not a RugDiary export: the file must hold one JSON object</source>
        <translation>geen export van RugDiary: het bestand moet één JSON-object bevatten</translation>
    </message>
    <message>
        <source>a FHIR bundle is for other systems; import a JSON export</source>
        <translation>een FHIR-bundel is bedoeld voor andere systemen; importeer een JSON-export</translation>
    </message>
    <message>
        <source>not a RugDiary export (expected &quot;format&quot;: &quot;%1&quot;)</source>
        <translation>geen export van RugDiary (verwacht: &quot;format&quot;: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>must be a whole number from %1</source>
        <translation>moet een heel getal vanaf %1 zijn</translation>
    </message>
    <message>
        <source>the file was made by a newer RugDiary (export version %1; this one reads up to %2); update RugDiary to import it</source>
        <translation>het bestand is gemaakt met een nieuwere RugDiary (exportversie %1; deze leest tot en met versie %2); werk RugDiary bij om het te importeren</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>moet een heel getal zijn</translation>
    </message>
    <message>
        <source>the data is in schema %1, newer than this RugDiary knows (%2); update RugDiary to import it</source>
        <translation>de gegevens zijn van versie %1, nieuwer dan deze RugDiary kent (%2); werk RugDiary bij om ze te importeren</translation>
    </message>
    <message>
        <source>must be an object of tables</source>
        <translation>moet een object met tabellen zijn</translation>
    </message>
    <message>
        <source>is not a known table (%1)</source>
        <translation>is geen bekende tabel (%1)</translation>
    </message>
    <message>
        <source>must be a list of records</source>
        <translation>moet een lijst met onderdelen zijn</translation>
    </message>
    <message>
        <source>record %1 must be an object</source>
        <translation>onderdeel %1 moet een object zijn</translation>
    </message>
    <message>
        <source>contains a broken character (a lone surrogate)</source>
        <translation>bevat een ongeldig teken (een losse helft van een tekenpaar)</translation>
    </message>
    <message>
        <source>the number is too large to store</source>
        <translation>het getal is te groot om op te slaan</translation>
    </message>
    <message>
        <source>NaN and Infinity cannot be stored</source>
        <translation>NaN en Infinity kunnen niet worden opgeslagen</translation>
    </message>
    <message>
        <source>a quote opened in this line is never closed</source>
        <translation>een aanhalingsteken in deze regel wordt nergens afgesloten</translation>
    </message>
    <message>
        <source>not valid CSV: %1</source>
        <translation>geen geldige CSV: %1</translation>
    </message>
    <message>
        <source>the first line must name the columns: date,pain,stress[,note]</source>
        <translation>de eerste regel moet de kolommen noemen: datum,pijn,stress[,notitie] (of date,pain,stress[,note])</translation>
    </message>
    <message>
        <source>has no name in the header</source>
        <translation>heeft geen naam in de kopregel</translation>
    </message>
    <message>
        <source>is not a known column; expected date, pain, stress and optionally note (or datum, pijn, stress, notitie)</source>
        <translation>is geen bekende kolom; verwacht: datum, pijn, stress en eventueel notitie (of date, pain, stress, note)</translation>
    </message>
    <message>
        <source>is not a known column; expected %1</source>
        <translation>is geen bekende kolom; verwacht: %1</translation>
    </message>
    <message>
        <source>column %1 appears twice</source>
        <translation>kolom %1 staat er twee keer in</translation>
    </message>
    <message>
        <source>column is missing (give `at`, or `date` and `time`)</source>
        <translation>kolom ontbreekt (voeg `at` toe, of `date` en `time`)</translation>
    </message>
    <message>
        <source>column is missing</source>
        <translation>kolom ontbreekt</translation>
    </message>
    <message>
        <source>the file ends inside this row (no line end after it), so it may be cut off; if the row is complete, end it with a line break</source>
        <translation>het bestand houdt midden in deze rij op (er staat geen regeleinde achter), dus misschien is hij afgebroken; is de rij compleet, zet er dan een regeleinde achter</translation>
    </message>
    <message>
        <source>has %1 values but the header names %2</source>
        <translation>heeft %1 waarden, maar de kopregel noemt er %2</translation>
    </message>
    <message>
        <source>has %1 values but the header names %2; the row may be cut off</source>
        <translation>heeft %1 waarden, maar de kopregel noemt er %2; misschien is de rij afgebroken</translation>
    </message>
    <message>
        <source>the data version is not a whole number</source>
        <translation>het versienummer van de gegevens is geen heel getal</translation>
    </message>
    <message>
        <source>%1 is not a whole number</source>
        <translation>%1 is geen heel getal</translation>
    </message>
    <message>
        <source>%1 is not yes or no</source>
        <translation>%1 is geen ja of nee</translation>
    </message>
    <message>
        <source>%1 is not a date and time like 2026-03-02T09:00:00+01:00</source>
        <translation>%1 is geen datum en tijd zoals 2026-03-02T09:00:00+01:00</translation>
    </message>
    <message>
        <source>%1 is not a date like 2026-03-02 or 2026-03-02T09:30</source>
        <translation>%1 is geen datum zoals 2026-03-02 of 2026-03-02T09:30</translation>
    </message>
    <message>
        <source>%1 is not a date like 2026-03-02</source>
        <translation>%1 is geen datum zoals 2026-03-02</translation>
    </message>
    <message>
        <source>%1 is not a time like 09:30</source>
        <translation>%1 is geen tijd zoals 09:30</translation>
    </message>
    <message>
        <source>%1 does not match `at` (%2); fix or clear one</source>
        <translation>%1 past niet bij `at` (%2); verbeter er één of maak er één leeg</translation>
    </message>
    <message>
        <source>%1 does not match `at` (%2)</source>
        <translation>%1 past niet bij `at` (%2)</translation>
    </message>
    <message>
        <source>%1 does not match started_at (%2)</source>
        <translation>%1 past niet bij started_at (%2)</translation>
    </message>
    <message>
        <source>%1 cannot be placed in this computer&apos;s time zone</source>
        <translation>%1 kan niet in de tijdzone van deze computer worden geplaatst</translation>
    </message>
    <message>
        <source>%1 does not exist on this computer&apos;s clock (the clocks moved that day)</source>
        <translation>%1 bestaat niet op de klok van deze computer (die dag is de klok verzet)</translation>
    </message>
    <message>
        <source>%1 has more than one | between name and dose</source>
        <translation>%1 heeft meer dan één | tussen naam en dosis</translation>
    </message>
    <message>
        <source>the same id is on line %1</source>
        <translation>dezelfde id staat ook op regel %1</translation>
    </message>
    <message>
        <source>the same id is on line %1 with other values</source>
        <translation>dezelfde id staat ook op regel %1, met andere waarden</translation>
    </message>
    <message>
        <source>%1 is also on line %2</source>
        <translation>%1 staat ook op regel %2</translation>
    </message>
    <message>
        <source>%1 lies in the future</source>
        <translation>%1 ligt in de toekomst</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>moet ingevuld zijn</translation>
    </message>
    <message>
        <source>is not a diary field</source>
        <translation>is geen veld van een dagboekregistratie</translation>
    </message>
    <message>
        <source>is not a session field</source>
        <translation>is geen veld van een oefensessie</translation>
    </message>
    <message>
        <source>is not a field of a sitting day</source>
        <translation>is geen veld van een dag met zittijden</translation>
    </message>
    <message>
        <source>is not an activity field</source>
        <translation>is geen veld van een activiteit</translation>
    </message>
    <message>
        <source>is not a score field</source>
        <translation>is geen veld van een activiteitsscore</translation>
    </message>
    <message>
        <source>is not a flare-up field</source>
        <translation>is geen veld van een opvlamming</translation>
    </message>
    <message>
        <source>%1 is not a date and time like 2026-03-14T08:30+01:00</source>
        <translation>%1 is geen datum en tijd zoals 2026-03-14T08:30+01:00</translation>
    </message>
    <message>
        <source>must be a date and time in ISO 8601 form</source>
        <translation>moet een datum en tijd zijn, geschreven zoals 2026-03-14T08:30+01:00</translation>
    </message>
    <message>
        <source>must be a date from the years %1 to %2, not %3</source>
        <translation>moet een datum in de jaren %1 tot en met %2 zijn, niet %3</translation>
    </message>
    <message>
        <source>must be a date from the years %1 to %2</source>
        <translation>moet een datum in de jaren %1 tot en met %2 zijn</translation>
    </message>
    <message>
        <source>must lie in the years %1 to %2</source>
        <translation>moet in de jaren %1 tot en met %2 liggen</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation>moet een heel getal van %1 tot %2 zijn</translation>
    </message>
    <message>
        <source>must be from %1 to %2, not %3</source>
        <translation>moet van %1 tot %2 zijn, niet %3</translation>
    </message>
    <message>
        <source>must be a whole number of at least 0</source>
        <translation>moet een heel getal van 0 of meer zijn</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>moet true of false zijn</translation>
    </message>
    <message>
        <source>must be a non-empty text</source>
        <translation>mag niet leeg zijn</translation>
    </message>
    <message>
        <source>must be non-empty text</source>
        <translation>mag niet leeg zijn</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>moet tekst zijn</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>moet een lijst zijn</translation>
    </message>
    <message>
        <source>has %1 characters; at most %2 fit</source>
        <translation>heeft %1 tekens; er passen er hoogstens %2 in</translation>
    </message>
    <message>
        <source>has at most %1 characters</source>
        <translation>mag hoogstens %1 tekens hebben</translation>
    </message>
    <message>
        <source>contains the control character U+%1, which a diary cannot hold</source>
        <translation>bevat het onzichtbare stuurteken U+%1, dat niet in een dagboek kan worden opgeslagen</translation>
    </message>
    <message>
        <source>at most %1 tags</source>
        <translation>hoogstens %1 labels</translation>
    </message>
    <message>
        <source>every tag must be non-empty text</source>
        <translation>elk label moet tekst bevatten</translation>
    </message>
    <message>
        <source>a tag has at most %1 characters</source>
        <translation>een label mag hoogstens %1 tekens hebben</translation>
    </message>
    <message>
        <source>a value that is not text is not a body region; use one of %1</source>
        <translation>een waarde die geen tekst is, is geen plek op de lichaamskaart; gebruik een van %1</translation>
    </message>
    <message>
        <source>%1 is not a body region; use one of %2</source>
        <translation>%1 is geen plek op de lichaamskaart; gebruik een van %2</translation>
    </message>
    <message>
        <source>names a body region more than once</source>
        <translation>noemt een plek op de lichaamskaart meer dan eens</translation>
    </message>
    <message>
        <source>at most %1 medicines</source>
        <translation>hoogstens %1 medicijnen</translation>
    </message>
    <message>
        <source>must be an object with name and dose</source>
        <translation>moet een object met naam en dosis zijn</translation>
    </message>
    <message>
        <source>unknown field %1</source>
        <translation>onbekend veld %1</translation>
    </message>
    <message>
        <source>name and dose have at most %1 characters</source>
        <translation>naam en dosis mogen elk hoogstens %1 tekens hebben</translation>
    </message>
    <message>
        <source>must be one of %1 or null</source>
        <translation>moet een van %1 zijn, of leeg (null)</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>moet een van %1 zijn</translation>
    </message>
    <message>
        <source>must be a slug like &apos;bird-dog&apos; (a-z, 0-9 and dashes)</source>
        <translation>moet een korte naam zijn zoals &apos;bird-dog&apos; (a-z, 0-9 en streepjes)</translation>
    </message>
    <message>
        <source>must not be before started_at</source>
        <translation>mag niet vóór started_at liggen</translation>
    </message>
    <message>
        <source>a completed session has no stop reason</source>
        <translation>bij een afgeronde sessie hoort geen reden voor eerder stoppen</translation>
    </message>
    <message>
        <source>cannot be more than a day</source>
        <translation>kan niet meer dan een dag zijn</translation>
    </message>
    <message>
        <source>is required: say which activity, e.g. &apos;put on socks&apos;</source>
        <translation>moet ingevuld zijn: zeg welke activiteit, bijvoorbeeld &apos;sokken aantrekken&apos;</translation>
    </message>
    <message>
        <source>must be written without extra spaces</source>
        <translation>moet zonder extra spaties geschreven zijn</translation>
    </message>
    <message>
        <source>lies before the activity was named</source>
        <translation>ligt vóór het moment waarop de activiteit werd gekozen</translation>
    </message>
    <message>
        <source>you already have an activity called %1</source>
        <translation>je hebt al een activiteit die %1 heet</translation>
    </message>
    <message>
        <source>at most %1 activities at a time; retire one before adding another</source>
        <translation>hoogstens %1 activiteiten tegelijk; kies eerst bij een andere “Niet meer vragen” voordat je er een toevoegt</translation>
    </message>
    <message>
        <source>%1 must come after the start, %2</source>
        <translation>%1 moet na het begin (%2) komen</translation>
    </message>
    <message>
        <source>there is no exercise %1</source>
        <translation>er is geen oefening %1</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>de schijf is vol</translation>
    </message>
    <message>
        <source>the diary file has gone missing since RugDiary opened it (moved, deleted, or on a disk that is no longer connected?)</source>
        <translation>het dagboekbestand is verdwenen sinds RugDiary het opende (verplaatst, verwijderd, of op een schijf die niet meer is aangesloten?)</translation>
    </message>
    <message>
        <source>the data folder is read-only or not writable</source>
        <translation>in de gegevensmap kan niet worden geschreven</translation>
    </message>
    <message>
        <source>another RugDiary window or command is using this data folder; close it or try again in a moment</source>
        <translation>een ander RugDiary-venster of -commando gebruikt deze gegevensmap; sluit het of probeer het zo weer</translation>
    </message>
    <message>
        <source>the lock file %1 cannot be made or opened: the data folder is read-only or not writable</source>
        <translation>het slotbestand %1 kan niet worden gemaakt of geopend: in de gegevensmap kan niet worden geschreven</translation>
    </message>
    <message>
        <source>the lock file %1 belongs to another user (uid %2), so this user cannot use the folder; remove that file or run RugDiary as its owner</source>
        <translation>het slotbestand %1 is van een andere gebruiker (uid %2), dus deze gebruiker kan de map niet gebruiken; verwijder dat bestand of start RugDiary als die gebruiker</translation>
    </message>
    <message>
        <source>the lock file %1 cannot be opened (%2)</source>
        <translation>het slotbestand %1 kan niet worden geopend (%2)</translation>
    </message>
    <message>
        <source>the file is not text; it may be damaged</source>
        <translation>het bestand is geen tekst; misschien is het onleesbaar geworden</translation>
    </message>
    <message>
        <source>the file is cut off or damaged (line %1, column %2)</source>
        <translation>het bestand is onvolledig of onleesbaar geworden (regel %1, kolom %2)</translation>
    </message>
    <message>
        <source>the file does not hold diary tables</source>
        <translation>het bestand bevat geen dagboektabellen</translation>
    </message>
    <message>
        <source>table %1 is not a set of records</source>
        <translation>tabel %1 is geen verzameling onderdelen</translation>
    </message>
    <message>
        <source>table %1 has a malformed record %2</source>
        <translation>tabel %1 heeft een onderdeel %2 dat niet klopt</translation>
    </message>
    <message>
        <source>this is a folder, not a diary file</source>
        <translation>dit is een map, geen dagboekbestand</translation>
    </message>
    <message>
        <source>the file cannot be read (no permission)</source>
        <translation>het bestand kan niet worden gelezen (geen toestemming)</translation>
    </message>
    <message>
        <source>it was written by a newer RugDiary (data version %1; this version reads up to %2). Update RugDiary to open it.</source>
        <translation>het is opgeslagen door een nieuwere RugDiary (gegevensversie %1; deze versie leest tot en met versie %2). Werk RugDiary bij om het te openen.</translation>
    </message>
    <message>
        <source>it is a link to %1, which does not exist (is that disk connected?); nothing was changed</source>
        <translation>het is een koppeling naar %1, en dat bestaat niet (is die schijf aangesloten?); er is niets veranderd</translation>
    </message>
    <message>
        <source>it is a link to %1, which leads round in a loop; nothing was changed</source>
        <translation>het is een koppeling naar %1, die in een kringetje rondloopt; er is niets veranderd</translation>
    </message>
    <message>
        <source>the data folder cannot be created (%1)</source>
        <translation>de gegevensmap kan niet worden gemaakt (%1)</translation>
    </message>
    <message>
        <source>the diary file is missing, but the folder has %1 backup(s), the newest from %2; restore it rather than start an empty diary</source>
        <translation>het dagboekbestand ontbreekt, maar de map heeft %1 back-up(s), de nieuwste van %2; zet die terug in plaats van een leeg dagboek te beginnen</translation>
    </message>
    <message>
        <source>there are no backups to restore</source>
        <translation>er zijn geen back-ups om terug te zetten</translation>
    </message>
    <message>
        <source>no backup could be read (%1)</source>
        <translation>geen enkele back-up kon worden gelezen (%1)</translation>
    </message>
    <message>
        <source>the file is cut off or damaged (%1, column %2)</source>
        <translation>het bestand is onvolledig of onleesbaar geworden (%1, kolom %2)</translation>
    </message>
    <message>
        <source>the file is cut off or damaged</source>
        <translation>het bestand is onvolledig of onleesbaar geworden</translation>
    </message>
    <message>
        <source>the file is nested too deeply</source>
        <translation>het bestand is te diep in elkaar genest</translation>
    </message>
    <message>
        <source>the file is too large to be a programme file</source>
        <translation>het bestand is te groot voor een programmabestand</translation>
    </message>
    <message>
        <source>this is not a programme file (not text)</source>
        <translation>dit is geen programmabestand (geen tekst)</translation>
    </message>
    <message>
        <source>is not a programme file (no JSON object)</source>
        <translation>is geen programmabestand (geen JSON-object)</translation>
    </message>
    <message>
        <source>must be %1: this is not a programme file</source>
        <translation>moet %1 zijn: dit is geen programmabestand</translation>
    </message>
    <message>
        <source>is %1: the file was made by a newer RugDiary; this one reads version %2</source>
        <translation>is %1: het bestand is gemaakt met een nieuwere RugDiary; deze leest tot en met versie %2</translation>
    </message>
    <message>
        <source>there is no exercise %1 in the file or in this RugDiary</source>
        <translation>er is geen oefening %1 in het bestand of in deze RugDiary</translation>
    </message>
    <message>
        <source>%1 is the id of a built-in exercise</source>
        <translation>%1 is de id van een ingebouwde oefening</translation>
    </message>
    <message>
        <source>is missing from the zip</source>
        <translation>ontbreekt in het zipbestand</translation>
    </message>
    <message>
        <source>is damaged in the zip</source>
        <translation>is onleesbaar geworden in het zipbestand</translation>
    </message>
    <message>
        <source>is too large</source>
        <translation>is te groot</translation>
    </message>
    <message>
        <source>unpacks to far more than its size (a zip bomb?)</source>
        <translation>wordt bij het uitpakken veel groter dan het zelf is (een zipbom?)</translation>
    </message>
    <message>
        <source>pictures travel only in a zip programme file</source>
        <translation>afbeeldingen gaan alleen mee in een programmabestand dat een zipbestand is</translation>
    </message>
    <message>
        <source>there is no picture %1 in the file</source>
        <translation>er is geen afbeelding %1 in het bestand</translation>
    </message>
    <message>
        <source>is not the picture of any exercise in the file</source>
        <translation>hoort bij geen enkele oefening in het bestand</translation>
    </message>
    <message>
        <source>is not a PNG or JPEG picture</source>
        <translation>is geen PNG- of JPEG-afbeelding</translation>
    </message>
    <message>
        <source>is %1 × %2 pixels; pictures may be at most %3 × %4</source>
        <translation>is %1 × %2 pixels; afbeeldingen mogen hoogstens %3 × %4 zijn</translation>
    </message>
    <message>
        <source>is not a complete PNG picture</source>
        <translation>is geen volledige PNG-afbeelding</translation>
    </message>
    <message>
        <source>is a PNG picture that is cut off</source>
        <translation>is een PNG-afbeelding die halverwege ophoudt</translation>
    </message>
    <message>
        <source>is not a readable JPEG picture</source>
        <translation>is geen leesbare JPEG-afbeelding</translation>
    </message>
    <message>
        <source>is a JPEG picture that is cut off</source>
        <translation>is een JPEG-afbeelding die halverwege ophoudt</translation>
    </message>
    <message>
        <source>is a JPEG picture without a size</source>
        <translation>is een JPEG-afbeelding zonder afmetingen</translation>
    </message>
    <message>
        <source>is a %1 picture with another name</source>
        <translation>is een %1-afbeelding met een andere naam</translation>
    </message>
    <message>
        <source>starting at login is not supported on this system yet</source>
        <translation>automatisch starten bij inloggen werkt op dit systeem nog niet</translation>
    </message>
    <message>
        <source>the autostart folder %1 cannot be written (%2)</source>
        <translation>in de map %1 voor automatisch starten kan niet worden geschreven (%2)</translation>
    </message>
    <message>
        <source>the autostart file %1 cannot be removed (%2)</source>
        <translation>het bestand %1 voor automatisch starten kan niet worden verwijderd (%2)</translation>
    </message>
</context>
<context>
    <name>RedFlagDialog</name>
    <message>
        <source>I have read this</source>
        <translation>Ik heb dit gelezen</translation>
    </message>
    <message>
        <source>I have read this notice</source>
        <translation>Ik heb deze informatie gelezen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Close the notice</source>
        <translation>Sluit deze informatie</translation>
    </message>
</context>
<context>
    <name>RegionCountsCard</name>
    <message>
        <source>Where it hurts</source>
        <translation>Waar het pijn doet</translation>
    </message>
    <message>
        <source>How often you marked each place on the body map in this period, seen from behind. The fuller the colour, the more often.</source>
        <translation>Hoe vaak je elke plek op de lichaamskaart hebt aangekruist in deze periode, van achteren gezien. Hoe voller de kleur, hoe vaker.</translation>
    </message>
    <message>
        <source>%1: once</source>
        <translation>%1: één keer</translation>
    </message>
    <message>
        <source>%1: %2 times</source>
        <translation>%1: %2 keer</translation>
    </message>
    <message>
        <source>Body map with counts</source>
        <translation>Lichaamskaart met aantallen</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <source>Reminder</source>
        <translation>Herinnering</translation>
    </message>
    <message>
        <source>Do it now</source>
        <translation>Nu doen</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Snooze: remind me later</source>
        <translation>Later: herinner me straks nog eens</translation>
    </message>
    <message>
        <source>In %1 minutes</source>
        <translation>Over %1 minuten</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Overslaan</translation>
    </message>
    <message>
        <source>Skip this reminder</source>
        <translation>Deze herinnering overslaan</translation>
    </message>
</context>
<context>
    <name>ReminderService</name>
    <message>
        <source>RugDiary</source>
        <translation>RugDiary</translation>
    </message>
    <message>
        <source>Sitting time could not be saved: %1.</source>
        <translation>Zittijd kon niet worden opgeslagen: %1.</translation>
    </message>
    <message>
        <source>The reminder settings could not be read (%1); using the defaults.</source>
        <translation>De instellingen voor herinneringen konden niet worden gelezen (%1); de standaardinstellingen worden gebruikt.</translation>
    </message>
    <message>
        <source>Reminder changes could not be saved: %1.</source>
        <translation>Wijzigingen in herinneringen konden niet worden opgeslagen: %1.</translation>
    </message>
</context>
<context>
    <name>ReminderTray</name>
    <message>
        <source>RugDiary</source>
        <translation>RugDiary</translation>
    </message>
    <message>
        <source>Open RugDiary</source>
        <translation>RugDiary openen</translation>
    </message>
    <message>
        <source>Log now</source>
        <translation>Nu invullen</translation>
    </message>
    <message>
        <source>Start desk break</source>
        <translation>Beweegpauze starten</translation>
    </message>
    <message>
        <source>My back is flaring up</source>
        <translation>Mijn rug speelt op</translation>
    </message>
    <message>
        <source>Pause reminders</source>
        <translation>Herinneringen pauzeren</translation>
    </message>
    <message>
        <source>Not now (1 hour)</source>
        <translation>Niet nu (1 uur)</translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation>Tot morgen</translation>
    </message>
    <message>
        <source>Resume reminders</source>
        <translation>Herinneringen hervatten</translation>
    </message>
    <message>
        <source>Quit RugDiary</source>
        <translation>RugDiary afsluiten</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Time to note how you are</source>
        <translation>Tijd om te noteren hoe het met je gaat</translation>
    </message>
    <message>
        <source>Time to get up and move: a 3-minute desk break?</source>
        <translation>Tijd om even op te staan en te bewegen: een beweegpauze van 3 minuten?</translation>
    </message>
    <message>
        <source>Time to get up and move: %1?</source>
        <translation>Tijd om even op te staan en te bewegen: %1?</translation>
    </message>
    <message>
        <source>Time to get up and move</source>
        <translation>Tijd om even op te staan en te bewegen</translation>
    </message>
    <message>
        <source>Time for your %1</source>
        <translation>Tijd voor %1</translation>
    </message>
    <message>
        <source>Time for your exercises</source>
        <translation>Tijd voor je oefeningen</translation>
    </message>
    <message>
        <source>Planned for %1</source>
        <translation>Gepland om %1</translation>
    </message>
</context>
<context>
    <name>RemindersController</name>
    <message>
        <source>Program and time: this program already has a reminder then.</source>
        <translation>Programma en tijd: dit programma heeft op dat moment al een herinnering.</translation>
    </message>
    <message>
        <source>Days: choose at least one day.</source>
        <translation>Dagen: kies minstens één dag.</translation>
    </message>
    <message>
        <source>Program: choose a program.</source>
        <translation>Programma: kies een programma.</translation>
    </message>
    <message>
        <source>Working hours: the end must be later than the start.</source>
        <translation>Werktijden: het einde moet later zijn dan het begin.</translation>
    </message>
    <message>
        <source>Every: choose from 10 to 240 minutes.</source>
        <translation>Elke: kies van 10 tot 240 minuten.</translation>
    </message>
    <message>
        <source>Quiet hours: the end must be another time than the start.</source>
        <translation>Stille uren: het einde moet een andere tijd zijn dan het begin.</translation>
    </message>
    <message>
        <source>Reminders are paused until %1.</source>
        <translation>Herinneringen zijn gepauzeerd tot %1.</translation>
    </message>
    <message>
        <source>Reminders are on.</source>
        <translation>Herinneringen staan aan.</translation>
    </message>
    <message>
        <source>Breaks follow your time at the computer, as told by %1. Noticed: %2. Five minutes away or a locked screen counts as a break.</source>
        <translation>Pauzes volgen je tijd achter de computer, zoals %1 die doorgeeft. Opgemerkt: %2. Vijf minuten weg of een vergrendeld scherm telt als pauze.</translation>
    </message>
    <message>
        <source>This desktop does not tell when you are at the computer, so breaks come every so many minutes of the clock within working hours.</source>
        <translation>Je computer laat niet weten wanneer je erachter zit. Pauzes komen daarom binnen je werktijden gewoon om de zoveel minuten.</translation>
    </message>
    <message>
        <source>the X11 screen saver extension</source>
        <translation>de X11-schermbeveiligingsextensie</translation>
    </message>
    <message>
        <source>GNOME</source>
        <translation>GNOME</translation>
    </message>
    <message>
        <source>the desktop&apos;s screen saver service</source>
        <translation>de schermbeveiligingsdienst van je bureaublad</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>Windows</translation>
    </message>
    <message>
        <source>macOS</source>
        <translation>macOS</translation>
    </message>
    <message>
        <source>time away from keyboard and mouse</source>
        <translation>tijd weg van toetsenbord en muis</translation>
    </message>
    <message>
        <source>a locked screen</source>
        <translation>een vergrendeld scherm</translation>
    </message>
    <message>
        <source>full-screen windows</source>
        <translation>vensters op volledig scherm</translation>
    </message>
    <message>
        <source>do not disturb</source>
        <translation>niet storen</translation>
    </message>
    <message>
        <source>Not saved: %1. These are the reminders still in use.</source>
        <translation>Niet opgeslagen: %1. Dit zijn de herinneringen die nog gelden.</translation>
    </message>
</context>
<context>
    <name>RemindersView</name>
    <message>
        <source>Message about this reminder</source>
        <translation>Bericht over deze herinnering</translation>
    </message>
    <message>
        <source>A program that no longer exists</source>
        <translation>Een programma dat niet meer bestaat</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Aan</translation>
    </message>
    <message>
        <source>Exercise reminder on</source>
        <translation>Oefenherinnering aan</translation>
    </message>
    <message>
        <source>Program to be reminded of</source>
        <translation>Programma voor de herinnering</translation>
    </message>
    <message>
        <source>Time of the exercise reminder</source>
        <translation>Tijd van de oefenherinnering</translation>
    </message>
    <message>
        <source>Days of the exercise reminder</source>
        <translation>Dagen van de oefenherinnering</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Remove this exercise reminder</source>
        <translation>Deze oefenherinnering verwijderen</translation>
    </message>
    <message>
        <source>at</source>
        <translation>om</translation>
    </message>
    <message>
        <source>Message about saving the reminders</source>
        <translation>Bericht over het opslaan van de herinneringen</translation>
    </message>
    <message>
        <source>Pause for an hour</source>
        <translation>Een uur pauzeren</translation>
    </message>
    <message>
        <source>Pause all reminders for an hour</source>
        <translation>Alle herinneringen een uur pauzeren</translation>
    </message>
    <message>
        <source>Pause until tomorrow</source>
        <translation>Pauzeren tot morgen</translation>
    </message>
    <message>
        <source>Pause all reminders until tomorrow morning</source>
        <translation>Alle herinneringen pauzeren tot morgenochtend</translation>
    </message>
    <message>
        <source>Resume reminders</source>
        <translation>Herinneringen hervatten</translation>
    </message>
    <message>
        <source>Resume reminders now</source>
        <translation>Herinneringen nu hervatten</translation>
    </message>
    <message>
        <source>Remind me to fill in the &amp;diary at</source>
        <translation>Herinneren aan het invullen van het &amp;dagboek om</translation>
    </message>
    <message>
        <source>Time of the diary reminder</source>
        <translation>Tijd van de dagboekherinnering</translation>
    </message>
    <message>
        <source>No exercise reminders yet.</source>
        <translation>Nog geen oefenherinneringen.</translation>
    </message>
    <message>
        <source>&amp;Add an exercise reminder</source>
        <translation>Oefenherinnering toe&amp;voegen</translation>
    </message>
    <message>
        <source>Add an exercise reminder</source>
        <translation>Oefenherinnering toevoegen</translation>
    </message>
    <message>
        <source>Remind me to take short &amp;movement breaks</source>
        <translation>Herinneren aan korte beweeg&amp;pauzes</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minuten</translation>
    </message>
    <message>
        <source>Minutes between movement breaks</source>
        <translation>Minuten tussen beweegpauzes</translation>
    </message>
    <message>
        <source>Start of working hours</source>
        <translation>Begin van de werktijd</translation>
    </message>
    <message>
        <source>End of working hours</source>
        <translation>Einde van de werktijd</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Werkdagen</translation>
    </message>
    <message>
        <source>Program for movement breaks</source>
        <translation>Programma voor beweegpauzes</translation>
    </message>
    <message>
        <source>until</source>
        <translation>tot</translation>
    </message>
    <message>
        <source>E&amp;very</source>
        <translation>&amp;Elke</translation>
    </message>
    <message>
        <source>&amp;Working hours</source>
        <translation>Werkti&amp;jden</translation>
    </message>
    <message>
        <source>Working da&amp;ys</source>
        <translation>Werkdage&amp;n</translation>
    </message>
    <message>
        <source>&amp;Program</source>
        <translation>P&amp;rogramma</translation>
    </message>
    <message>
        <source>&amp;Quiet hours: no reminders from</source>
        <translation>&amp;Stille uren: geen herinneringen van</translation>
    </message>
    <message>
        <source>Start of quiet hours</source>
        <translation>Begin van de stille uren</translation>
    </message>
    <message>
        <source>End of quiet hours</source>
        <translation>Einde van de stille uren</translation>
    </message>
    <message>
        <source>Exercise reminders</source>
        <translation>Oefenherinneringen</translation>
    </message>
</context>
<context>
    <name>ReportController</name>
    <message>
        <source>The report is ready.</source>
        <translation>Het verslag is klaar.</translation>
    </message>
    <message>
        <source>The report could not be made: %1</source>
        <translation>Het verslag kon niet worden gemaakt: %1</translation>
    </message>
    <message>
        <source>The report was not saved</source>
        <translation>Het verslag is niet opgeslagen</translation>
    </message>
    <message>
        <source>RugDiary could not write the file %1. Choose another folder and try again.

What happened: %2</source>
        <translation>RugDiary kon het bestand %1 niet opslaan. Kies een andere map en probeer het opnieuw.

Wat er gebeurde: %2</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Opgeslagen als %1</translation>
    </message>
    <message>
        <source>Report saved</source>
        <translation>Verslag opgeslagen</translation>
    </message>
    <message>
        <source>The report could not be opened</source>
        <translation>Het verslag kon niet worden geopend</translation>
    </message>
    <message>
        <source>No PDF viewer answered. Use Save as PDF… and open the file yourself.</source>
        <translation>Er reageerde geen PDF-viewer. Kies Opslaan als PDF… en open het bestand zelf.</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Report for your physiotherapist</source>
        <translation>Verslag voor je fysiotherapeut</translation>
    </message>
    <message>
        <source>A one- or two-page summary of your diary and exercise sessions, to take to your next visit.</source>
        <translation>Een samenvatting van een of twee pagina&apos;s van je dagboek en oefensessies, om mee te nemen naar je volgende afspraak.</translation>
    </message>
    <message>
        <source>Last 4 weeks</source>
        <translation>Laatste 4 weken</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>Laatste 3 maanden</translation>
    </message>
    <message>
        <source>Choose dates</source>
        <translation>Datums kiezen</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Tot</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>Datums:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Taal:</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optioneel</translation>
    </message>
    <message>
        <source>&amp;Name on the report:</source>
        <translation>&amp;Naam op het verslag:</translation>
    </message>
    <message>
        <source>Add every entry as an appendix</source>
        <translation>Alle registraties als bijlage toevoegen</translation>
    </message>
    <message>
        <source>&amp;Questions for your physiotherapist:</source>
        <translation>&amp;Vragen voor je fysiotherapeut:</translation>
    </message>
    <message>
        <source>Anything you want to ask or mention at the visit</source>
        <translation>Wat je bij de afspraak wilt vragen of vertellen</translation>
    </message>
    <message>
        <source>This report holds health data: your pain, stress and notes. Keep the file private and share it only with people you choose.</source>
        <translation>Dit verslag bevat gezondheidsgegevens: je pijn, stress en notities. Houd het bestand privé en deel het alleen met mensen die jij kiest.</translation>
    </message>
    <message>
        <source>Does your physiotherapist want a spreadsheet or a FHIR file instead?</source>
        <translation>Wil je fysiotherapeut liever een spreadsheet of een FHIR-bestand?</translation>
    </message>
    <message>
        <source>Export my &amp;data…</source>
        <translation>&amp;Mijn gegevens exporteren…</translation>
    </message>
    <message>
        <source>Preparing the report</source>
        <translation>Verslag wordt voorbereid</translation>
    </message>
    <message>
        <source>Show the p&amp;review</source>
        <translation>Voo&amp;rbeeld bekijken</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>Op&amp;slaan als PDF…</translation>
    </message>
    <message>
        <source>&amp;Open in PDF viewer</source>
        <translation>&amp;Openen in PDF-viewer</translation>
    </message>
    <message>
        <source>A preview is not available here. Save the report or open it instead.</source>
        <translation>Een voorbeeld kan hier niet worden getoond. Sla het verslag op of open het.</translation>
    </message>
    <message>
        <source>Preview of the report</source>
        <translation>Voorbeeld van het verslag</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Voorbeeld wordt gemaakt…</translation>
    </message>
    <message>
        <source>Preparing the preview</source>
        <translation>Voorbeeld wordt gemaakt</translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation>Verslag wordt voorbereid…</translation>
    </message>
</context>
<context>
    <name>ScaleWidget</name>
    <message>
        <source>%1 of 10</source>
        <translation>%1 van 10</translation>
    </message>
    <message>
        <source>0 = %1</source>
        <translation>0 = %1</translation>
    </message>
    <message>
        <source>10 = %1</source>
        <translation>10 = %1</translation>
    </message>
    <message>
        <source>Nothing chosen yet.</source>
        <translation>Nog niets gekozen.</translation>
    </message>
    <message>
        <source>Chosen: %1 of 10.</source>
        <translation>Gekozen: %1 van 10.</translation>
    </message>
    <message>
        <source>0 means %1, 10 means %2. Type a digit or use the arrow keys.</source>
        <translation>0 betekent %1, 10 betekent %2. Typ een cijfer of gebruik de pijltjestoetsen.</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <source>This desktop has no tray area, so RugDiary closes with its window. Reminders appear while the window is open.</source>
        <translation>Deze computer heeft geen systeemvak, dus RugDiary sluit samen met het venster. Herinneringen verschijnen zolang het venster open is.</translation>
    </message>
    <message>
        <source>Starting at login is not supported here yet. You can add RugDiary to your system&apos;s startup programs yourself.</source>
        <translation>Automatisch starten bij inloggen werkt hier nog niet. Je kunt RugDiary zelf toevoegen aan de opstartprogramma&apos;s van je systeem.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Niet opgeslagen: %1</translation>
    </message>
    <message>
        <source>This could not be changed: %1.</source>
        <translation>Dit kon niet worden gewijzigd: %1.</translation>
    </message>
    <message>
        <source>The file manager could not be opened. The folder is: %1</source>
        <translation>Bestandsbeheer kon niet worden geopend. De map is: %1</translation>
    </message>
    <message>
        <source>No backups yet.</source>
        <translation>Nog geen back-ups.</translation>
    </message>
    <message>
        <source>No backup was made: %1. Your diary is unchanged.</source>
        <translation>Er is geen back-up gemaakt: %1. Je dagboek is niet veranderd.</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Back-up gemaakt</translation>
    </message>
    <message>
        <source>The backup was not restored: %1. Your diary is unchanged.</source>
        <translation>De back-up is niet teruggezet: %1. Je dagboek is niet veranderd.</translation>
    </message>
    <message>
        <source>The backup of %1 is restored. Your diary as it was is in the list too.</source>
        <translation>De back-up van %1 is teruggezet. Je dagboek zoals het was, staat ook in de lijst.</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Back-up teruggezet</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Changes are saved as you make them.</source>
        <translation>Wijzigingen worden meteen opgeslagen.</translation>
    </message>
    <message>
        <source>Language and look</source>
        <translation>Taal en uiterlijk</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Same as this computer</source>
        <translation>Zelfde als deze computer</translation>
    </message>
    <message>
        <source>A new language is used from the next time you start RugDiary.</source>
        <translation>Een nieuwe taal zie je pas als je RugDiary opnieuw start.</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Kleuren</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Licht</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Donker</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Hoog contrast</translation>
    </message>
    <message>
        <source>Reduce mo&amp;tion: the exercise figure holds still</source>
        <translation>Minder ani&amp;matie: het oefenfiguur staat stil</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>&amp;Kleuren</translation>
    </message>
    <message>
        <source>Sounds and voice</source>
        <translation>Geluid en stem</translation>
    </message>
    <message>
        <source>Play a soft &amp;sound when an exercise step changes</source>
        <translation>Een zacht &amp;geluid afspelen als een oefenstap wisselt</translation>
    </message>
    <message>
        <source>Test sound</source>
        <translation>Geluid testen</translation>
    </message>
    <message>
        <source>Play the sound once to try it</source>
        <translation>Speel het geluid één keer af om het te proberen</translation>
    </message>
    <message>
        <source>Read the e&amp;xercise steps aloud</source>
        <translation>Oefenstappen hardop voor&amp;lezen</translation>
    </message>
    <message>
        <source>Test voice</source>
        <translation>Stem testen</translation>
    </message>
    <message>
        <source>Speak a short sentence to try the voice</source>
        <translation>Laat de stem een korte zin zeggen om het te proberen</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Herinneringen</translation>
    </message>
    <message>
        <source>When the window is closed</source>
        <translation>Als het venster dicht is</translation>
    </message>
    <message>
        <source>&amp;Keep running in the tray when the window is closed</source>
        <translation>&amp;Actief blijven in het systeemvak als het venster dicht is</translation>
    </message>
    <message>
        <source>Reminders can then still appear. RugDiary stays as a small icon in the tray; choose Quit in its menu to close it completely.</source>
        <translation>Herinneringen kunnen dan nog steeds verschijnen. RugDiary blijft als klein pictogram in het systeemvak; kies daar in het menu ‘RugDiary afsluiten’ om het helemaal te sluiten.</translation>
    </message>
    <message>
        <source>Start RugDiary when I log &amp;in</source>
        <translation>RugDiary starten als ik &amp;inlog</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>Je gegevens</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Gegevensmap</translation>
    </message>
    <message>
        <source>&amp;Open in file manager</source>
        <translation>&amp;Openen in bestandsbeheer</translation>
    </message>
    <message>
        <source>Open the data folder in the file manager</source>
        <translation>Open de gegevensmap in bestandsbeheer</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Back-ups</translation>
    </message>
    <message>
        <source>RugDiary makes a backup every day you use it and keeps the recent ones. Restoring puts a backup in place of your diary; your diary as it is now is backed up first, so nothing is lost.</source>
        <translation>RugDiary maakt elke dag dat je het gebruikt een back-up en bewaart de recente. Bij terugzetten komt een back-up in de plaats van je dagboek; van je huidige dagboek wordt eerst een back-up gemaakt, dus er gaat niets verloren.</translation>
    </message>
    <message>
        <source>Backups, newest first</source>
        <translation>Back-ups, nieuwste eerst</translation>
    </message>
    <message>
        <source>Make a &amp;backup now</source>
        <translation>Nu een back-&amp;up maken</translation>
    </message>
    <message>
        <source>Make a backup of the diary now</source>
        <translation>Maak nu een back-up van het dagboek</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>Terug&amp;zetten…</translation>
    </message>
    <message>
        <source>Restore the selected backup</source>
        <translation>De gekozen back-up terugzetten</translation>
    </message>
    <message>
        <source>Message about backups</source>
        <translation>Bericht over back-ups</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source>&lt;p&gt;Everything you write in RugDiary stays on this computer, in the data folder above. RugDiary never connects to the internet: there is no account, no cloud and no tracking.&lt;/p&gt;&lt;p&gt;Only you decide when something leaves this computer: a report or an export is a file you choose to make and share. Those files hold health information, so give them only to people you trust, such as your physiotherapist.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Alles wat je in RugDiary schrijft, blijft op deze computer, in de gegevensmap hierboven. RugDiary maakt nooit verbinding met internet: er is geen account, geen cloud en er wordt niets gevolgd.&lt;/p&gt;&lt;p&gt;Alleen jij bepaalt wanneer iets deze computer verlaat: een verslag of export is een bestand dat jij zelf maakt en deelt. Daarin staan gegevens over je gezondheid, dus geef ze alleen aan mensen die je vertrouwt, zoals je fysiotherapeut.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <source>A gentle start</source>
        <translation>Rustig beginnen</translation>
    </message>
    <message>
        <source>&amp;Remind me each day to fill in my diary</source>
        <translation>Elke dag een &amp;herinnering om mijn dagboek in te vullen</translation>
    </message>
    <message>
        <source>&amp;At:</source>
        <translation>O&amp;m:</translation>
    </message>
    <message>
        <source>Reminder time</source>
        <translation>Tijd van de herinnering</translation>
    </message>
    <message>
        <source>Filling it in takes less than a minute. You can change this in Settings.</source>
        <translation>Invullen kost minder dan een minuut. Je kunt dit aanpassen bij Instellingen.</translation>
    </message>
    <message>
        <source>&amp;Try RugDiary first with example data</source>
        <translation>RugDiary eerst &amp;proberen met voorbeeldgegevens</translation>
    </message>
    <message>
        <source>The example diary lives in a separate demo folder, so your own diary stays empty and private until you start using it.</source>
        <translation>Het voorbeelddagboek staat in een aparte demomap, dus je eigen dagboek blijft leeg en privé tot je het gaat gebruiken.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <source>Everything in RugDiary works with the keyboard alone.</source>
        <translation>Alles in RugDiary werkt ook met alleen het toetsenbord.</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Toetsen</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Wat het doet</translation>
    </message>
</context>
<context>
    <name>SparklineWidget</name>
    <message>
        <source>Pain and stress, last 7 days</source>
        <translation>Pijn en stress, laatste 7 dagen</translation>
    </message>
    <message>
        <source>Nothing noted in these days yet.</source>
        <translation>Nog niets genoteerd in deze dagen.</translation>
    </message>
    <message>
        <source>%1: not noted</source>
        <translation>%1: niet genoteerd</translation>
    </message>
    <message>
        <source>%1: pain %2, stress %3</source>
        <translation>%1: pijn %2, stress %3</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Pijn</translation>
    </message>
    <message>
        <source>Stress</source>
        <translation>Stress</translation>
    </message>
</context>
<context>
    <name>TodayController</name>
    <message>
        <source>Choose a number for pain and for stress first.</source>
        <translation>Kies eerst een getal voor pijn en voor stress.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Niet opgeslagen: %1</translation>
    </message>
    <message>
        <source>the diary could not be written</source>
        <translation>het dagboek kon niet worden opgeslagen</translation>
    </message>
    <message>
        <source>Not saved yet: %1. Your numbers are still here, so you can try again.</source>
        <translation>Nog niet opgeslagen: %1. Je getallen staan er nog, dus je kunt het opnieuw proberen.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Opgeslagen</translation>
    </message>
    <message>
        <source>Another note for today: how are you now?</source>
        <translation>Nog een registratie voor vandaag: hoe gaat het nu?</translation>
    </message>
    <message>
        <source>Nothing noted yet today. Two numbers are enough: how much pain, how much stress?</source>
        <translation>Vandaag nog niets genoteerd. Twee getallen zijn genoeg: hoeveel pijn, hoeveel stress?</translation>
    </message>
    <message>
        <source>Pain %1 · Stress %2, at %3</source>
        <translation>Pijn %1 · Stress %2, om %3</translation>
    </message>
    <message>
        <source>Thank you for noting it.</source>
        <translation>Dank je wel voor het noteren.</translation>
    </message>
    <message>
        <source>%1 notes today; this is the latest.</source>
        <translation>%1 registraties vandaag; dit is de laatste.</translation>
    </message>
    <message>
        <source>Your notes of the coming days will show here as two small lines.</source>
        <translation>Wat je de komende dagen invult, verschijnt hier als twee kleine lijnen.</translation>
    </message>
    <message>
        <source>Noted on %1 of the last %2 days.</source>
        <translation>Genoteerd op %1 van de laatste %2 dagen.</translation>
    </message>
    <message>
        <source>Planned for today at %1</source>
        <translation>Gepland voor vandaag om %1</translation>
    </message>
    <message>
        <source>Planned for %1 at %2</source>
        <translation>Gepland voor %1 om %2</translation>
    </message>
    <message>
        <source>Last played today</source>
        <translation>Vandaag voor het laatst gedaan</translation>
    </message>
    <message>
        <source>Last played yesterday</source>
        <translation>Gisteren voor het laatst gedaan</translation>
    </message>
    <message>
        <source>Last played on %1</source>
        <translation>Voor het laatst gedaan op %1</translation>
    </message>
    <message>
        <source>A gentle way to get moving</source>
        <translation>Rustig in beweging komen</translation>
    </message>
    <message>
        <source>about %1 min</source>
        <translation>ongeveer %1 min</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>Start %1</translation>
    </message>
    <message>
        <source>%1 of 1 planned session this week</source>
        <translation>%1 van 1 geplande sessie deze week</translation>
    </message>
    <message>
        <source>%1 of %2 planned sessions this week</source>
        <translation>%1 van %2 geplande sessies deze week</translation>
    </message>
    <message>
        <source>1 other session</source>
        <translation>1 andere sessie</translation>
    </message>
    <message>
        <source>%1 other sessions</source>
        <translation>%1 andere sessies</translation>
    </message>
    <message>
        <source>No sessions yet this week.</source>
        <translation>Nog geen sessies deze week.</translation>
    </message>
    <message>
        <source>1 session this week</source>
        <translation>1 sessie deze week</translation>
    </message>
    <message>
        <source>%1 sessions this week</source>
        <translation>%1 sessies deze week</translation>
    </message>
    <message>
        <source>Suggested for %1: %2</source>
        <translation>Voorgesteld voor %1: %2</translation>
    </message>
    <message>
        <source>No reminders answered yet this week.</source>
        <translation>Deze week nog geen herinneringen beantwoord.</translation>
    </message>
    <message>
        <source>Reminders are off. You can turn them on in Settings.</source>
        <translation>Herinneringen staan uit. Je kunt ze aanzetten bij Instellingen.</translation>
    </message>
    <message>
        <source>Reminders: %1 done · %2 snoozed · %3 skipped</source>
        <translation>Herinneringen: %1 gedaan · %2 uitgesteld · %3 overgeslagen</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Sitting</source>
        <translation>Zitten</translation>
    </message>
    <message>
        <source>Longest</source>
        <translation>Langst</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Genomen</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Overgeslagen</translation>
    </message>
    <message>
        <source>Natural</source>
        <translation>Vanzelf</translation>
    </message>
    <message>
        <source>Sitting and movement breaks this week:</source>
        <translation>Zitten en beweegpauzes deze week:</translation>
    </message>
    <message>
        <source>Where it hurt: %1</source>
        <translation>Waar het pijn deed: %1</translation>
    </message>
    <message>
        <source>Since the first score: %1 → %2 on average (0 = cannot do it, 10 = as before).</source>
        <translation>Sinds de eerste score: gemiddeld %1 → %2 (0 = lukt niet, 10 = zoals vóór de pijn).</translation>
    </message>
    <message>
        <source>Easier: a change that matters.</source>
        <translation>Makkelijker: een verandering die telt.</translation>
    </message>
    <message>
        <source>Harder: a change that matters.</source>
        <translation>Moeilijker: een verandering die telt.</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Your diary today</source>
        <translation>Je dagboek vandaag</translation>
    </message>
    <message>
        <source>Nothing noted yet today. Two numbers are enough: how much pain, how much stress?</source>
        <translation>Vandaag nog niets genoteerd. Twee getallen zijn genoeg: hoeveel pijn, hoeveel stress?</translation>
    </message>
    <message>
        <source>✓ Logged for today</source>
        <translation>✓ Ingevuld voor vandaag</translation>
    </message>
    <message>
        <source>Add another</source>
        <translation>Nog een toevoegen</translation>
    </message>
    <message>
        <source>Add another entry for today</source>
        <translation>Nog een registratie voor vandaag toevoegen</translation>
    </message>
    <message>
        <source>The last 7 days</source>
        <translation>De laatste 7 dagen</translation>
    </message>
    <message>
        <source>Up next</source>
        <translation>Hierna</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Deze week</translation>
    </message>
    <message>
        <source>A thought for today</source>
        <translation>Een gedachte voor vandaag</translation>
    </message>
    <message>
        <source>Tip of the day</source>
        <translation>Tip van de dag</translation>
    </message>
</context>
<context>
    <name>UndoReplay</name>
    <message>
        <source>Undone: %1</source>
        <translation>Ongedaan gemaakt: %1</translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation>Opnieuw gedaan: %1</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Welcome to RugDiary</source>
        <translation>Welkom bij RugDiary</translation>
    </message>
    <message>
        <source>Back pain is common, and for most people it gets better. RugDiary helps you keep moving with short guided exercises, note how your back and your stress are doing, and see how they change over the weeks.</source>
        <translation>Rugpijn komt veel voor, en bij de meeste mensen gaat het weer over. RugDiary helpt je in beweging te blijven met korte begeleide oefeningen, bij te houden hoe het met je rug en je stress gaat, en te zien hoe dat verandert in de loop van de weken.</translation>
    </message>
    <message>
        <source>Your diary stays on this computer. This welcome takes about a minute.</source>
        <translation>Je dagboek blijft op deze computer. Deze kennismaking duurt ongeveer een minuut.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>T&amp;aal:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Same as this computer</source>
        <translation>Zelfde als deze computer</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>No backup could be restored</source>
        <translation>Er kon geen back-up worden teruggezet</translation>
    </message>
    <message>
        <source>%1.

Nothing was changed. The folder is here:
%2</source>
        <translation>%1.

Er is niets veranderd. De map staat hier:
%2</translation>
    </message>
    <message>
        <source>No backup was made on opening</source>
        <translation>Bij het openen is geen back-up gemaakt</translation>
    </message>
    <message>
        <source>Your diary is open and nothing in it was changed, but RugDiary could not make its usual backup of it: %1.

Until that is put right, saving may fail too; what you type then stays in the form. The backups folder is here:
%2</source>
        <translation>Je dagboek is geopend en er is niets in veranderd, maar RugDiary kon de gebruikelijke back-up niet maken: %1.

Tot dat is opgelost, kan opslaan ook mislukken; wat je dan typt, blijft in het formulier staan. De map met back-ups staat hier:
%2</translation>
    </message>
    <message>
        <source>Saved, but the daily backup could not be made: %1</source>
        <translation>Opgeslagen, maar de dagelijkse back-up kon niet worden gemaakt: %1</translation>
    </message>
</context>
<context>
    <name>audio</name>
    <message>
        <source>Voice cues are off: speech is not available on this computer.</source>
        <translation>Gesproken aanwijzingen staan uit: spraak werkt niet op deze computer.</translation>
    </message>
    <message>
        <source>Voice cues are off: the speech plug-in could not load.</source>
        <translation>Gesproken aanwijzingen staan uit: de spraakplug-in kon niet worden geladen.</translation>
    </message>
    <message>
        <source>Voice cues are off: the speech service could not be reached.</source>
        <translation>Gesproken aanwijzingen staan uit: de spraakdienst is niet bereikbaar.</translation>
    </message>
    <message>
        <source>Voice cues are off: the speech service does not answer.</source>
        <translation>Gesproken aanwijzingen staan uit: de spraakdienst reageert niet.</translation>
    </message>
    <message>
        <source>Voice cues are off: the voice could not be started.</source>
        <translation>Gesproken aanwijzingen staan uit: de stem kon niet worden gestart.</translation>
    </message>
    <message>
        <source>Voice cues are off: the voice stopped answering. The player goes on with tones and text.</source>
        <translation>Gesproken aanwijzingen staan uit: de stem reageert niet meer. De speler gaat verder met tonen en tekst.</translation>
    </message>
    <message>
        <source>Voice cues are off: the voice stopped unexpectedly.</source>
        <translation>Gesproken aanwijzingen staan uit: de stem is onverwacht gestopt.</translation>
    </message>
    <message>
        <source>Voice cues are off: the speech engine is not ready.</source>
        <translation>Gesproken aanwijzingen staan uit: de spraakfunctie is nog niet klaar.</translation>
    </message>
    <message>
        <source>Voice cues are off: no voice is installed for this language.</source>
        <translation>Gesproken aanwijzingen staan uit: er is geen stem voor deze taal geïnstalleerd.</translation>
    </message>
    <message>
        <source>Sound cues are off: no sound output was found.</source>
        <translation>Geluidssignalen staan uit: er is geen geluidsuitvoer gevonden.</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>The file is here:
%1</source>
        <translation>Het bestand staat hier:
%1</translation>
    </message>
    <message>
        <source>Your diary is open elsewhere</source>
        <translation>Je dagboek is ergens anders geopend</translation>
    </message>
    <message>
        <source>RugDiary is already using your diary, in another window or in the command line. Close the other one, then choose Try again.</source>
        <translation>RugDiary gebruikt je dagboek al, in een ander venster of op de opdrachtregel. Sluit dat eerst en kies dan Opnieuw proberen.</translation>
    </message>
    <message>
        <source>Your diary needs a newer RugDiary</source>
        <translation>Je dagboek heeft een nieuwere versie van RugDiary nodig</translation>
    </message>
    <message>
        <source>Your diary was saved by a newer version of RugDiary. This version leaves it untouched so nothing gets lost. Please install the newer version.</source>
        <translation>Je dagboek is opgeslagen door een nieuwere versie van RugDiary. Deze versie laat het ongemoeid, zodat er niets verloren gaat. Installeer de nieuwere versie.</translation>
    </message>
    <message>
        <source>Your diary file is missing</source>
        <translation>Je dagboekbestand ontbreekt</translation>
    </message>
    <message>
        <source>The data folder has backups of your diary, but the diary file itself is gone. RugDiary has not started an empty diary in its place. You can put the latest backup back in place.</source>
        <translation>De gegevensmap heeft back-ups van je dagboek, maar het dagboekbestand zelf is weg. RugDiary is niet met een leeg dagboek begonnen. Je kunt de nieuwste back-up terugzetten.</translation>
    </message>
    <message>
        <source>Your diary file cannot be read</source>
        <translation>Je dagboekbestand kan niet worden gelezen</translation>
    </message>
    <message>
        <source>RugDiary could not read your diary file, so it has not changed anything. RugDiary keeps backups: you can put the latest backup back in place. The unreadable file is kept next to it.</source>
        <translation>RugDiary kon je dagboekbestand niet lezen en heeft dus niets veranderd. RugDiary bewaart back-ups: je kunt de nieuwste back-up terugzetten. Het onleesbare bestand blijft ernaast bewaard.</translation>
    </message>
    <message>
        <source>Your diary cannot be opened</source>
        <translation>Je dagboek kan niet worden geopend</translation>
    </message>
    <message>
        <source>RugDiary could not open your diary and has not changed anything.</source>
        <translation>RugDiary kon je dagboek niet openen en heeft niets veranderd.</translation>
    </message>
    <message>
        <source>What happened: %1.</source>
        <translation>Wat er gebeurde: %1.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>Restore latest backup</source>
        <translation>Nieuwste back-up terugzetten</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <source>Entry not saved yet</source>
        <translation>Registratie nog niet opgeslagen</translation>
    </message>
    <message>
        <source>The entry in the form is not saved yet.</source>
        <translation>De registratie in het formulier is nog niet opgeslagen.</translation>
    </message>
    <message>
        <source>Do you want to leave it and open the other entry?</source>
        <translation>Wil je deze niet opslaan en de andere registratie openen?</translation>
    </message>
    <message>
        <source>Keep my entry</source>
        <translation>Mijn registratie houden</translation>
    </message>
    <message>
        <source>Leave it</source>
        <translation>Niet opslaan</translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation>Kies een afbeelding</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Afbeeldingen (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
        <source>Exercise is in use</source>
        <translation>Oefening wordt gebruikt</translation>
    </message>
    <message>
        <source>“%1” is part of your programs:</source>
        <translation>“%1” zit in deze programma&apos;s:</translation>
    </message>
    <message>
        <source>Those programs cannot start until you remove it from them or undo the delete.</source>
        <translation>Die programma&apos;s kunnen pas weer starten als je de oefening eruit haalt of het verwijderen ongedaan maakt.</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Bewaren</translation>
    </message>
    <message>
        <source>Delete anyway</source>
        <translation>Toch verwijderen</translation>
    </message>
    <message>
        <source>Changes not saved</source>
        <translation>Wijzigingen niet opgeslagen</translation>
    </message>
    <message>
        <source>RugDiary is open but not answering</source>
        <translation>RugDiary is open maar reageert niet</translation>
    </message>
    <message>
        <source>RugDiary is already open with this diary, but it does not answer. It may be busy for a moment, or closing.

Wait a moment, then start RugDiary again. If it still does not answer, close the open RugDiary (with your system&apos;s task manager if need be) and start it again.

The data folder is here:
%1</source>
        <translation>RugDiary is al geopend met dit dagboek, maar reageert niet. Misschien is het even bezig, of wordt het net afgesloten.

Wacht even en start RugDiary dan opnieuw. Reageert het nog steeds niet, sluit dan de geopende RugDiary (zo nodig met taakbeheer) en start het opnieuw.

De gegevensmap staat hier:
%1</translation>
    </message>
    <message>
        <source>RugDiary is already open on the data folder %1 but does not answer; wait a moment and try again, or close the open RugDiary first</source>
        <translation>RugDiary is al geopend op de gegevensmap %1 maar reageert niet; wacht even en probeer het opnieuw, of sluit eerst de geopende RugDiary</translation>
    </message>
    <message>
        <source>Your changes are not saved yet.</source>
        <translation>Je wijzigingen zijn nog niet opgeslagen.</translation>
    </message>
    <message>
        <source>Close without saving them?</source>
        <translation>Sluiten zonder ze op te slaan?</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Sluiten zonder opslaan</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Verder bewerken</translation>
    </message>
    <message>
        <source>Remove this flare-up?</source>
        <translation>Deze opvlamming weghalen?</translation>
    </message>
    <message>
        <source>Only if it was noted by mistake: it will no longer be in your diary or your report. This cannot be undone.</source>
        <translation>Alleen als die per vergissing is genoteerd: daarna staat die niet meer in je dagboek of je verslag. Dit kun je niet ongedaan maken.</translation>
    </message>
    <message>
        <source>Remove it</source>
        <translation>Weghalen</translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation>Niets om te exporteren</translation>
    </message>
    <message>
        <source>Export an empty file anyway?</source>
        <translation>Toch een leeg bestand exporteren?</translation>
    </message>
    <message>
        <source>Export anyway</source>
        <translation>Toch exporteren</translation>
    </message>
    <message>
        <source>Don&apos;t export</source>
        <translation>Niet exporteren</translation>
    </message>
    <message>
        <source>Stop the session?</source>
        <translation>Sessie stoppen?</translation>
    </message>
    <message>
        <source>Stopping early is fine. What you did so far is saved. Why are you stopping?</source>
        <translation>Eerder stoppen is prima. Wat je tot nu toe deed, wordt opgeslagen. Waarom stop je?</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Pijn</translation>
    </message>
    <message>
        <source>No time</source>
        <translation>Geen tijd</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Andere reden</translation>
    </message>
    <message>
        <source>Carry on</source>
        <translation>Doorgaan</translation>
    </message>
    <message>
        <source>PNG picture (*.png)</source>
        <translation>PNG-afbeelding (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG-tekening (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-document (*.pdf)</translation>
    </message>
    <message>
        <source>Save chart as</source>
        <translation>Grafiek opslaan als</translation>
    </message>
    <message>
        <source>Save the report (contains health data)</source>
        <translation>Verslag opslaan (bevat gezondheidsgegevens)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Bestand vervangen?</translation>
    </message>
    <message>
        <source>%1 already exists.</source>
        <translation>%1 bestaat al.</translation>
    </message>
    <message>
        <source>Do you want to replace it? The file now there will be lost.

%1</source>
        <translation>Wil je het vervangen? Het bestand dat er nu staat, gaat dan verloren.

%1</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Vervangen</translation>
    </message>
    <message>
        <source>Your report holds health data</source>
        <translation>Je verslag bevat gezondheidsgegevens</translation>
    </message>
    <message>
        <source>This file holds your pain, stress and notes.</source>
        <translation>Dit bestand bevat je pijn, stress en notities.</translation>
    </message>
    <message>
        <source>Keep it somewhere private and share it only with people you choose, such as your physiotherapist. RugDiary never sends it anywhere.</source>
        <translation>Bewaar het op een privéplek en deel het alleen met mensen die jij kiest, zoals je fysiotherapeut. RugDiary stuurt het nooit ergens heen.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Doorgaan</translation>
    </message>
    <message>
        <source>Spreadsheet files (*.csv)</source>
        <translation>Spreadsheetbestanden (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-bestanden (*.json)</translation>
    </message>
    <message>
        <source>Export my data (contains health data)</source>
        <translation>Mijn gegevens exporteren (het bestand bevat gezondheidsgegevens)</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>Gegevens importeren</translation>
    </message>
    <message>
        <source>Diary files (*.csv *.json *.txt);;All files (*)</source>
        <translation>Dagboekbestanden (*.csv *.json *.txt);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>Er is niets geïmporteerd</translation>
    </message>
    <message>
        <source>%1 has lines RugDiary cannot read, so nothing was imported.</source>
        <translation>%1 bevat regels die RugDiary niet kan lezen, dus er is niets geïmporteerd.</translation>
    </message>
    <message>
        <source>%1 holds other values for records that are in your diary.</source>
        <translation>%1 bevat andere waarden voor gegevens die in je dagboek staan.</translation>
    </message>
    <message>
        <source>Already in your diary, so left as they are: %1</source>
        <translation>Al in je dagboek, dus niet veranderd: %1</translation>
    </message>
    <message>
        <source>Records with other values: %1. Replace mine puts the file&apos;s values in their place.</source>
        <translation>Met andere waarden: %1. Met ‘Die van mij vervangen’ komen de waarden uit het bestand in de plaats van die van jou.</translation>
    </message>
    <message>
        <source>In your diary with other values than in the file: %1. Keep mine leaves yours as they are; Replace mine puts the file&apos;s values in their place.</source>
        <translation>In je dagboek, maar met andere waarden dan in het bestand: %1. Met ‘die van mij houden’ blijven jouw waarden zoals ze zijn; met ‘die van mij vervangen’ komen de waarden uit het bestand in de plaats van die van jou.</translation>
    </message>
    <message>
        <source>Your diary is unchanged. Mend these lines in the file and import it again.</source>
        <translation>Je dagboek is niet veranderd. Verbeter deze regels in het bestand en importeer het opnieuw.</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>… en nog %1.</translation>
    </message>
    <message>
        <source>Add this from %1 to your diary?</source>
        <translation>Het volgende uit %1 aan je dagboek toevoegen?</translation>
    </message>
    <message>
        <source>A backup of your diary as it is now is made first; Settings lists it under Backups.</source>
        <translation>Eerst wordt er een back-up gemaakt van je dagboek zoals het nu is; je vindt die bij Instellingen onder Back-ups.</translation>
    </message>
    <message>
        <source>In your diary with other values:</source>
        <translation>In je dagboek met andere waarden:</translation>
    </message>
    <message>
        <source>Import, keep mine</source>
        <translation>Importeren, die van mij houden</translation>
    </message>
    <message>
        <source>Import, replace mine</source>
        <translation>Importeren, die van mij vervangen</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Restore a backup?</source>
        <translation>Back-up terugzetten?</translation>
    </message>
    <message>
        <source>Put the backup of %1 in place of your diary?</source>
        <translation>De back-up van %1 terugzetten in plaats van je dagboek?</translation>
    </message>
    <message>
        <source>Your diary as it is now is backed up first, so you can go back to it later. Entries made after this backup will not show until you do.</source>
        <translation>Van je dagboek zoals het nu is, wordt eerst een back-up gemaakt, zodat je er later naar terug kunt. Registraties van na deze back-up zie je pas weer als je dat doet.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Terugzetten</translation>
    </message>
    <message>
        <source>Keep my diary as it is</source>
        <translation>Mijn dagboek zo laten</translation>
    </message>
    <message>
        <source>RugDiary is still running</source>
        <translation>RugDiary draait nog</translation>
    </message>
    <message>
        <source>RugDiary is still running in the tray.</source>
        <translation>RugDiary draait nog in het systeemvak.</translation>
    </message>
    <message>
        <source>Your reminders keep working. Click the RugDiary icon in the tray to open the window again, or choose Quit in its menu to close RugDiary completely. You can change this on the Settings page.</source>
        <translation>Je herinneringen blijven werken. Klik op het RugDiary-pictogram in het systeemvak om het venster weer te openen, of kies ‘RugDiary afsluiten’ in het menu om RugDiary helemaal te sluiten. Je kunt dit aanpassen op de pagina Instellingen.</translation>
    </message>
    <message>
        <source>Export the program</source>
        <translation>Het programma exporteren</translation>
    </message>
    <message>
        <source>RugDiary program files (*.rugprog)</source>
        <translation>RugDiary-programmabestanden (*.rugprog)</translation>
    </message>
    <message>
        <source>Import a program</source>
        <translation>Een programma importeren</translation>
    </message>
    <message>
        <source>RugDiary program files (*.rugprog *.json *.zip);;All files (*)</source>
        <translation>RugDiary-programmabestanden (*.rugprog *.json *.zip);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Save the exercise sheet</source>
        <translation>Het oefenblad opslaan</translation>
    </message>
    <message>
        <source>You have these already</source>
        <translation>Deze heb je al</translation>
    </message>
    <message>
        <source>The file holds versions of these that differ from yours:</source>
        <translation>Het bestand bevat versies hiervan die anders zijn dan die van jou:</translation>
    </message>
    <message>
        <source>Keep both adds the file&apos;s versions under a new name. Replace puts them in place of yours.</source>
        <translation>Allebei houden voegt de versies uit het bestand toe onder een nieuwe naam. Vervangen zet ze in de plaats van die van jou.</translation>
    </message>
    <message>
        <source>A built-in program is never replaced, so only Keep both is possible.</source>
        <translation>Een ingebouwd programma wordt nooit vervangen, dus alleen Allebei houden kan.</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Allebei houden</translation>
    </message>
    <message>
        <source>Replace mine</source>
        <translation>Die van mij vervangen</translation>
    </message>
    <message>
        <source>Import nothing</source>
        <translation>Niets importeren</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>Right arrow</source>
        <translation>Pijl rechts</translation>
    </message>
    <message>
        <source>Left arrow</source>
        <translation>Pijl links</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Alt+Up</source>
        <translation>Alt+pijl omhoog</translation>
    </message>
    <message>
        <source>Alt+Down</source>
        <translation>Alt+pijl omlaag</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Go to the next / previous field or button</source>
        <translation>Naar het volgende / vorige veld of knop</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Spatiebalk</translation>
    </message>
    <message>
        <source>Press the button or tick the box that has the focus</source>
        <translation>Op de knop met de focus drukken, of het vakje met de focus aanvinken</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Pijltjestoetsen</translation>
    </message>
    <message>
        <source>Choose a value on a 0–10 scale or in a list</source>
        <translation>Een waarde kiezen op een schaal van 0–10 of in een lijst</translation>
    </message>
    <message>
        <source>Arrow keys, then Enter</source>
        <translation>Pijltjestoetsen, dan Enter</translation>
    </message>
    <message>
        <source>On an Insights chart: choose a day, then open it in the diary</source>
        <translation>In een grafiek bij Inzichten: een dag kiezen en die in het dagboek openen</translation>
    </message>
    <message>
        <source>Home / End</source>
        <translation>Home / End</translation>
    </message>
    <message>
        <source>On an Insights chart: the first / last day</source>
        <translation>In een grafiek bij Inzichten: de eerste / laatste dag</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Close a dialog without changing anything</source>
        <translation>Een venster sluiten zonder iets te veranderen</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>Overal</translation>
    </message>
</context>
<context>
    <name>player</name>
    <message>
        <source>Get ready</source>
        <translation>Maak je klaar</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Hierna: %1</translation>
    </message>
    <message>
        <source>Switch sides</source>
        <translation>Wissel van kant</translation>
    </message>
    <message>
        <source>Let your back relax, breathe out</source>
        <translation>Laat je rug ontspannen, adem uit</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Rust</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Vasthouden</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Bewegen</translation>
    </message>
    <message>
        <source>Keep going</source>
        <translation>Ga door</translation>
    </message>
    <message>
        <source>Rep %1 of %2</source>
        <translation>Herhaling %1 van %2</translation>
    </message>
    <message>
        <source>Set %1 of %2</source>
        <translation>Serie %1 van %2</translation>
    </message>
    <message>
        <source>%1, left side</source>
        <translation>%1, linkerkant</translation>
    </message>
    <message>
        <source>%1, right side</source>
        <translation>%1, rechterkant</translation>
    </message>
    <message>
        <source>Left side</source>
        <translation>Linkerkant</translation>
    </message>
    <message>
        <source>Right side</source>
        <translation>Rechterkant</translation>
    </message>
    <message>
        <source>Move freely</source>
        <translation>Vrij bewegen</translation>
    </message>
    <message>
        <source>Go at your own pace</source>
        <translation>Ga in je eigen tempo</translation>
    </message>
    <message>
        <source>That was the last one.</source>
        <translation>Dat was de laatste.</translation>
    </message>
    <message>
        <source>That was the last one. Well done.</source>
        <translation>Dat was de laatste. Goed gedaan.</translation>
    </message>
    <message>
        <source>of %1 reps</source>
        <translation>van %1 keer</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minuten</translation>
    </message>
    <message>
        <source>second</source>
        <translation>seconde</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>seconden</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Pain 0–3 during or after: fine, carry on.</source>
        <translation>Pijn 0–3 tijdens of na de oefeningen: prima, ga door.</translation>
    </message>
    <message>
        <source>Pain 4–5: okay if it settles by the next morning.</source>
        <translation>Pijn 4–5: oké als die de volgende ochtend weer gezakt is.</translation>
    </message>
    <message>
        <source>Pain above 5, or worse the next day: next time, a lighter level.</source>
        <translation>Pijn boven 5, of de volgende dag erger: de volgende keer een lichter niveau.</translation>
    </message>
    <message>
        <source>Your pain is %1: that is fine.</source>
        <translation>Je pijn is %1: dat is prima.</translation>
    </message>
    <message>
        <source>Carry on as planned next time.</source>
        <translation>Ga de volgende keer gewoon door zoals gepland.</translation>
    </message>
    <message>
        <source>Your pain went up from %1 to %2: that is acceptable.</source>
        <translation>Je pijn ging van %1 naar %2: dat is acceptabel.</translation>
    </message>
    <message>
        <source>Your pain is %1: that is acceptable.</source>
        <translation>Je pijn is %1: dat is acceptabel.</translation>
    </message>
    <message>
        <source>It should settle back to your usual level by tomorrow morning. If it does, carry on as planned.</source>
        <translation>Morgenochtend hoort de pijn weer op je gewone niveau te zijn. Is dat zo, ga dan door zoals gepland.</translation>
    </message>
    <message>
        <source>Your pain went up from %1 to %2: next time, take it one level easier.</source>
        <translation>Je pijn ging van %1 naar %2: doe het de volgende keer een niveau rustiger aan.</translation>
    </message>
    <message>
        <source>Your pain is %1, above 5: next time, take it one level easier.</source>
        <translation>Je pijn is %1, boven de 5: doe het de volgende keer een niveau rustiger aan.</translation>
    </message>
    <message>
        <source>Choose a lower level, or do about 25% fewer reps and shorter holds. Keep moving in your daily life: moving is good for your back.</source>
        <translation>Kies een lager niveau, of doe ongeveer 25% minder herhalingen en houd korter vast. Blijf in je dagelijks leven bewegen: bewegen is goed voor je rug.</translation>
    </message>
    <message>
        <source>pain %1 → %2</source>
        <translation>pijn %1 → %2</translation>
    </message>
    <message>
        <source>partly done</source>
        <translation>deels gedaan</translation>
    </message>
    <message>
        <source>stopped early (pain)</source>
        <translation>eerder gestopt (pijn)</translation>
    </message>
    <message>
        <source>stopped early (no time)</source>
        <translation>eerder gestopt (geen tijd)</translation>
    </message>
    <message>
        <source>stopped early</source>
        <translation>eerder gestopt</translation>
    </message>
    <message>
        <source>Planned for today at %1</source>
        <translation>Gepland voor vandaag om %1</translation>
    </message>
    <message>
        <source>Planned for %1 at %2</source>
        <translation>Gepland voor %1 om %2</translation>
    </message>
    <message>
        <source>The program you played last</source>
        <translation>Het programma dat je het laatst deed</translation>
    </message>
    <message>
        <source>A gentle way to get moving</source>
        <translation>Rustig in beweging komen</translation>
    </message>
    <message>
        <source>about %1 min</source>
        <translation>ongeveer %1 min</translation>
    </message>
</context>
</TS>
