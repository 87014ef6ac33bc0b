// grapheme-distill graph viewer: a small canvas renderer with a force layout, no dependencies.
// Every label reaches the page through textContent or canvas fillText, never as markup.
"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("graph-data").textContent);
  const COLOURS = DATA.colours;
  const canvas = document.getElementById("graph");
  const ctx = canvas.getContext("2d");
  const $ = (id) => document.getElementById(id);
  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  };

  // ---------------------------------------------------------------- model
  const nodes = DATA.nodes.map((n, i) => Object.assign({}, n, {
    x: Math.cos(i * 2.399) * 30 * Math.sqrt(i + 1), y: Math.sin(i * 2.399) * 30 * Math.sqrt(i + 1),
    vx: 0, vy: 0,
  }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = DATA.edges.filter((e) => byId.has(e.s) && byId.has(e.t));
  const adjacency = new Map(nodes.map((n) => [n.id, []]));
  for (const e of edges) { adjacency.get(e.s).push(e); adjacency.get(e.t).push(e); }
  let visible = new Set(nodes.length <= DATA.show_all_below ? nodes.map((n) => n.id)
    : nodes.slice().sort((a, b) => adjacency.get(b.id).length - adjacency.get(a.id).length)
      .slice(0, 40).map((n) => n.id));
  let threshold = 0, selected = null, selectedEdge = null;
  const view = { x: 0, y: 0, k: 1 };

  // ---------------------------------------------------------------- layout
  function step(alpha) {
    const shown = nodes.filter((n) => visible.has(n.id));
    for (let i = 0; i < shown.length; i++) {
      const a = shown[i];
      for (let j = i + 1; j < shown.length; j++) {
        const b = shown[j];
        let dx = a.x - b.x, dy = a.y - b.y, d2 = dx * dx + dy * dy + 0.01;
        if (d2 > 250000) continue;
        const f = 900 * alpha / d2;
        a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
      }
    }
    for (const e of edges) {
      if (!visible.has(e.s) || !visible.has(e.t)) continue;
      const a = byId.get(e.s), b = byId.get(e.t);
      const dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) + 0.01;
      const f = (d - 90) * 0.02 * alpha / d;
      a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
    }
    for (const n of shown) {
      n.vx -= n.x * 0.002 * alpha; n.vy -= n.y * 0.002 * alpha;
      n.x += n.vx; n.y += n.vy; n.vx *= 0.6; n.vy *= 0.6;
    }
  }
  let heat = 1;
  function settle() { heat = 1; }

  // ---------------------------------------------------------------- drawing
  function resize() {
    const r = canvas.getBoundingClientRect();
    canvas.width = Math.max(1, r.width * devicePixelRatio);
    canvas.height = Math.max(1, r.height * devicePixelRatio);
  }
  function toScreen(n) {
    return { x: (n.x + view.x) * view.k + canvas.width / 2 / devicePixelRatio,
             y: (n.y + view.y) * view.k + canvas.height / 2 / devicePixelRatio };
  }
  function shownEdge(e) {
    return visible.has(e.s) && visible.has(e.t) && e.conf >= threshold;
  }
  function draw() {
    ctx.setTransform(devicePixelRatio, 0, 0, devicePixelRatio, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    for (const e of edges) {
      if (!shownEdge(e)) continue;
      const a = toScreen(byId.get(e.s)), b = toScreen(byId.get(e.t));
      ctx.beginPath();
      ctx.setLineDash(e.negated ? [6, 4] : []);
      ctx.strokeStyle = e.contradiction ? "#c0392b" : (e === selectedEdge ? "#222" : "#8a8f98");
      ctx.lineWidth = 0.5 + 4 * e.conf;
      ctx.moveTo(a.x, a.y); ctx.lineTo(b.x, b.y); ctx.stroke();
      const ang = Math.atan2(b.y - a.y, b.x - a.x), hx = b.x - Math.cos(ang) * 9,
        hy = b.y - Math.sin(ang) * 9;
      ctx.setLineDash([]);
      ctx.beginPath(); ctx.fillStyle = ctx.strokeStyle;
      ctx.moveTo(hx, hy);
      ctx.lineTo(hx - Math.cos(ang - 0.4) * 7, hy - Math.sin(ang - 0.4) * 7);
      ctx.lineTo(hx - Math.cos(ang + 0.4) * 7, hy - Math.sin(ang + 0.4) * 7);
      ctx.fill();
      if (view.k > 0.6) {
        ctx.fillStyle = e.contradiction ? "#c0392b" : "#555";
        ctx.font = "10px sans-serif";
        ctx.fillText((e.contradiction ? "\u26a0 " : "") + (e.negated ? "NOT " : "") + e.label,
          (a.x + b.x) / 2 + 3, (a.y + b.y) / 2 - 3);
      }
    }
    for (const n of nodes) {
      if (!visible.has(n.id)) continue;
      const p = toScreen(n), r = n.type === "VALUE" ? 5 : 8;
      ctx.beginPath();
      ctx.arc(p.x, p.y, r, 0, 2 * Math.PI);
      ctx.fillStyle = COLOURS[n.type] || "#ccc";
      ctx.fill();
      ctx.lineWidth = n === selected ? 3 : 1;
      ctx.strokeStyle = n === selected ? "#000" : "#555";
      ctx.stroke();
      if (hiddenNeighbours(n) > 0) {
        ctx.fillStyle = "#000"; ctx.font = "bold 10px sans-serif";
        ctx.fillText("+", p.x - 3, p.y + 3);
      }
      ctx.fillStyle = "#111"; ctx.font = (n === selected ? "bold " : "") + "12px sans-serif";
      ctx.fillText(n.name.length > 40 ? n.name.slice(0, 39) + "\u2026" : n.name, p.x + r + 3,
        p.y + 4);
    }
  }
  function hiddenNeighbours(n) {
    let count = 0;
    for (const e of adjacency.get(n.id)) if (!visible.has(e.s === n.id ? e.t : e.s)) count++;
    return count;
  }
  function frame() {
    if (heat > 0.02) { step(heat); heat *= 0.985; }
    draw();
    requestAnimationFrame(frame);
  }

  // ---------------------------------------------------------------- panel
  function showNode(n) {
    selected = n; selectedEdge = null;
    const panel = $("details");
    panel.replaceChildren();
    panel.append(el("h2", n.name));
    panel.append(el("div", n.type + (n.aliases.length ? " \u00b7 also: " + n.aliases.join(", ")
      : ""), "meta"));
    const hidden = hiddenNeighbours(n);
    if (hidden) {
      const b = el("button", "Expand " + hidden + " neighbours");
      b.id = "expand";
      b.onclick = () => expand(n);
      panel.append(b);
    }
    const list = el("ul", null, "items");
    const items = adjacency.get(n.id).slice().sort((a, b) => b.conf - a.conf);
    for (const e of items) {
      const li = el("li", null, e.contradiction ? "contradiction" : "");
      const link = el("a", statement(e), "item");
      link.href = "#";
      link.onclick = (ev) => { ev.preventDefault(); showEdge(e); };
      li.append(link, el("span", " " + e.conf.toFixed(2), "conf"));
      list.append(li);
    }
    panel.append(el("h3", items.length + " items"), list);
  }
  function statement(e) {
    const s = byId.get(e.s).name, t = byId.get(e.t).name;
    return (e.contradiction ? "\u26a0 " : "") + s + " " + (e.negated ? "NOT " : "") + e.label +
      " " + t;
  }
  function showEdge(e) {
    selectedEdge = e;
    const panel = $("provenance");
    panel.replaceChildren();
    panel.append(el("h3", statement(e)));
    panel.append(el("div", e.kind + " \u00b7 confidence " + e.conf.toFixed(3) + " \u00b7 " +
      e.evidence.length + " source(s)", "meta"));
    if (e.contradiction) panel.append(el("div", e.conflict && e.conflict !== "negation" ?
      "Conflicting values of " + e.conflict.replace(/_/g, " ") + ": the store holds another " +
      "value too." : "Contradicted: the store holds both this and its negation.", "warn"));
    for (const ev of e.evidence) {
      const box = el("div", null, "evidence");
      const call = DATA.calls[ev.source] || {};
      box.append(el("div", [call.teacher, call.model, call.template].filter(Boolean).join(" / ") +
        " \u00b7 " + ev.extractor + " \u00b7 " + ev.conf.toFixed(3), "meta"));
      box.append(el("code", ev.source, "hash"));
      if (call.answer !== undefined) {
        const text = el("blockquote", null, "answer");
        const [a, b] = ev.span || [0, 0];
        text.append(document.createTextNode(call.answer.slice(0, a)));
        text.append(el("mark", call.answer.slice(a, b)));
        text.append(document.createTextNode(call.answer.slice(b)));
        box.append(text);
      } else {
        box.append(el("div", "(answer not in this file)", "meta"));
      }
      panel.append(box);
    }
  }
  function expand(n) {
    for (const e of adjacency.get(n.id)) { visible.add(e.s); visible.add(e.t); }
    for (const e of adjacency.get(n.id)) {
      const other = byId.get(e.s === n.id ? e.t : e.s);
      if (other !== n && !other.placed) {
        other.x = n.x + (Math.random() - 0.5) * 80; other.y = n.y + (Math.random() - 0.5) * 80;
      }
      other.placed = true;
    }
    settle(); showNode(n);
  }
  function fit() {
    const shown = nodes.filter((n) => visible.has(n.id));
    if (!shown.length) return;
    const xs = shown.map((n) => n.x), ys = shown.map((n) => n.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const r = canvas.getBoundingClientRect();
    view.k = Math.max(0.1, Math.min(2, r.width / (x1 - x0 + 160), r.height / (y1 - y0 + 80)));
    view.x = -(x0 + x1) / 2; view.y = -(y0 + y1) / 2;
  }
  function focus(n) {
    visible.add(n.id);
    expand(n);
    view.x = -n.x; view.y = -n.y;
  }

  // ---------------------------------------------------------------- search
  const search = $("search"), results = $("results");
  search.addEventListener("input", () => {
    const q = search.value.trim().toLowerCase();
    results.replaceChildren();
    if (!q) return;
    const found = nodes.filter((n) => n.type !== "VALUE" && (n.name.toLowerCase().includes(q) ||
      n.aliases.some((a) => a.toLowerCase().includes(q)))).slice(0, 20);
    for (const n of found) {
      const li = el("li", n.name + " (" + n.type + ")", "result");
      li.onclick = () => { focus(n); results.replaceChildren(); };
      results.append(li);
    }
    if (!found.length) results.append(el("li", "no entity matches", "meta"));
  });
  search.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && results.firstChild && results.firstChild.onclick) {
      results.firstChild.onclick();
    }
  });
  $("threshold").addEventListener("input", (ev) => {
    threshold = Number(ev.target.value);
    $("threshold-value").textContent = threshold.toFixed(2);
  });
  $("show-all").onclick = () => {
    visible = new Set(nodes.map((n) => n.id));
    for (let i = 0; i < 100; i++) step(1);
    fit(); settle();
  };

  // ---------------------------------------------------------------- mouse
  let drag = null;
  function hit(px, py) {
    let best = null, bestD = 12 * 12;
    for (const n of nodes) {
      if (!visible.has(n.id)) continue;
      const p = toScreen(n), d = (p.x - px) ** 2 + (p.y - py) ** 2;
      if (d < bestD) { best = n; bestD = d; }
    }
    return best;
  }
  canvas.addEventListener("mousedown", (ev) => {
    const n = hit(ev.offsetX, ev.offsetY);
    drag = { n, x: ev.offsetX, y: ev.offsetY, moved: false };
  });
  canvas.addEventListener("mousemove", (ev) => {
    if (!drag) return;
    const dx = (ev.offsetX - drag.x) / view.k, dy = (ev.offsetY - drag.y) / view.k;
    if (Math.abs(dx) + Math.abs(dy) > 1) drag.moved = true;
    if (drag.n) { drag.n.x += dx; drag.n.y += dy; } else { view.x += dx; view.y += dy; }
    drag.x = ev.offsetX; drag.y = ev.offsetY;
  });
  canvas.addEventListener("mouseup", (ev) => {
    if (drag && !drag.moved) {
      const n = hit(ev.offsetX, ev.offsetY);
      if (n) showNode(n);
    }
    drag = null;
  });
  canvas.addEventListener("dblclick", (ev) => {
    const n = hit(ev.offsetX, ev.offsetY);
    if (n) expand(n);
  });
  canvas.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    view.k = Math.min(4, Math.max(0.1, view.k * (ev.deltaY < 0 ? 1.1 : 0.9)));
  }, { passive: false });

  // ---------------------------------------------------------------- start
  const legend = $("legend");
  for (const type of Object.keys(COLOURS)) {
    if (!nodes.some((n) => n.type === type)) continue;
    const item = el("span", type, "swatch");
    item.style.borderColor = COLOURS[type];
    legend.append(item);
  }
  $("summary").textContent = nodes.length + " nodes, " + edges.length + " edges" +
    (DATA.contradictions ? ", " + DATA.contradictions + " contradictions" : "") +
    (DATA.truncated ? " (the " + DATA.truncated + " least confident items left out)" : "");
  window.addEventListener("resize", resize);
  resize();
  for (let i = 0; i < 150; i++) step(1);
  fit();
  heat = 0.3;
  requestAnimationFrame(frame);
  // a small API for scripts and tests: where a node is drawn, stopping the layout, and centring
  // the view on a node (the layout keeps moving after the first fit, so a node may drift off
  // the canvas: a script that clicks one freezes the layout and centres it first)
  window.graphViewer = {
    screenPosition: (id) => toScreen(byId.get(id)),
    nodeId: (name) => (nodes.find((n) => n.name === name) || {}).id,
    freeze: () => { heat = 0; },
    centre: (id) => { const n = byId.get(id); view.x = -n.x; view.y = -n.y; },
  };
})();
