"""Residue cleaning of scraped text: furniture goes to ``removed``/``captions``, the story stays."""

from __future__ import annotations

from eventwire.ingest import prepare_article
from eventwire.ingest.text import clean_lines, clean_text

P1 = (
    "Fishermen in the coastal province blocked the main highway on Thursday, demanding compensation "
    "for catches lost to an oil spill last month, local police said."
)
P2 = (
    "The provincial governor said he would meet a delegation of the protesters on Friday, but warned "
    "that the blockade was illegal and would be cleared if it continued."
)
P3 = (
    "An environmental group said the spill had spread along forty kilometres of shoreline and that "
    "the clean-up had barely begun."
)


def labels(text: str) -> dict[str, str]:
    return {line: label for label, line in clean_text(text).labels}


def test_scrape_with_typical_furniture():
    text = "\n".join(
        [
            "Fishermen Block Highway Over Oil Spill Compensation",
            "Skip to main content",
            "By Hannah Berg and Luis Ortega",
            "Updated 6:14 AM GMT, Fri May 9, 2025",
            "Share",
            "Facebook Twitter Email",
            "Loading...",
            P1,
            "Boats moored in the harbour after the spill. (Photo: Reuters)",
            "Boats moored in the harbour after the spill. (Photo: Reuters)",
            P2,
            "Advertisement",
            "Read more: Court orders refinery to pay for shoreline clean-up",
            P3,
            "Sign up for our morning newsletter to get the top stories delivered to your inbox.",
            "Related stories",
            "Refinery Fined After Second Leak In Two Years",
            "Tourism Slumps On Island Beaches",
            "Ministers Promise New Maritime Safety Law",
            "(Reporting by Anna Wirth; Editing by Tom Cole)",
            "© 2025 Harbour Media. All rights reserved.",
        ]
    )
    out = clean_text(text)
    assert out.title == "Fishermen Block Highway Over Oil Spill Compensation"
    assert out.body == "\n".join([P1, P2, P3])
    assert out.byline == "By Hannah Berg and Luis Ortega"
    assert out.captions == ["Boats moored in the harbour after the spill. (Photo: Reuters)"]
    assert "Refinery Fined After Second Leak In Two Years" in out.removed
    assert "Advertisement" in out.removed and "Loading..." in out.removed


def test_caption_then_credit_line_and_agency_credit():
    lab = labels(
        "\n".join(
            [
                P1,
                "A protester waves a flag near the toll gate.",
                "Jan Novak/AFP via Getty Images",
                P2,
                "Maria Lopez contributed reporting from the capital.",
            ]
        )
    )
    assert lab["A protester waves a flag near the toll gate."] == "caption"
    assert lab["Jan Novak/AFP via Getty Images"] in ("credit", "caption")
    assert lab["Maria Lopez contributed reporting from the capital."] == "agency"
    assert lab[P1] == lab[P2] == "story"


def test_lone_ui_words_and_placeholders():
    lab = labels(
        "\n".join(
            [
                "Menu",
                "Close",
                P1,
                "This video is currently unavailable",
                "12 comments",
                "Something went wrong. Please try again later.",
                P2,
            ]
        )
    )
    assert [lab[x] for x in ("Menu", "Close", "12 comments")] == ["ui", "ui", "placeholder"] or all(
        lab[x] != "story" for x in ("Menu", "Close", "12 comments")
    )
    assert lab["This video is currently unavailable"] == "placeholder"
    assert lab["Something went wrong. Please try again later."] == "placeholder"
    assert lab[P1] == lab[P2] == "story"


def test_repeated_paragraph_keeps_first_copy():
    out = clean_text("\n\n".join([P1, P2, P3, P1]))
    assert out.body == "\n\n".join([P1, P2, P3])
    assert out.removed == [P1]


def test_story_lookalikes_are_kept():
    """Sentences that share words with furniture but are story text must survive."""
    story = [
        "By Tuesday evening, the rebels had taken control of two districts, residents said.",
        "More than 300 people signed up to volunteer for the clean-up, organisers said.",
        "Share prices of the refinery fell 4% after the announcement.",
        'The minister told reporters: "Read the report before you judge us."',
        "RESCUE EFFORTS",
        "Rescue teams reached the village late on Wednesday and found the bridge washed away.",
        "Photographs of the damage were shared widely on social media, officials said.",
        "June 5 -- Lagos, Nigeria",
        "June 9 -- Accra, Ghana",
        "June 12 -- Dakar, Senegal",
    ]
    out = clean_text("\n".join([P1] + story + [P2]))
    assert out.body.split("\n") == [P1] + story + [P2], out.labels


def test_teaser_run_needs_a_uniform_headline_block():
    heads = [
        "Flood Barrier Approved After Long Debate",
        "Council Rejects Parking Fee Rise",
        "Bridge Repairs To Start Next Month",
        "Mayor Defends Budget Cuts",
    ]
    out = clean_text("\n".join([P1, P2] + heads))
    assert out.body == "\n".join([P1, P2])
    assert all(h in out.removed for h in heads)


def test_paragraph_separator_follows_input():
    assert clean_text(f"{P1}\n\nShare\n\n{P2}").body == f"{P1}\n\n{P2}"
    assert clean_text(f"{P1}\nShare\n{P2}").body == f"{P1}\n{P2}"


def test_html_mode_title_copy_and_link_teasers():
    res = clean_lines(
        ["Port Strike Spreads", P1, "- Dockers vote on new offer Union leaders meet on Friday", P2],
        title="Port Strike Spreads | The Harbour Times",
        links=frozenset({"dockers vote on new offer"}),
    )
    assert res.kept == [P1, P2]


def test_prepare_clean_vs_no_clean():
    text = f"Menu\n{P1}\nAdvertisement\n{P2}"
    assert prepare_article({"id": "a", "text": text}, clean=False).body == text
    cleaned = prepare_article({"id": "a", "text": text}, clean=True)
    assert cleaned.body == f"{P1}\n{P2}" and cleaned.removed == ["Menu", "Advertisement"]


def test_record_title_removes_its_copy_even_when_it_ends_like_a_sentence():
    title = "Will the blockade end before the harvest?"
    a = prepare_article({"id": "t", "text": f"{title}\n{P1}\n{P2}", "title": title})
    assert a.title == title and a.body == f"{P1}\n{P2}"
