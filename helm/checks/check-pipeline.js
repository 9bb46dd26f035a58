'use strict';
// Validates an Azure Pipelines file against the official schema (helm/vendor/azure-pipelines).
//   node check-pipeline.js <azure-pipelines.yml>
const fs = require('node:fs');
const path = require('node:path');
const yaml = require('js-yaml');
const Ajv = require('ajv');
const { Report } = require('./lib');

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'vendor', 'azure-pipelines', 'service-schema.json'), 'utf8'));
// The schema's patterns use look-arounds that Unicode mode rejects.
const ajv = new Ajv({ strict: false, allErrors: false, unicodeRegExp: false });
const validate = ajv.compile(schema);
const report = new Report('pipeline checks');
for (const file of process.argv.slice(2)) {
  let doc;
  try {
    doc = yaml.load(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    report.fail(file, e.message);
    continue;
  }
  if (validate(doc)) report.pass(`${file} matches the Azure Pipelines schema`);
  else report.fail(file, validate.errors.slice(0, 20).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`).join('\n'));
}
report.finish();
