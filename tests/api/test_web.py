"""The dashboard in a real browser (Debian's Chromium driven by Playwright) against a real server."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")
httpx = pytest.importorskip("httpx")

pytestmark = pytest.mark.slow

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

ARTICLES = [
    {
        "id": "aid",
        "published": "2023-11-20",
        "outlet": "Harbour Times",
        "title": "Aid for the flood zone",
        "text": "Japan pledged 200 million dollars in aid to Pakistan on Monday after the floods.\n\n"
        "The Japanese foreign minister met Pakistani officials in Islamabad and promised rescue teams.",
    },
    {
        "id": "raid",
        "published": "2023-11-22",
        "outlet": "Plains Herald",
        "title": "Raid reported",
        "text": "Israeli forces raided a refugee camp in the West Bank on Wednesday, Palestinian officials said.\n\n"
        "Egypt condemned Israel over the raid. Israel denied that its soldiers had fired on civilians.",
    },
    {
        "id": "talks",
        "published": "2023-11-25",
        "outlet": "Harbour Times",
        "title": "Talks planned",
        "text": "Kenya will host talks between Ethiopia and Somalia next month, the Kenyan president said on Saturday.\n\n"
        '"Nobody in this region wants another war," the Kenyan foreign minister told reporters in Nairobi.',
    },
]


@pytest.fixture(scope="module")
def server(tmp_path_factory, ingest_articles):
    from eventwire.api import create_app, running

    db = ingest_articles(tmp_path_factory.mktemp("web"), ARTICLES)
    with running(create_app(str(db), warm=False)) as url, httpx.Client(base_url=url, timeout=60) as c:
        yield url, c


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    url, _ = server
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    # a 422 is what the bad-filter step asks for; any other console error is a bug
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" and "status of 422" not in m.text else None)
    pg.set_default_timeout(20_000)
    pg.goto(url + "/")
    yield pg
    ctx.close()
    assert not errors, errors


def _rows(pg):
    return pg.locator("#events-body tr")


def _wait_rows(pg, n):
    pg.wait_for_function("n => document.querySelectorAll('#events-body tr').length === n", arg=n)


def test_table_shows_the_ingested_events(page, server):
    _, api = server
    events = api.get("/api/events", params={"limit": 1000}).json()["events"]
    assert events
    _wait_rows(page, len(events))
    assert [r.get_attribute("data-id") for r in _rows(page).all()] == [ev["id"] for ev in events]
    first = _rows(page).first
    ev = events[0]
    assert ev["cameo"] in first.locator("td.what").inner_text()
    assert first.locator(".badge").inner_text() == ev["modality"]
    assert first.locator("td.evidence b").inner_text() == ev["trigger"]["text"]
    assert f"{len(events)} event" in page.locator("#summary").inner_text()
    # the root menu comes from the API: 20 CAMEO roots plus "any"
    assert page.locator("select[name=root] option").count() == 21


def test_filter_by_source(page, server):
    _, api = server
    all_events = api.get("/api/events", params={"limit": 1000}).json()["events"]
    _wait_rows(page, len(all_events))
    want = api.get("/api/events", params={"source": "JPN", "limit": 1000}).json()["events"]
    assert want and len(want) < len(all_events)
    page.fill("input[name=source]", "JPN")
    page.click("button[type=submit]")
    _wait_rows(page, len(want))
    assert [r.get_attribute("data-id") for r in _rows(page).all()] == [ev["id"] for ev in want]
    for cell in page.locator("#events-body td.who").all():
        assert cell.inner_text().startswith("JPN")
    assert "source=JPN" in page.url  # the view can be shared as a link
    page.click("button[type=reset]")
    _wait_rows(page, len(all_events))
    # a bad filter shows the server's reason
    page.fill("input[name=source]", "J4N")
    page.click("button[type=submit]")
    page.wait_for_selector("#filter-error:not([hidden])")
    assert "source" in page.locator("#filter-error").inner_text()


def test_opening_an_event_highlights_its_evidence(page, server):
    _, api = server
    events = api.get("/api/events", params={"limit": 1000}).json()["events"]
    _wait_rows(page, len(events))
    ev = next(e for e in events if e["attribution"])  # one with a reporting chain
    row = page.locator(f"#events-body tr[data-id='{ev['id']}']")
    row.click()
    page.wait_for_selector("#d-body mark.evidence")
    assert row.get_attribute("aria-current") == "true"
    assert page.locator("#events-body tr[aria-current]").count() == 1
    article = api.get(f"/api/articles/{ev['article_id']}").json()["article"]
    assert page.locator("#d-body").inner_text().strip() == article["body"].strip()
    assert page.locator("#d-body mark.evidence").count() == 1
    assert page.locator("#d-body mark.evidence").inner_text() == ev["evidence"]["text"].strip()
    assert page.locator("#d-body mark.evidence .trigger").inner_text() == ev["trigger"]["text"]
    assert page.locator("#d-code").inner_text() == ev["cameo"]
    chain = page.locator("#d-attribution li").all_inner_texts()
    assert len(chain) == len(ev["attribution"])
    for a, line in zip(ev["attribution"], chain):
        assert a["text"] in line
        assert line.startswith("Denied by") == a["denied"]
    assert f"event={ev['id']}" in page.url
    if os.environ.get("EVENTWIRE_SCREENSHOT"):
        page.screenshot(path=os.environ["EVENTWIRE_SCREENSHOT"])

    # keyboard: another row opened with Enter
    other = next(e for e in events if e["id"] != ev["id"])
    page.locator(f"#events-body tr[data-id='{other['id']}']").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("id => new URLSearchParams(location.search).get('event') === id", arg=other["id"])
    page.wait_for_function(
        "t => document.querySelector('#d-body mark.evidence').textContent.trim() === t",
        arg=other["evidence"]["text"].strip(),
    )


def test_the_article_view_lists_its_quotes(page, server):
    _, api = server
    art = api.get("/api/articles/talks").json()
    assert art["quotes"], "the quote finder found no quote in the test article"
    _wait_rows(page, api.get("/api/stats").json()["events"])
    page.locator(f"#events-body tr[data-id='{art['events'][0]['id']}']").click()
    page.wait_for_function("n => document.querySelectorAll('#d-quotes li').length === n", arg=len(art["quotes"]))
    first = page.locator("#d-quotes li").first.inner_text()
    q = art["quotes"][0]
    assert q["content"]["text"][:40] in first
    if q["speaker"]:
        assert q["speaker"]["text"] in first


def test_a_shared_link_opens_the_event(browser, server):
    url, api = server
    ev = api.get("/api/events", params={"source": "JPN"}).json()["events"][0]
    ctx = browser.new_context()
    pg = ctx.new_page()
    pg.goto(f"{url}/?source=JPN&event={ev['id']}")
    pg.wait_for_selector("#d-body mark.evidence")
    assert pg.locator("input[name=source]").input_value() == "JPN"
    assert pg.locator("#d-body mark.evidence").inner_text() == ev["evidence"]["text"].strip()  # highlight trimmed
    ctx.close()


def test_try_it_box(page, server):
    _, api = server
    text = "Venezuela expelled the Colombian ambassador on Tuesday, the foreign ministry said."
    want = api.post("/api/extract", json={"text": text, "published": "2024-01-09"}).json()["events"]
    assert want
    page.fill("#try-text", text)
    page.fill("#try-published", "2024-01-09")
    page.click("#try-submit")
    page.wait_for_selector("#try-results li.try-event", timeout=60_000)
    cards = page.locator("#try-results li.try-event")
    assert cards.count() == len(want)
    first = cards.first
    assert want[0]["cameo"] in first.locator(".line1").inner_text()
    assert first.locator(".badge").inner_text() == want[0]["modality"]
    assert first.locator("blockquote").inner_text().strip() == want[0]["evidence"]["text"].strip()
    assert first.locator(".trigger").inner_text() == want[0]["trigger"]["text"]
    assert f"{len(want)} event" in page.locator("#try-status").inner_text()
    # nothing but spaces: a clear message, no request
    page.fill("#try-text", "   ")
    page.click("#try-submit")
    page.wait_for_selector("#try-error:not([hidden])")
    assert "Paste" in page.locator("#try-error").inner_text()


def test_overview_bars_filter_the_table(page, server):
    _, api = server
    stats = api.get("/api/stats").json()
    _wait_rows(page, stats["events"])
    bars = page.locator("#by-root li button")
    assert bars.count() == min(8, len(stats["by_root"]))
    top = stats["by_root"][0]
    assert bars.first.locator(".n").inner_text() == str(top["n"])
    bars.first.click()
    _wait_rows(page, top["n"])
    assert page.locator("select[name=root]").input_value() == top["key"]
    want = api.get("/api/events", params={"root": top["key"], "limit": 1000}).json()["events"]
    assert [r.get_attribute("data-id") for r in _rows(page).all()] == [ev["id"] for ev in want]
    # a month bar shows that month only
    page.click("button[type=reset]")
    _wait_rows(page, stats["events"])
    month = page.locator("#by-month button:not([disabled])").first
    label = month.get_attribute("title")  # "2023-11: 9 events"
    key, n = label.split(":")[0], int(label.split(":")[1].split()[0])
    month.click()
    _wait_rows(page, n)
    assert page.locator("input[name=since]").input_value().startswith(key)
    assert page.locator("input[name=until]").input_value().startswith(key)
