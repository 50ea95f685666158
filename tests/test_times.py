"""Date expressions resolved against a publication date (2015-09-16 is a Wednesday)."""

from __future__ import annotations

import pytest

from eventwire.times import clause_tense, event_date, resolve, resolve_dated

PUB = "2015-09-16"


@pytest.mark.parametrize(
    "expr,tense,want",
    [
        ("Monday", "past", "2015-09-14"),
        ("on Monday", "future", "2015-09-21"),
        ("Wednesday", "past", "2015-09-16"),
        ("Wednesday", "future", "2015-09-23"),
        ("last Wednesday", "past", "2015-09-09"),
        ("next Friday", "past", "2015-09-18"),
        ("Monday night", "past", "2015-09-14"),
        ("yesterday", "past", "2015-09-15"),
        ("last night", "past", "2015-09-15"),
        ("tomorrow", "future", "2015-09-17"),
        ("today", "past", "2015-09-16"),
        ("last week", "past", "2015-09-07"),
        ("next month", "future", "2015-10-01"),
        ("last month", "past", "2015-08-01"),
        ("earlier this month", "past", "2015-09-01"),
        ("two days ago", "past", "2015-09-14"),
        ("a week ago", "past", "2015-09-09"),
        ("three years ago", "past", "2012-01-01"),
        ("March 3", "past", "2015-03-03"),
        ("Sept. 11", "past", "2015-09-11"),
        ("3 March 2015", "past", "2015-03-03"),
        ("on 3 March 2012", "future", "2012-03-03"),
        ("March 3, 2014", "past", "2014-03-03"),
        ("December 28", "past", "2014-12-28"),
        ("December 28", "future", "2015-12-28"),
        ("in October", "past", "2014-10-01"),
        ("in October", "future", "2015-10-01"),
        ("March 2015", "past", "2015-03-01"),
        ("in 2014", "past", "2014-01-01"),
        ("the weekend", "past", "2015-09-12"),
        ("2015-01-02", "past", "2015-01-02"),
    ],
)
def test_resolve(expr, tense, want):
    assert resolve(expr, PUB, tense) == want


@pytest.mark.parametrize("expr", ["for two weeks", "48 hours", "the 1990s", "may", ""])
def test_unresolvable_is_none(expr):
    assert resolve(expr, PUB) is None


def test_without_publication_date_only_absolute_dates():
    assert resolve("March 3, 2014", None) == "2014-03-03"
    assert resolve("Monday", None) is None
    assert resolve("March 3", None) is None


def _tok(nlp, sentence, word):
    return next(t for t in nlp(sentence) if t.text == word)


def test_event_date_uses_clause_tense(nlp):
    assert event_date(_tok(nlp, "The adviser is set to meet his counterpart on Monday.", "meet"), PUB) == "2015-09-21"
    assert event_date(_tok(nlp, "Rebels ambushed the patrol on Monday.", "ambushed"), PUB) == "2015-09-14"
    assert event_date(_tok(nlp, "The summit is scheduled for October 12.", "summit"), PUB) == "2015-10-12"
    assert event_date(_tok(nlp, "Police detained five students last week.", "detained"), PUB) == "2015-09-07"


def test_event_date_modality_hint(nlp):
    tok = _tok(nlp, "The ministers could sign the accord on Friday.", "sign")
    assert event_date(tok, PUB, "hypothetical") == "2015-09-18"


def test_event_date_ignores_a_date_of_another_clause(nlp):
    tok = _tok(nlp, "Officials said on Tuesday that rebels had burned a school.", "burned")
    assert event_date(tok, PUB) == PUB  # the report's backshift: not Tuesday, and not background
    tok = _tok(nlp, "Officials said on Tuesday that rebels burned a school.", "burned")
    assert event_date(tok, PUB) == PUB


def test_event_date_falls_back_to_publication(nlp):
    tok = _tok(nlp, "Protesters blocked the highway.", "blocked")
    assert event_date(tok, PUB) == PUB
    assert event_date(tok, None) is None
    assert event_date(tok, "2015-09-16T08:00:00Z") == PUB


def test_clause_tense(nlp):
    assert clause_tense(_tok(nlp, "Troops will leave the base.", "leave")) == "future"
    assert clause_tense(_tok(nlp, "Troops left the base.", "left")) == "past"
    assert clause_tense(_tok(nlp, "Troops have left the base.", "left")) == "past"


def test_date_of_an_object_modifier_is_not_the_event_date(nlp):
    tok = _tok(nlp, "The envoys toured the site of the 2004 flood.", "toured")
    assert event_date(tok, PUB) == PUB
    tok = _tok(nlp, "The 2004 flood displaced thousands.", "flood")
    assert event_date(tok, PUB) == "2004-01-01"


def test_month_names_need_a_word_boundary():
    assert resolve("last decade", PUB) is None
    assert resolve("Dec. 24", "2007-01-09") == "2006-12-24"


def test_modal_clause_reads_weekdays_forward_without_hint(nlp):
    tok = _tok(nlp, "The ministers could sign the accord on Friday.", "sign")
    assert event_date(tok, PUB) == "2015-09-18"


@pytest.mark.parametrize(
    "expr,want",
    [
        ("on Monday", ("2015-09-14", "day")),
        ("yesterday", ("2015-09-15", "day")),
        ("two days ago", ("2015-09-14", "day")),
        ("last week", ("2015-09-07", "week")),
        ("last month", ("2015-08-01", "month")),
        ("a month ago", ("2015-08-01", "month")),
        ("in March", ("2015-03-01", "month")),
        ("last March", ("2015-03-01", "month")),
        ("last October", ("2014-10-01", "month")),
        ("last September", ("2014-09-01", "month")),
        ("last May", ("2015-05-01", "month")),
        ("July last year", ("2014-07-01", "month")),
        ("November next year", ("2016-11-01", "month")),
        ("since October 2013", ("2013-10-01", "month")),
        ("in 2009", ("2009-01-01", "year")),
        ("last year", ("2014-01-01", "year")),
        ("three years ago", ("2012-01-01", "year")),
        ("March 3, 2014", ("2014-03-03", "day")),
    ],
)
def test_resolve_dated_gives_the_precision_the_expression_names(expr, want):
    assert resolve_dated(expr, PUB, "past") == want


def test_month_with_year_without_publication_date():
    assert resolve_dated("in June 2011", None) == ("2011-06-01", "month")
