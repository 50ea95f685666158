"""prepare_article(): the record → Article contract (errors, no-clean identity, ids, dates, language)."""

from __future__ import annotations

import pytest

from eventwire.ingest import MAX_CHARS, normalise_date, prepare_article
from eventwire.model import ArticleError, content_id

STORY = (
    "Troops crossed the river before dawn on Friday, a regional governor said.\n\n"
    "The governor told reporters that two bridges had been damaged and that shelling continued into the night."
)


def kind(record, clean=True):
    with pytest.raises(ArticleError) as e:
        prepare_article(record, clean=clean)
    return e.value.kind


def test_no_clean_keeps_text_exactly():
    text = "  Share\nLoading...\n" + STORY + "\n\n\tTrailing   spaces   \n"
    a = prepare_article({"id": "x1", "text": text}, clean=False)
    assert a.body == text and a.id == "x1" and a.removed == []


def test_missing_id_is_content_hash():
    a = prepare_article({"text": STORY}, clean=False)
    assert a.id == content_id(STORY)


def test_published_iso_datetime_is_normalised():
    assert prepare_article({"text": STORY, "published": "2019-11-20T14:03:00+00:00"}).published == "2019-11-20"
    assert normalise_date("Wed, 20 Nov 2019 14:03:00 GMT") == "2019-11-20"
    assert normalise_date("not a date") is None


def test_error_kinds():
    assert kind({"text": "   \n "}) == "empty"
    assert kind({"id": "e", "error": {"kind": "decode", "message": "bad bytes"}}) == "decode"
    assert kind({"text": "\x00\x01\x02\x03" * 50 + "abc"}) == "binary"
    assert kind({"text": "word " * (MAX_CHARS // 5 + 10)}) == "too_large"


@pytest.mark.parametrize(
    "text",
    [
        "Die Regierung hat am Dienstag ein neues Gesetz beschlossen, das seit Monaten vorbereitet wurde und nun gilt.",
        "El gobierno anunció el martes una nueva ley de pensiones que entrará en vigor el próximo mes de enero.",
        "Le gouvernement a annoncé mardi une nouvelle loi sur les retraites, qui entrera en vigueur en janvier.",
    ],
)
def test_foreign_text_is_refused(text):
    assert kind({"text": text}, clean=False) == "unsupported_language"


@pytest.mark.parametrize(
    "text",
    [
        "Kim met Xi.",
        "Vladimir Putin, Recep Tayyip Erdogan, Hassan Rouhani, Bashar al-Assad, Abdel Fattah el-Sisi, Mohammed bin Salman",
        "Ouagadougou: Burkina Faso junta leader Ibrahim Traoré meets Mali's Assimi Goïta",
        STORY,
    ],
)
def test_short_or_name_heavy_english_is_accepted(text):
    assert prepare_article({"text": text}, clean=False).body == text


@pytest.mark.parametrize(
    "text",
    [
        "東京の裁判所は火曜日、元社長に対して懲役三年の判決を言い渡した。",
        "Правительство объявило во вторник о новых мерах поддержки.",
    ],
)
def test_short_non_latin_text_is_refused(text):
    assert kind({"text": text}, clean=False) == "unsupported_language"


def test_refused_page_still_carries_what_was_read():
    """The language error keeps the extracted article, so a user can see what was read."""
    text = "La asamblea aprobó el martes una reforma de la ley electoral con el voto de la mayoría de los diputados."
    with pytest.raises(ArticleError) as e:
        prepare_article({"id": "es1", "text": text}, clean=False)
    assert e.value.article.body == text and e.value.article.language == "es"
