#!/usr/bin/env python3
"""Turns a provider's published OpenAPI spec into the JSON Schemas hookctl checks its samples and
`events lint` against, so the definition is the provider's, not ours.

    python3 scripts/definitions/openapi.py scripts/definitions/providers/<provider>.json REPO

REPO is a clone (bare or not) of the repository the config names; the spec and its licence are
read at the config's commit, so the output is the same on every machine. Writes, under
src/events/definitions/data/<provider>/: schema.json (one schema per event, the definitions they
reach), LICENSE (the repository's) and SOURCE.md.
"""
import json
import subprocess
import sys
from pathlib import Path

# Documentation and code-generation hints: they say nothing about the shape, and dropping them
# keeps the embedded data small.
DROP = {"description", "example", "examples", "externalDocs", "readOnly", "writeOnly", "deprecated",
        "discriminator", "xml", "title", "default", "summary"}


def convert(node):
    """OpenAPI 3.0 schema object -> JSON Schema draft 7 (3.1 passes through unchanged)."""
    if isinstance(node, list):
        return [convert(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key in DROP or key.startswith("x-") or key == "nullable":
            continue
        if key == "$ref":
            out[key] = value.replace("#/components/schemas/", "#/definitions/")
        elif key == "properties":
            out[key] = {name: convert(s) for name, s in value.items()}
        else:
            out[key] = convert(value)
    if node.get("nullable") is True:
        if "$ref" in out or "type" not in out:
            # "null, else this": unlike anyOf, a failing value gets the inner schema's own
            # problems (field and reason) rather than "not valid under any of the schemas".
            return {"if": {"type": "null"}, "else": out}
        types = out["type"] if isinstance(out["type"], list) else [out["type"]]
        out["type"] = types + ["null"]
        if "enum" in out and None not in out["enum"]:
            out["enum"] = out["enum"] + [None]
    return out


def reach(node, schemas, kept):
    if isinstance(node, list):
        for n in node:
            reach(n, schemas, kept)
    elif isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/definitions/"):
            name = ref[len("#/definitions/"):]
            if name not in kept:
                kept[name] = convert(schemas[name])
                reach(kept[name], schemas, kept)
        for value in node.values():
            reach(value, schemas, kept)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    config = json.loads(Path(sys.argv[1]).read_text())
    repo = sys.argv[2]

    def show(path):
        return subprocess.run(["git", "-C", repo, "show", f"{config['commit']}:{path}"],
                              check=True, capture_output=True).stdout

    text = show(config["path"])
    if config["path"].endswith((".yaml", ".yml")):
        import yaml  # only for specs published as YAML (Debian: python3-yaml)

        spec = yaml.safe_load(text)
    else:
        spec = json.loads(text)
    schemas = spec["components"]["schemas"]
    events = {}
    # An event is a schema name, or {"schema": name, "at": "dotted.path"} where the provider
    # defines only the object its envelope carries (Intercom's `data.item`).
    for event, spec_of in config["events"].items():
        name, at = (spec_of, None) if isinstance(spec_of, str) else (spec_of["schema"], spec_of.get("at"))
        if name not in schemas:
            sys.exit(f"{config['path']} has no schema {name} (for {event})")
        schema = {"$ref": f"#/definitions/{name}"}
        for key in reversed(at.split(".") if at else []):
            schema = {"type": "object", "required": [key], "properties": {key: schema}}
        events[event] = schema
    kept = {}
    reach(events, schemas, kept)

    out = Path(__file__).resolve().parents[2] / "src/events/definitions/data" / config["provider"]
    out.mkdir(parents=True, exist_ok=True)
    # As lint prints it: repository, short commit, the spec's file and API version.
    doc = {"source": f"{config['repo']} {config['commit'][:7]} ({config['path']}, API {spec['info'].get('version', '?')})",
           "definitions": dict(sorted(kept.items())), "events": dict(sorted(events.items()))}
    (out / "schema.json").write_text(json.dumps(doc, separators=(",", ":")) + "\n")
    (out / "LICENSE").write_bytes(show(config["license"]))
    (out / "SOURCE.md").write_text(f"""# {config['provider']}: where this definition comes from

- Repository: `github.com/{config['repo']}` at commit `{config['commit']}`
- Spec: `{config['path']}` (OpenAPI {spec.get('openapi', '?')}, API version {spec['info'].get('version', '?')})
- Licence: {config['license_name']} (text in LICENSE, from `{config['license']}`)
- Schemas: {', '.join(f'`{n}`' for n in sorted({e if isinstance(e, str) else e['schema'] for e in config['events'].values()}))}
- Generated by `python3 scripts/definitions/openapi.py scripts/definitions/providers/{config['provider']}.json <clone>`;
  never edited by hand.
{chr(10) + config['note'] + chr(10) if 'note' in config else ''}""")
    print(f"{config['provider']}: {len(events)} events, {len(kept)} definitions -> {out}")


main()
