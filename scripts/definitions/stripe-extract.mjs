// Extracts the JSON Schema of the objects hookctl's stripe.* events carry from Stripe's own
// published definition: the TypeScript declarations that stripe-node generates from Stripe's
// OpenAPI spec (one interface per spec schema; `| null` where the spec says nullable, `?` where a
// property is not required, string-literal unions for enums, `string | Resource` for expandable
// fields). Run it through scripts/definitions/stripe, which installs the packages it reads.
//
// usage: node stripe-extract.mjs NODE_MODULES_DIR EVENT_TYPES_JSON OUT_SCHEMA_JSON
//
// Output: one JSON Schema (2020-12) document. `$defs` holds every object definition reached from
// the events' `data.object` (named as stripe-node names them: `Invoice`, `Invoice.AutomaticTax`)
// and the event envelope (`Event`); `x-events` maps each event type to the definition of its
// `data.object`; `x-api-version` is the API version the declarations were generated for.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [modules, eventsFile, outFile] = process.argv.slice(2);
if (!modules || !eventsFile || !outFile) {
  console.error('usage: node stripe-extract.mjs NODE_MODULES_DIR EVENT_TYPES_JSON OUT_SCHEMA_JSON');
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(modules), 'noop.js'));
const ts = require('typescript');
const stripeDir = path.join(path.resolve(modules), 'stripe');
const wantedEvents = JSON.parse(fs.readFileSync(eventsFile, 'utf8'));

const root = path.join(stripeDir, 'cjs', 'resources', 'Events.d.ts');
const program = ts.createProgram([root], { strict: true, noEmit: true, skipLibCheck: true });
const checker = program.getTypeChecker();
const eventsSource = program.getSourceFile(root);

// stripe-node's own name of a declaration, with the folder of its module where it has one, so
// that two `Session`s stay apart: `Invoice`, `Invoice.AutomaticTax`, `Checkout.Session`.
function nameOf(symbol) {
  const full = checker.getFullyQualifiedName(symbol);
  const quoted = /^"([^"]+)"\.(.*)$/.exec(full);
  if (!quoted) return full;
  const folders = quoted[1].split('/resources/')[1]?.split('/').slice(0, -1) ?? [];
  return [...folders, quoted[2]].join('.');
}

const defs = {};
const pending = [];

function isNamedInterface(type) {
  const s = type.aliasSymbol ?? type.symbol;
  if (!s || !s.declarations || s.declarations.length === 0) return false;
  if (type.aliasTypeArguments?.length || checker.getTypeArguments?.(type)?.length) return false;
  return s.declarations.some((d) => ts.isInterfaceDeclaration(d) && !d.typeParameters);
}

// An object type that is an API resource of its own (it has `object: 'literal'`), which a payload
// carries as an id unless the field is expanded.
function resourceObjectName(type) {
  const prop = checker.getPropertyOfType(type, 'object');
  if (!prop) return null;
  const t = checker.getTypeOfSymbol(prop);
  return t.isStringLiteral() ? t.value : null;
}

function refTo(type) {
  const name = nameOf(type.symbol);
  if (!(name in defs)) {
    defs[name] = null; // reserved, filled below
    pending.push([name, type]);
  }
  return { $ref: `#/$defs/${name}` };
}

function objectSchema(type) {
  const properties = {};
  const required = [];
  for (const prop of checker.getPropertiesOfType(type)) {
    const decl = prop.valueDeclaration ?? prop.declarations?.[0];
    const ptype = checker.getTypeOfSymbol(prop);
    // `deleted?: void` marks the live object apart from its deleted twin: never sent.
    const never = ts.TypeFlags.Void | ts.TypeFlags.Undefined;
    if (ptype.flags & never || (ptype.isUnion() && ptype.types.every((t) => t.flags & never))) continue;
    if (decl && ts.isMethodSignature(decl)) continue;
    properties[prop.name] = convert(ptype, prop);
    if (!(prop.flags & ts.SymbolFlags.Optional)) required.push(prop.name);
  }
  const schema = { type: 'object', properties, required: required.sort() };
  const index = checker.getIndexInfosOfType(type);
  schema.additionalProperties = index.length ? convert(index[0].type) : false;
  return schema;
}

function withNull(schema) {
  if (schema.type && typeof schema.type === 'string' && !schema.$ref) {
    const out = { ...schema, type: [schema.type, 'null'] };
    if (out.enum) out.enum = [...out.enum, null];
    return out;
  }
  // Null, else the schema: a value that is not null is held to the schema itself, so a field
  // missing deep inside is named where it is, not reported as 'matches none of the anyOf'.
  return { if: { type: 'null' }, else: schema };
}

