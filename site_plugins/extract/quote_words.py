"""The words German news uses around quotes: speech verbs, determiners, roles, function words.
Kept apart from `quotes`, which reads text with them."""
from __future__ import annotations

SUBJECT_DETS = {"der", "die", "das", "ein", "eine", "einer", "sein", "seine", "ihr", "ihre",
                 "dessen", "deren", "unser", "unsere", "kein", "keine"}
ANY_DETS = SUBJECT_DETS | {"dem", "den", "des", "einem", "einen", "eines", "seinem", "ihrem"}
PRONOUNS = {"er", "sie", "es", "man"}
NAME_PARTICLES = {"von", "van", "de", "zu", "del", "da", "ten", "bin"}
SUBORDINATORS = {"wie", "als", "während", "nachdem", "weil", "da", "so"}
FUNCTION_WORDS = set("""
dazu daher damit dann doch auch am im zudem außerdem später heute gestern morgen jetzt nun dort
hier dies diese dieser dieses es so wie als aber und oder denn man bereits schon noch zuvor danach
anschließend zugleich gleichzeitig trotzdem deshalb deswegen allerdings laut nach vor bei mit von
zu zum zur für gegenüber in auf an über unter ins vom beim während wenn weil dass ob sicherlich
intern immerhin jedoch zwar insgesamt vielmehr ebenso mehr wer was warum wo wann ich du wir ihr
sie er sich uns mir mich dir dich ja nein nicht kein keine alle viele einige manche beide
bislang bisher inzwischen mittlerweile seit seitdem sonst statt trotz wegen ohne gegen durch um
aus bis neben zwischen hinter dagegen darauf darüber davon dabei dafür denen dem den des
montag dienstag mittwoch donnerstag freitag samstag sonntag mehrere andere anderen
""".split())

REGULAR_VERB_STEMS = """sag erklär beton mein ergänz warn kritisier forder erläuter bekräftig
versicher kommentier argumentier antwort frag bestätig erzähl bericht beklag resümier mahn räum
füg stell teil führ äußer zitier schilder präzisier wiederhol beteuer prognostizier appellier
konter bilanzier begründ behaupt""".split()
IRREGULAR_VERBS = """schreibt schrieb schrieben unterstreicht unterstrich ruft rief verspricht
versprach gibt gab findet fand heißt hieß entgegnet entgegnete widerspricht widersprach
beschreibt beschrieb riefen gaben fanden mitteilt mitteilte mitteilten ausführte einräumte
hinzufügte klarstellte zugab zugibt""".split()
# "nannte den Plan „gescheitert und teuer“" attributes, "nennt ihr Album „Tage wie diese“" names
NAMING_VERBS = {"nennt", "nannte", "nannten", "bezeichnet", "bezeichnete", "bezeichneten"}
PARTICIPLES = {"gesagt", "erklärt", "betont", "gemeint", "ergänzt", "gewarnt", "kritisiert",
                "gefordert", "geschrieben", "versichert", "bestätigt", "erzählt", "berichtet"}


def _verb_forms(stem: str) -> set[str]:
    link = "e" if stem[-1] in "td" else ""
    return {stem + link + "t", stem + link + "te", stem + link + "ten", stem + "en"}


SPEECH_VERBS = {form for stem in REGULAR_VERB_STEMS for form in _verb_forms(stem)}
SPEECH_VERBS |= set(IRREGULAR_VERBS)
# Too common to mark a clause as reported speech unless next to a quote or with their particle.
PARTICLE_VERBS = {form: particle for stem, particle in (
    ("teil", "mit"), ("stell", "klar"), ("führ", "aus"), ("räum", "ein"), ("füg", "hinzu"))
    for form in _verb_forms(stem)} | {"gibt": "zu", "gab": "zu"}
WEAK_VERBS = set(PARTICLE_VERBS) | {"findet", "fand", "heißt", "hieß", "ruft", "rief"}
STRICT_VERBS = SPEECH_VERBS - WEAK_VERBS
COLON_VERBS = SPEECH_VERBS | {"lässt", "ließ"}
SENTENCE_TRIGGERS = STRICT_VERBS | set(PARTICLE_VERBS) | NAMING_VERBS | {"laut", "angaben",
                                                                             "zufolge"}

ROLE_STEMS = """mitarbeiter experte expert forscher sprecher chef minister kanzler präsident
leiter direktor analyst gründer professor berater manager entwickler ökonom politiker
abgeordnete abgeordnet vorsitzende vorsitzend autor journalist anwalt anwält richter investor
ingenieur wissenschaftler unternehmer beamte beamt sekretär bürgermeister vorstand aktivist
arzt ärzt kritiker trainer insider beobachter mediziner vertreter koordinator kommissar senator
gouverneur botschafter lehrer sprecher ermittler staatsanwalt gewerkschafter funktionär
bürger nutzer kunde kund angestellte angestellt chefin mitglied stratege strateg kollege kolleg
historiker soziologe soziolog psychologe psycholog jurist ökonomin vizekanzler premier""".split()


def is_role(word: str) -> bool:
    """A word naming a job or role by its last part: "Europachefin", "Grünen-Politikerin"."""
    last = word.split("-")[-1].lower()
    return any(last.endswith((stem, stem + "in", stem + "innen")) for stem in ROLE_STEMS)
