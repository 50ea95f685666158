// eventwire dashboard: vanilla JS over the JSON API (no build step, nothing loaded from elsewhere).
// Every piece of text from the server goes into the page as a text node, never as HTML.
"use strict";

const PAGE = 50;
const $ = (sel) => document.querySelector(sel);
let offset = 0;
let selectedId = null;

// ------------------------------------------------------------------ helpers

async function api(path, options) {
  const res = await fetch(path, options);
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const d = body && body.detail;
    const msg = typeof d === "string" ? d
      : Array.isArray(d) ? d.map((x) => `${(x.loc || []).join(".")}: ${x.msg}`).join("; ")
      : `${res.status} ${res.statusText}`;
    throw new Error(msg);
  }
  return body;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function badge(modality) {
  return el("span", { class: `badge ${modality}`, title: modalityHelp(modality) }, modality);
}

function modalityHelp(m) {
  return {
    asserted: "stated by the article itself", reported: "a claim the article attributes to someone",
    denied: "a claim that a party denies", negated: "the text says it did not happen",
    future: "planned or announced, not yet done", hypothetical: "might happen", conditional: "would happen if …",
    question: "asked, not stated",
  }[m] || m;
}

function actorCode(a) {
  return a ? el("span", { class: "code" }, a.code || "—") : el("span", { class: "none" }, "—");
}

function actorLong(a) {
  if (!a) return el("span", { class: "none" }, "not named");
  const bits = [el("span", { class: "code" }, a.code || "?"), " ", `“${a.text}”`];
  if (a.person && a.person !== a.text) bits.push(` (${a.person})`);
  else if (a.name && a.name !== a.text) bits.push(` (${a.name})`);
  return el("span", {}, ...bits);
}

// The evidence sentence cut to ~width characters around its trigger, the trigger in bold.
function snippet(ev, width = 170) {
  const text = ev.evidence.text;
  let t0 = ev.trigger ? ev.trigger.start - ev.evidence.start : -1;
  let t1 = ev.trigger ? ev.trigger.end - ev.evidence.start : -1;
  if (t0 < 0 || t1 > text.length) { t0 = -1; t1 = -1; }
  let a = 0, b = text.length;
  if (text.length > width) {
    a = t0 >= 0 ? Math.max(0, Math.min(t0 - Math.floor(width / 3), text.length - width)) : 0;
    b = a + width;
  }
  const node = el("span", { class: "evidence-snippet" }, a > 0 ? "…" : "");
  if (t0 >= a && t1 <= b) {
    node.append(text.slice(a, t0), el("b", {}, text.slice(t0, t1)), text.slice(t1, b));
  } else {
    node.append(text.slice(a, b));
  }
  if (b < text.length) node.append("…");
  return node;
}

// ------------------------------------------------------------------ filters and the URL

function filterParams() {
  const form = $("#filters");
  const p = new URLSearchParams();
  for (const [k, v] of new FormData(form).entries()) {
    if (String(v).trim()) p.set(k, String(v).trim());
  }
  return p;
}

function writeUrl() {
  const p = filterParams();
  if (offset) p.set("offset", String(offset));
  if (selectedId) p.set("event", selectedId);
  const qs = p.toString();
  history.replaceState(null, "", qs ? `?${qs}` : location.pathname);
}

function readUrl() {
  const p = new URLSearchParams(location.search);
  const form = $("#filters");
  for (const name of ["source", "target", "root", "cameo", "modality", "since", "until", "q"]) {
    if (p.has(name) && form.elements[name]) form.elements[name].value = p.get(name);
  }
  offset = Math.max(0, parseInt(p.get("offset") || "0", 10) || 0);
  return p.get("event");
}

// ------------------------------------------------------------------ the events table

let loadSeq = 0, selectSeq = 0;  // only the latest request's answer is shown

async function loadEvents() {
  const seq = ++loadSeq;
  const p = filterParams();
  const err = $("#filter-error");
  p.set("limit", String(PAGE));
  p.set("offset", String(offset));
  const statsParams = filterParams();
  let page, stats;
  try {
    [page, stats] = await Promise.all([api(`/api/events?${p}`), api(`/api/stats?${statsParams}`)]);
  } catch (e) {
    if (seq !== loadSeq) return;
    err.textContent = e.message;
    err.hidden = false;
    return;
  }
  if (seq !== loadSeq) return;
  err.hidden = true;
  renderSummary(stats);
  renderOverview(stats);
  renderRows(page);
  writeUrl();
}

