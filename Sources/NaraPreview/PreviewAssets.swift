/// The preview page: plain HTML, CSS and JavaScript, served from the binary (no build step,
/// no framework, nothing fetched from elsewhere; the server's Content-Security-Policy allows
/// only its own address).
enum PreviewAssets {
  static let html = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>naraprint preview</title>
<link rel="stylesheet" href="/preview.css">
<script src="/preview.js" defer></script>
</head>
<body data-state="loading" data-generation="0">
<header>
  <strong id="layout">naraprint</strong>
  <span id="status" class="status">loading …</span>
  <label id="locale-label">Language <select id="locale"></select></label>
  <label id="row-label" hidden>Row <select id="row"></select></label>
  <button id="variables-toggle" type="button" aria-expanded="false">Variables</button>
  <span class="zoom" role="group" aria-label="Zoom">
    <button id="zoom-out" type="button" title="Smaller">−</button>
    <button id="zoom-fit" type="button" title="The whole page">Fit</button>
    <button id="zoom-in" type="button" title="Larger">+</button>
  </span>
  <span id="connection" class="connection" title="Connection to naraprint watch"></span>
</header>
<form id="variables" hidden>
  <div id="variable-fields"></div>
  <button type="submit">Render with these values</button>
  <button type="button" id="variables-reset">Back to the layout's values</button>
</form>
<div id="overlay" role="alert" hidden>
  <h2>Not rendered: the layout has errors. These are the last good pages.</h2>
  <ul id="overlay-list"></ul>
</div>
<main>
  <nav id="thumbs" aria-label="Pages"></nav>
  <section id="pages" aria-label="Pages of the product"></section>
  <aside id="side">
    <section id="inspector" aria-live="polite">
      <h2>Source</h2>
      <p class="hint">Click a text on a page to see its id and where it is written.</p>
    </section>
    <section>
      <h2>Problems <span id="problem-count"></span></h2>
      <ul id="diagnostics"></ul>
    </section>
  </aside>
</main>
</body>
</html>
"""#

  static let css = #"""
:root { --ink: #1d2327; --muted: #5b6770; --line: #d5dadd; --bg: #eceff1; --error: #b3261e; --warn: #8a5a00; --ok: #1e6b3a; --accent: #005a8c; }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { font: 14px/1.4 system-ui, "Noto Sans", sans-serif; color: var(--ink); background: var(--bg); display: flex; flex-direction: column; }
header { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; padding: 8px 14px; background: #fff; border-bottom: 1px solid var(--line); }
header strong { font-size: 15px; }
button, select, input { font: inherit; }
button { border: 1px solid var(--line); background: #fff; border-radius: 4px; padding: 3px 9px; cursor: pointer; }
button:hover { border-color: var(--accent); }
.status { padding: 2px 8px; border-radius: 10px; background: #e3e7ea; }
body[data-state="ok"] .status { background: #dff1e5; color: var(--ok); }
body[data-state="error"] .status { background: #fbe3e1; color: var(--error); font-weight: 600; }
.zoom { display: inline-flex; gap: 2px; }
.connection { margin-left: auto; color: var(--muted); font-size: 12px; }
.connection.lost { color: var(--error); font-weight: 600; }
#variables { background: #fff; border-bottom: 1px solid var(--line); padding: 8px 14px; display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: end; }
#variables[hidden] { display: none; }
#variable-fields { display: flex; flex-wrap: wrap; gap: 8px 14px; }
#variable-fields label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); }
#variable-fields input { min-width: 16em; padding: 3px 6px; border: 1px solid var(--line); border-radius: 4px; color: var(--ink); }
main { flex: 1; display: flex; min-height: 0; }
#thumbs { width: 132px; overflow-y: auto; padding: 10px; border-right: 1px solid var(--line); background: #f6f7f8; }
#thumbs a { display: block; margin-bottom: 12px; text-align: center; color: var(--muted); text-decoration: none; font-size: 12px; }
#thumbs img { display: block; width: 100%; background: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.25); margin-bottom: 3px; }
#thumbs a.current img { outline: 2px solid var(--accent); }
#pages { flex: 1; overflow: auto; padding: 24px; }
.page { position: relative; margin: 0 auto 28px; background: #fff; box-shadow: 0 2px 8px rgba(0,0,0,.25); cursor: crosshair; }
.page img { display: block; width: 100%; height: 100%; user-select: none; -webkit-user-drag: none; }
.page .number { position: absolute; top: 100%; left: 0; right: 0; text-align: center; font-size: 12px; color: var(--muted); padding-top: 4px; }
.page .mark { position: absolute; border: 2px solid var(--accent); background: rgba(0, 90, 140, .12); pointer-events: none; border-radius: 2px; }
body[data-state="error"] #pages .page { opacity: .55; }
#overlay { position: fixed; left: calc(132px + (100vw - 472px) / 2); transform: translateX(-50%); top: 64px; z-index: 10; width: min(720px, calc(100vw - 500px)); max-height: 45vh; overflow: auto; background: #fff; border: 2px solid var(--error); border-radius: 6px; box-shadow: 0 6px 24px rgba(0,0,0,.3); padding: 12px 16px; }
#overlay[hidden] { display: none; }
#overlay h2 { margin: 0 0 8px; font-size: 15px; color: var(--error); }
#overlay ul, #diagnostics { list-style: none; margin: 0; padding: 0; }
#overlay li, #diagnostics li { margin: 0 0 8px; }
.where { font-family: ui-monospace, "Noto Sans Mono", monospace; font-size: 12.5px; color: var(--accent); }
.sev { font-weight: 600; }
.sev.error { color: var(--error); } .sev.warning { color: var(--warn); } .sev.note { color: var(--muted); }
.hint { color: var(--muted); font-size: 12.5px; margin: 2px 0 0; }
#side { width: 340px; overflow-y: auto; padding: 12px 14px; border-left: 1px solid var(--line); background: #fff; }
#side h2 { font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 4px 0 8px; }
#inspector { margin-bottom: 18px; }
#inspector dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0 0 8px; }
#inspector dt { color: var(--muted); }
#inspector dd { margin: 0; overflow-wrap: anywhere; }
pre.excerpt { margin: 0; padding: 6px 0; background: #f6f7f8; border: 1px solid var(--line); border-radius: 4px; font-size: 12px; overflow-x: auto; }
pre.excerpt span { display: block; padding: 0 8px 0 calc(3.2em + 8px); text-indent: -3.2em; white-space: pre-wrap; overflow-wrap: anywhere; }
pre.excerpt span.at { background: #fff3c4; }
pre.excerpt i { display: inline-block; width: 3.2em; color: var(--muted); font-style: normal; user-select: none; }
@media (max-width: 900px) { #side { display: none; } #thumbs { display: none; } #overlay { left: 50%; width: 92vw; } }
"""#

  static let script = #"""
"use strict";
// naraprint's live preview: loads /api/state, shows the pages, listens on /events for new
// states, shows errors over the last good pages, and shows where a clicked text is written.
(() => {
  const $ = (id) => document.getElementById(id);
  let state = null;
  let zoom = null; // null: fit the width; else CSS pixels per point
  let marked = null; // {page, block}

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v; else if (k === "text") e.textContent = v; else e.setAttribute(k, v);
    }
    for (const c of children) if (c) e.append(c);
    return e;
  }

  function where(d) {
    if (!d.file) return "";
    return d.line ? `${d.file}:${d.line}:${d.column}` : d.file;
  }

  function diagnosticItem(d) {
    const li = el("li", { class: d.severity });
    const head = el("div");
    const w = where(d);
    if (w) head.append(el("span", { class: "where", text: w }), " ");
    head.append(el("span", { class: `sev ${d.severity}`, text: `${d.severity}[${d.code}]` }), `: ${d.message}`);
    li.append(head);
    for (const h of d.hints || []) li.append(el("p", { class: "hint", text: `→ ${h}` }));
    return li;
  }

  function renderStatus(s) {
    document.body.dataset.state = s.ok ? "ok" : "error";
    document.body.dataset.generation = String(s.generation);
    document.body.dataset.pagesGeneration = String(s.pagesGeneration);
    $("layout").textContent = s.layout;
    const time = new Date(s.time).toLocaleTimeString();
    $("status").textContent = s.ok
      ? `✓ ${s.output} written in ${s.milliseconds} ms at ${time}` + (s.warnings ? ` · ${s.warnings} warning${s.warnings > 1 ? "s" : ""}` : "")
      : `✗ ${s.errors} error${s.errors === 1 ? "" : "s"} at ${time}: not written`;
    document.title = `${s.ok ? "" : "✗ "}${s.layout} – naraprint`;
  }

  function renderSettings(s) {
    const locale = $("locale");
    locale.replaceChildren(el("option", { value: "", text: "source (Swedish)" }),
      ...s.locales.map((l) => el("option", { value: l, text: l })));
    locale.value = s.settings.locale || "";
    $("locale-label").hidden = s.locales.length === 0;
    const row = $("row");
    row.replaceChildren(...s.rows.map((label, i) => el("option", { value: String(i + 1), text: `${i + 1}: ${label}` })));
    row.value = String(s.settings.row || 1);
    $("row-label").hidden = s.rows.length === 0;
    const fields = $("variable-fields");
    if (!fields.contains(document.activeElement)) {
      fields.replaceChildren(...s.variables.map((v) => {
        const input = el("input", { name: v.name, value: v.value, "aria-label": v.name });
        return el("label", {}, `{{${v.name}}}`, input);
      }));
    }
    $("variables-toggle").hidden = s.variables.length === 0;
  }

  function pageWidth(p) {
    if (zoom === null) {
      // The whole page in view: as wide as there is room, as tall as the window.
      const room = $("pages").clientWidth - 48;
      const tallest = Math.max(...state.pages.map((q) => q.height / q.width));
      return Math.max(120, Math.min(room, ($("pages").clientHeight - 60) / tallest));
    }
    return p.width * zoom;
  }

  function layoutPages() {
    for (const div of $("pages").children) {
      const p = state.pages[Number(div.dataset.index)];
      if (!p) continue;
      const w = pageWidth(p);
      div.style.width = `${w}px`;
      div.style.height = `${(w * p.height) / p.width}px`;
    }
  }

  function renderPages(s) {
    const container = $("pages");
    const scroll = container.scrollTop;
    const same = container.children.length === s.pages.length &&
      [...container.children].every((d, i) => d.dataset.size === `${s.pages[i].width}x${s.pages[i].height}`);
    if (!same) {
      container.replaceChildren(...s.pages.map((p, i) => {
        const img = el("img", { alt: `Page ${p.number}`, draggable: "false" });
        const div = el("div", { class: "page", id: `page-${p.number}` }, img, el("div", { class: "number", text: `${p.number}` }));
        div.dataset.index = String(i);
        div.dataset.size = `${p.width}x${p.height}`;
        div.addEventListener("click", (ev) => inspect(ev, div));
        return div;
      }));
    }
    s.pages.forEach((p, i) => {
      const img = container.children[i].querySelector("img");
      if (img.dataset.src === p.svg) return;
      // Swap when the new drawing has loaded: no blank page while it does.
      const next = new Image();
      next.onload = () => { img.src = p.svg; img.dataset.src = p.svg; img.dataset.loaded = "true"; };
      next.src = p.svg;
    });
    layoutPages();
    container.scrollTop = scroll;
    $("thumbs").replaceChildren(...s.pages.map((p) => {
      const a = el("a", { href: `#page-${p.number}` }, el("img", { src: p.thumbnail, alt: "" }), `${p.number}`);
      return a;
    }));
    if (marked) {
      // Follow the clicked text into the new render (by its id), or let it go.
      const page = s.pages.find((p) => p.number === marked.page);
      const block = page && page.blocks.find((b) => b.id === marked.block.id);
      const changed = !block || JSON.stringify(block) !== JSON.stringify(marked.block);
      marked = block ? { page: marked.page, block } : null;
      showMark();
      if (changed) showSource(block);
    }
  }

  function renderDiagnostics(s) {
    $("diagnostics").replaceChildren(...s.diagnostics.map(diagnosticItem));
    $("problem-count").textContent = s.diagnostics.length ? `(${s.diagnostics.length})` : "";
    if (!s.diagnostics.length) $("diagnostics").append(el("li", { class: "hint", text: "None." }));
    const errors = s.diagnostics.filter((d) => d.severity === "error");
    $("overlay-list").replaceChildren(...errors.map(diagnosticItem));
    $("overlay").hidden = s.ok;
  }

  function render(s) {
    state = s;
    renderStatus(s);
    renderSettings(s);
    renderPages(s);
    renderDiagnostics(s);
  }

  async function load() {
    try {
      const r = await fetch("/api/state", { cache: "no-store" });
      if (r.ok) render(await r.json());
    } catch (e) { /* the connection's own handler reports it */ }
  }

  // Click-to-source: the topmost text block under the pointer.
  function inspect(ev, div) {
    const p = state.pages[Number(div.dataset.index)];
    const rect = div.getBoundingClientRect();
    const x = ((ev.clientX - rect.left) / rect.width) * p.width;
    const y = ((ev.clientY - rect.top) / rect.height) * p.height;
    const hits = p.blocks.filter((b) => x >= b.x - 2 && x <= b.x + b.width + 2 && y >= b.y - 2 && y <= b.y + b.height + 2);
    const block = hits[hits.length - 1];
    marked = block ? { page: p.number, block } : null;
    showMark();
    showSource(block);
  }

  function showMark() {
    for (const m of document.querySelectorAll(".page .mark")) m.remove();
    if (!marked) return;
    const div = $(`page-${marked.page}`);
    const p = div && state.pages[Number(div.dataset.index)];
    if (!p) return;
    const b = marked.block;
    const m = el("div", { class: "mark" });
    m.style.left = `${(b.x / p.width) * 100}%`;
    m.style.top = `${(b.y / p.height) * 100}%`;
    m.style.width = `${(b.width / p.width) * 100}%`;
    m.style.height = `${(b.height / p.height) * 100}%`;
    div.append(m);
  }

  async function showSource(block) {
    const box = $("inspector");
    box.replaceChildren(el("h2", { text: "Source" }));
    if (!block) {
      box.append(el("p", { class: "hint", text: "No text there. Click a text on a page to see its id and where it is written." }));
      return;
    }
    const dl = el("dl");
    const row = (k, v) => { if (v) dl.append(el("dt", { text: k }), el("dd", { text: v })); };
    row("id", block.item || block.id);
    row("block", block.id);
    row("written at", block.file ? `${block.file}:${block.line}:${block.column}` : "");
    row("item at", block.itemAt);
    row("placed by", block.placedBy);
    row("text", block.text);
    box.append(dl);
    box.dataset.id = block.item || block.id;
    box.dataset.where = block.file ? `${block.file}:${block.line}` : "";
    if (!block.file) return;
    try {
      const r = await fetch(`/api/source?file=${encodeURIComponent(block.file)}&line=${block.line}`);
      if (!r.ok) { box.append(el("p", { class: "hint", text: await r.text() })); return; }
      const excerpt = await r.json();
      const pre = el("pre", { class: "excerpt" });
      for (const l of excerpt.lines) {
        const span = el("span", { class: l.number === excerpt.line ? "at" : "" }, el("i", { text: String(l.number) }), l.text);
        pre.append(span);
      }
      box.append(pre);
    } catch (e) { /* shown as nothing more */ }
  }

  async function sendSettings(change) {
    const settings = Object.assign({}, state.settings, change);
    await fetch("/api/settings", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(settings) });
  }

  // The WebSocket: a number for each new state; reconnects when watch restarts.
  let retry = 500;
  function connect() {
    const ws = new WebSocket(`ws://${location.host}/events`);
    ws.onopen = () => { retry = 500; $("connection").textContent = "● live"; $("connection").className = "connection"; load(); };
    ws.onmessage = (m) => {
      try {
        const g = JSON.parse(m.data).generation;
        if (!state || g !== state.generation) load();
      } catch (e) { load(); }
    };
    ws.onclose = () => {
      $("connection").textContent = "○ not connected: is naraprint watch running?";
      $("connection").className = "connection lost";
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 5000);
    };
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("locale").addEventListener("change", (e) => sendSettings({ locale: e.target.value || null }));
    $("row").addEventListener("change", (e) => sendSettings({ row: Number(e.target.value) }));
    $("variables-toggle").addEventListener("click", () => {
      const form = $("variables");
      form.hidden = !form.hidden;
      $("variables-toggle").setAttribute("aria-expanded", String(!form.hidden));
    });
    $("variables").addEventListener("submit", (e) => {
      e.preventDefault();
      const variables = {};
      for (const input of $("variable-fields").querySelectorAll("input")) variables[input.name] = input.value;
      sendSettings({ variables });
    });
    $("variables-reset").addEventListener("click", () => sendSettings({ variables: {} }));
    $("zoom-in").addEventListener("click", () => { zoom = (zoom || currentZoom()) * 1.25; layoutPages(); });
    $("zoom-out").addEventListener("click", () => { zoom = (zoom || currentZoom()) / 1.25; layoutPages(); });
    $("zoom-fit").addEventListener("click", () => { zoom = null; layoutPages(); });
    window.addEventListener("resize", () => { if (zoom === null && state) layoutPages(); });
    load();
    connect();
  });

  function currentZoom() {
    const first = $("pages").children[0];
    return first && state ? first.getBoundingClientRect().width / state.pages[0].width : 1;
  }
})();
"""#
}
