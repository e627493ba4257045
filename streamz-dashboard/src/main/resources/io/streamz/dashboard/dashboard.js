// The streamz dashboard: draws the graph once, then applies each snapshot from /events.
(function () {
  'use strict';
  var token = new URLSearchParams(location.search).get('token');
  var q = token ? '?token=' + encodeURIComponent(token) : '';
  var COLORS = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#0891b2', '#db2777', '#4b5563'];
  var COLUMNS = ['in', 'out', 'rate', 'failed', 'skipped', 'routed', 'retried', 'held', 'queued', 'us', 'busy'];
  var FAILURES = ['failed', 'skipped', 'routed', 'retried'];
  var nodes = [];            // {id, label, kind, side, row, g, rate, busy}
  var timing = false;        // whether the graph measures time (Dashboard.withTiming)
  var charts = {};           // id -> {meta, card, plot, series, data, total}
  var last = null;           // the previous snapshot, for rates

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function fmt(n) {
    if (n === null || n === undefined) return '–';
    if (Math.abs(n) >= 1e6) return (n / 1e6).toFixed(1) + 'M';
    if (Math.abs(n) >= 1e4) return (n / 1e3).toFixed(1) + 'k';
    return Math.round(n).toLocaleString('en-US');
  }

  function fmtValue(v) {
    if (v === null || v === undefined) return '–';
    return Math.abs(v) >= 1000 || v === Math.round(v) ? fmt(v) : v.toPrecision(4);
  }

  function labelOf(meta, id) {
    var found = meta.nodes.filter(function (n) { return n.id === id; });
    return found.length ? found[0].label : id;
  }

  function setup(meta, svgText) {
    document.title = meta.title + ' · streamz dashboard';
    document.getElementById('title').textContent = meta.title;
    var graph = document.getElementById('graph');
    graph.innerHTML = svgText.replace(/^<\?xml[^>]*>\s*/, '');
    var tbody = document.querySelector('#nodes tbody');
    timing = meta.timing;
    document.body.classList.toggle('timing', timing);
    meta.nodes.forEach(function (n) {
      var row = el('tr', n.sideOf ? 'side' : null);
      row.dataset.id = n.id;
      var name = el('td', 'name');
      name.title = n.label + (n.sideOf ? ' (a side output: fed by ' + labelOf(meta, n.sideOf) + ')' : '')
        + '\nerror policy: ' + n.policy;
      name.appendChild(document.createTextNode(n.label));
      if (n.policy !== 'propagate' && !n.sideOf) name.appendChild(el('span', 'policy', n.policy));
      row.appendChild(name);
      COLUMNS.forEach(function (c) {
        row.appendChild(el('td', c, '–'));
      });
      tbody.appendChild(row);
      nodes.push({id: n.id, label: n.label, kind: n.kind, side: !!n.sideOf, row: row,
        g: graph.querySelector('g.node[id="' + n.id + '"]')});
    });
    var box = document.getElementById('charts');
    meta.charts.forEach(function (c) {
      var card = el('section', 'card chart-card');
      card.dataset.chart = c.id;
      card.dataset.points = 0;
      var h = el('h2', null, c.title);
      var lastValue = el('span', 'last', '');
      h.appendChild(lastValue);
      card.appendChild(h);
      var area = el('div', 'chart');
      area.appendChild(el('div', 'empty', 'waiting for values…'));
      card.appendChild(area);
      box.appendChild(card);
      charts[c.id] = {meta: c, card: card, area: area, lastValue: lastValue, plot: null, series: [], data: null, total: 0};
    });
  }

  // red: failures that reached the caller; amber: failures skipped or routed, and the errors
  // streams that carry them; otherwise a deeper blue the busier the node (its share of the time
  // with timing, else its rate)
  var STYLE = {
    failing: {fill: '#fee2e2', stroke: '#dc2626', width: '2'},
    handled: {fill: '#fef3c7', stroke: '#d97706', width: '2'}
  };

  function applyNodes(snap) {
    var dt = last ? (snap.time - last.time) / 1000 : 0;
    var byId = {};
    if (last) last.nodes.forEach(function (n) { byId[n.id] = n; });
    var max = 0;
    snap.nodes.forEach(function (n, i) {
      var node = nodes[i];
      var before = byId[n.id];
      // a sink emits nothing: its rate is what reaches it
      var sink = node.kind.indexOf('sink') === 0;
      var count = sink ? n['in'] : n.out;
      var was = before ? (sink ? before['in'] : before.out) : count;
      node.rate = dt > 0 ? Math.max(0, (count - was) / dt) : 0;
      node.busy = dt > 0 && before ? Math.max(0, (n.busyNanos - before.busyNanos) / (dt * 1e9)) : 0;
      max = Math.max(max, timing ? node.busy : node.rate);
    });
    snap.nodes.forEach(function (n, i) {
      var node = nodes[i];
      var cells = node.row.children;
      var values = {'in': fmt(n['in']), out: fmt(n.out), rate: fmt(node.rate), failed: fmt(n.failed),
        skipped: fmt(n.skipped), routed: fmt(n.routed), retried: fmt(n.retried), held: fmt(n.held),
        queued: fmt(n.queued),
        us: timing && n.timed > 0 && n.busyNanos > 0 ? (n.busyNanos / n.timed / 1000).toFixed(2) : '–',
        busy: timing && last ? Math.round(100 * node.busy) + '%' : '–'};
      COLUMNS.forEach(function (c, k) {
        cells[k + 1].textContent = values[c];
        if (FAILURES.indexOf(c) >= 0) cells[k + 1].classList.toggle('hot', n[c] > 0);
      });
      var failing = n.failed > 0;
      var handled = !failing && (n.skipped + n.routed > 0 || node.side && n.out > 0);
      node.row.classList.toggle('failing', failing);
      node.row.classList.toggle('handled', handled);
      if (!node.g) return;
      node.g.classList.toggle('failing', failing);
      node.g.classList.toggle('handled', handled);
      node.g.classList.toggle('side', node.side);
      var lines = node.g.querySelectorAll('text.line');
      if (lines.length > 1) {
        var text = fmt(node.rate) + '/s';
        if (n.failed > 0) text += ' · ' + fmt(n.failed) + ' failed';
        if (n.skipped > 0) text += ' · ' + fmt(n.skipped) + ' skipped';
        if (n.routed > 0) text += ' · ' + fmt(n.routed) + ' routed';
        lines[lines.length - 1].textContent = text;
      }
      var style = failing ? STYLE.failing : handled ? STYLE.handled : null;
      node.g.querySelectorAll('rect, polygon').forEach(function (shape, k) {
        if (style) {
          if (k === 0) shape.setAttribute('fill', style.fill);
          shape.setAttribute('stroke', style.stroke);
          shape.setAttribute('stroke-width', style.width);
        } else {
          var load = max > 0 ? (timing ? node.busy : node.rate) / max : 0;
          if (k === 0) shape.setAttribute('fill', 'hsl(214, 95%, ' + (98 - 26 * load).toFixed(1) + '%)');
          shape.setAttribute('stroke', '#4b5563');
          shape.setAttribute('stroke-width', '1.2');
        }
        if (node.side) shape.setAttribute('stroke-dasharray', '5,3');
      });
    });
  }

  function plotOptions(c, width) {
    var series = [{}];
    c.series.forEach(function (name, i) {
      var mean = name.indexOf('mean(') === 0;
      var color = COLORS[i % COLORS.length];
      series.push({label: name, stroke: color, width: mean ? 2 : 1.25, dash: mean ? [6, 4] : undefined,
        points: {show: false}, spanGaps: true});
    });
    return {width: width, height: 220, scales: {x: {time: true}}, series: series, legend: {live: false},
      axes: [{}, {size: 56, values: function (u, ticks) { return ticks.map(fmtValue); }}]};
  }

  function applyCharts(snap) {
    snap.charts.forEach(function (u) {
      var c = charts[u.id];
      if (!c) return;
      if (u.series.length && u.series.join('\u0000') !== c.series.join('\u0000')) {
        c.series = u.series;
        c.data = [[]].concat(u.series.map(function () { return []; }));
        c.area.innerHTML = '';
        c.plot = new uPlot(plotOptions(c, Math.max(300, c.area.clientWidth)), c.data, c.area);
      }
      if (!c.plot || !u.points.length) return;
      u.points.forEach(function (p) {
        for (var k = 0; k < c.data.length; k++) c.data[k].push(p[k]);
      });
      var extra = c.data[0].length - c.meta.points;
      if (extra > 0) c.data.forEach(function (col) { col.splice(0, extra); });
      c.total = u.total;
      c.card.dataset.points = u.total;
      var p = u.points[u.points.length - 1];
      c.lastValue.textContent = 'last ' + c.series.slice(0, 2).map(function (name, k) {
        return fmtValue(p[k + 1]);
      }).join(' · ') + ' · ' + fmt(u.total) + ' points';
      c.plot.setData(c.data);
    });
  }

  function status(text, cls) {
    document.getElementById('status').textContent = text;
    document.getElementById('status-dot').className = 'dot ' + (cls || '');
  }

  function connect() {
    var source = new EventSource('events' + q);
    source.onopen = function () { status('live', 'live'); };
    source.onerror = function () { status('reconnecting…', 'down'); };
    source.onmessage = function (e) {
      var snap = JSON.parse(e.data);
      applyNodes(snap);
      applyCharts(snap);
      last = snap;
      document.getElementById('clock').textContent = new Date(snap.time).toLocaleTimeString();
      document.body.dataset.snapshots = (+(document.body.dataset.snapshots || 0) + 1);
    };
  }

  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (id) {
      var c = charts[id];
      if (c.plot) c.plot.setSize({width: Math.max(300, c.area.clientWidth), height: 220});
    });
  });

  Promise.all([
    fetch('api/meta' + q).then(function (r) { return r.json(); }),
    fetch('graph.svg' + q).then(function (r) { return r.text(); })
  ]).then(function (r) {
    setup(r[0], r[1]);
    connect();
  }).catch(function (e) { status('cannot load: ' + e, 'down'); });
})();
