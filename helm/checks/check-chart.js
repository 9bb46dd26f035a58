'use strict';
// The chart's checks: `helm lint --strict` and `helm template` of every example values file, every
// rendered manifest validated offline (validate-manifests.js), and every bad values file and bad
// zone file refused with the message it expects (its first line: `# expect: <message>`).
//   node check-chart.js --chart <staged chart dir> --out <folder for rendered manifests>
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { helm, template, documents, Report, KUBE_VERSION } = require('./lib');
const { validateAll } = require('./validate-manifests');

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? pairs.concat([[a.slice(2), all[i + 1]]]) : pairs), []));
if (!args.chart || !args.out) {
  console.error('usage: node check-chart.js --chart <chart dir> --out <dir> [--only lint|bad-values|bad-zone-files]');
  process.exit(2);
}
const chart = path.resolve(args.chart);
const out = path.resolve(args.out);
const environments = path.join(__dirname, '..', 'environments');
const list = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => path.join(dir, f)) : []);
const expected = (file) => {
  const m = /^# expect: (.+)$/m.exec(fs.readFileSync(file, 'utf8'));
  if (!m) throw new Error(`${file}: no '# expect: <message>' line`);
  return m[1].trim();
};
const report = new Report('chart checks');
fs.mkdirSync(out, { recursive: true });

function goodValues() {
  for (const values of [...list(environments), ...list(path.join(__dirname, 'values'))]) {
    const name = path.basename(values, '.yaml');
    const lint = helm(['lint', '--strict', chart, '-f', values]);
    if (lint.code !== 0) report.fail(`helm lint --strict (${name})`, lint.stdout + lint.stderr); else report.pass(`helm lint --strict (${name})`);
    const rendered = template(chart, [values]);
    if (rendered.code !== 0) { report.fail(`helm template (${name})`, rendered.stderr); continue; }
    fs.writeFileSync(path.join(out, `${name}.yaml`), rendered.stdout);
    const results = validateAll(documents(rendered.stdout));
    const bad = results.filter((r) => r.problems.length);
    if (bad.length) report.fail(`schemas of ${results.length} manifests (${name})`, bad.map((r) => `${r.id}: ${r.problems.join('; ')}`).join('\n'));
    else report.pass(`schemas of ${results.length} manifests (${name}): Kubernetes, Prometheus Operator, Strimzi CRDs`);
  }
}

function refused(what, result, message) {
  if (result.code === 0) report.fail(what, `rendered, but should have failed with: ${message}`);
  else if (!result.stderr.includes(message)) report.fail(what, `failed with another message than "${message}":\n${result.stderr}`);
  else report.pass(`${what} -> ${message}`);
}

function badValues() {
  const base = path.join(environments, 'dev.yaml');
  for (const values of list(path.join(__dirname, 'bad-values'))) {
    refused(`bad values ${path.basename(values)}`, template(chart, [base, values]), expected(values));
  }
}

function badZoneFiles() {
  for (const file of list(path.join(__dirname, 'bad-zone-files'))) {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'tributary-chart-'));
    try {
      fs.cpSync(chart, copy, { recursive: true });
      fs.copyFileSync(file, path.join(copy, 'zones', path.basename(file)));
      refused(`bad zone file ${path.basename(file)}`, template(copy, [path.join(environments, 'dev.yaml')]), expected(file));
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  }
}

console.log(`helm ${helm(['version', '--short']).stdout.trim()}, Kubernetes ${KUBE_VERSION}, chart ${chart}`);
if (!args.only || args.only === 'lint') goodValues();
if (!args.only || args.only === 'bad-values') badValues();
if (!args.only || args.only === 'bad-zone-files') badZoneFiles();
report.finish();
