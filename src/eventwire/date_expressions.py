"""Date expressions ("on Monday", "last March", "the 2014 ...") resolved against the publication date.

Why: GDELT stamps every event with the publication day; an analyst counting strikes per day needs
"on Monday" (past) to mean the Monday before publication, "on Monday" (future) the one after, and
"last month" not to land on the day the story ran.

Conventions (documented because they are choices):

- weekday: past tense → the latest such day on or before publication; future → the first one
  strictly after; "last Monday" → strictly before; "next Monday" → strictly after; present tense →
  the nearer of the two (publication day itself if it is that weekday).
- a vague period is resolved to its first day: "last week" → Monday of the previous week,
  "next month" → the 1st of next month, "in March 2015" → 2015-03-01, "in 2014" → 2014-01-01,
  "earlier this month" → the 1st of this month. "this week/month/year" and "later this …" → the
  publication day (we cannot place them better).
- a day and month without a year take the year that puts them on the right side of publication
  for the tense (past → not after publication, future → not before it, present → the nearest).
- durations ("for two weeks", "48 hours") and unresolvable phrases give ``None``.
- every date carries its precision (:func:`resolve_dated`): what the expression names, a "day",
  "week", "month" or "year"; "August last year" is that August (month), "last March" the latest
  March before publication (month), "three years ago" that year (year).

Only the standard library and python-dateutil's relativedelta are used: fast to import.
"""

from __future__ import annotations

import datetime as dt
import re

#: (ISO date, precision): precision is "day", "week", "month" or "year" (the date is the period's first day).
Dated = tuple[str, str]

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS.update({"sept": 9})
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
WEEKDAYS.update({d[:3]: i for d, i in list(WEEKDAYS.items())})
WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a couple of": 2,
    "several": None,
}

_MON = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:1[89]|20)\d\d)"
RE_ISO = re.compile(r"\b((?:1[89]|20)\d\d)-(\d\d)-(\d\d)\b")
RE_MDY = re.compile(rf"\b{_MON}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?")
RE_DMY = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR}\b)?")
RE_MY = re.compile(rf"\b{_MON}(?:\s+of)?(?:,?\s+{_YEAR}\b)?")
RE_YEAR = re.compile(rf"^(?:in |during |since |by |the year |early |late |mid-?)*{_YEAR}$")
RE_AGO = re.compile(
    r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of)\s+"
    r"(day|week|month|year|fortnight)s?\s+(ago|earlier|before)\b"
)
RE_PERIOD = re.compile(
    r"\b(last|past|previous|next|coming|this|earlier this|later this|early this|late this)\s+"
    r"(week|month|year|weekend)\b"
)
RE_YEAR_OFFSET = re.compile(r"\b(last|next|this)\s+year\b")
_DURATION = re.compile(
    r"^(for |over |within |in )?(the )?(past |last |next )?(\d+|a|an|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|several|few|many|\w+-)\s*(hours?|days?|weeks?|months?|years?|decades?)$"
)


