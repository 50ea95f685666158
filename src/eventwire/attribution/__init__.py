"""Attribution: who says so. One reporting-cue table, one speaker finder, one quotation-region finder.

Why: a claim's source must be found the same way wherever a claim is read (event modality,
denials, death counts and, later, quotations), so that one sentence names one speaker.

- :mod:`.cues`: the tables (reporting verbs, unnamed-source words, news-outlet words);
- :mod:`.speakers`: the speaker of a reporting verb and tests on it;
- :mod:`.regions`: sentence indices and quotation regions with their reporting verb.
"""
from .cues import anonymous_words, outlet_words, reporting_verbs
from .regions import quote_regions, quote_speaker_verb, sentence_index, sentence_of
from .speakers import according_to, find_speaker, is_anonymous, is_outlet, outlet_of_tell, passive_agent, speaker_span

__all__ = [
    "according_to", "anonymous_words", "find_speaker", "is_anonymous", "is_outlet", "outlet_of_tell", "outlet_words",
    "passive_agent", "quote_regions", "quote_speaker_verb", "reporting_verbs", "sentence_index", "sentence_of",
    "speaker_span",
]
