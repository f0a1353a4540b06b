import pytest

from site_plugins.slug import MAX_SLUG_LENGTH, slugify


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Über Größe & Maß: Ärger für Öl-Konzerne",
         "ueber-groesse-mass-aerger-fuer-oel-konzerne"),
        ("Deepseek R1 setzt OpenAI unter Druck", "deepseek-r1-setzt-openai-unter-druck"),
        ("ÄÖÜ äöü ß ẞ", "aeoeue-aeoeue-ss-ss"),
        ("Café in São Paulo: Señor Dvořák", "cafe-in-sao-paulo-senor-dvorak"),
        ("  --Nvidia verliert 17 %!--  ", "nvidia-verliert-17"),
        ("„Wir sind bereit“, sagt Müller", "wir-sind-bereit-sagt-mueller"),
        ("40 Mrd. US-$ für KI", "40-mrd-us-fuer-ki"),
        ("Straße/Weg_Platz", "strasse-weg-platz"),
        ("ﬁnale Ergebnisse", "finale-ergebnisse"),  # NFKD splits the ligature
        ("Ελλάδα und Berlin", "und-berlin"),  # non-Latin letters have no ASCII form
    ],
)
def test_slugify_exact(title, expected):
    assert slugify(title) == expected


def test_slugify_cuts_long_titles_at_word_boundary():
    title = "Bundesregierung " * 10  # 16 chars per word incl. separator
    slug = slugify(title)
    assert slug == "-".join(["bundesregierung"] * 5)
    assert len(slug) == 79
    assert len(slug) <= MAX_SLUG_LENGTH


def test_slugify_keeps_a_slug_of_exactly_max_length():
    title = "a" * 39 + " " + "b" * 40
    assert slugify(title) == "a" * 39 + "-" + "b" * 40


def test_slugify_cut_respects_boundary_right_after_limit():
    # The 81st character is a separator: the first 80 characters are a whole-word prefix.
    title = "a" * 80 + " weiter"
    assert slugify(title) == "a" * 80


def test_slugify_hard_cuts_a_single_overlong_word():
    assert slugify("x" * 100) == "x" * 80


def test_slugify_custom_max_length():
    assert slugify("Ärger für Öl-Konzerne", max_length=12) == "aerger-fuer"


def test_slugify_is_stable_on_its_own_output():
    slug = slugify("Über Größe & Maß: Ärger für Öl-Konzerne")
    assert slugify(slug) == slug


@pytest.mark.parametrize("title", ["", "   ", "!?–…", "Ελλάδα"])
def test_slugify_rejects_titles_without_ascii_letters(title):
    with pytest.raises(ValueError, match="cannot make a slug"):
        slugify(title)
