"""Sentence alignment on an article the team wrote and its human English translation."""
from site_plugins.translate.align import Alignment, Bead, align, aligned_pairs

GERMAN = [
    "Der Hamburger Logistikkonzern Hapag-Lloyd hat im ersten Halbjahr 2025 einen Gewinn von 1,3 Milliarden Euro erzielt.",  # 0
    "Im Vorjahreszeitraum waren es noch 1,9 Milliarden Euro gewesen.",  # 1
    "Vorstandschef Rolf Habben Jansen begründete den Rückgang mit sinkenden Frachtraten.",  # 2
    "Die Lage im Roten Meer bleibe schwierig.",  # 3
    "Viele Schiffe müssten weiterhin den Umweg um das Kap der Guten Hoffnung nehmen.",  # 4
    "Das verlängere die Fahrt nach Europa um bis zu zwei Wochen.",  # 5
    "Der Umsatz stieg dennoch um 8 Prozent auf 10,2 Milliarden Euro.",  # 6
    "Die Reederei transportierte 6,4 Millionen Standardcontainer.",  # 7
    "Der Betriebsrat kritisierte die geplante Verlagerung von Verwaltungsstellen nach Danzig scharf.",  # 8
    "An der Börse in Frankfurt gab die Aktie am Donnerstag um 3,2 Prozent nach.",  # 9
    "Analysten hatten mit einem deutlich höheren Gewinn gerechnet.",  # 10
    "Für das Gesamtjahr bestätigte Hapag-Lloyd die Prognose von 1,5 bis 3,0 Milliarden Euro.",  # 11
    "Bis 2030 will das Unternehmen 50 neue Schiffe mit Methanolantrieb in Dienst stellen.",  # 12
    "Dafür sind Investitionen von rund 5 Milliarden Euro vorgesehen.",  # 13
    "Die Hauptversammlung findet am 14. Mai in Hamburg statt.",  # 14
]
ENGLISH = [
    "Hamburg-based logistics group Hapag-Lloyd made a profit of 1.3 billion euros in the first half of 2025.",  # 0
    "In the same period last year it had made 1.9 billion euros.",  # 1
    "Chief executive Rolf Habben Jansen attributed the decline to falling freight rates.",  # 2
    "The situation in the Red Sea remains difficult.",  # 3
    "Many ships still have to take the detour around the Cape of Good Hope, which lengthens the voyage to Europe by up to two weeks.",  # 4
    "Revenue nevertheless rose by 8 percent to 10.2 billion euros.",  # 5
    "The shipping company transported 6.4 million standard containers.",  # 6
    "On the Frankfurt stock exchange, the shares fell 3.2 percent on Thursday.",  # 7
    "Analysts had expected a significantly higher profit.",  # 8
    "For the full year, Hapag-Lloyd confirmed its forecast of 1.5 to 3.0 billion euros.",  # 9
    "By 2030 the company plans to put 50 new methanol-powered ships into service.",  # 10
    "Investments of around 5 billion euros are planned for this.",  # 11
    "The annual general meeting will take place in Hamburg on May 14.",  # 12
]


def test_merged_sentences_and_a_missing_translation():
    result = align(GERMAN, ENGLISH)
    pairs = [(list(b.de), list(b.en)) for b in result.beads]
    assert pairs == [
        ([0], [0]), ([1], [1]), ([2], [2]), ([3], [3]),
        ([4, 5], [4]),  # two German sentences, one English sentence
        ([6], [5]), ([7], [6]),
        ([8], []),  # the works council's criticism was not translated
        ([9], [7]), ([10], [8]), ([11], [9]), ([12], [10]), ([13], [11]), ([14], [12]),
    ]
    assert result.unaligned_de == (8,)
    assert result.unaligned_en == ()


def test_aligned_pairs_join_the_sentences_of_a_bead():
    pairs = aligned_pairs(align(GERMAN, ENGLISH), GERMAN, ENGLISH)
    assert pairs[4] == (GERMAN[4] + " " + GERMAN[5], ENGLISH[4])
    assert pairs[7] == (GERMAN[8], "")


def test_english_sentence_without_german_is_reported():
    english = ENGLISH[:3] + ["Hapag-Lloyd is one of the five largest container lines in the world."] + ENGLISH[3:]
    result = align(GERMAN, english)
    assert result.unaligned_en == (3,)
    assert result.unaligned_de == (8,)


def test_unrelated_sentences_are_low_confidence():
    result = align(["Der Umsatz stieg um 8 Prozent auf 10,2 Milliarden Euro."],
                   ["The weather in the north was unusually cold and windy for the time of year, forecasters said on Monday."])
    assert result.beads == (Bead(range(0, 1), range(0, 1), result.beads[0].cost, False),)
    assert result.low_confidence == result.beads


def test_a_merge_without_shared_anchors_is_low_confidence():
    # the memory wants one English sentence per German one: a person splits this merge
    result = align(GERMAN, ENGLISH)
    assert [(list(b.de), list(b.en)) for b in result.low_confidence] == [([4, 5], [4])]


def test_empty_inputs():
    assert align([], []) == Alignment(())
    assert align(["Ein Satz."], []).unaligned_de == (0,)
    assert align([], ["A sentence."]).unaligned_en == (0,)
