"""feeds.iter_feed: RSS and Atom items become records with text, url, date, title and outlet."""

from __future__ import annotations

from eventwire.ingest import prepare_article
from eventwire.ingest.feeds import iter_feed

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Valley Courier</title><link>https://courier.example</link>
<item><title>Council approves flood barrier</title><link>https://courier.example/flood</link>
<pubDate>Tue, 09 Mar 2021 17:45:00 +0000</pubDate>
<description>Short summary only.</description>
<content:encoded><![CDATA[<p>The town council voted on Tuesday to build a flood barrier along the river, the mayor said.</p>
<figure><img src="x.jpg"><figcaption>The river at its peak last spring.</figcaption></figure>
<p>Opponents said the cost would fall on residents &amp; small shops.</p>
<p>The post Council approves flood barrier appeared first on Valley Courier.</p>]]></content:encoded></item>
<item><title>Bridge reopens</title><link>https://courier.example/bridge</link>
<pubDate>Wed, 10 Mar 2021 08:00:00 GMT</pubDate>
<description>&lt;p&gt;The old bridge reopened to traffic on Wednesday after a two-month repair, officials said.&lt;/p&gt;</description></item>
<item><title>Empty item</title><link>https://courier.example/empty</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Border Monitor</title>
<entry><title>Crossing closed after clashes</title><link href="https://monitor.example/crossing"/>
<id>tag:monitor.example,2022:1</id><updated>2022-07-01T10:00:00Z</updated><published>2022-06-30T22:15:00Z</published>
<content type="html">&lt;p&gt;Guards closed the main crossing on Thursday night after clashes between smugglers and police, a local official said.&lt;/p&gt;</content>
</entry></feed>"""


def test_rss_items(tmp_path):
    p = tmp_path / "courier.rss"
    p.write_text(RSS, encoding="utf-8")
    recs = list(iter_feed(p))
    assert len(recs) == 3
    first, second, empty = recs
    assert first["url"] == "https://courier.example/flood" and first["outlet"] == "Valley Courier"
    assert first["published"] == "2021-03-09" and first["title"] == "Council approves flood barrier"
    assert first["text"].startswith("The town council voted") and "residents & small shops" in first["text"]
    assert "river at its peak" not in first["text"]  # captions are not story text
    assert second["text"].startswith("The old bridge reopened") and second["published"] == "2021-03-10"
    assert empty["error"]["kind"] == "empty"
    art = prepare_article({**first, "id": "f1"})
    assert "appeared first on" not in art.body and any("appeared first on" in r for r in art.removed)


def test_atom_entry(tmp_path):
    p = tmp_path / "monitor.atom"
    p.write_text(ATOM, encoding="utf-8")
    (rec,) = list(iter_feed(p))
    assert rec["published"] == "2022-06-30" and rec["outlet"] == "Border Monitor"
    assert rec["text"].startswith("Guards closed the main crossing")


def test_not_a_feed(tmp_path):
    p = tmp_path / "junk.xml"
    p.write_text("this is not xml at all", encoding="utf-8")
    (rec,) = list(iter_feed(p))
    assert rec["error"]["kind"] == "read_error"