function renderSummary(stats) {
  const mods = stats.by_modality.map((m) => `${m.n} ${m.key}`).join(", ");
  $("#summary").textContent = `${stats.events} event${stats.events === 1 ? "" : "s"} from ${stats.articles} article${stats.articles === 1 ? "" : "s"}` + (mods ? ` · ${mods}` : "");
}

function setFilters(values) {
  const form = $("#filters");
  for (const [k, v] of Object.entries(values)) form.elements[k].value = v;
  offset = 0;
  loadEvents();
}

// Counts by CAMEO root (click one to filter by it) and by month (click one to show that month).
function renderOverview(stats) {
  const roots = $("#by-root");
  roots.replaceChildren();
  const top = stats.by_root.slice(0, 8);
  const max = Math.max(1, ...top.map((c) => c.n));
  for (const c of top) {
    const label = `${c.key} ${(c.label || "").toLowerCase()}`;
    roots.append(el("li", {}, el("button", {
      type: "button", title: `show only ${label}`, "aria-label": `${label}: ${c.n} events; show only these`,
      onclick: () => setFilters({ root: c.key }),
    }, el("span", { class: "label" }, label), el("span", { class: "bar", "data-w": c.n / max }),
       el("span", { class: "n" }, c.n))));
  }
  for (const bar of roots.querySelectorAll(".bar")) bar.style.width = `${Math.round(Number(bar.dataset.w) * 100)}%`;
  if (!top.length) roots.append(el("li", { class: "none" }, "none"));

  // every month from the first to the last (empty ones too, so gaps show); whole years for long spans
  const months = new Map();
  for (const d of stats.by_day) {
    if (/^\d{4}-\d{2}/.test(d.key)) months.set(d.key.slice(0, 7), (months.get(d.key.slice(0, 7)) || 0) + d.n);
  }
  const known = [...months.keys()].sort();
  let bins = [];
  if (known.length) {
    let [y, m] = known[0].split("-").map(Number);
    const [y1, m1] = known[known.length - 1].split("-").map(Number);
    const span = (y1 - y) * 12 + (m1 - m) + 1;
    if (span <= 120) {
      for (let i = 0; i < span; i++, m = m === 12 ? 1 : m + 1, y = m === 1 ? y + 1 : y) {
        const key = `${y}-${String(m).padStart(2, "0")}`;
        const last = new Date(y, m, 0).getDate();
        bins.push({ key, n: months.get(key) || 0, since: `${key}-01`, until: `${key}-${String(last).padStart(2, "0")}` });
      }
    } else {
      for (let year = y; year <= y1; year++) {
        let n = 0;
        for (const [k, v] of months) if (k.startsWith(`${year}-`)) n += v;
        bins.push({ key: String(year), n, since: `${year}-01-01`, until: `${year}-12-31` });
      }
    }
  }
  $("#by-month-h").textContent = bins.length && bins[0].key.length === 4 ? "By year" : "By month";
  const hist = $("#by-month");
  hist.replaceChildren();
  const peak = Math.max(1, ...bins.map((b) => b.n));
  for (const bin of bins) {
    const b = el("button", { type: "button", title: `${bin.key}: ${bin.n} event${bin.n === 1 ? "" : "s"}`,
                             "aria-label": `${bin.key}: ${bin.n} events; show only these`, disabled: bin.n === 0,
                             onclick: () => setFilters({ since: bin.since, until: bin.until }) });
    b.style.height = bin.n ? `${Math.max(4, Math.round((bin.n / peak) * 100))}%` : "1px";
    hist.append(b);
  }
  const keys = bins.map((b) => b.key);
  $("#by-month-range").replaceChildren(el("span", {}, keys[0] || ""), el("span", {}, keys.length > 1 ? keys[keys.length - 1] : ""));
}

