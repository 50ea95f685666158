"""HTML extraction: body paragraphs only; captions apart; page furniture out; metadata kept."""

from __future__ import annotations

import pytest

from eventwire.ingest import prepare_article
from eventwire.ingest.html import extract_html, figcaptions, fragment_text

PARAS = [
    "Election officials in the northern region began a recount on Saturday after three parties "
    "challenged the results of last week's regional vote, the electoral commission said.",
    "The commission said the recount would cover 212 polling stations and take at least four days, "
    "and that observers from all parties had been invited to attend.",
    "Opposition leaders accused the governing coalition of stuffing ballot boxes in two districts, "
    "a charge the coalition's spokesman called baseless.",
    "Turnout in the vote was 61 percent, the highest since the region gained its own assembly, "
    "according to figures published by the commission on Monday.",
]

PAGE = f"""<!DOCTYPE html><html lang="en"><head>
<title>Recount begins in disputed regional vote | Valley Tribune</title>
<meta property="og:site_name" content="Valley Tribune">
<meta name="author" content="Petra Lindgren">
<meta property="article:published_time" content="2023-10-14T09:12:00+02:00">
</head><body>
<div class="cookie-banner"><p>We use cookies to improve your experience. By continuing to use this site you accept our cookie policy.</p><button>Accept</button></div>
<header><nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>Recount begins in disputed regional vote</h1>
<div class="byline">By Petra Lindgren</div><time datetime="2023-10-14">October 14, 2023</time>
<div class="share"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
<p>{PARAS[0]}</p>
<figure><img src="count.jpg" alt="Officials count ballots"><figcaption>Officials count ballots in the regional capital on Saturday. Photo: Tribune staff</figcaption></figure>
<p>{PARAS[1]}</p>
<div class="ad"><p>Advertisement</p></div>
<p>{PARAS[2]}</p>
<div class="newsletter"><p>Sign up for our politics newsletter to get the latest updates delivered to your inbox.</p></div>
<p>{PARAS[3]}</p>
<p>Petra Lindgren is a political reporter for the Valley Tribune. Follow her on Twitter @petralindgren.</p>
<div class="related"><h3>Related stories</h3><ul>
<li><a href="/a">Coalition names new candidate for governor</a></li>
<li><a href="/b">Assembly debates electoral reform bill</a></li>
<li><a href="/c">Observers criticise campaign finance rules</a></li></ul></div>
<div class="comments"><a href="#comments">14 comments</a></div>
</article></main>
<footer><p>© 2023 Valley Tribune. All rights reserved.</p></footer>
</body></html>"""


@pytest.fixture(scope="module")
def page():
    return prepare_article({"id": "p1", "html": PAGE, "url": "https://tribune.example/politics/recount"})


def test_body_is_the_story_only(page):
    assert page.body.split("\n") == PARAS


def test_captions_and_metadata(page):
    assert page.captions == ["Officials count ballots in the regional capital on Saturday. Photo: Tribune staff"]
    assert page.title == "Recount begins in disputed regional vote"
    assert page.published == "2023-10-14"
    assert page.outlet == "Valley Tribune"
    assert page.byline and "Lindgren" in page.byline


def test_record_fields_win_over_page_metadata():
    a = prepare_article(
        {
            "id": "p2",
            "html": PAGE,
            "title": "Given title",
            "published": "2023-10-15T00:00:00Z",
            "outlet": "Given outlet",
        }
    )
    assert (a.title, a.published, a.outlet) == ("Given title", "2023-10-15", "Given outlet")


def test_fragment_and_helpers():
    frag = "<p>First &amp; foremost.</p><figure><figcaption>A caption</figcaption></figure><p>Second<br>line</p>"
    assert fragment_text(frag) == "First & foremost.\n\nSecond\n\nline"
    assert figcaptions(frag) == ["A caption"]
    short = extract_html(f"<p>{PARAS[0]}</p>")
    assert short.body == PARAS[0]


def test_empty_page_is_an_error():
    from eventwire.model import ArticleError

    with pytest.raises(ArticleError) as e:
        prepare_article({"id": "e", "html": "<html><body><nav><a href='/'>Home</a></nav></body></html>"})
    assert e.value.kind == "empty"
