/* cqmcheck report: draws R/index.html from the JSON embedded in it. Vanilla JavaScript, no library, no build
 * step, nothing fetched: the file opens from file:// and prints. page.html is the skeleton; the C++ fills its four
 * placeholders (@CQM_REPORT_ then STYLE, SCRIPT, TITLE or DATA, then @) in one pass over page.html: report.css,
 * this file, the HTML-escaped title, and the JSON with every "</" written "<\/" (and the comment opener escaped,
 * README.md). The data (README.md in this folder says the same):
 *
 * { "title": "…",                         the page's heading
 *   "summary": {"presets": n, "failing": n},  presets in the suite; rows whose verdict is not the expected one
 *   "rows": [{"preset", "article", "property", "explorer", "verdict", "expected",   strings; verdicts as printed
 *             "bounds": "…",              what the verdict rests on (complete search, grid, queue bound, runs …)
 *             "states": int|null, "runs": int|null,  exhaustive: states stored; random: schedules run
 *             "seconds": number, "counterexample": "<id>"|null}],   id of an entry of "counterexamples"
 *   "counterexamples": [{"id", "preset", "property", "explorer",
 *             "timeline_svg": "<svg…>",   trace.svg as written (an XML prolog and DOCTYPE are dropped here)
 *             "trace": {…}}],             trace.json as written: property, reason, violated_at, steps[] of
 *                                         {at, event, detail?, inputs, machines: {name: {state, …}}, log: [line]}
 *   "diagrams": [{"machine", "svg", "reached_rows": int, "total_rows": int}],  reached rows already coloured
 *   "coverage": {"presets": [{"preset", "unreached": ["Machine: Source + event [guard] -> Target", …]}],
 *                "never_reached": ["Machine: …", …]},   rows no preset reaches
 *   "plots": [{"title", "svg"}] }         estimate and sweep plots; the array may be empty
 *
 * Hooks the browser test (tests/report/browser_test.py) relies on: table#suite-table tr[data-preset]
 * (class "failing"), section.counterexample[data-id][data-preset][data-property][data-explorer] holding
 * .step-index ("step k / n"), .property-line (class "violated"), tr[data-machine] with a td.state,
 * .step-first/.step-prev/.step-next/.step-last buttons and rect.step-highlight in the timeline. */
