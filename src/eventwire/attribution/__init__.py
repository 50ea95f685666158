"""Attribution: who says so. One reporting-cue table, one speaker finder, one quotation-region finder.

Why: a claim's source must be found the same way wherever a claim is read (event modality,
denials, death counts and quotations), so that one sentence names one speaker.

- :mod:`.cues`: the tables (reporting cues with the events' and the quote finder's views,
  lemma fixes, unnamed-source words, news-outlet words);
- :mod:`.quotations`: the character spans of quotations, once per Doc;
- :mod:`.speakers`: THE speaker of a cue verb (``speaker_of``, once per Doc) and tests on it;
- :mod:`.regions`: sentence indices, the reporting verb of a quotation, the events' token regions.
"""

from .cues import (
    anonymous_words,
    cue_lemma,
    cue_list,
    outlet_words,
    report_kind,
    reporting_cues,
    reporting_verbs,
)
from .quotations import count_words, inside_quotation, quotation_spans, quote_spans
from .regions import (
    cue_for_quote,
    quote_regions,
    quote_speaker_verb,
    sentence_bounds,
    sentence_index,
    sentence_of,
)
from .speakers import (
    according_to,
    find_speaker,
    is_anonymous,
    is_outlet,
    named_for,
    outlet_of_tell,
    passive_agent,
    speaker_of,
    speaker_span,
    subject,
)

__all__ = [
    "according_to",
    "anonymous_words",
    "count_words",
    "cue_for_quote",
    "cue_lemma",
    "cue_list",
    "find_speaker",
    "inside_quotation",
    "is_anonymous",
    "is_outlet",
    "named_for",
    "outlet_of_tell",
    "outlet_words",
    "passive_agent",
    "quotation_spans",
    "quote_regions",
    "quote_spans",
    "quote_speaker_verb",
    "report_kind",
    "reporting_cues",
    "reporting_verbs",
    "sentence_bounds",
    "sentence_index",
    "sentence_of",
    "speaker_of",
    "speaker_span",
    "subject",
]
