"""Residue benchmark: gold article bodies with page furniture injected, then cleaned by ingest.

Why: scraped text arrives with loading placeholders, captions printed twice, credits, teasers,
prompts and repeated paragraphs. This builds such texts from the dev gold bodies of the Zyte
benchmark plus residue generated from our own templates (nothing is copied from any site), puts
the residue where pages put it (top, between paragraphs, bottom), and measures what
``ingest.text.clean_text`` does with it, line by line:

- residue removal: share of injected residue tokens that are not in the body;
- story keep: share of gold story tokens that stay in the body;
- title: share of variants whose injected headline came back as ``title``.

    .venv/bin/python benchmarks/residue.py [--variants 3] [--seed 1] [--show 2] [--misses 20]
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "article-extraction-benchmark"
sys.path.insert(0, str(ROOT / "src"))

TOK = re.compile(r"\w+", re.UNICODE)

# ----------------------------------------------------------------- our own vocabulary
FIRST = "Maria James Aisha Tomasz Li Wei Olu Sofia Daniel Priya Kenji Amara Lucas Elena Omar Grace Ivan Nadia Peter Hana".split()
LAST = "Okafor Lindqvist Haddad Novak Chen Moreau Patel Kowalski Ibrahim Santos Fischer Tanaka Mensah Rossi Dubois Nguyen Walsh Petrov Costa Adeyemi".split()
AGENCY = ["Reuters", "AP", "AFP", "Getty Images", "EPA", "Shutterstock", "Bloomberg", "Xinhua", "Anadolu Agency", "AAP"]
OUTLET = ["The Daily Ledger", "Northern Star", "Metro Courier", "The Evening Post", "Coastal Herald", "National Wire"]
CITY = [
    "Lagos",
    "Warsaw",
    "Manila",
    "Lima",
    "Nairobi",
    "Denver",
    "Osaka",
    "Kraków",
    "Mombasa",
    "Porto",
    "Tbilisi",
    "Hanoi",
]
WEEKDAY = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTH = "January February March April May June July August September October November December".split()
SUBJ = [
    "Lawmakers",
    "City council",
    "Regional governor",
    "Union leaders",
    "Central bank",
    "Opposition party",
    "Energy firm",
    "Health officials",
    "Court",
    "Teachers",
    "Farmers",
    "Police chief",
    "Tech giant",
    "Coalition",
    "Rebel group",
]
VERB = [
    "back",
    "reject",
    "weigh",
    "delay",
    "announce",
    "unveil",
    "slam",
    "probe",
    "approve",
    "drop",
    "revive",
    "defend",
]
OBJ = [
    "new budget plan",
    "tax overhaul",
    "port expansion",
    "rail strike deal",
    "water rationing",
    "election reform",
    "mining licences",
    "border checks",
    "fuel subsidy cuts",
    "housing bill",
    "merger talks",
    "ceasefire proposal",
]
TAIL = [
    "",
    " amid protests",
    " after long talks",
    " in surprise move",
    ": what it means",
    " as deadline nears",
    " for second time",
]
CAPTION_SUBJ = [
    "Protesters",
    "Residents",
    "Rescue workers",
    "Supporters",
    "Commuters",
    "Delegates",
    "Soldiers",
    "Shoppers",
]
CAPTION_ACT = [
    "gather outside",
    "walk past",
    "wait near",
    "march towards",
    "clear debris near",
    "queue outside",
    "stand guard at",
]
CAPTION_OBJ = [
    "the parliament building",
    "a damaged bridge",
    "the central station",
    "the finance ministry",
    "a polling station",
    "the city hall",
    "a flooded street",
    "the harbour",
]


def name(r: random.Random) -> str:
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def headline(r: random.Random, title_case: bool | None = None) -> str:
    h = f"{r.choice(SUBJ)} {r.choice(VERB)}s {r.choice(OBJ)} in {r.choice(CITY)}{r.choice(TAIL)}"
    if title_case is None:
        title_case = r.random() < 0.5
    return " ".join(w[:1].upper() + w[1:] for w in h.split()) if title_case else h


def date(r: random.Random) -> str:
    return f"{r.choice(MONTH)} {r.randint(1, 28)}, {r.randint(2015, 2024)}"


def caption(r: random.Random) -> str:
    return (
        f"{r.choice(CAPTION_SUBJ)} {r.choice(CAPTION_ACT)} {r.choice(CAPTION_OBJ)} in {r.choice(CITY)} "
        f"on {r.choice(WEEKDAY)}, {date(r)}."
    )


def credit(r: random.Random) -> str:
    a = r.choice(AGENCY)
    return r.choice(
        [
            f"(Photo: {a})",
            f"{name(r)}/{a}",
            f"Photo: {name(r)} / {a}",
            f"({a} Photo/{name(r)})",
            f"Image: {a}",
            f"Photograph: {name(r)}/{a}",
            f"{name(r)} via {a}",
            f"Credit: {a}",
        ]
    )


# ----------------------------------------------------------------- residue templates, by position
def top_residue(r: random.Random) -> list[str]:
    out = []
    if r.random() < 0.6:
        out.append(r.choice(["Skip to main content", "Menu", "Search", "Sections", "Home", "Close"]))
    if r.random() < 0.5:
        out.append(
            r.choice(
                [
                    f"By {name(r)}",
                    f"By {name(r)} and {name(r)}",
                    f"By {name(r).upper()}, {r.choice(OUTLET)}",
                    f"{name(r)} | Staff Writer",
                ]
            )
        )
    if r.random() < 0.5:
        out.append(
            r.choice(
                [
                    f"Updated {r.randint(1, 12)}:{r.randint(10, 59)} PM ET, {r.choice(WEEKDAY)[:3]} {date(r)}",
                    f"Published {r.randint(1, 28)} {r.choice(MONTH)} {r.randint(2015, 2024)}",
                    date(r),
                    f"{r.randint(2, 23)} hours ago",
                ]
            )
        )
    if r.random() < 0.5:
        out.append(
            r.choice(
                [
                    "Share",
                    "Facebook Twitter Email",
                    "Share this article",
                    "Listen to this article",
                    f"{r.randint(2, 12)} min read",
                    "Print",
                    "Share on Facebook Share on Twitter",
                ]
            )
        )
    if r.random() < 0.3:
        out.append(
            r.choice(
                [
                    "Loading...",
                    "Advertisement",
                    "Please enable JavaScript to view this content",
                    "This video is currently unavailable",
                    "Your browser does not support the video tag.",
                ]
            )
        )
    r.shuffle(out)
    return out


AD_LINES = [
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    "Sponsored content",
    "Advertisement - scroll to continue",
]
RELATED_LABELS = [
    "Related stories",
    "More on this story",
    "You may also like",
    "Related coverage",
    "Most read",
    "Trending now",
    "Editors' picks",
    "Top stories",
]
PLACEHOLDER_LINES = [
    "Loading...",
    "Loading video",
    "Image unavailable",
    "Something went wrong. Please try again later.",
    "This content is not available in your region",
    "Oops! Something went wrong.",
]
UI_WORDS = [
    "Close",
    "Share",
    "Menu",
    "Expand",
    "Play video",
    "View gallery",
    "Enlarge this image",
    "Toggle caption",
    "Next",
    "Show more",
]


def mid_residue(r: random.Random) -> list[str]:
    kind = r.choice(
        ["caption2", "caption_credit", "caption_inline", "ad", "readmore", "related", "signup", "placeholder", "ui"]
    )
    if kind == "caption2":
        c = f"{caption(r)} {credit(r)}"
        return [c, c]
    if kind == "caption_credit":
        return [caption(r), credit(r)]
    if kind == "caption_inline":
        return [f"{caption(r)} {credit(r)}"]
    if kind == "ad":
        return [r.choice(AD_LINES)]
    if kind == "readmore":
        return [f"{r.choice(['Read more', 'RELATED', 'Related', 'Read also', 'See also', 'MORE'])}: {headline(r)}"]
    if kind == "related":
        label = r.choice(RELATED_LABELS)
        style = r.random() < 0.6  # one site, one headline style per block
        heads = [headline(r, title_case=style) for _ in range(r.randint(2, 4))]
        return [label] + heads
    if kind == "signup":
        return [
            r.choice(
                [
                    "Sign up for our morning briefing to get the day's top stories delivered to your inbox.",
                    "Subscribe to our newsletter for the latest updates.",
                    f"Get the {r.choice(OUTLET)} app for breaking news alerts.",
                    "Sign up now",
                    "Click here to subscribe to our weekly digest.",
                    "Follow us on Twitter and Facebook for more updates.",
                ]
            )
        ]
    if kind == "placeholder":
        return [r.choice(PLACEHOLDER_LINES)]
    return [r.choice(UI_WORDS)]


def bottom_residue(r: random.Random) -> list[str]:
    out = []
    if r.random() < 0.5:
        out.append(
            r.choice(
                [
                    f"Reporting by {name(r)}; Editing by {name(r)}",
                    f"(Reporting by {name(r)} in {r.choice(CITY)}; Writing by {name(r)}; Editing by {name(r)})",
                    f"{name(r)} contributed reporting.",
                    f"Additional reporting by {name(r)} in {r.choice(CITY)}",
                    f"{name(r)} and {name(r)} contributed to this report.",
                ]
            )
        )
    if r.random() < 0.5:
        out.append(
            r.choice(
                [
                    f"© {r.randint(2015, 2024)} {r.choice(OUTLET)}. All rights reserved.",
                    f"Copyright {r.randint(2015, 2024)} {r.choice(OUTLET)}",
                    "Sign up for our newsletter",
                    "Comments",
                    f"{r.randint(3, 250)} comments",
                    "Share this article",
                    "Topics: politics, economy, elections",
                    f"Have a tip? Email us at tips@{r.choice(['ledger', 'courier', 'herald'])}.example",
                    "Join the conversation",
                    "Be the first to comment",
                ]
            )
        )
    if r.random() < 0.5:
        label = r.choice(
            [
                "Trending",
                "Most popular",
                "More from " + r.choice(OUTLET),
                "Recommended",
                "Latest news",
                "Around the web",
                "From the community",
            ]
        )
        style = r.random() < 0.6
        out += [label] + [headline(r, title_case=style) for _ in range(r.randint(3, 5))]
    return out


def inject(story: list[str], r: random.Random) -> tuple[list[tuple[str, str]], str]:
    """Lines tagged 'story', 'residue' or 'title', in page order, and the injected headline."""
    title = headline(r, title_case=r.random() < 0.7)
    lines: list[tuple[str, str]] = [("title", title)]
    lines += [("residue", x) for x in top_residue(r)]
    n = len(story)
    slots = set(r.sample(range(1, n), k=min(n - 1, max(1, n // 4)))) if n > 1 else set()
    # a paragraph printed again two to four paragraphs further down (a caption printed twice is
    # the adjacent case, generated by mid_residue)
    dup_at = r.randrange(n - 2) if n > 3 and r.random() < 0.3 else None
    dup_to = min(n - 1, dup_at + r.randint(2, 4)) if dup_at is not None else None
    for i, para in enumerate(story):
        if i in slots:
            lines += [("residue", x) for x in mid_residue(r)]
        lines.append(("story", para))
        if dup_at is not None and i == dup_to:
            lines.append(("residue", story[dup_at]))
    lines += [("residue", x) for x in bottom_residue(r)]
    return lines, title


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--variants", type=int, default=3, help="residue variants per gold body")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", type=int, default=0, help="print this many labelled variants")
    ap.add_argument("--misses", type=int, default=0, help="print this many wrongly labelled lines")
    a = ap.parse_args()

    from eventwire.ingest import prepare_article
    from eventwire.ingest.lang import detect_language
    from eventwire.ingest.text import clean_text

    gold = json.loads((DATA / "ground-truth.json").read_text())
    bodies = [gold[k]["articleBody"] for k in sorted(gold)]
    bodies = [b for b in bodies if detect_language(b) == "en"]
    r = random.Random(a.seed)
    res_tot = res_rm = story_tot = story_kept = titles = n = 0
    misses: list[tuple[str, str, str]] = []
    t = time.perf_counter()
    intrinsic = 0  # story tokens the cleaner also drops from the body with nothing injected
    for b in bodies:
        story = [p.strip() for p in b.split("\n") if p.strip()]
        alone = {x for label, x in clean_text("\n".join(story), find_title=False).labels if label != "story"}
        for _ in range(a.variants):
            lines, title = inject(story, r)
            sep = "\n\n" if r.random() < 0.5 else "\n"
            text = sep.join(x for _, x in lines)
            out = clean_text(text)
            assert len(out.labels) == len(lines), "one label per non-blank line"
            kept_story = [x for (tag, x), (label, _) in zip(lines, out.labels) if label == "story"]
            assert sep.join(kept_story) == out.body
            for (tag, x), (label, _) in zip(lines, out.labels):
                k = len(TOK.findall(x))
                if tag == "story":
                    story_tot += k
                    if label == "story":
                        story_kept += k
                    elif x in alone:
                        intrinsic += k
                    if label != "story" and len(misses) < a.misses * 50 and x not in alone:
                        misses.append(("LOST", label, x))
                else:
                    res_tot += k
                    if label != "story":
                        res_rm += k
                    elif len(misses) < a.misses * 50:
                        misses.append(("LEFT", tag, x))
            titles += out.title == title
            n += 1
            if a.show and n <= a.show:
                print("\n".join(f"{tag:>8} {label:>11} | {x[:110]}" for (tag, x), (label, _) in zip(lines, out.labels)))
                print()
    dt = time.perf_counter() - t
    # the public API agrees with the line classifier
    probe = "\n".join(x for _, x in inject(bodies[0].split("\n"), random.Random(0))[0])
    assert prepare_article({"id": "p", "text": probe}).body == clean_text(probe).body
    print(f"{n} variants of {len(bodies)} English dev bodies, {dt:.1f} s")
    print(f"residue tokens removed {res_rm}/{res_tot} = {res_rm / res_tot:.4f}")
    print(
        f"story tokens kept      {story_kept}/{story_tot} = {story_kept / story_tot:.4f}"
        f"  (lost {story_tot - story_kept}: {intrinsic} are gold lines dropped even with nothing injected)"
    )
    print(f"headline as title      {titles}/{n} = {titles / n:.3f}")
    if a.misses:
        lost = collections.Counter()
        for kind, label, x in misses:
            lost[(kind, label, x[:100])] += len(TOK.findall(x))
        for (kind, label, x), k in lost.most_common(a.misses):
            print(f"  {k:5d} {kind} [{label}] {x}")
    print(
        f"RESULT residue removed={res_rm / res_tot:.4f} story_kept={story_kept / story_tot:.4f} title={titles / n:.3f}"
    )


if __name__ == "__main__":
    main()