function renderRows(page) {
  const body = $("#events-body");
  body.replaceChildren();
  for (const ev of page.events) {
    const tr = el("tr", { tabindex: "0", "data-id": ev.id, "aria-current": ev.id === selectedId ? "true" : null,
                          "aria-label": `${ev.cameo} ${ev.name}, ${ev.modality}; open its evidence` });
    tr.append(
      el("td", { class: "date" }, ev.date || ev.published || "—"),
      el("td", { class: "who" }, actorCode(ev.source), " → ", actorCode(ev.target),
         ev.source || ev.target ? el("span", { class: "names" }, `${ev.source ? ev.source.text : "—"} → ${ev.target ? ev.target.text : "—"}`) : null),
      el("td", { class: "what" }, el("span", { class: "code" }, ev.cameo), " ", ev.name),
      el("td", { class: "modality" }, badge(ev.modality)),
      el("td", { class: "evidence" }, snippet(ev)),
    );
    tr.addEventListener("click", () => selectEvent(ev.id));
    tr.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); selectEvent(ev.id); }
    });
    body.append(tr);
  }
  $("#empty").hidden = page.events.length > 0;
  const first = page.total ? page.offset + 1 : 0;
  const last = page.offset + page.events.length;
  $("#page-info").textContent = `${first}–${last} of ${page.total}`;
  $("#prev").disabled = page.offset <= 0;
  $("#next").disabled = last >= page.total;
}

// ------------------------------------------------------------------ one event in its article

async function selectEvent(id) {
  const seq = ++selectSeq;
  selectedId = id;
  for (const tr of document.querySelectorAll("#events-body tr")) {
    if (tr.dataset.id === id) tr.setAttribute("aria-current", "true");
    else tr.removeAttribute("aria-current");
  }
  writeUrl();
  let d;
  try {
    d = await api(`/api/events/${encodeURIComponent(id)}`);
  } catch (e) {
    if (seq !== selectSeq) return;
    $("#detail-hint").textContent = `Could not load this event: ${e.message}`;
    $("#detail-hint").hidden = false;
    $("#detail-content").hidden = true;
    return;
  }
  if (seq !== selectSeq) return;
  renderDetail(d);
  if (window.matchMedia("(max-width: 1000px)").matches) $("#detail").scrollIntoView({ block: "start" });  // it sits below the table
  try {
    const art = await api(`/api/articles/${encodeURIComponent(d.article.id)}`);
    if (seq === selectSeq) { renderSiblings(art, id); renderQuotes(art); }
  } catch (e) {
    $("#d-siblings").replaceChildren(el("li", { class: "none" }, e.message));
  }
}

function renderDetail(d) {
  const ev = d.event;
  $("#detail-hint").hidden = true;
  $("#detail-content").hidden = false;
  $("#d-code").textContent = ev.cameo;
  $("#d-name").textContent = ev.name;
  $("#d-modality").replaceChildren(badge(ev.modality));
  $("#d-source").replaceChildren(actorLong(ev.source));
  $("#d-target").replaceChildren(actorLong(ev.target));
  $("#d-date").textContent = ev.date ? `${ev.date}${ev.published && ev.published !== ev.date ? ` (published ${ev.published})` : ""}`
    : (ev.published ? `published ${ev.published}` : "unknown");
  $("#d-place").textContent = ev.place ? `${ev.place.name}${ev.place.country ? `, ${ev.place.country}` : ""}` : "not given";
  const scale = [`Goldstein ${ev.goldstein}`, `quad class ${ev.quad_class}`];
  if (ev.plover) scale.push(`PLOVER ${ev.plover}`);
  scale.push(`confidence ${Number(ev.confidence).toFixed(2)}`);
  if (ev.fatalities !== null && ev.fatalities !== undefined) scale.push(`${ev.fatalities} killed`);
  $("#d-scale").textContent = scale.join(" · ");
  const m = d.merged;
  $("#d-merged").textContent = m ? `${m.num_articles} article${m.num_articles === 1 ? "" : "s"} from ${m.num_sources} outlet${m.num_sources === 1 ? "" : "s"}, ${m.num_mentions} mention${m.num_mentions === 1 ? "" : "s"}`
    : "this article";

  const chain = $("#d-attribution");
  chain.replaceChildren();
  if (!ev.attribution.length) {
    chain.append(el("li", {}, ev.modality === "asserted" ? "The article itself states it (no source named)." : "No source named."));
  }
  for (const a of ev.attribution) {
    const who = [el("strong", {}, a.text)];
    if (a.code) who.push(" ", el("span", { class: "code" }, a.code));
    if (a.denied) {
      chain.append(el("li", { class: "denial" }, "Denied by ", ...who, a.cue ? ` (${a.cue})` : ""));
    } else {
      chain.append(el("li", {}, ...who, a.cue ? ` — ${a.cue}` : "", a.anonymous ? " (unnamed source)" : ""));
    }
  }

  const art = d.article;
  const meta = [art.title, art.outlet, art.published].filter(Boolean).join(" · ");
  $("#d-article-meta").replaceChildren(meta || `article ${art.id}`);
  if (art.url && /^https?:\/\//.test(art.url)) {
    $("#d-article-meta").append(" · ", el("a", { href: art.url, rel: "noopener noreferrer", target: "_blank" }, "original"));
  }
  renderBody($("#d-body"), art.body, ev);
  const mark = $("#d-body mark.evidence");
  if (mark) {
    const box = $("#d-body");
    box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - box.clientHeight / 3);
  }
}

