#!/bin/sh
# Refreshes src/events/definitions/data/stripe/ from Stripe's published definitions: the object
# schemas that our stripe.* events carry, extracted (stripe-extract.mjs) from the TypeScript
# declarations the npm package `stripe` (stripe-node, MIT) generates from Stripe's OpenAPI spec,
# and Stripe's own fixtures of the same objects (openapi/fixtures3.json of github.com/stripe/openapi,
# MIT) as test data. The definitions are data we check our samples against: never retyped.
# stripe-python (PyPI `stripe`, MIT), generated from the same spec, tells the spec's integers from
# its other numbers, which the TypeScript declarations both call `number` (stripe-integers.py).
# Usage: scripts/definitions/stripe.sh OPENAPI_GIT_DIR [VERSION [PYTHON_VERSION]]
#   OPENAPI_GIT_DIR: a clone (or bare mirror) of github.com/stripe/openapi; its HEAD is used
#   VERSION, PYTHON_VERSION: stripe-node's and stripe-python's (default: the pinned ones below)
set -eu
OPENAPI=${1:?usage: scripts/definitions/stripe.sh OPENAPI_GIT_DIR [VERSION [PYTHON_VERSION]]}
VERSION=${2:-23.2.0}
PYTHON_VERSION=${3:-16.1.0}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$ROOT/src/events/definitions/data/stripe
FIXTURES=$ROOT/tests/data/stripe
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

command -v npm >/dev/null || { echo "npm is missing: apt-get install npm" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is missing: apt-get install python3 python3-pip" >&2; exit 1; }
command -v git >/dev/null || { echo "git is missing: apt-get install git" >&2; exit 1; }
mkdir -p "$OUT" "$FIXTURES"
COMMIT=$(git --git-dir="$OPENAPI" rev-parse HEAD 2>/dev/null ||
  git -C "$OPENAPI" rev-parse HEAD)
show() { git --git-dir="$OPENAPI" show "$COMMIT:$1" 2>/dev/null || git -C "$OPENAPI" show "$COMMIT:$1"; }

# The event types the catalog carries, without the `stripe.` of our ids.
node -e '
const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
console.log(JSON.stringify(d.events.map((e) => e.id.replace(/^stripe\./, ""))));
' "$ROOT/src/events/data/stripe.json" > "$WORK/events.json"

cd "$WORK"
npm install --silent --no-save --no-audit --no-fund "stripe@$VERSION" typescript@5 >/dev/null
INTEGRITY=$(npm view "stripe@$VERSION" dist.integrity)
node "$ROOT/scripts/definitions/stripe-extract.mjs" "$WORK/node_modules" "$WORK/events.json" \
  "$WORK/schema.json"
python3 -m pip download --quiet --no-deps --dest "$WORK/py" "stripe==$PYTHON_VERSION"
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
  "$WORK"/py/stripe-*.whl "$WORK/py"
PYTHON_API_VERSION=$(sed -n 's/.*CURRENT = "\(.*\)"/\1/p' "$WORK/py/stripe/_api_version.py")
python3 "$ROOT/scripts/definitions/stripe-integers.py" "$WORK/py/stripe" "$WORK/schema.json"
# Minified: the binary embeds it.
node -e 'const fs=require("fs");fs.writeFileSync(process.argv[2],JSON.stringify(JSON.parse(fs.readFileSync(process.argv[1],"utf8"))))' \
  "$WORK/schema.json" "$OUT/schema.json"
cp node_modules/stripe/LICENSE "$OUT/LICENSE"
API_VERSION=$(node -p 'require(process.argv[1])["x-api-version"]' "$OUT/schema.json")
OPENAPI_VERSION=$(cat node_modules/stripe/OPENAPI_VERSION)

# Stripe's fixtures of the objects we carry, and of an event, verbatim.
show openapi/fixtures3.json > "$WORK/fixtures3.json"
node -e '
const fs = require("fs");
const all = JSON.parse(fs.readFileSync(process.argv[1], "utf8")).resources;
const keep = ["event", "charge", "checkout.session", "customer", "dispute", "invoice",
  "payment_intent", "payout", "price", "product", "refund", "subscription"];
fs.writeFileSync(process.argv[2], JSON.stringify(Object.fromEntries(keep.map((k) => [k, all[k]])), null, 1) + "\n");
' "$WORK/fixtures3.json" "$FIXTURES/fixtures3.json"
show LICENSE > "$FIXTURES/LICENSE"

cat > "$OUT/SOURCE.md" <<MD
# Stripe object definitions

- Package: \`stripe@$VERSION\` (npm, stripe-node), integrity \`$INTEGRITY\`: its TypeScript
  declarations (\`cjs/resources/**/*.d.ts\`), which stripe-node generates from Stripe's OpenAPI
  spec \`$OPENAPI_VERSION\` (github.com/stripe/openapi), for API version \`$API_VERSION\`
- Extracted by \`scripts/definitions/stripe-extract.mjs\` into one JSON Schema (2020-12):
  \`\$defs\` has every object reached from the \`data.object\` of the catalog's stripe.* events
  and the event envelope (\`Event\`); \`x-events\` maps each event type to its object. A property
  without \`?\` is required, \`| null\` is nullable, string-literal unions are enums,
  \`string | Resource\` is an expandable field (an id unless expanded). The declarations say
  \`number\` for the spec's integers too; \`scripts/definitions/stripe-integers.py\` narrows a
  property to \`integer\` where \`stripe==$PYTHON_VERSION\` (PyPI, stripe-python, MIT, generated
  from the same spec for API version \`$PYTHON_API_VERSION\`) annotates it \`int\`; a property
  stripe-python lacks stays \`number\`.
- Why the declarations and not \`openapi/spec3.json\` itself: the spec file (several MB) could
  not be fetched where this was built; the declarations are generated from it, one interface per
  spec schema, and the npm registry serves them by version.
- Licence: MIT, LICENSE here is the package's
- Test data: \`tests/data/stripe/fixtures3.json\` holds Stripe's fixtures of the same objects,
  verbatim from \`openapi/fixtures3.json\` at github.com/stripe/openapi commit \`$COMMIT\`
  (MIT, \`tests/data/stripe/LICENSE\`)
- Regenerate: \`scripts/definitions/stripe.sh OPENAPI_GIT_DIR [VERSION]\`, then update \`SOURCE\`
  in \`src/events/definitions/stripe.rs\` and the \`api_version\` var in
  \`src/events/data/stripe.json\` (its envelope and its \`event\` template read it), and run
  \`cargo test --test stripe_definitions --test catalog_fidelity\`
MD
echo "wrote $OUT/schema.json ($(wc -c < "$OUT/schema.json") bytes) from stripe@$VERSION, fixtures from $COMMIT" >&2
