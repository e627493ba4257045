// The streamz dashboard: draws the graph once, then applies each snapshot from /events.
(function () {
  'use strict';
  var token = new URLSearchParams(location.search).get('token');
  var q = token ? '?token=' + encodeURIComponent(token) : '';
  var COLORS = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#0891b2', '#db2777', '#4b5563'];
  var nodes = [];            // {id, label, kind, row, g, rate}
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

  function setup(meta, svgText) {
    document.title = meta.title + ' · streamz dashboard';
    document.getElementById('title').textContent = meta.title;
    var graph = document.getElementById('graph');
    graph.innerHTML = svgText.replace(/^<\?xml[^>]*>\s*/, '');
    var tbody = document.querySelector('#nodes tbody');
    meta.nodes.forEach(function (n) {
      var row = el('tr');
      row.dataset.id = n.id;
      var name = el('td', 'name');
      name.title = n.label;
      name.appendChild(document.createTextNode(n.label));
      row.appendChild(name);
      ['in', 'out', 'rate', 'failures', 'held', 'queued', 'fn'].forEach(function (c) {
        row.appendChild(el('td', c, '–'));
      });
      tbody.appendChild(row);
      nodes.push({id: n.id, label: n.label, kind: n.kind, row: row, g: graph.querySelector('g.node[id="' + n.id + '"]')});
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

  function applyNodes(snap) {
    var dt = last ? (snap.time - last.time) / 1000 : 0;
    var byId = {};
    if (last) last.nodes.forEach(function (n) { byId[n.id] = n; });
    var max = 0;
    snap.nodes.forEach(function (n, i) {
      var before = byId[n.id];
      // a sink emits nothing: its rate is what reaches it
      var count = nodes[i].kind.indexOf('sink') === 0 ? n['in'] : n.out;
      var was = before ? (nodes[i].kind.indexOf('sink') === 0 ? before['in'] : before.out) : count;
      nodes[i].rate = dt > 0 ? Math.max(0, (count - was) / dt) : 0;
      max = Math.max(max, nodes[i].rate);
    });
    snap.nodes.forEach(function (n, i) {
      var node = nodes[i];
      var cells = node.row.children;
      cells[1].textContent = fmt(n['in']);
      cells[2].textContent = fmt(n.out);
      cells[3].textContent = fmt(node.rate);
      cells[4].textContent = fmt(n.failures);
      cells[5].textContent = fmt(n.held);
      cells[6].textContent = fmt(n.queued);
      cells[7].textContent = n.calls > 0 ? (n.busyNanos / n.calls / 1000).toFixed(2) : '–';
      var failing = n.failures > 0;
      node.row.classList.toggle('failing', failing);
      if (!node.g) return;
      node.g.classList.toggle('failing', failing);
      var lines = node.g.querySelectorAll('text.line');
      if (lines.length > 1) {
        lines[lines.length - 1].textContent = fmt(node.rate) + '/s' + (failing ? ' · ' + fmt(n.failures) + ' failed' : '');
      }
      node.g.querySelectorAll('rect, polygon').forEach(function (shape, k) {
        if (failing) {
          if (k === 0) shape.setAttribute('fill', '#fee2e2');
          shape.setAttribute('stroke', '#dc2626');
          shape.setAttribute('stroke-width', '2');
        } else {
          var load = max > 0 ? node.rate / max : 0;
          if (k === 0) shape.setAttribute('fill', 'hsl(214, 95%, ' + (98 - 26 * load).toFixed(1) + '%)');
          shape.setAttribute('stroke', '#4b5563');
          shape.setAttribute('stroke-width', '1.2');
        }
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