(function () {
  'use strict';

  // ---- small helpers ----
  function el(tag, attrs) {
    var n = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] === null || attrs[k] === undefined || attrs[k] === false) return;
      if (k === 'text') n.textContent = attrs[k];
      else if (k === 'class') n.className = attrs[k];
      else n.setAttribute(k, attrs[k] === true ? '' : attrs[k]);
    });
    for (var i = 2; i < arguments.length; i++) add(n, arguments[i]);
    return n;
  }
  function add(parent, child) {
    if (child === null || child === undefined || child === false) return parent;
    if (Array.isArray(child)) child.forEach(function (c) { add(parent, c); });
    else parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
    return parent;
  }
  function plural(n, one, many) { return fmtInt(n) + ' ' + (n === 1 ? one : many || one + 's'); }
  // Digit groups by hand, not toLocaleString: the same text whatever the reader's locale.
  function fmtInt(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f'); }
  function fmtSeconds(s) { return typeof s === 'number' ? s.toFixed(s < 10 ? 3 : 1) : '—'; }
  function pad2(n) { return (n < 10 ? '0' : '') + n; }
  // Model time is minutes since day 0 00:00, printed as the trace prints it.
  function fmtMinute(m) { return 'day ' + Math.floor(m / 1440) + ' ' + pad2(Math.floor(m % 1440 / 60)) + ':' + pad2(m % 60); }
  var TIME_FIELD = /(^due|_at|_due|_since|minute)$/;
  function fieldValue(key, v) {
    if (v === null || v === undefined) return el('span', {class: 'none', text: '—', title: 'never / none'});
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && TIME_FIELD.test(key))
      return el('span', {class: 'time', title: 'minute ' + v, text: fmtMinute(v)});
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  function anchorOf(id) { return 'cx-' + String(id).replace(/[^\w.-]/g, '_'); }
  function hidden(text) { return el('span', {class: 'visually-hidden', text: text}); }

  // Inline an SVG string; ids get a prefix (PLplot's clip paths and Graphviz's node ids repeat between files).
  var svgCount = 0;
  function inlineSvg(text, cls) {
    var box = el('div', {class: 'svg-box ' + (cls || '')});
    var start = String(text || '').indexOf('<svg');
    if (start < 0) return add(box, el('p', {class: 'error', text: 'no picture'}));
    box.innerHTML = String(text).slice(start);
    var svg = box.querySelector('svg'), prefix = 'svg' + (++svgCount) + '-', ids = {};
    if (!svg) return box;
    svg.querySelectorAll('[id]').forEach(function (n) { ids[n.id] = prefix + n.id; n.id = ids[n.id]; });
    svg.querySelectorAll('*').forEach(function (n) {
      Array.prototype.forEach.call(n.attributes, function (a) {
        var v = a.value.replace(/url\(#([^)]+)\)/g, function (m, id) { return ids[id] ? 'url(#' + ids[id] + ')' : m; });
        if (/href$/.test(a.name) && v.charAt(0) === '#' && ids[v.slice(1)]) v = '#' + ids[v.slice(1)];
        if (v !== a.value) n.setAttribute(a.name, v);
      });
    });
    svg.setAttribute('role', 'img');
    return box;
  }
  function section(id, title) { return el('section', {id: id, class: 'part', 'aria-labelledby': id + '-h'}, el('h2', {id: id + '-h', text: title})); }

  // ---- the suite table ----
  function suiteTable(rows) {
    var only = el('input', {type: 'checkbox', id: 'suite-only'});
    var table = el('table', {id: 'suite-table', class: 'suite'},
      el('caption', {text: 'Each preset’s verdict per property and explorer, against the verdict its config expects'}),
      el('thead', {}, el('tr', {}, ['preset', 'article', 'property', 'explorer', 'verdict', 'expected', 'bounds',
        'states or runs', 'time (s)'].map(function (h) { return el('th', {scope: 'col', text: h}); }))));
    var body = el('tbody');
    table.appendChild(body);
    rows.forEach(function (r, i) {
      var failing = r.verdict !== r.expected, verdict = r.verdict;
      if (r.counterexample) verdict = el('a', {href: '#' + anchorOf(r.counterexample), class: 'cx-link', title: 'step through the counterexample', text: r.verdict});
      var tr = el('tr', {class: (failing ? 'failing' : r.verdict === 'HOLDS' ? 'plain' : '') +
                    (i > 0 && rows[i - 1].preset === r.preset ? ' same-preset' : ''),
                  'data-preset': r.preset, 'data-property': r.property, 'data-explorer': r.explorer},
        el('td', {class: 'preset', text: r.preset}), el('td', {text: r.article || ''}),
        el('td', {class: 'property', text: r.property}), el('td', {text: r.explorer}),
        el('td', {class: 'verdict v-' + r.verdict}, verdict, failing ? hidden(' (not as expected)') : null),
        el('td', {class: 'expected', text: r.expected}), el('td', {class: 'bounds', text: r.bounds || ''}),
        el('td', {class: 'num', text: r.states !== null && r.states !== undefined ? plural(r.states, 'state')
                                      : r.runs !== null && r.runs !== undefined ? plural(r.runs, 'run') : '—'}),
        el('td', {class: 'num', text: fmtSeconds(r.seconds)}));
      body.appendChild(tr);
    });
    only.addEventListener('change', function () { table.classList.toggle('only-notable', only.checked); });
    return [el('p', {class: 'filter'}, only, el('label', {for: 'suite-only', text: ' show only violations and failing rows'})),
            el('div', {class: 'table-box'}, table)];
  }

  // ---- a counterexample: the timeline and a stepper through trace.steps ----
  var steppers = [], active = null;
  function isTimer(name) { return /(^|: )Timer\[/.test(name); }
  function isQueue(name) { return /(^|: )QueueItem\[/.test(name); }

  function counterexample(cx) {
    var t = cx.trace || {}, steps = t.steps || [], n = steps.length;
    var s = {k: -1, n: n, steps: steps, trace: t, cx: cx};
    var btn = function (cls, label, text) { return el('button', {type: 'button', class: cls, 'aria-label': label, title: label, text: text}); };
    s.first = btn('step-first', 'first step (Home)', '« first'); s.prev = btn('step-prev', 'previous step (←)', '‹ previous');
    s.next = btn('step-next', 'next step (→)', 'next ›'); s.last = btn('step-last', 'last step (End)', 'last »');
    s.index = el('span', {class: 'step-index', 'aria-live': 'polite'});
    s.at = el('span', {class: 'step-at'});
    s.property = el('p', {class: 'property-line'});
    s.timeline = inlineSvg(cx.timeline_svg, 'timeline');
    s.timeline.setAttribute('tabindex', '0');
    s.timeline.setAttribute('aria-label', 'timeline of the counterexample');
    s.list = el('ol', {class: 'step-list'});
    steps.forEach(function (st, i) {
      var b = el('button', {type: 'button'}, el('span', {class: 'at', text: st.at}), ' ', el('span', {class: 'event', text: st.event}),
                 st.detail ? el('span', {class: 'detail', text: ' ' + st.detail}) : null);
      b.addEventListener('click', function () { s.show(i); });
      s.list.appendChild(el('li', {}, b));
    });
    s.inputs = el('dl', {class: 'inputs'});
    s.machines = el('div', {class: 'machines'});
    s.log = el('ol', {class: 'log', 'aria-label': 'log lines written so far'});
    s.logEmpty = el('p', {class: 'log-empty', text: 'nothing written yet'});
    steps.forEach(function (st, i) {
      (st.log || []).forEach(function (line) { s.log.appendChild(el('li', {'data-step': i, text: line})); });
    });
    s.first.addEventListener('click', function () { s.show(0); });
    s.prev.addEventListener('click', function () { s.show(s.k - 1); });
    s.next.addEventListener('click', function () { s.show(s.k + 1); });
    s.last.addEventListener('click', function () { s.show(n - 1); });
    s.show = function (k) { show(s, k); };

    var title = [cx.preset, cx.property, cx.explorer].join(' · ');
    s.section = el('section', {id: anchorOf(cx.id), class: 'counterexample', 'data-id': cx.id, 'data-preset': cx.preset,
                               'data-property': cx.property, 'data-explorer': cx.explorer, 'aria-label': 'counterexample ' + title},
      el('h3', {}, el('a', {class: 'self', href: '#' + anchorOf(cx.id), text: title})),
      el('p', {class: 'cx-summary'}, t.summary || '', t.seed !== undefined && cx.explorer === 'random' ? ' (seed ' + t.seed + ')' : ''),
      (t.assumptions || []).length ? el('details', {class: 'assumptions'}, el('summary', {text: 'What the verdict assumes (' + t.assumptions.length + ')'}),
        el('ul', {}, t.assumptions.map(function (a) { return el('li', {text: a}); }))) : null,
      el('div', {class: 'stepper', role: 'group', 'aria-label': 'step through the counterexample'},
        s.first, s.prev, s.index, s.next, s.last, s.at),
      s.property,
      el('div', {class: 'cx-grid'},
        el('div', {class: 'cx-left'}, s.timeline,
          el('h4', {text: 'Log so far'}), el('div', {class: 'scroll log-box'}, s.logEmpty, s.log),
          el('details', {class: 'steps', open: true}, el('summary', {text: 'Steps (' + n + ')'}), el('div', {class: 'scroll'}, s.list))),
        el('div', {class: 'cx-right'}, el('h4', {text: 'Inputs'}), s.inputs, s.machines)));
    s.section.addEventListener('click', function () { activate(s); });
    s.section.addEventListener('focusin', function () { activate(s); });
    steppers.push(s);
    return s;
  }

  function activate(s) {
    if (active === s) return;
    if (active) active.section.classList.remove('active');
    active = s;
    s.section.classList.add('active');
  }

  function machineTable(caption, names, cur, prev, fixedColumns) {
    if (!names.length) return null;
    var fields = [];
    if (fixedColumns) names.forEach(function (m) { Object.keys(cur[m] || {}).forEach(function (f) { if (f !== 'state' && fields.indexOf(f) < 0) fields.push(f); }); });
    var head = ['machine', 'state'].concat(fixedColumns ? fields : ['data']);
    var body = el('tbody');
    names.forEach(function (m) {
      var now = cur[m] || {}, was = prev ? prev[m] || {} : null;
      var changed = was && was.state !== now.state;
      var cell = function (f) {
        var diff = was && JSON.stringify(was[f]) !== JSON.stringify(now[f]);
        return el('span', {class: diff ? 'field-changed' : null, title: diff ? 'changed at this step' : null}, fieldValue(f, now[f]));
      };
      var tr = el('tr', {'data-machine': m, class: changed ? 'changed' : null},
        el('th', {scope: 'row', class: 'name'}, changed ? el('span', {class: 'mark', title: 'state changed at this step', text: '● '}) : null,
           changed ? hidden('state changed at this step: ') : null, m),
        el('td', {class: 'state', title: changed ? 'was ' + was.state : null, text: now.state}));
      if (fixedColumns) fields.forEach(function (f) { tr.appendChild(el('td', {}, cell(f))); });
      else tr.appendChild(el('td', {class: 'data'}, Object.keys(now).filter(function (f) { return f !== 'state'; }).map(function (f) {
        return el('span', {class: 'kv'}, el('span', {class: 'k', text: f}), ' ', cell(f));
      })));
      body.appendChild(tr);
    });
    return el('div', {class: 'table-box'}, el('table', {class: 'machine-table'}, el('caption', {text: caption}),
      el('thead', {}, el('tr', {}, head.map(function (h) { return el('th', {scope: 'col', text: h.replace(/_/g, '_\u200b')}); }))), body));
  }

  function show(s, k) {
    if (!s.n) { s.index.textContent = 'no steps'; return; }
    k = Math.max(0, Math.min(s.n - 1, k));
    if (k === s.k) return;
    s.k = k;
    var st = s.steps[k], t = s.trace, prev = k > 0 ? s.steps[k - 1].machines : null, last = k === s.n - 1;
    s.index.textContent = 'step ' + (k + 1) + ' / ' + s.n;
    s.first.disabled = s.prev.disabled = k === 0;
    s.next.disabled = s.last.disabled = last;
    s.at.textContent = st.at + ' — ' + st.event + (st.detail ? ': ' + st.detail : '');
    var violated = last && !!t.violated_at;
    s.property.className = 'property-line' + (violated ? ' violated' : '');
    s.property.textContent = violated ? t.property + ': VIOLATED at ' + t.violated_at + ' — ' + t.reason
                                      : t.property + ': holds so far';
    s.list.querySelectorAll('li').forEach(function (li, i) {
      li.classList.toggle('current', i === k);
      if (i === k) li.firstChild.setAttribute('aria-current', 'step'); else li.firstChild.removeAttribute('aria-current');
    });
    keepVisible(s.list.parentNode, s.list.children[k]);
    s.inputs.textContent = '';
    Object.keys(st.inputs || {}).forEach(function (key) { add(s.inputs, [el('dt', {text: key}), el('dd', {}, fieldValue(key, st.inputs[key]))]); });
    var names = Object.keys(st.machines || {});
    s.machines.textContent = '';
    add(s.machines, [
      machineTable('Machines', names.filter(function (m) { return !isTimer(m) && !isQueue(m); }), st.machines, prev, false),
      machineTable('Queue', names.filter(isQueue), st.machines, prev, true),
      machineTable('Timers', names.filter(isTimer), st.machines, prev, true)]);
    var newest = null;
    s.log.querySelectorAll('li').forEach(function (li) {
      var at = +li.getAttribute('data-step');
      li.hidden = at > k;
      li.classList.toggle('new', at === k);
      if (at <= k) newest = li;
    });
    s.logEmpty.hidden = !!newest;
    if (newest) keepVisible(s.log.parentNode, newest, true);
    highlight(s, st);
  }

  // Scrolls a box (not the page) so that item is in view.
  function keepVisible(box, item, bottom) {
    if (!box || !item || !box.clientHeight) return;
    var b = box.getBoundingClientRect(), r = item.getBoundingClientRect();
    if (r.top < b.top || r.bottom > b.bottom) box.scrollTop += bottom ? r.bottom - b.bottom : r.top - b.top - (b.height - r.height) / 2;
  }

  // The timeline has a row per step that changed something, identical days folded: a step's row is found by the
  // <text> that reads its time exactly; the row's extent is the table cell drawn just before that text. When two
  // rows read the same time, the n-th step of that time takes the n-th row, or else the row naming its event best.
  function rowOf(text) {
    var tb = text.getBBox(), cx = tb.x + tb.width / 2, cy = tb.y + tb.height / 2;
    for (var p = text.previousElementSibling, i = 0; p && i < 6; p = p.previousElementSibling, i++) {
      if (!/^(polygon|rect|path)$/.test(p.tagName)) continue;
      var b = p.getBBox();
      if (b.x <= cx && cx <= b.x + b.width && b.y <= cy && cy <= b.y + b.height) return {y: b.y, height: b.height};
    }
    return {y: tb.y - 3, height: tb.height + 6};
  }
  function highlight(s, st) {
    var svg = s.timeline.querySelector('svg');
    if (!svg) return;
    if (s.mark && s.mark.parentNode) s.mark.parentNode.removeChild(s.mark);
    s.mark = null;
    var texts = Array.prototype.slice.call(svg.querySelectorAll('text'));
    var score = function (t) { return t === st.event ? 1 : st.detail && (t === st.detail || t === 'timer: ' + st.detail) ? 2 : 0; };
    var hits = texts.filter(function (n) { return n.textContent.trim() === st.at && n.getBBox; }).map(function (n) {
      var row = rowOf(n), best = 0;
      texts.forEach(function (m) {
        if (m.parentNode !== n.parentNode) return;
        var b = m.getBBox(), cy = b.y + b.height / 2;
        if (row.y <= cy && cy <= row.y + row.height) best = Math.max(best, score(m.textContent.trim()));
      });
      return {text: n, row: row, score: best};
    });
    var top = Math.max.apply(null, [0].concat(hits.map(function (h) { return h.score; })));
    var same = s.steps.filter(function (x) { return x.at === st.at; }), nth = same.indexOf(st);
    var hit = hits.length === same.length ? hits[nth] : hits.filter(function (h) { return h.score === top; })[0];
    var day = /^day (\d+) /.exec(st.at);
    if (!hit && day) texts.some(function (n) {   // a day folded into a row "days 1–7"
      var m = /^days? (\d+)(?:\s*[–-]\s*(\d+))?$/.exec(n.textContent.trim());
      if (m && n.getBBox && +m[1] <= +day[1] && +day[1] <= +(m[2] || m[1])) hit = {text: n, row: rowOf(n), folded: true};
      return !!hit;
    });
    s.at.classList.toggle('folded', !hit || !!hit.folded);
    s.at.title = hit && !hit.folded ? '' : 'no row of its own in the timeline (identical days are folded, unchanged steps left out)';
    if (!hit) return;
    var g = hit.text.parentNode, box = g.getBBox();
    if (!box.width) return;
    var rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    [['x', box.x], ['y', hit.row.y], ['width', box.width], ['height', hit.row.height], ['class', 'step-highlight' + (hit.folded ? ' folded' : '')]]
      .forEach(function (a) { rect.setAttribute(a[0], a[1]); });
    g.appendChild(rect);
    s.mark = rect;
    keepVisible(s.timeline, rect);
  }

  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.defaultPrevented) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var s = active || steppers[0];
    if (!s) return;
    var to = {ArrowRight: s.k + 1, ArrowLeft: s.k - 1, Home: 0, End: s.n - 1}[e.key];
    if (to === undefined) return;
    e.preventDefault();
    s.show(to);
  });

  // ---- state diagrams, coverage, plots ----
  function diagram(d) {
    var caption = fmtInt(d.reached_rows) + ' of ' + fmtInt(d.total_rows) + ' table rows reached';
    var share = d.total_rows ? Math.round(100 * d.reached_rows / d.total_rows) : 0;
    return el('details', {class: 'diagram', 'data-machine': d.machine},
      el('summary', {}, el('span', {class: 'name', text: d.machine}), ' ', el('span', {class: 'caption', text: caption}),
        el('span', {class: 'bar', 'aria-hidden': 'true'}, el('span', {style: 'width:' + share + '%'}))),
      el('figure', {}, inlineSvg(d.svg, 'diagram-svg'), el('figcaption', {text: d.machine + ': ' + caption})));
  }
  function rowList(rows) { return el('ul', {class: 'rows'}, rows.map(function (r) { return el('li', {}, el('code', {text: r})); })); }
  function coverage(c) {
    var never = c.never_reached || [];
    return [el('h3', {text: 'Rows no preset reaches (' + never.length + ') — dead or a missing scenario'}),
      never.length ? rowList(never) : el('p', {class: 'ok', text: 'Every table row is reached by some preset.'}),
      el('h3', {text: 'Rows each preset does not reach'}),
      (c.presets || []).map(function (p) {
        var u = p.unreached || [];
        return el('details', {class: 'coverage-preset', 'data-preset': p.preset},
          el('summary', {}, el('span', {class: 'name', text: p.preset}), ' ', plural(u.length, 'row') + ' never reached'),
          u.length ? rowList(u) : el('p', {text: 'none'}));
      })];
  }

  // ---- the page ----
  function render(data) {
    var main = document.getElementById('report'), nav = document.getElementById('report-nav');
    var rows = data.rows || [], cxs = data.counterexamples || [], diagrams = data.diagrams || [], plots = data.plots || [];
    var sum = data.summary || {}, failing = sum.failing !== undefined ? sum.failing : rows.filter(function (r) { return r.verdict !== r.expected; }).length;
    document.getElementById('report-title').textContent = data.title || 'cqmcheck report';
    add(document.getElementById('report-summary'), [plural(sum.presets || 0, 'preset'), ' · ', plural(rows.length, 'row'), ' · ',
      el('span', {class: failing ? 'bad' : 'good', text: plural(failing, 'failing row')}), ' · ', plural(cxs.length, 'counterexample')]);
    var parts = [['suite', 'Suite', suiteTable(rows)]];
    if (cxs.length) parts.push(['counterexamples', 'Counterexamples', [
      el('p', {class: 'hint', text: 'Step with the buttons, or ← → Home End on the counterexample last clicked.'}),
      cxs.map(function (cx) { return counterexample(cx).section; })]]);
    if (diagrams.length) parts.push(['diagrams', 'State diagrams', [
      el('p', {class: 'hint', text: 'Each machine’s transition table; the rows some preset reached are coloured.'}), diagrams.map(diagram)]]);
    if (data.coverage) parts.push(['coverage', 'Coverage', coverage(data.coverage)]);
    if (plots.length) parts.push(['plots', 'Plots', plots.map(function (p) {
      return el('figure', {class: 'plot'}, el('figcaption', {text: p.title}), inlineSvg(p.svg, 'plot-svg'));
    })]);
    var links = el('ul');
    parts.forEach(function (p) {
      main.appendChild(add(section(p[0], p[1]), p[2]));
      links.appendChild(el('li', {}, el('a', {href: '#' + p[0], text: p[1]})));
    });
    nav.appendChild(links);
    steppers.forEach(function (s) { s.show(0); });
    if (steppers.length) activate(steppers[0]);
  }

  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  });

  var data;
  try {
    data = JSON.parse(document.getElementById('cqm-report-data').textContent);
  } catch (err) {
    add(document.getElementById('report'), el('p', {class: 'error', text: 'The report’s data could not be read: ' + err.message}));
    return;
  }
  render(data);
})();
