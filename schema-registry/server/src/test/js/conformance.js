// Runs @kafkajs/confluent-schema-registry (a third-party Confluent client) against the registry at
// REGISTRY_URL: registers, fetches, encodes and decodes, decodes the bytes our Java serializer wrote
// (JAVA_BYTES, hex), and prints one JSON line with what it saw and the bytes it wrote itself.
'use strict';
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');

async function main() {
  const registry = new SchemaRegistry({ host: process.env.REGISTRY_URL });
  const subject = process.env.NODE_SUBJECT;
  const schema = {
    type: 'record', name: 'NodeOrder', namespace: 'conformance',
    fields: [
      { name: 'id', type: 'long' },
      { name: 'customer', type: 'string' },
      { name: 'amount', type: 'double' },
      { name: 'tags', type: { type: 'array', items: 'string' } },
    ],
  };
  const { id } = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(schema) }, { subject });
  const again = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(schema) }, { subject });
  const latestId = await registry.getLatestSchemaId(subject);
  const bySchema = await registry.getRegistryIdBySchema(subject, { type: SchemaType.AVRO, schema: JSON.stringify(schema) });
  const byVersion = await registry.getRegistryId(subject, 1);
  const fetched = await registry.getSchema(id);

  const payload = { id: 7, customer: 'node', amount: 12.5, tags: ['a', 'b'] };
  const encoded = await registry.encode(id, payload);
  const decodedOwn = await registry.decode(encoded);
  const decodedJava = await registry.decode(Buffer.from(process.env.JAVA_BYTES, 'hex'));

  let incompatible = null;
  try {
    const breaking = { ...schema, fields: [...schema.fields, { name: 'required', type: 'int' }] };
    await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(breaking) }, { subject });
  } catch (e) {
    incompatible = { status: e.status, message: String(e.message) };
  }

  let missing = null;
  try {
    await registry.getSchema(987654);
  } catch (e) {
    missing = { status: e.status, message: String(e.message) };
  }

  console.log(JSON.stringify({
    id, againId: again.id, latestId, bySchema, byVersion,
    fetchedName: fetched.name,
    encodedHex: encoded.toString('hex'),
    decodedOwn,
    decodedJava: { ...decodedJava, id: Number(decodedJava.id) },
    incompatible, missing,
  }));
}

main().catch((e) => {
  console.error('conformance failed:', e && e.stack ? e.stack : e);
  process.exit(1);
});
