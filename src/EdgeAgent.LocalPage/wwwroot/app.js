// EdgeAgent local page. Every string from the agent goes into the page through textContent or an attribute
// set with setAttribute, never parsed as markup: alert text is shown as typed, never run.
'use strict';

(() => {
  const refreshMs = Math.max(1, Number(document.body.dataset.refreshSeconds) || 5) * 1000;
  const trendHours = Number(document.body.dataset.trendHours) || 6;
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const byId = (id) => document.getElementById(id);

  let status = null;
  let lastAlerts = '';
  let refreshing = false;

  // ---- helpers -------------------------------------------------------------------------------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function svg(tag, attributes, text) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, String(value));
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  function setText(id, value) {
    byId(id).textContent = value === undefined || value === null || value === '' ? '—' : String(value);
  }

  function showError(id, message) {
    const node = byId(id);
    node.textContent = message || '';
    node.hidden = !message;
  }

  const two = (n) => String(n).padStart(2, '0');

  function formatTime(value) {
    if (!value) return '';
    const d = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(d.getTime())) return '';
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
  }

  function formatClock(ms) {
    const d = new Date(ms);
    return `${two(d.getHours())}:${two(d.getMinutes())}`;
  }

  // Up to three decimals, no trailing zeros: 0.875, 12.5, 125.
  function formatNumber(v) {
    const rounded = Number(Number(v).toFixed(3));
    return String(Object.is(rounded, -0) ? 0 : rounded);
  }

  async function getJson(path) {
    const response = await fetch(path, { cache: 'no-store', headers: { Accept: 'application/json' } });
    let body = null;
    try { body = await response.json(); } catch { body = null; }
    if (!response.ok) throw new Error((body && body.error) || `HTTP ${response.status}`);
    return body;
  }

  // ---- status: model, sensor, quality, windows, outputs, parts -----------------------------------------------

  function renderStatus(s) {
    setText('device-id', s.deviceId);
    setText('agent-version', s.agentVersion);
    setText('agent-started', formatTime(s.startedAt));

    const m = s.model;
    setText('model-name', m ? m.name : 'no model loaded');
    setText('model-version', m && m.version);
    setText('model-task', m && (m.task === 'rul' ? 'remaining useful life' : m.task));
    setText('model-score', m && m.scoreOutput);
    setText('model-threshold', m && typeof m.warningThreshold === 'number' ? formatNumber(m.warningThreshold) : 'none');

    const src = s.source;
    setText('source-name', src ? src.name : 'no source open');
    setText('source-state', src && src.state);
    setText('source-rows', src && src.rows.toLocaleString('en-US'));
    setText('source-error', src && (src.lastError || 'none'));

    const rows = byId('quality-rows');
    rows.replaceChildren();
    for (const q of s.quality || []) {
      const tr = el('tr');
      tr.dataset.channel = q.channel;
      const faults = Object.entries(q.faults || {}).filter(([, n]) => n > 0).map(([kind, n]) => `${kind} ${n}`).join(', ');
      const share = q.samples > 0 ? ` (${(100 * q.faultySamples / q.samples).toFixed(1)} %)` : '';
      tr.append(
        el('td', 'channel', q.channel),
        el('td', 'samples', q.samples),
        el('td', 'faulty', `${q.faultySamples}${share}`),
        el('td', 'faults', faults || 'none'),
        el('td', q.faultySamples > 0 ? 'badge-bad quality-state' : 'badge-ok quality-state', q.faultySamples > 0 ? 'faults seen' : 'good'));
      rows.append(tr);
    }
    if (!rows.children.length) {
      const tr = el('tr');
      const td = el('td', 'muted', 'No channels reported.');
      td.colSpan = 5;
      tr.append(td);
      rows.append(tr);
    }

    const w = s.windows || {};
    setText('windows-clean', w.clean);
    setText('windows-flagged', w.flagged);
    setText('windows-repaired', w.repaired);
    setText('windows-skipped', w.skipped);
    setText('windows-skip-reason', w.lastSkipReason || 'none');

    const outputs = byId('outputs');
    outputs.replaceChildren();
    for (const o of s.outputs || []) {
      const li = el('li');
      li.dataset.output = o.name;
      const name = el('span', 'name');
      name.append(el('span', o.on ? 'lamp on' : 'lamp'), document.createTextNode(o.name));
      li.append(name, el('span', o.healthy ? 'state' : 'state badge-bad', `${o.on ? 'ON' : 'off'}${o.healthy ? '' : ' (fault)'}`));
      outputs.append(li);
    }
    if (!outputs.children.length) outputs.append(el('li', 'muted', 'No outputs.'));

    const parts = byId('parts');
    parts.replaceChildren();
    for (const p of s.parts || []) {
      const li = el('li');
      li.dataset.part = p.name;
      const text = p.healthy ? 'healthy' : 'FAULT';
      li.append(el('span', 'name', p.name), el('span', p.healthy ? 'state badge-ok' : 'state badge-bad', p.detail ? `${text}: ${p.detail}` : text));
      parts.append(li);
    }
    if (!parts.children.length) parts.append(el('li', 'muted', 'No parts reported.'));
  }

  // ---- alerts -------------------------------------------------------------------------------------------------

  const severityRank = { Critical: 2, Warning: 1, Info: 0 };

  function renderAlerts(data) {
    const rows = byId('alert-rows');
    rows.replaceChildren();
    const open = [...data.open].sort((a, b) =>
      (severityRank[b.severity] ?? 0) - (severityRank[a.severity] ?? 0) || Date.parse(b.raisedAt) - Date.parse(a.raisedAt));
    for (const a of open) {
      const tr = el('tr', `state-${a.state}`);
      tr.dataset.alertId = String(a.id);
      const severity = el('td');
      severity.append(el('span', `sev sev-${a.severity}`, a.severity));
      const action = el('td');
      if (a.state === 'Raised') {
        const button = el('button', 'ack', 'Acknowledge');
        button.type = 'button';
        button.addEventListener('click', () => acknowledge(a.id, button));
        action.append(button);
      }
      tr.append(
        severity,
        el('td', 'rule', a.rule),
        el('td', 'text', a.text),
        el('td', 'raised', formatTime(a.raisedAt)),
        el('td', 'acknowledged', a.acknowledgedAt ? formatTime(a.acknowledgedAt) : 'not yet'),
        action);
      rows.append(tr);
    }
    byId('no-alerts').hidden = open.length > 0;

    const cleared = byId('cleared');
    cleared.replaceChildren();
    for (const a of data.recentlyCleared) {
      const li = el('li');
      li.dataset.alertId = String(a.id);
      li.textContent = `${formatTime(a.clearedAt)} cleared: ${a.severity} ${a.rule}: ${a.text}`;
      cleared.append(li);
    }
    if (!cleared.children.length) cleared.append(el('li', null, 'None.'));
  }

  async function acknowledge(id, button) {
    const token = byId('ack-token').value;
    const result = byId('ack-result');
    button.disabled = true;
    result.className = '';
    result.textContent = `Acknowledging alert ${id}…`;
    try {
      const headers = { Accept: 'application/json' };
      if (token) headers['X-Ack-Token'] = token;
      const response = await fetch(`/api/alerts/${encodeURIComponent(id)}/ack`, { method: 'POST', headers, cache: 'no-store' });
      let body = null;
      try { body = await response.json(); } catch { body = null; }
      const said = (body && (body.message || body.error)) || `HTTP ${response.status}`;
      result.className = response.ok ? 'ok' : 'error';
      result.textContent = response.ok ? said : `Refused (${response.status}): ${said}`;
    } catch (e) {
      result.className = 'error';
      result.textContent = `The agent did not answer: ${e.message}`;
    } finally {
      button.disabled = false;
    }
    lastAlerts = '';
    await loadAlerts().catch((e) => showError('alerts-error', `Alerts unavailable: ${e.message}`));
  }

  async function loadAlerts() {
    const data = await getJson('/api/alerts');
    const text = JSON.stringify(data);
    // Rebuilt only when something changed, so a refresh does not take a button from under a finger.
    if (text !== lastAlerts) {
      renderAlerts(data);
      lastAlerts = text;
    }
    showError('alerts-error', '');
  }

  // ---- trend chart --------------------------------------------------------------------------------------------

  const W = 800;
  const H = 260;
  const PAD = { left: 70, right: 16, top: 16, bottom: 34 };

  function renderTrend(trend) {
    const host = byId('trend');
    const model = status && status.model;
    const threshold = model && typeof model.warningThreshold === 'number' ? model.warningThreshold : null;
    const what = model ? (model.task === 'rul' ? 'Remaining useful life' : 'Anomaly score') : 'Score';
    byId('trend-title').textContent = `Health trend: ${what}, last ${formatNumber(trend.hours)} h`;

    const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': `${what} over the last ${formatNumber(trend.hours)} hours` });
    const from = Date.parse(trend.from);
    const to = Date.parse(trend.to);
    const buckets = trend.buckets;
    const x = (ms) => PAD.left + ((ms - from) / (to - from)) * (W - PAD.left - PAD.right);
    const bottom = H - PAD.bottom;

    chart.append(
      svg('line', { x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: bottom, class: 'axis' }),
      svg('line', { x1: PAD.left, y1: bottom, x2: W - PAD.right, y2: bottom, class: 'axis' }));
    for (let i = 0; i <= 4; i++) {
      const ms = from + ((to - from) * i) / 4;
      chart.append(svg('text', {
        x: x(ms), y: bottom + 20, class: 'label x-label', 'text-anchor': i === 0 ? 'start' : i === 4 ? 'end' : 'middle',
      }, formatClock(ms)));
    }

    if (!buckets.length) {
      chart.append(svg('text', { x: W / 2, y: H / 2, class: 'empty', 'text-anchor': 'middle' }, `No predictions in the last ${formatNumber(trend.hours)} h`));
      host.replaceChildren(chart);
      return;
    }

    let lo = Math.min(...buckets.map((b) => b.min));
    let hi = Math.max(...buckets.map((b) => b.max));
    if (threshold !== null) {
      lo = Math.min(lo, threshold);
      hi = Math.max(hi, threshold);
    }
    if (hi === lo) {
      const pad = Math.abs(hi) * 0.1 || 1;
      lo -= pad;
      hi += pad;
    }
    const y = (v) => PAD.top + ((hi - v) / (hi - lo)) * (bottom - PAD.top);

    for (const [value, name] of [[hi, 'y-max'], [(hi + lo) / 2, 'y-mid'], [lo, 'y-min']]) {
      chart.append(
        svg('line', { x1: PAD.left, y1: y(value), x2: W - PAD.right, y2: y(value), class: 'grid' }),
        svg('text', { x: PAD.left - 6, y: y(value) + 4, class: `label ${name}`, 'text-anchor': 'end' }, formatNumber(value)));
    }

    // One line per run of buckets: a stretch without data (longer than twice the bucket width and three times the
    // usual spacing of the data) is a gap in the line, not a slope.
    const width = trend.bucketSeconds * 1000;
    const starts = buckets.map((b) => Date.parse(b.start));
    const steps = starts.slice(1).map((s, i) => s - starts[i]).sort((a, b) => a - b);
    const usual = steps.length ? steps[Math.floor(steps.length / 2)] : width;
    const gap = Math.max(2 * width, 3 * usual);
    const runs = [];
    let run = [];
    buckets.forEach((b, i) => {
      if (run.length && starts[i] - starts[i - 1] > gap) {
        runs.push(run);
        run = [];
      }
      run.push({ mid: starts[i] + width / 2, ...b });
    });
    runs.push(run);

    for (const r of runs) {
      const upper = r.map((b) => `${x(b.mid).toFixed(1)},${y(b.max).toFixed(1)}`);
      const lower = r.map((b) => `${x(b.mid).toFixed(1)},${y(b.min).toFixed(1)}`).reverse();
      if (r.length > 1) chart.append(svg('polygon', { points: [...upper, ...lower].join(' '), class: 'trend-band' }));
      chart.append(svg('polyline', { points: r.map((b) => `${x(b.mid).toFixed(1)},${y(b.mean).toFixed(1)}`).join(' '), class: 'trend-line' }));
      if (r.length === 1) chart.append(svg('circle', { cx: x(r[0].mid).toFixed(1), cy: y(r[0].mean).toFixed(1), r: 3, class: 'trend-dot' }));
    }

    if (threshold !== null) {
      chart.append(
        svg('line', { x1: PAD.left, y1: y(threshold), x2: W - PAD.right, y2: y(threshold), class: 'threshold' }),
        svg('text', { x: W - PAD.right, y: y(threshold) - 5, class: 'label threshold-label', 'text-anchor': 'end' }, `warning ${formatNumber(threshold)}`));
    }

    host.replaceChildren(chart);
  }

  async function loadTrend() {
    renderTrend(await getJson(`/api/trend?hours=${encodeURIComponent(trendHours)}`));
    showError('trend-error', '');
  }

  async function loadStatus() {
    status = await getJson('/api/status');
    renderStatus(status);
    showError('status-error', '');
  }

  // ---- refresh loop -------------------------------------------------------------------------------------------

  async function refresh() {
    if (refreshing) return;
    refreshing = true;
    try {
      const [s, a] = await Promise.allSettled([loadStatus(), loadAlerts()]);
      if (s.status === 'rejected') showError('status-error', `Status unavailable: ${s.reason.message}`);
      if (a.status === 'rejected') showError('alerts-error', `Alerts unavailable: ${a.reason.message}`);
      const t = await loadTrend().then(() => null, (e) => e);
      if (t) showError('trend-error', `Trend unavailable: ${t.message}`);
      const failed = [s, a].some((r) => r.status === 'rejected') || t;
      const connection = byId('connection');
      connection.className = failed ? 'down' : '';
      connection.textContent = failed ? `Agent not answering fully at ${formatTime(new Date())}` : `Updated ${formatTime(new Date())}`;
    } finally {
      refreshing = false;
    }
  }

  refresh();
  setInterval(refresh, refreshMs);
})();
