// Validates JSON documents against our JSON Schemas with ajv, an independent
// validator, for tests/schema_parity.rs. Reads {"schemas": {name: schema},
// "docs": [{"schema": name, "text": "…"}]} on stdin and writes one
// {"valid": bool, "errors": [...]} per document.
import Ajv from 'ajv';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { schemas, docs } = JSON.parse(input);
// strict: a schema mistake (an unknown keyword, a wrong type) fails loudly.
const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
const compiled = Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, ajv.compile(s)]));
const out = docs.map(({ schema, text }) => {
  const validate = compiled[schema];
  const valid = validate(JSON.parse(text));
  return { valid, errors: (validate.errors || []).map((e) => `${e.instancePath} ${e.message}`) };
});
process.stdout.write(JSON.stringify(out));
