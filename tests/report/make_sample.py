#!/usr/bin/python3
"""Assemble a sample report, OUT_DIR/index.html, from writers/report/ and real cqmcheck outputs.

For developing the page and the browser test without the C++ report writer; the real test runs on
`cqmcheck report`'s output. The data follows the contract in writers/report/README.md, but the coverage here is
approximated from the counterexample traces (an edge is "reached" when a machine went from its source state to its
target state), not computed from the tables as cqmcheck report does.

usage: make_sample.py OUT_DIR [--cqmcheck PATH] [--presets P,Q,...] [--holding-only]
  --presets        the presets to check (default kb-q292030,fix-reconnect)
  --holding-only   only fix-reconnect (every verdict HOLDS): a page without a counterexample
"""
import argparse
import html
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ASSETS = os.path.join(HERE, '..', '..', 'writers', 'report')
PLACEHOLDER = re.compile(r'@CQM_REPORT_(STYLE|SCRIPT|TITLE|DATA)@')


def run(cmd, ok=(0,)):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode not in ok:
        sys.exit('make_sample: %s exited %d\n%s' % (' '.join(cmd), p.returncode, p.stderr))
    return p.stdout


def read(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def presets(cqm):
    """preset -> (article, set of properties it expects VIOLATED), from `cqmcheck presets`."""
    out, article = {}, ''
    for line in run([cqm, 'presets']).splitlines():
        if line.startswith('KB '):
            article = line[3:].strip()
            continue
        m = re.match(r'\s+(\S+)\s+expect (HOLDS|VIOLATED \w+(?:, VIOLATED \w+)*)', line)
        if m:
            out[m.group(1)] = (article, set(re.findall(r'VIOLATED (\w+)', m.group(2))))
    return out


def bounds(e):
    if e['explorer'] == 'exhaustive':
        return '%s search, %s-bit key, queue bound %s' % (e['outcome'], e.get('key_bits'), e.get('queue_bound'))
    return '%s random schedules, %s shrink steps' % (e.get('runs'), e.get('shrink_steps'))


def dot_rows(path):
    """A machine's table rows, from the edges of its generated DOT: (machine, source, target, row text)."""
    text = read(path)
    machine = re.search(r'digraph "([^"]+)"', text).group(1)
    rows = []
    for src, dst, label in re.findall(r'^\s*"([^"]+)" -> "([^"]+)" \[label="((?:[^"\\]|\\.)*)"', text, re.M):
        parts = label.replace('\\l', '\\n').split('\\n')
        event = parts[0]
        guard = ' '.join(p for p in parts[1:] if p.startswith('['))
        rows.append((machine, src, dst, '%s: %s + %s%s -> %s' % (machine, src, event, ' ' + guard if guard else '', dst)))
    return machine, rows


def transitions(trace):
    """(machine type, from, to) for every state change of every instance in a trace."""
    seen, steps = set(), trace['steps']
    for prev, cur in zip(steps, steps[1:]):
        for name, m in cur['machines'].items():
            was = prev['machines'].get(name, {}).get('state')
            if was and was != m['state']:
                seen.add((re.sub(r'^client \d+: |\[.*\]$', '', name), was, m['state']))
    return seen


def colour_reached(svg, reached_pairs):
    """Colours the reached edges, as cqmcheck report does in its own way."""
    def edge(m):
        g = m.group(0)
        title = html.unescape(re.search(r'<title>(.*?)</title>', g).group(1))
        src, _, dst = title.partition('->')
        if (src.split(':')[0], dst.split(':')[0]) in reached_pairs:
            g = g.replace('#333333', '#2e7d32').replace('stroke-width="1"', 'stroke-width="2"')
        return g
    return re.sub(r'<g id="edge\d+" class="edge">.*?</g>', edge, svg, flags=re.S)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('out_dir')
    ap.add_argument('--cqmcheck', default=os.environ.get('CQMCHECK', '/tmp/cleanb/cqmcheck'))
    ap.add_argument('--presets', default='kb-q292030,fix-reconnect')
    ap.add_argument('--holding-only', action='store_true')
    a = ap.parse_args()
    cqm = a.cqmcheck
    names = ['fix-reconnect'] if a.holding_only else a.presets.split(',')
    known = presets(cqm)
    rows, cxs, traces = [], [], {}
    with tempfile.TemporaryDirectory(prefix='cqm-sample-') as tmp:
        for preset in names:
            result = json.loads(run([cqm, 'check', '--preset', preset, '--format', 'json', '--quiet',
                                     '--out', os.path.join(tmp, preset)], ok=(0, 1)))
            article, expect_violated = known.get(preset, ('', set()))
            for e in result['explorers']:
                for p in e['properties']:
                    cx_id = None
                    if 'counterexample' in p:
                        files = p['counterexample']['files']
                        trace = json.loads(read(next(f for f in files if f.endswith('trace.json'))))
                        cx_id = '%s--%s--%s' % (preset, p['property'], e['explorer'])
                        cxs.append({'id': cx_id, 'preset': preset, 'property': p['property'], 'explorer': e['explorer'],
                                    'timeline_svg': read(next(f for f in files if f.endswith('trace.svg'))),
                                    'trace': trace})
                        traces.setdefault(preset, []).append(trace)
                    rows.append({'preset': preset, 'article': article, 'property': p['property'],
                                 'explorer': e['explorer'], 'verdict': p['verdict'],
                                 'expected': 'VIOLATED' if p['property'] in expect_violated else 'HOLDS',
                                 'bounds': bounds(e), 'states': e.get('states'), 'runs': e.get('runs'),
                                 'seconds': round(e['seconds'], 3), 'counterexample': cx_id})

        dg = os.path.join(tmp, 'diagrams')
        run([cqm, 'diagrams', '--out', dg])
        reached_by = {pr: set().union(*(transitions(t) for t in ts)) for pr, ts in traces.items()}
        everything = set().union(*reached_by.values()) if reached_by else set()
        diagrams, all_rows = [], []
        for f in sorted(os.listdir(dg)):
            if not f.endswith('.dot') or f == 'overview.dot' or f.endswith('_counterexample.dot'):
                continue
            machine, mrows = dot_rows(os.path.join(dg, f))
            all_rows += mrows
            pairs = {(s, d) for (m, s, d) in everything if m == machine}
            diagrams.append({'machine': machine,
                             'svg': colour_reached(read(os.path.join(dg, f[:-4] + '.svg')), pairs),
                             'reached_rows': sum((s, d) in pairs for (_, s, d, _) in mrows),
                             'total_rows': len(mrows)})
        coverage = {'presets': [{'preset': pr, 'unreached': [r[3] for r in all_rows if r[:3] not in reached]}
                                for pr, reached in sorted(reached_by.items())],
                    'never_reached': [r[3] for r in all_rows if r[:3] not in everything]}

        plots = []
        if 'kb-q292030' in names:
            est = os.path.join(tmp, 'estimate')
            run([cqm, 'estimate', '--preset', 'kb-q292030', '--clients', '5000', '--curve-clients', '2000',
                 '--seed', '1', '--quiet', '--out', est])
            plots = [{'title': 'kb-q292030: delivery delays (5000 clients, seed 1)',
                      'svg': read(os.path.join(est, 'delay_histogram.svg'))},
                     {'title': 'kb-q292030: P(loss) against the init-failure probability',
                      'svg': read(os.path.join(est, 'loss_vs_init_failure.svg'))}]

    data = {'title': 'cqmcheck report (sample: %s)' % ', '.join(names),
            'summary': {'presets': len(names), 'failing': sum(r['verdict'] != r['expected'] for r in rows)},
            'rows': rows, 'counterexamples': cxs, 'diagrams': diagrams, 'coverage': coverage, 'plots': plots}
    text = json.dumps(data, ensure_ascii=False, separators=(',', ':'))
    text = text.replace('</', '<\\/').replace('<!--', '\\u003c!--')
    fill = {'STYLE': read(os.path.join(ASSETS, 'report.css')), 'SCRIPT': read(os.path.join(ASSETS, 'report.js')),
            'TITLE': html.escape(data['title']), 'DATA': text}
    page = PLACEHOLDER.sub(lambda m: fill[m.group(1)], read(os.path.join(ASSETS, 'page.html')))
    os.makedirs(a.out_dir, exist_ok=True)
    with open(os.path.join(a.out_dir, 'index.html'), 'w', encoding='utf-8') as f:
        f.write(page)
    print('wrote %s (%d rows, %d counterexamples, %d diagrams, %d plots)' % (
        os.path.join(a.out_dir, 'index.html'), len(rows), len(cxs), len(diagrams), len(plots)))


if __name__ == '__main__':
    main()