def pub_date(published: str | None) -> dt.date | None:
    """The publication day of an ISO date or date-time string, None when there is none."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _shift_months(d: dt.date, months: int) -> dt.date:
    from dateutil.relativedelta import relativedelta

    return d + relativedelta(months=months)


def _pick_year(month: int, day: int, pub: dt.date, tense: str) -> dt.date | None:
    """The year for a day-month without one, so the date falls on the side of ``pub`` the tense says."""
    cands = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            cands.append(dt.date(y, month, day))
        except ValueError:
            continue
    if not cands:
        return None
    slack = dt.timedelta(days=1)
    if tense == "past":
        ok = [c for c in cands if c <= pub + slack]
        return max(ok) if ok else min(cands)
    if tense == "future":
        ok = [c for c in cands if c >= pub - slack]
        return min(ok) if ok else max(cands)
    return min(cands, key=lambda c: abs((c - pub).days))


def _weekday(target: int, pub: dt.date, tense: str, modifier: str | None) -> dt.date:
    back = (pub.weekday() - target) % 7  # days back to the latest such day on/before pub
    fwd = (target - pub.weekday()) % 7 or 7  # days forward to the next one strictly after pub
    if modifier in ("last", "past", "previous"):
        return pub - dt.timedelta(days=back or 7)
    if modifier in ("next", "coming", "this coming"):
        return pub + dt.timedelta(days=fwd)
    if tense == "future":
        return pub + dt.timedelta(days=fwd) if back else pub if modifier == "this" else pub + dt.timedelta(days=fwd)
    if tense == "past":
        return pub - dt.timedelta(days=back)
    return pub - dt.timedelta(days=back) if back <= fwd else pub + dt.timedelta(days=fwd)


def _num(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def resolve(expr: str, published: str | None, tense: str = "past") -> str | None:
    """ISO date (YYYY-MM-DD) for a date expression, or None.

    ``tense`` is "past", "future" or "present" and decides which side of publication a bare
    weekday or day-month falls on.
    """
    got = resolve_dated(expr, published, tense)
    return got[0] if got else None


def resolve_dated(expr: str, published: str | None, tense: str = "past") -> Dated | None:
    """(ISO date, precision) for a date expression, or None; see :func:`resolve`.

    The precision is what the expression names: "day" ("on Monday", "March 3"), "week" ("last
    week"), "month" ("in March", "a month ago") or "year" ("in 2014", "last year"); the date is the
    first day of that period.
    """
    if not expr:
        return None
    s = " ".join(expr.lower().replace("\u2019", "'").split()).strip(" .,;:")
    pub = pub_date(published)
    m = RE_ISO.search(s)
    if m:
        return _day(_iso_date(m))
    parts = _day_month(s)
    if parts:
        return _day(_day_month_date(*parts, pub, tense))
    if _DURATION.match(s):
        return None
    m = RE_YEAR.match(s)
    if m:
        return f"{m[1]}-01-01", "year"
    # relative expressions need a publication date
    if pub is None:
        got = _month_year_alone(s)
        return (got, "month") if got else None
    return _relative_date(s, pub, tense)


def _day(iso: str | None) -> Dated | None:
    return (iso, "day") if iso else None


def _iso_date(m: re.Match) -> str | None:
    """A written ISO date ("2015-09-14"), None when it is no real day."""
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def _day_month(s: str) -> tuple[int, int, str | None] | None:
    """(month, day, year or None) of the first "March 3, 2015" or "3 March" form, or None."""
    for rx, order in ((RE_MDY, "md"), (RE_DMY, "dm")):
        m = rx.search(s)
        if m:
            mon_s, day_s = (m[1], m[2]) if order == "md" else (m[2], m[1])
            month = MONTHS.get(mon_s.rstrip(".")) or MONTHS.get(mon_s.rstrip(".")[:3])
            day, year = int(day_s), m[3]
            if not month or not 1 <= day <= 31:
                continue
            return month, day, year
    return None


def _day_month_date(month: int, day: int, year: str | None, pub: dt.date | None, tense: str) -> str | None:
    """A day and month, in the year given or else the one the tense puts on its side of publication."""
    try:
        if year:
            return dt.date(int(year), month, day).isoformat()
    except ValueError:
        return None
    if pub is None:
        return None
    got = _pick_year(month, day, pub, tense)
    return got.isoformat() if got else None


def _month_year_alone(s: str) -> str | None:
    """Without a publication date only a month with its year ("March 2015") still resolves."""
    m = RE_MY.search(s)
    if m and m[2]:
        month = MONTHS.get(m[1].rstrip(".")) or MONTHS.get(m[1][:3])
        return f"{m[2]}-{month:02d}-01" if month else None
    return None


def _relative_date(s: str, pub: dt.date, tense: str) -> Dated | None:
    """An expression read against the publication day: named days, "ago", periods, weekdays, months."""
    if re.search(r"\bday before yesterday\b", s):
        return _day((pub - dt.timedelta(days=2)).isoformat())
    if re.search(r"\b(yesterday|last night|overnight)\b", s):
        return _day((pub - dt.timedelta(days=1)).isoformat())
    if re.search(r"\btomorrow\b", s):
        return _day((pub + dt.timedelta(days=1)).isoformat())
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening)|now)\b", s):
        return _day(pub.isoformat())
    m = RE_AGO.search(s)
    if m:
        return _ago(m, pub)
    m = RE_MY.search(s)
    y = RE_YEAR_OFFSET.search(s)
    if m and y and not m[2]:  # "August last year": the month, in the year the period names
        return _month_of_year(m[1], pub.year + {"last": -1, "next": 1}.get(y[1], 0))
    m = RE_PERIOD.search(s)
    if m:
        return _period(m, pub, tense)
    if re.search(r"\bweekend\b", s):  # "over the weekend": its Saturday
        return _day(_weekday(5, pub, "future" if tense == "future" else "past", None).isoformat())
    for w in re.findall(r"[a-z]+", s):
        if w in WEEKDAYS:
            mod = None
            mm = re.search(rf"\b(last|past|previous|next|coming|this coming|this)\s+{w}", s)
            if mm:
                mod = mm[1]
            return _day(_weekday(WEEKDAYS[w], pub, tense, mod).isoformat())
    m = RE_MY.search(s)
    if m:
        return _month(m, s, pub, tense)
    return None


def _month_of_year(name: str, year: int) -> Dated | None:
    month = MONTHS.get(name.rstrip(".")) or MONTHS.get(name.rstrip(".")[:3])
    return (f"{year}-{month:02d}-01", "month") if month else None


def _ago(m: re.Match, pub: dt.date) -> Dated | None:
    """ "three weeks ago", "a month earlier": counted back from publication, as precise as its unit
    ("two days ago" a day, "a month ago" that month, "three years ago" that year)."""
    n = _num(m[1])
    if n is None:
        return None
    unit = m[2]
    if unit == "day":
        d = pub - dt.timedelta(days=n)
    elif unit == "week":
        d = pub - dt.timedelta(weeks=n)
    elif unit == "fortnight":
        d = pub - dt.timedelta(weeks=2 * n)
    elif unit == "month":
        d = _shift_months(pub, -n)
    else:
        d = _shift_months(pub, -12 * n)
        return f"{d.year}-01-01", "year"
    if unit == "month":
        return f"{d.year}-{d.month:02d}-01", "month"
    return _day(d.isoformat())


def _period(m: re.Match, pub: dt.date, tense: str) -> Dated:
    """ "last week", "next month", "this year", "last weekend": the period's first day (see above)."""
    which, unit = m[1], m[2]
    if unit == "weekend":
        sat = 5
        mod = "last" if which in ("last", "past", "previous") else "next" if which in ("next", "coming") else None
        return _weekday(sat, pub, "future" if mod is None and tense == "future" else tense, mod).isoformat(), "day"
    if which in ("this", "later this"):
        return pub.isoformat(), unit
    step = -1 if which in ("last", "past", "previous") else 1 if which in ("next", "coming") else 0
    if unit == "week":
        return (_monday(pub) + dt.timedelta(weeks=step)).isoformat(), "week"
    if unit == "month":
        first = pub.replace(day=1)
        return _shift_months(first, step).isoformat(), "month"
    return dt.date(pub.year + step, 1, 1).isoformat(), "year"


def _month(m: re.Match, s: str, pub: dt.date, tense: str) -> Dated | None:
    """ "in March", "last March", "March 2015": the month's first day, in the year the tense (or
    "last"/"next") says when none is given."""
    month = MONTHS.get(m[1].rstrip(".")) or MONTHS.get(m[1].rstrip(".")[:3])
    if not month or (
        m[1] == "may"
        and not m[2]
        and not re.search(r"\b(in|since|until|by|during|early|late|mid|of|last|next)\s+may\b", s)
    ):
        return None  # "may" alone is too often the modal verb
    if m[2]:
        return f"{m[2]}-{month:02d}-01", "month"
    if re.search(rf"\blast\s+{m[1]}", s):
        tense = "past"  # "last March": the latest March before publication
        if month >= pub.month:
            return f"{pub.year - 1}-{month:02d}-01", "month"
    elif re.search(rf"\bnext\s+{m[1]}", s):
        tense = "future"
    got = _pick_year(month, 1, pub, tense)
    return (got.isoformat(), "month") if got else None