function convert(type, prop) {
  if (type.isUnion()) {
    let nullable = false;
    const literals = [];
    const rest = [];
    let trueSeen = false;
    let falseSeen = false;
    let otherString = false;
    for (const t of type.types) {
      if (t.flags & ts.TypeFlags.Null) nullable = true;
      else if (t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) continue;
      else if (t.isStringLiteral()) literals.push(t.value);
      // stripe-node joins each enum with `OtherString` so integrations tolerate values newer
      // than the SDK; the spec's enum is the literals alone.
      else if (t.aliasSymbol?.name === 'OtherString') otherString = true;
      else if (t.flags & ts.TypeFlags.BooleanLiteral) {
        if (checker.typeToString(t) === 'true') trueSeen = true;
        else falseSeen = true;
      } else rest.push(t);
    }
    if (otherString && !literals.length) rest.push(checker.getStringType());
    const alternatives = [];
    if (literals.length) alternatives.push({ type: 'string', enum: literals.sort() });
    if (trueSeen && falseSeen) alternatives.push({ type: 'boolean' });
    else if (trueSeen || falseSeen) alternatives.push({ type: 'boolean', const: trueSeen });
    const hasString = rest.some((t) => t.flags & ts.TypeFlags.String);
    for (const t of rest) {
      if (hasString && !(t.flags & ts.TypeFlags.String) && resourceObjectName(t)) {
        // Expandable: an id unless the request expanded it. Webhooks never expand, so an
        // expanded object is held only to being the right kind of object.
        alternatives.push({
          type: 'object',
          required: ['id', 'object'],
          properties: { object: { const: resourceObjectName(t) } },
        });
      } else {
        alternatives.push(convert(t));
      }
    }
    const unique = [];
    for (const a of alternatives) {
      if (!unique.some((u) => JSON.stringify(u) === JSON.stringify(a))) unique.push(a);
    }
    const base = unique.length === 1 ? unique[0] : { anyOf: unique };
    return nullable ? withNull(base) : base;
  }
  if (type.flags & ts.TypeFlags.Null) return { type: 'null' };
  if (type.flags & ts.TypeFlags.String) return { type: 'string' };
  if (type.flags & ts.TypeFlags.Number) return { type: 'number' };
  if (type.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return { type: 'boolean' };
  if (type.isStringLiteral()) return { type: 'string', enum: [type.value] };
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
  if (checker.isArrayType(type)) {
    return { type: 'array', items: convert(checker.getTypeArguments(type)[0]) };
  }
  const symbolName = (type.aliasSymbol ?? type.symbol)?.name;
  // stripe-node parses decimal strings into its own Decimal class; on the wire they are strings.
  if (symbolName === 'Decimal' || symbolName === 'DecimalImpl' || type.isIntersection()) {
    return { type: 'string' };
  }
  if (type.flags & ts.TypeFlags.Object) {
    if (isNamedInterface(type)) return refTo(type);
    return objectSchema(type); // generic (ApiList<T>) or anonymous: inline
  }
  throw new Error(`cannot convert ${checker.typeToString(type)}${prop ? ` (${prop.name})` : ''}`);
}

function drain() {
  while (pending.length) {
    const [name, type] = pending.shift();
    defs[name] = objectSchema(type);
  }
}

// Each wanted event's interface (`InvoicePaidEvent`, `type: 'invoice.paid'`) names its object.
const eventObjects = {};
let eventBase = null;
for (const stmt of eventsSource.statements) {
  if (!ts.isInterfaceDeclaration(stmt)) continue;
  const type = checker.getTypeAtLocation(stmt.name);
  if (stmt.name.text === 'EventBase') eventBase = type;
  const typeProp = checker.getPropertyOfType(type, 'type');
  if (!typeProp || stmt.name.text === 'EventBase') continue;
  const literal = checker.getTypeOfSymbol(typeProp);
  if (!literal.isStringLiteral() || !wantedEvents.includes(literal.value)) continue;
  const data = checker.getTypeOfSymbol(checker.getPropertyOfType(type, 'data'));
  const object = checker.getTypeOfSymbol(checker.getPropertyOfType(data, 'object'));
  eventObjects[literal.value] = refTo(object).$ref.replace('#/$defs/', '');
}
const missing = wantedEvents.filter((e) => !(e in eventObjects));
if (missing.length) throw new Error(`stripe-node declares no event ${missing.join(', ')}`);

// The envelope: EventBase, whose `data.object` the check takes from `x-events`.
const envelope = objectSchema(eventBase);
delete defs['Event.Data'];
envelope.properties.data = {
  type: 'object',
  properties: { object: { type: 'object' }, previous_attributes: { type: 'object' } },
  required: ['object'],
  additionalProperties: false,
};
drain();
delete defs['Event.Data'];
delete defs['Event.Data.Object'];
delete defs['Event.Data.PreviousAttributes'];
defs.Event = envelope;

const apiVersionFile = fs.readFileSync(path.join(stripeDir, 'cjs', 'apiVersion.js'), 'utf8');
const apiVersion = /ApiVersion = '([^']+)'/.exec(apiVersionFile)[1];
const stripeVersion = JSON.parse(fs.readFileSync(path.join(stripeDir, 'package.json'), 'utf8')).version;
const openapiVersion = fs.readFileSync(path.join(stripeDir, 'OPENAPI_VERSION'), 'utf8').trim();

const sorted = Object.fromEntries(Object.keys(defs).sort().map((k) => [k, defs[k]]));
const doc = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  'x-api-version': apiVersion,
  'x-source': `stripe-node ${stripeVersion} types, generated from Stripe's OpenAPI spec ${openapiVersion}`,
  'x-events': Object.fromEntries(Object.keys(eventObjects).sort().map((k) => [k, eventObjects[k]])),
  $defs: sorted,
};
fs.writeFileSync(outFile, JSON.stringify(doc, null, 1) + '\n');
console.error(
  `${Object.keys(eventObjects).length} events, ${Object.keys(sorted).length} definitions, API ${apiVersion}`,
);