// The article body as text nodes, the evidence in one <mark>, the trigger, actors and sources inside it marked.
function renderBody(container, body, ev) {
  const spans = [];
  const add = (s, cls, title) => {
    if (s && s.start !== null && s.start !== undefined && s.end > s.start && s.end <= body.length) spans.push({ start: s.start, end: s.end, cls, title });
  };
  add(ev.trigger, "trigger", "the word that names the event");
  add(ev.source, "actor-source", "who");
  add(ev.target, "actor-target", "to whom");
  for (const a of ev.attribution) add(a, "attribution", a.denied ? "denies it" : "says so");
  for (const m of ev.mentions || []) add(m, "also", "the same event, told again");
  // the highlight covers the sentence's words, not the line breaks around it
  let evStart = ev.evidence.start, evEnd = ev.evidence.end;
  while (evStart < evEnd && /\s/.test(body[evStart])) evStart++;
  while (evEnd > evStart && /\s/.test(body[evEnd - 1])) evEnd--;
  const cuts = new Set([0, body.length, evStart, evEnd]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter((x) => x >= 0 && x <= body.length).sort((x, y) => x - y);
  container.replaceChildren();
  const mark = el("mark", { class: "evidence", id: "evidence-mark" });
  let markPlaced = false;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const text = body.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    const piece = covering.length
      ? el("span", { class: covering.map((s) => s.cls).join(" "), title: covering.map((s) => s.title).join("; ") }, text)
      : document.createTextNode(text);
    if (a >= evStart && b <= evEnd) {
      if (!markPlaced) { container.append(mark); markPlaced = true; }
      mark.append(piece);
    } else {
      container.append(piece);
    }
  }
}

function renderSiblings(art, currentId) {
  const list = $("#d-siblings");
  list.replaceChildren();
  const others = art.events.filter((e) => e.id !== currentId);
  if (!others.length) list.append(el("li", { class: "none" }, "none"));
  for (const e of others) {
    const who = `${e.source ? e.source.code : "—"} → ${e.target ? e.target.code : "—"}`;
    list.append(el("li", {}, el("button", { type: "button", class: "linklike", onclick: () => selectEvent(e.id) },
      `${e.cameo} ${e.name}`), ` · ${who} · `, badge(e.modality)));
  }
}

