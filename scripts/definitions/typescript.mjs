// Turns a provider's published TypeScript webhook types (an npm package) into the JSON Schemas
// hookctl checks its samples and `events lint` against, so the definition is the provider's, not ours.
//
//   node scripts/definitions/typescript.mjs scripts/definitions/providers/<provider>.json
//
// The config names the package and version, the TypeScript that imports its types, and for each
// event either the type that describes it or a union to split by a discriminating property. It
// installs the package, ts-json-schema-generator and TypeScript into a temporary directory (Node
// is needed here only, never to build or test hookctl) and writes, under
// src/events/definitions/data/<provider>/: schema.json (one schema per event, shared
// definitions), LICENSE (the package's) and SOURCE.md.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const GENERATOR = "ts-json-schema-generator@2.10.0";
const TYPESCRIPT = "typescript@5.9.3";

const configPath = process.argv[2];
if (!configPath) {
  console.error("usage: node scripts/definitions/typescript.mjs scripts/definitions/providers/<provider>.json");
  process.exit(2);
}
const config = JSON.parse(fs.readFileSync(configPath, "utf8"));
if (!config.package) {
  console.error(`${configPath} names no npm package: it is an OpenAPI config (scripts/definitions/openapi.py)`);
  process.exit(2);
}
const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
const outDir = path.join(repoRoot, "src/events/definitions/data", config.provider);

// DEFS_WORK keeps the installed packages between runs while a config is being written.
const work = process.env.DEFS_WORK ?? fs.mkdtempSync(path.join(os.tmpdir(), `hookctl-defs-${config.provider}-`));
if (!process.env.DEFS_WORK) process.on("exit", () => fs.rmSync(work, { recursive: true, force: true }));
if (!fs.existsSync(path.join(work, "node_modules", config.package))) {
  fs.mkdirSync(work, { recursive: true });
  fs.writeFileSync(path.join(work, "package.json"), JSON.stringify({ name: "defs", private: true }));
  const packages = [`${config.package}@${config.version}`, ...(config.also ?? []), GENERATOR, TYPESCRIPT];
  execFileSync("npm", ["install", "--silent", "--no-audit", "--no-fund", ...packages], { cwd: work, stdio: "inherit" });
}

// One exported alias per type we need, so the generator reaches them through one entry file.
// An event's `type` is a type name, or a type expression with a `name` for its alias.
const wanted = new Map();
for (const spec of Object.values(config.events)) wanted.set(spec.name ?? spec.type, spec.type);
const aliases = [...wanted].map(([name, expr]) => `export type Hookctl_${name} = ${expr};`).join("\n");
fs.writeFileSync(path.join(work, "entry.ts"), `${config.imports}\n${aliases}\n`);
fs.writeFileSync(
  path.join(work, "tsconfig.json"),
  JSON.stringify({
    compilerOptions: { strict: true, module: "esnext", moduleResolution: "bundler", target: "es2022", skipLibCheck: true },
    files: ["entry.ts"],
  }),
);

const generator = await import(pathToFileURL(path.join(work, "node_modules/ts-json-schema-generator/dist/index.js")).href);
const gen = generator.createGenerator({
  path: path.join(work, "entry.ts"),
  tsconfig: path.join(work, "tsconfig.json"),
  expose: "export",
  topRef: false,
  jsDoc: "none",
  skipTypeCheck: true,
  // A definition describes the fields a provider sends today; a delivery carrying a field added
  // after this version must still pass, so unknown properties are allowed.
  additionalProperties: true,
});
// One schema per alias; the generator names shared types the same way in every one, so their
// definitions merge into one table.
const definitions = {};
const roots = {};
for (const name of wanted.keys()) {
  const { definitions: defs = {}, $schema, ...root } = gen.createSchema(`Hookctl_${name}`);
  Object.assign(definitions, defs);
  roots[name] = root;
}

const resolve = (s) => (s && s.$ref ? resolve(definitions[decodeURIComponent(s.$ref.replace("#/definitions/", ""))]) : s);

// The branch of a union whose discriminator admits `value`, with the discriminator pinned to it.
function branchFor(node, by, value) {
  node = resolve(node);
  for (const key of ["anyOf", "oneOf"]) {
    for (const member of node[key] ?? []) {
      const found = branchFor(member, by, value);
      if (found) return found;
    }
  }
  const prop = resolve(node.properties?.[by]);
  if (!prop) return null;
  const admits = prop.const === value || (prop.enum ?? []).includes(value);
  if (!admits) return null;
  return { ...node, properties: { ...node.properties, [by]: { type: "string", const: value } } };
}

// Nest a schema at a dotted path of the payload (Slack's event sits under `event`).
function at(dotted, inner) {
  if (!dotted) return inner;
  return dotted
    .split(".")
    .reverse()
    .reduce((s, key) => ({ type: "object", required: [key], properties: { [key]: s } }), inner);
}

