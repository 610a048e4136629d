import fc from 'fast-check';

// Requests generated from the shapes of the OpenAPI document: mostly near
// the valid shape, with one thing wrong here and there, because near-valid
// input reaches deeper into a handler than noise does.

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  maxLength?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
}

export const hostile = fc.constantFrom(
  "'; drop table events; --",
  "1' or '1'='1",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${jndi:ldap://x/a}',
  '../../etc/passwd',
  '\u0000',
  '%00%27',
  '\\',
  '   ',
  'ñandú ÁÉÍÓÚ 🌮 \u202E',
  '{{7*7}}',
  '__proto__',
);

const badDates = fc.constantFrom('2021-02-30', '2020-13-01', '2019-00-10', '2021-2-3', '31/12/2020', '2021-02-29', '9999-99-99', '2020-12-31T25:00:00Z', '+275760-09-13', 'ayer', '');
const validDates = fc.constantFrom('2020-04-24', '2020-12-31', '2019-11-22', '2030-06-30', '1900-01-01');
const dateTimes = fc.constantFrom('2020-05-11T12:00:00-05:00', '2020-04-24T00:00:00Z', '2099-01-01T00:00:00Z', '2021-02-30T10:00:00Z', '2020-05-11T12:00:00', '2020-05-11 12:00');
const badUuids = fc.constantFrom('no-es-uuid', '00000000-0000-0000-0000-00000000000g', '123', "00000000-0000-4000-8000-000000000000' or 1=1 --", '{}', 'null');
// Rarely, and then large enough to hit the limits of fields and bodies.
const huge = fc.integer({ min: 20_001, max: 400_000 }).map((n) => 'x'.repeat(n));

function resolve(schema: JsonSchema, components: Record<string, JsonSchema>): JsonSchema {
  const name = schema.$ref?.split('/').pop();
  return name && components[name] ? components[name] : schema;
}

// A value of the schema's shape, sometimes wrong at any depth.
export function malformed(schema: JsonSchema, ids: readonly string[], components: Record<string, JsonSchema>, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 12, arbitrary: shaped(resolve(schema, components), ids, components, depth) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    { weight: 1, arbitrary: hostile },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, -1, 1e308, true, [], {}, '') },
  );
}

function shaped(schema: JsonSchema, ids: readonly string[], components: Record<string, JsonSchema>, depth: number): fc.Arbitrary<unknown> {
  if (depth > 4) return fc.jsonValue({ maxDepth: 1 });
  const alternatives = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => malformed(s, ids, components, depth + 1)));
  if (schema.enum) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...schema.enum) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
  if (schema.const !== undefined) return fc.oneof({ weight: 4, arbitrary: fc.constant(schema.const) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return stringLike(schema, ids);
    case 'integer':
    case 'number':
      return fc.oneof(
        fc.integer({ min: -5, max: 500 }),
        fc.double({ noNaN: true }),
        fc.constantFrom(0, -1, 2 ** 53, 1e308, (schema.maximum ?? 100) + 1, (schema.minimum ?? 0) - 1, 1.5),
        fc.constantFrom('12', '1e3', 'NaN'),
      );
    case 'boolean':
      return fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constantFrom('true', 0, 1, 'sí') });
    case 'array': {
      const items = schema.items ? malformed(schema.items, ids, components, depth + 1) : fc.jsonValue({ maxDepth: 1 });
      return fc.oneof({ weight: 6, arbitrary: fc.array(items, { maxLength: 4 }) }, { weight: 1, arbitrary: fc.array(fc.constant('x'), { minLength: (schema.maxItems ?? 200) + 1, maxLength: (schema.maxItems ?? 200) + 1 }) });
    }
    case 'object':
      return objectLike(schema, ids, components, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringLike(schema: JsonSchema, ids: readonly string[]): fc.Arbitrary<unknown> {
  const text = fc.oneof({ weight: 8, arbitrary: fc.string({ maxLength: 40 }) }, { weight: 2, arbitrary: hostile }, { weight: 1, arbitrary: huge });
  switch (schema.format) {
    case 'uuid':
      return fc.oneof({ weight: 6, arbitrary: ids.length ? fc.constantFrom(...ids) : fc.uuid() }, { weight: 2, arbitrary: fc.uuid() }, { weight: 2, arbitrary: badUuids });
    case 'date':
      return fc.oneof(validDates, badDates);
    case 'date-time':
      return fc.oneof(dateTimes, badDates);
    case 'email':
      return fc.oneof(fc.emailAddress(), text);
    case 'uri':
      return fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'ftp://x.mx/a', 'http://'), text);
    default:
      return fc.oneof({ weight: 3, arbitrary: text }, { weight: 1, arbitrary: fc.oneof(validDates, badDates) }, { weight: 1, arbitrary: fc.constantFrom(...ids, 'ordinaria', 'ABC') });
  }
}

function objectLike(schema: JsonSchema, ids: readonly string[], components: Record<string, JsonSchema>, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = schema.required ?? [];
  const fields = Object.fromEntries(Object.entries(properties).map(([name, s]) => [name, malformed(s, ids, components, depth + 1)]));
  const record = fc.record(fields, { requiredKeys: required.filter((k) => k in fields) });
  const dropped = fc.oneof({ weight: 4, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: fc.subarray(required) });
  const unknown = fc.oneof(
    { weight: 4, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }) },
  );
  return fc.tuple(record, dropped, unknown).map(([value, drop, extra]) => {
    const result: Record<string, unknown> = { ...extra, ...value };
    for (const key of drop) delete result[key];
    return result;
  });
}

// A query or path value as it travels in a URL.
export function asText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export const malformedJson = fc.constantFrom('{', '{"a":', '[]', 'null', '"x"', '', '{"a":1}{', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"a":1}}}', '\u0000', `${'['.repeat(5_000)}${']'.repeat(5_000)}`, '{"text":"\\ud800"}');

export const wrongContentTypes = fc.constantFrom(
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=zzz',
  'application/json; charset=latin1',
  'text/csv',
  'application/octet-stream',
);
