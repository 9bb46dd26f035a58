'use strict';
// Validates rendered manifests offline: Kubernetes kinds against kubernetes-models' schemas,
// Prometheus Operator kinds against @kubernetes-models/prometheus-operator, Strimzi kinds against
// the openAPIV3Schema of the vendored CRDs (helm/vendor/strimzi-crds). Unknown kinds fail.
const fs = require('node:fs');
const path = require('node:path');
const yaml = require('js-yaml');
const Ajv = require('ajv');

const CRD_DIR = path.join(__dirname, '..', 'vendor', 'strimzi-crds');
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

// The API server silently prunes fields a CRD does not declare; a misspelt field would vanish
// unnoticed, so here an undeclared field is an error.
function closed(schema) {
  if (Array.isArray(schema)) return schema.map(closed);
  if (!schema || typeof schema !== 'object') return schema;
  const copy = {};
  for (const [k, v] of Object.entries(schema)) copy[k] = closed(v);
  if (copy.type === 'object' && copy.properties && copy.additionalProperties === undefined && !copy['x-kubernetes-preserve-unknown-fields']) {
    copy.additionalProperties = false;
  }
  return copy;
}

function strimziValidators() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validators = new Map();
  for (const file of fs.readdirSync(CRD_DIR).filter((f) => f.endsWith('.yaml'))) {
    const crd = yaml.load(fs.readFileSync(path.join(CRD_DIR, file), 'utf8'));
    for (const version of crd.spec.versions.filter((v) => v.served)) {
      const key = `${crd.spec.group}/${version.name}/${crd.spec.names.kind}`;
      validators.set(key, ajv.compile(closed(version.schema.openAPIV3Schema)));
    }
  }
  return validators;
}

function modelClass(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : [null, apiVersion];
  const candidates = group === 'monitoring.coreos.com'
    ? [`@kubernetes-models/prometheus-operator/${apiVersion}`]
    : [`kubernetes-models/${group ? `${group}/${version}` : version}`];
  for (const module of candidates) {
    try {
      const cls = require(module)[kind];
      if (cls) return cls;
    } catch (e) {
      if (e.code !== 'MODULE_NOT_FOUND' && e.code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') throw e;
    }
  }
  return null;
}

/** Problems of one manifest, as strings; empty when it is valid. */
function problems(doc, strimzi) {
  const found = [];
  const name = doc.metadata && doc.metadata.name;
  if (!name || !DNS_SUBDOMAIN.test(name) || name.length > 253) found.push(`metadata.name ${JSON.stringify(name)} is not a valid Kubernetes name`);
  for (const [k, v] of Object.entries((doc.metadata && doc.metadata.labels) || {})) {
    if (typeof v !== 'string' || v.length > 63 || !LABEL_VALUE.test(v)) found.push(`metadata.labels.${k}: ${JSON.stringify(v)} is not a valid label value`);
  }
  const group = (doc.apiVersion || '').split('/')[0];
  if (group === 'kafka.strimzi.io') {
    const validate = strimzi.get(`${doc.apiVersion}/${doc.kind}`);
    if (!validate) return found.concat(`no Strimzi CRD serves ${doc.apiVersion} ${doc.kind}`);
    if (!validate(doc)) {
      for (const e of validate.errors) found.push(`${e.instancePath || '/'} ${e.message}${e.params && e.params.allowedValues ? ` (${e.params.allowedValues.join(', ')})` : ''}${e.params && e.params.additionalProperty ? `: ${e.params.additionalProperty}` : ''}`);
    }
    return found;
  }
  const Model = modelClass(doc.apiVersion, doc.kind);
  if (!Model) return found.concat(`no schema for ${doc.apiVersion} ${doc.kind}`);
  try {
    new Model(doc).validate();
  } catch (e) {
    found.push(e.message);
  }
  return found;
}

/** Validates every document; returns [{id, problems}]. */
function validateAll(docs) {
  const strimzi = strimziValidators();
  return docs.map((doc) => ({ id: `${doc.kind} ${doc.metadata && doc.metadata.name}`, problems: problems(doc, strimzi) }));
}

module.exports = { validateAll };

if (require.main === module) {
  const { documents, Report } = require('./lib');
  const report = new Report('manifests');
  for (const file of process.argv.slice(2)) {
    for (const r of validateAll(documents(fs.readFileSync(file, 'utf8')))) {
      if (r.problems.length) report.fail(`${file}: ${r.id}`, r.problems.join('\n')); else report.pass(`${file}: ${r.id}`);
    }
  }
  report.finish();
}