const events = {};
for (const [event, spec] of Object.entries(config.events)) {
  const root = roots[spec.name ?? spec.type];
  let inner = root;
  if (spec.split) {
    inner = branchFor(root, spec.split, spec.value ?? event);
    if (!inner) throw new Error(`${spec.type} has no branch with ${spec.split} = ${spec.value ?? event}`);
  }
  events[event] = at(spec.at, inner);
}

// Corrections: where the provider's types contradict what the provider really sends, the config
// says what to loosen and why (SOURCE.md lists each). Never a tightening, never a retyping: the
// definition stays the provider's, less the claim its deliveries disprove.
function everyObject(node, visit) {
  if (Array.isArray(node)) return node.forEach((n) => everyObject(n, visit));
  if (!node || typeof node !== "object") return;
  visit(node);
  Object.values(node).forEach((n) => everyObject(n, visit));
}
for (const c of config.corrections ?? []) {
  for (const [name, schema] of Object.entries(c.definitions ?? {})) {
    if (!(name in definitions)) throw new Error(`correction: no definition ${name}`);
    definitions[name] = schema;
  }
  for (const [name, fields] of Object.entries(c.optional ?? {})) {
    const def = definitions[name];
    if (!def?.required) throw new Error(`correction: ${name} has no required fields`);
    def.required = def.required.filter((f) => !fields.includes(f));
  }
  for (const [name, props] of Object.entries(c.properties_of ?? {})) {
    for (const [prop, schema] of Object.entries(props)) {
      if (!definitions[name]?.properties?.[prop]) throw new Error(`correction: no ${name}.${prop}`);
      definitions[name].properties[prop] = schema;
    }
  }
  for (const [prop, schema] of Object.entries(c.properties ?? {})) {
    let found = 0;
    everyObject([events, definitions], (node) => {
      if (node.properties && prop in node.properties) {
        node.properties[prop] = schema;
        found += 1;
      }
    });
    if (!found) throw new Error(`correction: no property ${prop}`);
  }
}

// `X | null` becomes "null, else X": unlike anyOf, a failing value gets X's own problems (field
// and reason) rather than "not valid under any of the schemas".
function nullElse(node) {
  if (Array.isArray(node)) return node.map(nullElse);
  if (!node || typeof node !== "object") return node;
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, nullElse(v)]));
  const branches = out.anyOf;
  if (Array.isArray(branches) && branches.length === 2 && Object.keys(out).length === 1) {
    const nullAt = branches.findIndex((b) => b.type === "null" && Object.keys(b).length === 1);
    if (nullAt >= 0) return { if: { type: "null" }, else: branches[1 - nullAt] };
  }
  return out;
}
for (const key of Object.keys(events)) events[key] = nullElse(events[key]);
for (const key of Object.keys(definitions)) definitions[key] = nullElse(definitions[key]);

// Keep only the definitions the events reach, so the embedded data stays small.
const kept = {};
function reach(node) {
  if (Array.isArray(node)) return node.forEach(reach);
  if (!node || typeof node !== "object") return;
  if (typeof node.$ref === "string" && node.$ref.startsWith("#/definitions/")) {
    const name = decodeURIComponent(node.$ref.slice("#/definitions/".length));
    if (!(name in kept)) {
      kept[name] = definitions[name];
      reach(definitions[name]);
    }
  }
  Object.values(node).forEach(reach);
}
reach(events);

const sorted = (o) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(
  path.join(outDir, "schema.json"),
  JSON.stringify({ source: `${config.package} ${config.version}`, definitions: sorted(kept), events: sorted(events) }) + "\n",
);

const pkgDir = path.join(work, "node_modules", config.package);
const licenseFile = fs.readdirSync(pkgDir).find((f) => /^licen[cs]e/i.test(f));
if (!licenseFile) throw new Error(`${config.package} ships no LICENSE file; name its licence in SOURCE.md by hand`);
fs.copyFileSync(path.join(pkgDir, licenseFile), path.join(outDir, "LICENSE"));
const license = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8")).license;
fs.writeFileSync(
  path.join(outDir, "SOURCE.md"),
  `# ${config.provider}: where this definition comes from

- Package: \`${config.package}@${config.version}\` on npm (licence: ${license}, text in LICENSE)${(config.also ?? []).map((a) => `, installed with \`${a}\``).join("")}
- Types: ${[...new Set(wanted.values())].map((t) => `\`${t}\``).join(", ")}
- Generated by \`node scripts/definitions/typescript.mjs scripts/definitions/providers/${config.provider}.json\`
  with ${GENERATOR} and ${TYPESCRIPT}; never edited by hand.
${config.note ? `\n${config.note}\n` : ""}${
    (config.corrections ?? []).length
      ? `\nCorrections, where the types contradict the provider's deliveries (from the config, applied by the script):\n${config.corrections.map((c) => `- ${c.why}`).join("\n")}\n`
      : ""
  }`,
);
console.log(`${config.provider}: ${Object.keys(events).length} events, ${Object.keys(kept).length} definitions -> ${path.relative(repoRoot, outDir)}`);