function renderQuotes(art) {
  const list = $("#d-quotes");
  list.replaceChildren();
  if (!art.quotes.length) list.append(el("li", { class: "none" }, "none"));
  for (const q of art.quotes) {
    const who = q.speaker ? [el("strong", {}, q.speaker.text), q.speaker.code ? " " : "", q.speaker.code ? el("span", { class: "code" }, q.speaker.code) : ""]
      : [el("span", { class: "none" }, "unattributed")];
    const text = q.content.text.length > 220 ? `${q.content.text.slice(0, 220)}…` : q.content.text;
    const quoted = q.direct && !/^["“'‘]/.test(text) ? `“${text}”` : text;
    list.append(el("li", {}, ...who, q.cue ? ` ${q.cue.text}: ` : ": ", quoted));
  }
}

// ------------------------------------------------------------------ try it

async function tryIt(event) {
  event.preventDefault();
  const text = $("#try-text").value;
  const published = $("#try-published").value;
  const status = $("#try-status"), error = $("#try-error"), out = $("#try-results"), button = $("#try-submit");
  error.hidden = true;
  out.replaceChildren();
  if (!text.trim()) { error.textContent = "Paste some text first."; error.hidden = false; return; }
  const head = text.trimStart().slice(0, 512).toLowerCase();
  const isHtml = head.startsWith("<!doctype html") || head.startsWith("<html") || head.includes("<body") || /<p[\s>]/.test(head);
  const payload = { [isHtml ? "html" : "text"]: text };
  if (published) payload.published = published;
  button.disabled = true;
  status.textContent = "Coding…";
  let result;
  try {
    result = await api("/api/extract", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload) });
  } catch (e) {
    status.textContent = "";
    error.textContent = e.message;
    error.hidden = false;
    return;
  } finally {
    button.disabled = false;
  }
  status.textContent = `${result.events.length} event${result.events.length === 1 ? "" : "s"}, ${result.quotes.length} quote${result.quotes.length === 1 ? "" : "s"}, ${result.places.length} place${result.places.length === 1 ? "" : "s"}`;
  if (!result.events.length) out.append(el("li", { class: "none" }, "No events found in this text."));
  for (const ev of result.events) out.append(tryCard(ev));
}

function tryCard(ev) {
  const quote = el("blockquote", {});
  renderBody(quote, ev.evidence.text, shift(ev, -ev.evidence.start));
  const by = ev.attribution.map((a) => (a.denied ? `denied by ${a.text}` : `${a.text}${a.cue ? ` (${a.cue})` : ""}`)).join(" → ");
  return el("li", { class: "try-event" },
    el("div", { class: "line1" }, actorCode(ev.source), " → ", actorCode(ev.target), " · ",
       el("span", { class: "code" }, ev.cameo), ` ${ev.name} `, badge(ev.modality)),
    quote,
    by ? el("div", { class: "by" }, `Who says so: ${by}`) : null);
}

// The event's offsets moved by delta (to show it inside its own sentence).
function shift(ev, delta) {
  const mv = (s) => (s && s.start !== null && s.start !== undefined ? { ...s, start: s.start + delta, end: s.end + delta } : s);
  return { ...ev, evidence: mv(ev.evidence), trigger: mv(ev.trigger), source: mv(ev.source), target: mv(ev.target),
           attribution: ev.attribution.map(mv) };
}

// ------------------------------------------------------------------ start

async function start() {
  try {
    const vocab = await api("/api/vocabulary");
    const roots = $("#filters").elements.root, mods = $("#filters").elements.modality;
    for (const r of vocab.roots) roots.append(el("option", { value: r.code }, `${r.code} ${r.name.toLowerCase()}`));
    for (const m of vocab.modalities) mods.append(el("option", { value: m }, m));
  } catch (e) { /* the menus stay at "any" */ }
  const eventId = readUrl();
  $("#filters").addEventListener("submit", (e) => { e.preventDefault(); offset = 0; loadEvents(); });
  $("#filters").addEventListener("reset", () => { setTimeout(() => { offset = 0; loadEvents(); }, 0); });
  $("#prev").addEventListener("click", () => { offset = Math.max(0, offset - PAGE); loadEvents(); });
  $("#next").addEventListener("click", () => { offset += PAGE; loadEvents(); });
  $("#try-form").addEventListener("submit", tryIt);
  const health = await api("/healthz").catch(() => null);
  if (health && !health.db) {
    $("#summary").textContent = "No event database attached (start with eventwire serve --db FILE); the try-it box below still works.";
    $("#filters").hidden = true;
    return;
  }
  await loadEvents();
  if (eventId) selectEvent(eventId);
}

document.addEventListener("DOMContentLoaded", start);
