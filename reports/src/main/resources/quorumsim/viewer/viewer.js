// quorumsim viewer: a space-time diagram of one run, a cursor on virtual time, and each node's
// state at the cursor. Everything it shows comes from the recording inline in this page.
"use strict";
(function () {
  const started = performance.now();
  const $ = (id) => document.getElementById(id);
  const errors = $("errors");
  function fail(message) {
    errors.hidden = false;
    errors.textContent += (errors.textContent ? "\n" : "") + message;
  }
  window.addEventListener("error", (e) => fail("viewer error: " + e.message));

  const R = JSON.parse($("record").textContent);
  if (R.format !== 1) {
    fail("this page reads recording format 1, not " + R.format);
    return;
  }
  const E = R.events, M = R.messages;
  const EVENTS = E.t.length, MESSAGES = M.from.length, LANES = R.lanes.length;
  const END_NS = Math.max(R.virtualSeconds * 1e9, EVENTS ? E.t[EVENTS - 1] : 1);
  const KIND = {};
  R.kinds.forEach((k, i) => { KIND[k] = i; });

  // ------------------------------------------------------------------ names
  const laneIndex = {};
  R.lanes.forEach((name, i) => { laneIndex[name] = i; });
  const nodeName = (id) => (id >= 0 && id < LANES ? R.lanes[id] : "#" + id);
  const named = (s) => s.replace(/@(\d+)/g, (_, id) => nodeName(+id));
  /** A label typed by a user ("c0:1", "r2") back into the recording's form ("@4:1"). */
  const unnamed = (s) => s.trim().replace(/^([A-Za-z]+\d+)(?=[:/]|$)/, (name) => (name in laneIndex ? "@" + laneIndex[name] : name));
  function seconds(ns) { return (ns / 1e9).toFixed(9).replace(/0{1,6}$/, "") + " s"; }

  // ------------------------------------------------------------------ messages
  const sendT = new Float64Array(MESSAGES), endT = new Float64Array(MESSAGES);
  let maxFlight = 0;
  for (let m = 0; m < MESSAGES; m++) {
    sendT[m] = E.t[M.send[m]];
    endT[m] = M.end[m] >= 0 ? E.t[M.end[m]] : END_NS;
    maxFlight = Math.max(maxFlight, endT[m] - sendT[m]);
  }
  const order = Array.from({ length: MESSAGES }, (_, i) => i);
  order.sort((a, b) => sendT[a] - sendT[b] || a - b);
  const sortedSend = Float64Array.from(order, (m) => sendT[m]);
  const messageTypes = [...new Set(M.y)].sort((a, b) => R.types[a].localeCompare(R.types[b]));
  const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
    "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363"];
  const colourOf = {};
  messageTypes.forEach((y, i) => { colourOf[y] = PALETTE[i % PALETTE.length]; });
  /** Which labels (space-separated request lists) contain a request: label index -> true. */
  function labelsWithRequest(request) {
    const hits = new Set();
    R.labels.forEach((l, i) => { if (l.split(" ").includes(request)) hits.add(i); });
    return hits;
  }
  function seqLabel(text) {
    const i = R.labels.indexOf(text.trim());
    return i;
  }

  // ------------------------------------------------------------------ filters
  const filter = { nodes: new Set(R.lanes.map((_, i) => i)), types: new Set(messageTypes), requests: null, seq: -1, story: null };
  const filtered = () => filter.nodes.size < LANES || filter.types.size < messageTypes.length || filter.requests || filter.seq >= 0;
  function passes(m) {
    if (!filter.nodes.has(M.from[m]) && !filter.nodes.has(M.to[m])) return false;
    if (!filter.types.has(M.y[m])) return false;
    if (filter.requests && !filter.requests.has(M.req[m])) return false;
    if (filter.seq >= 0 && M.seq[m] !== filter.seq) return false;
    return true;
  }
  function eventPasses(e) {
    const m = E.m[e];
    if (m >= 0) return passes(m);
    return filter.nodes.has(E.n[e]) && !filter.requests && filter.seq < 0;
  }

  // ------------------------------------------------------------------ state at the cursor
  const S = R.state, rows = S.rows, ROWS = rows.length / 4;
  const keyGroup = S.keys.map((k) => +k.slice(0, k.indexOf("|")));
  const keyLabel = S.keys.map((k) => k.slice(k.indexOf("|") + 1));
  const SNAPSHOT_ROWS = 4096;
  let state = [], rowsApplied = 0;
  const snapshots = [];
  function applyRow(st, r) {
    const node = rows[4 * r + 1], key = rows[4 * r + 2], value = rows[4 * r + 3];
    if (!st[node]) st[node] = new Map();
    if (value < 0) st[node].delete(key); else st[node].set(key, value);
  }
  const copy = (st) => st.map((m) => (m ? new Map(m) : m));
  (function buildSnapshots() {
    let st = [];
    for (let r = 0; r < ROWS; r++) {
      if (r % SNAPSHOT_ROWS === 0) snapshots.push(copy(st));
      applyRow(st, r);
    }
  })();
  /** Rows up to and including event e: the first row whose event is after e. */
  function rowsThrough(e) {
    let lo = 0, hi = ROWS;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[4 * mid] <= e) lo = mid + 1; else hi = mid;
    }
    return lo;
  }
  function stateAt(e) {
    const target = rowsThrough(e);
    if (target < rowsApplied || target - rowsApplied > SNAPSHOT_ROWS) {
      const s = Math.floor(target / SNAPSHOT_ROWS);
      state = copy(snapshots[Math.min(s, snapshots.length - 1)] || []);
      rowsApplied = Math.min(s, snapshots.length - 1) * SNAPSHOT_ROWS;
      if (rowsApplied < 0) rowsApplied = 0;
    }
    for (; rowsApplied < target; rowsApplied++) applyRow(state, rowsApplied);
    return state;
  }

  // ------------------------------------------------------------------ cursor
  let cursor = -1, selectedNode = 0;
  const view = { t0: 0, t1: END_NS };
  function setCursor(e, keepView) {
    cursor = Math.max(-1, Math.min(EVENTS - 1, e));
    if (cursor >= 0 && $("follow").checked) selectedNode = E.n[cursor] >= 0 ? E.n[cursor] : selectedNode;
    if (!keepView && cursor >= 0) {
      const t = E.t[cursor], span = view.t1 - view.t0;
      if (t < view.t0 || t > view.t1) { view.t0 = t - span / 2; view.t1 = t + span / 2; }
    }
    render();
  }
  function step(direction, count) {
    let e = cursor;
    const onlyFiltered = $("steps-filtered").checked && filtered();
    for (let k = 0; k < (count || 1); k++) {
      let next = e + direction;
      while (onlyFiltered && next >= 0 && next < EVENTS && !eventPasses(next)) next += direction;
      if (next < -1 || next >= EVENTS) break;
      e = next;
    }
    setCursor(e);
  }
  /** The next (or previous) SEND after the cursor whose message satisfies test. */
  function jump(direction, test, what) {
    for (let e = cursor + direction; e >= 0 && e < EVENTS; e += direction) {
      if (E.k[e] === KIND.SEND && test(E.m[e])) {
        setCursor(e);
        return true;
      }
    }
    note("no " + (direction > 0 ? "later" : "earlier") + " message " + what);
    return false;
  }
  function note(text) { $("drawn").textContent = text; }

  // ------------------------------------------------------------------ drawing
  const canvas = $("diagram"), ctx = canvas.getContext("2d");
  const LEFT = 64, TOP = 22, BOTTOM = 18;
  let drawnSegments = [], laneHeight = 20;
  const x = (t) => LEFT + (t - view.t0) / (view.t1 - view.t0) * (canvas.clientWidth - LEFT - 8);
  const timeAt = (px) => view.t0 + (px - LEFT) / (canvas.clientWidth - LEFT - 8) * (view.t1 - view.t0);
  const laneY = (node) => TOP + laneHeight * (node + 0.5);
  const MAX_DRAWN = 30000;
  function windowColour(label) {
    if (/^crash|^power/.test(label)) return "rgba(214,39,40,0.13)";
    if (/^byzantine/.test(label)) return "rgba(148,103,189,0.16)";
    if (/partition|isolate|cut/.test(label)) return "rgba(255,127,14,0.14)";
    return "rgba(120,120,120,0.12)";
  }
  function draw() {
    const w = canvas.clientWidth, h = canvas.clientHeight, ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(w * ratio) || canvas.height !== Math.round(h * ratio)) {
      canvas.width = Math.round(w * ratio);
      canvas.height = Math.round(h * ratio);
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, w, h);
    laneHeight = Math.max(4, (h - TOP - BOTTOM) / Math.max(1, LANES));
    ctx.font = "11px system-ui, sans-serif";
    // lanes
    for (let n = 0; n < LANES; n++) {
      const y = laneY(n);
      ctx.fillStyle = n % 2 ? "#fafafa" : "#f3f5f8";
      ctx.fillRect(LEFT, y - laneHeight / 2, w - LEFT, laneHeight);
      ctx.strokeStyle = filter.nodes.has(n) ? "#bbb" : "#eee";
      ctx.beginPath(); ctx.moveTo(LEFT, y); ctx.lineTo(w, y); ctx.stroke();
      if (laneHeight >= 9 || n % Math.ceil(9 / laneHeight) === 0) {
        ctx.fillStyle = n === selectedNode ? "#000" : n < R.servers ? "#333" : "#777";
        ctx.font = (n === selectedNode ? "bold " : "") + "11px system-ui, sans-serif";
        ctx.fillText(R.lanes[n], 4, y + 4);
      }
    }
    ctx.strokeStyle = "#888";
    ctx.beginPath(); ctx.moveTo(0, TOP + laneHeight * R.servers); ctx.lineTo(w, TOP + laneHeight * R.servers); ctx.stroke();
    // faults and marks
    ctx.font = "10px system-ui, sans-serif";
    for (const win of R.windows) {
      const a = x(win.start * 1e9), b = x(win.end * 1e9);
      if (win.end > win.start) {
        if (b < LEFT || a > w) continue;
        ctx.fillStyle = windowColour(win.label);
        ctx.fillRect(Math.max(LEFT, a), TOP, Math.min(w, b) - Math.max(LEFT, a), h - TOP - BOTTOM);
        ctx.fillStyle = "#555";
        ctx.fillText(win.label, Math.max(LEFT, a) + 2, TOP - 10);
      } else if (a >= LEFT && a <= w) {
        ctx.strokeStyle = "#2a6"; ctx.setLineDash([4, 3]);
        ctx.beginPath(); ctx.moveTo(a, TOP - 4); ctx.lineTo(a, h - BOTTOM); ctx.stroke(); ctx.setLineDash([]);
        ctx.fillStyle = "#1a5"; ctx.fillText(win.label, a + 2, TOP - 2);
      }
    }
    // messages
    drawnSegments = [];
    const lo = lowerBound(sortedSend, view.t0 - maxFlight), hi = lowerBound(sortedSend, view.t1 + 1);
    const candidates = hi - lo, stride = Math.max(1, Math.ceil(candidates / MAX_DRAWN));
    const story = filter.story;
    let drawn = 0;
    ctx.lineWidth = 1;
    for (let i = lo; i < hi; i += stride) {
      const m = order[i];
      if (endT[m] < view.t0 || !passes(m)) continue;
      drawMessage(m, story && !story.has(m) ? 0.15 : 1, story && story.has(m) ? 2.5 : 1);
      drawn++;
    }
    if (story) for (const m of story) if (sendT[m] <= view.t1 && endT[m] >= view.t0) drawMessage(m, 1, 2.5);
    // the cursor and its event
    if (cursor >= 0) {
      const cx = x(E.t[cursor]);
      ctx.strokeStyle = "#000"; ctx.lineWidth = 1.5;
      ctx.beginPath(); ctx.moveTo(cx, TOP - 6); ctx.lineTo(cx, h - BOTTOM + 4); ctx.stroke();
      const m = E.m[cursor];
      if (m >= 0) {
        ctx.save(); ctx.shadowColor = "#000"; ctx.shadowBlur = 4; drawMessage(m, 1, 3); ctx.restore();
      }
      ctx.fillStyle = "#000"; ctx.beginPath(); ctx.arc(cx, laneY(E.n[cursor] >= 0 ? E.n[cursor] : 0), 4, 0, 7); ctx.fill();
    }
    ctx.lineWidth = 1;
    // time axis
    ctx.fillStyle = "#444"; ctx.font = "10px system-ui, sans-serif";
    const span = view.t1 - view.t0, tick = niceStep(span / 8);
    for (let t = Math.ceil(view.t0 / tick) * tick; t <= view.t1; t += tick) {
      const px = x(t);
      ctx.fillRect(px, h - BOTTOM, 1, 4);
      ctx.fillText(axisLabel(t, tick), px + 2, h - 4);
    }
    const shown = story ? "; the violation's story in bold" : "";
    note(drawn.toLocaleString("en") + " of " + MESSAGES.toLocaleString("en") + " messages drawn in this window"
      + (stride > 1 ? " (1 in " + stride + " of " + candidates.toLocaleString("en") + "; zoom in to see all)" : "") + shown
      + ". Wheel or +/- to zoom, drag to pan, click to move the cursor, click a lane name to show that node.");
  }
  function drawMessage(m, alpha, width) {
    const x1 = x(sendT[m]), x2 = x(endT[m]), y1 = laneY(M.from[m]), y2 = laneY(M.to[m]);
    ctx.globalAlpha = alpha;
    ctx.strokeStyle = colourOf[M.y[m]] || "#000";
    ctx.lineWidth = width;
    if (M.fate[m] === 0) ctx.setLineDash([3, 3]);
    ctx.beginPath(); ctx.moveTo(x1, y1); ctx.lineTo(x2, y2); ctx.stroke();
    ctx.setLineDash([]);
    const length = Math.hypot(x2 - x1, y2 - y1);
    if (M.fate[m] === 2) {
      ctx.strokeStyle = "#d00"; ctx.lineWidth = 1.5;
      ctx.beginPath(); ctx.moveTo(x2 - 3, y2 - 3); ctx.lineTo(x2 + 3, y2 + 3); ctx.moveTo(x2 + 3, y2 - 3); ctx.lineTo(x2 - 3, y2 + 3); ctx.stroke();
    } else if (M.fate[m] === 1 && length > 14) {
      const a = Math.atan2(y2 - y1, x2 - x1);
      ctx.fillStyle = ctx.strokeStyle;
      ctx.beginPath(); ctx.moveTo(x2, y2);
      ctx.lineTo(x2 - 7 * Math.cos(a - 0.35), y2 - 7 * Math.sin(a - 0.35));
      ctx.lineTo(x2 - 7 * Math.cos(a + 0.35), y2 - 7 * Math.sin(a + 0.35)); ctx.fill();
    }
    ctx.globalAlpha = 1;
    if (drawnSegments.length < MAX_DRAWN) drawnSegments.push(m);
  }
  function lowerBound(a, v) {
    let lo = 0, hi = a.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (a[mid] < v) lo = mid + 1; else hi = mid; }
    return lo;
  }
  function niceStep(raw) {
    const p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1))));
    for (const k of [1, 2, 5, 10]) if (k * p >= raw) return k * p;
    return 10 * p;
  }
  function axisLabel(t, tick) {
    if (tick >= 1e8) return (t / 1e9).toFixed(tick >= 1e9 ? 0 : 1) + " s";
    if (tick >= 1e5) return (t / 1e6).toFixed(tick >= 1e6 ? 0 : 1) + " ms";
    return (t / 1e3).toFixed(tick >= 1e3 ? 0 : 1) + " \u00b5s";
  }
  function messageAt(px, py) {
    let best = -1, bestDistance = 5;
    for (const m of drawnSegments) {
      const x1 = x(sendT[m]), x2 = x(endT[m]), y1 = laneY(M.from[m]), y2 = laneY(M.to[m]);
      const dx = x2 - x1, dy = y2 - y1, l2 = dx * dx + dy * dy;
      const u = l2 ? Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / l2)) : 0;
      const d = Math.hypot(px - (x1 + u * dx), py - (y1 + u * dy));
      if (d < bestDistance) { bestDistance = d; best = m; }
    }
    return best;
  }
  function describeMessage(m) {
    const fate = ["in flight at the end", "delivered", "dropped"][M.fate[m]];
    return R.types[M.y[m]] + " " + nodeName(M.from[m]) + " \u2192 " + nodeName(M.to[m]) + ", sent " + seconds(sendT[m])
      + (M.fate[m] === 0 ? ", " + fate : ", " + fate + " " + seconds(endT[m]))
      + (M.seq[m] >= 0 ? "\nsequence number " + R.labels[M.seq[m]] : "")
      + (M.req[m] >= 0 ? "\nrequest " + named(R.labels[M.req[m]]) : "") + "\n" + named(R.texts[M.x[m]]);
  }

  // ------------------------------------------------------------------ panels
  function renderEvent() {
    const box = $("event");
    if (cursor < 0) {
      box.innerHTML = "";
      box.append(text("div", "what", "Before the first event (" + EVENTS.toLocaleString("en") + " events, "
        + MESSAGES.toLocaleString("en") + " messages). Step forward or jump."));
      return;
    }
    const e = cursor, kind = R.kinds[E.k[e]], m = E.m[e];
    box.innerHTML = "";
    let what = "#" + e + " at " + seconds(E.t[e]) + ": " + nodeName(E.n[e]) + " " + kind + " " + R.types[E.y[e]];
    if (kind === "SEND") what += " to " + nodeName(E.p[e]);
    if (kind === "DELIVER" || kind === "DROP") what += " from " + nodeName(E.p[e]);
    box.append(text("div", "what", what));
    if (m >= 0) box.append(text("div", "text", describeMessage(m)));
    if (E.x[e] >= 0) box.append(text("div", "text", named(R.texts[E.x[e]])));
  }
  function text(tag, cls, content) {
    const el = document.createElement(tag);
    if (cls) el.className = cls;
    el.textContent = content;
    return el;
  }
  const natural = new Intl.Collator("en", { numeric: true });
  function renderState() {
    const st = stateAt(cursor), entries = st[selectedNode] || new Map();
    $("node-select").value = String(selectedNode);
    const changed = new Set();
    if (cursor >= 0) {
      for (let r = rowsThrough(cursor - 1); r < ROWS && rows[4 * r] === cursor; r++) if (rows[4 * r + 1] === selectedNode) changed.add(rows[4 * r + 2]);
    }
    const keys = [...entries.keys()].sort((a, b) => keyGroup[a] - keyGroup[b] || natural.compare(keyLabel[a], keyLabel[b]));
    const table = $("state");
    table.innerHTML = "";
    let group = -1;
    for (const k of keys) {
      const tr = document.createElement("tr");
      tr.dataset.key = keyLabel[k];
      if (changed.has(k)) tr.className = "changed";
      if (keyGroup[k] !== group && group >= 0) tr.className += " group-start";
      group = keyGroup[k];
      tr.append(text("td", "key", keyLabel[k]), text("td", "value", named(S.values[entries.get(k)])));
      table.append(tr);
    }
    $("state-note").textContent = selectedNode < R.servers
      ? "Derived from the trace: what it sent, received and reported." + (R.protocol === "pbft"
        ? " Slots list the certificates gathered (the replica may have refused some);" : "") + " highlighted rows changed at this event."
      : "Derived from the trace: its calls and requests, and the replies that reached it; highlighted rows changed at this event.";
    renderSlotTable(st);
  }
  function renderSlotTable(st) {
    const seqText = ($("jump-seq").value || $("filter-seq").value).trim();
    const show = seqText !== "";
    $("slot-heading").hidden = !show; $("slot-table").hidden = !show;
    if (!show) return;
    $("slot-name").textContent = seqText;
    const table = $("slot-table");
    table.innerHTML = "";
    for (let n = 0; n < R.servers; n++) {
      const entries = st[n] || new Map();
      let value = "nothing yet";
      for (const [k, v] of entries) {
        if (/^(slot|proposal) /.test(keyLabel[k]) && keyLabel[k].endsWith(" " + seqText)) { value = named(S.values[v]); break; }
      }
      const tr = document.createElement("tr");
      tr.dataset.node = R.lanes[n];
      tr.append(text("td", "key", R.lanes[n]), text("td", "value", value));
      table.append(tr);
    }
  }
  function renderClock() {
    $("clock").textContent = cursor < 0 ? "before the first event" : "event #" + cursor + " of #0\u2013#" + (EVENTS - 1) + " \u00b7 t = " + seconds(E.t[cursor]);
  }
  function render() {
    draw();
    renderClock();
    renderEvent();
    renderState();
  }

  // ------------------------------------------------------------------ set-up
  document.title = "viewer \u2014 " + R.scenario;
  $("title").textContent = "Run viewer \u2014 " + R.scenario;
  $("run").textContent = R.protocol + ", seed " + R.seed + ", " + R.virtualSeconds + " s virtual, " + EVENTS.toLocaleString("en")
    + " events, " + MESSAGES.toLocaleString("en") + " messages, trace digest " + R.digest + (R.description ? ". " + R.description : "");
  for (const y of messageTypes) $("jump-type").append(new Option(R.types[y], y));
  if (R.protocol === "zab") { $("jump-seq").placeholder = "0x1:1"; $("filter-seq").placeholder = "0x1:1"; }
  R.lanes.forEach((name, i) => {
    $("node-select").append(new Option(name, i));
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox"; box.checked = true; box.dataset.node = i;
    box.addEventListener("change", () => { box.checked ? filter.nodes.add(i) : filter.nodes.delete(i); render(); });
    label.append(box, name + " ");
    $("filter-nodes").append(label);
  });
  for (const y of messageTypes) {
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox"; box.checked = true; box.dataset.type = R.types[y];
    box.addEventListener("change", () => { box.checked ? filter.types.add(y) : filter.types.delete(y); render(); });
    const chip = text("span", "chip", "");
    chip.style.background = colourOf[y];
    label.append(box, chip, R.types[y]);
    $("legend").append(label);
  }
  R.violations.forEach((v, i) => {
    const div = text("div", "violation", v.time.toFixed(6) + " s \u00b7 " + v.kind + ": " + named(v.detail) + " ");
    const button = text("button", "", "show its story (" + v.story.length + " messages)");
    button.id = "violation-" + i;
    button.addEventListener("click", () => showViolation(i));
    div.append(button);
    $("violations").append(div);
  });
  if (!R.violations.length) $("violations").append(text("p", "sub", "None: safety and liveness held."));
  function showViolation(i) {
    const v = R.violations[i];
    filter.story = new Set(v.story);
    document.querySelectorAll("#violations .violation").forEach((d, k) => d.classList.toggle("active", k === i));
    const t = v.time * 1e9;
    let e = lowerBound(E.t, t + 1) - 1;
    if (v.story.length) {
      const first = sendT[v.story[0]];
      view.t0 = Math.min(first, t) - (t - first) * 0.05 - 1e5;
      view.t1 = t + (t - first) * 0.05 + 1e5;
    }
    setCursor(e, v.story.length > 0);
  }

  $("first").onclick = () => setCursor(-1);
  $("last").onclick = () => setCursor(EVENTS - 1);
  $("back").onclick = () => step(-1);
  $("forward").onclick = () => step(1);
  const byType = (d) => { const y = +$("jump-type").value; jump(d, (m) => M.y[m] === y, "of type " + R.types[y]); };
  $("jump-type-next").onclick = () => byType(1);
  $("jump-type-back").onclick = () => byType(-1);
  const byRequest = (d) => {
    const request = unnamed($("jump-request").value), hits = labelsWithRequest(request);
    jump(d, (m) => hits.has(M.req[m]), "of request " + $("jump-request").value);
  };
  $("jump-request-next").onclick = () => byRequest(1);
  $("jump-request-back").onclick = () => byRequest(-1);
  const bySeq = (d) => {
    const label = seqLabel($("jump-seq").value);
    if (label < 0) { note("no message carries sequence number " + $("jump-seq").value); renderState(); return; }
    jump(d, (m) => M.seq[m] === label, "of sequence number " + $("jump-seq").value);
  };
  $("jump-seq-next").onclick = () => bySeq(1);
  $("jump-seq-back").onclick = () => bySeq(-1);
  $("jump-violation").onclick = () => (R.violations.length ? showViolation(0) : note("this run has no violation"));
  $("jump-violation").disabled = !R.violations.length;
  /** Zooms around a time under the mouse (which stays put), or around the cursor (which is then centred). */
  function zoom(factor, around) {
    const t = around === undefined ? (cursor >= 0 ? E.t[cursor] : (view.t0 + view.t1) / 2) : around;
    const span = Math.max(1000, (view.t1 - view.t0) * factor);
    const share = around === undefined ? 0.5 : (t - view.t0) / (view.t1 - view.t0);
    view.t0 = t - share * span; view.t1 = view.t0 + span;
    draw();
  }
  $("fit").onclick = () => { view.t0 = 0; view.t1 = END_NS; draw(); };
  $("zoom-in").onclick = () => zoom(0.5);
  $("zoom-out").onclick = () => zoom(2);
  $("node-select").onchange = () => { selectedNode = +$("node-select").value; $("follow").checked = false; render(); };
  $("filter-request").onchange = () => {
    const v = $("filter-request").value.trim();
    filter.requests = v ? labelsWithRequest(unnamed(v)) : null;
    render();
  };
  $("filter-seq").onchange = () => {
    const v = $("filter-seq").value.trim();
    filter.seq = v ? seqLabel(v) : -1;
    if (v && filter.seq < 0) filter.seq = -2;
    render();
  };
  $("filter-clear").onclick = () => {
    filter.nodes = new Set(R.lanes.map((_, i) => i));
    filter.types = new Set(messageTypes);
    filter.requests = null; filter.seq = -1; filter.story = null;
    $("filter-request").value = ""; $("filter-seq").value = "";
    document.querySelectorAll("#filters input[type=checkbox][data-node], #legend input").forEach((b) => { b.checked = true; });
    document.querySelectorAll("#violations .violation").forEach((d) => d.classList.remove("active"));
    render();
  };
  $("jump-seq").onchange = () => renderState();

  let drag = null;
  canvas.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    zoom(ev.deltaY > 0 ? 1.25 : 0.8, timeAt(ev.offsetX));
  }, { passive: false });
  canvas.addEventListener("mousedown", (ev) => { drag = { x: ev.offsetX, t0: view.t0, t1: view.t1, moved: false }; });
  window.addEventListener("mouseup", (ev) => {
    if (drag && !drag.moved && ev.target === canvas) click(ev.offsetX, ev.offsetY);
    drag = null;
  });
  canvas.addEventListener("mousemove", (ev) => {
    if (drag) {
      const dt = (ev.offsetX - drag.x) / (canvas.clientWidth - LEFT - 8) * (drag.t1 - drag.t0);
      if (Math.abs(ev.offsetX - drag.x) > 3) drag.moved = true;
      if (drag.moved) { view.t0 = drag.t0 - dt; view.t1 = drag.t1 - dt; draw(); }
      return;
    }
    const m = messageAt(ev.offsetX, ev.offsetY), tip = $("tip");
    if (m < 0) { tip.hidden = true; return; }
    tip.textContent = describeMessage(m);
    tip.hidden = false;
    tip.style.left = Math.min(ev.offsetX + 12, canvas.clientWidth - 400) + "px";
    tip.style.top = (ev.offsetY + 14) + "px";
  });
  canvas.addEventListener("mouseleave", () => { $("tip").hidden = true; });
  function click(px, py) {
    if (px < LEFT) {
      const n = Math.floor((py - TOP) / laneHeight);
      if (n >= 0 && n < LANES) { selectedNode = n; $("follow").checked = false; render(); }
      return;
    }
    const m = messageAt(px, py);
    if (m >= 0) { setCursor(M.send[m], true); return; }
    setCursor(lowerBound(E.t, timeAt(px) + 1) - 1, true);
  }
  document.addEventListener("keydown", (ev) => {
    if (ev.target.tagName === "INPUT" || ev.target.tagName === "SELECT") return;
    if (ev.key === "ArrowRight") step(1, ev.shiftKey ? 10 : 1);
    else if (ev.key === "ArrowLeft") step(-1, ev.shiftKey ? 10 : 1);
    else if (ev.key === "Home") setCursor(-1);
    else if (ev.key === "End") setCursor(EVENTS - 1);
    else if (ev.key === "+" || ev.key === "=") zoom(0.5);
    else if (ev.key === "-") zoom(2);
    else return;
    ev.preventDefault();
  });
  window.addEventListener("resize", () => draw());

  render();
  window.quorumsimViewer = { ready: true, loadMillis: performance.now() - started, events: EVENTS, messages: MESSAGES,
    cursor: () => cursor, cursorTime: () => (cursor >= 0 ? E.t[cursor] : 0), setCursor: (e) => setCursor(e), draw: () => draw() };
})();
