#!/bin/sh
# Refreshes src/events/definitions/data/github/ from GitHub's webhook JSON schemas as the npm
# package @octokit/webhooks-schemas publishes them (MIT, github.com/octokit/webhooks): the schema
# is data we check our samples against, so it comes from the package, never retyped.
# Usage: scripts/definitions/github.sh [VERSION]   (default: the pinned one below)
set -eu
VERSION=${1:-7.6.1}
PACKAGE=@octokit/webhooks-schemas
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$ROOT/src/events/definitions/data/github
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

command -v npm >/dev/null || { echo "npm is missing: apt-get install npm" >&2; exit 1; }
cd "$WORK"
TARBALL=$(npm pack --silent "$PACKAGE@$VERSION")
INTEGRITY=$(npm view "$PACKAGE@$VERSION" dist.integrity)
tar xzf "$TARBALL"
# Minified: the binary embeds it, and whitespace is a third of the published file.
node -e 'const fs=require("fs");fs.writeFileSync(process.argv[2],JSON.stringify(JSON.parse(fs.readFileSync(process.argv[1],"utf8"))))' \
  package/schema.json "$OUT/schema.json"
LICENSE_NAME=$(node -p 'require("./package/package.json").license')
cat > "$OUT/SOURCE.md" <<MD
# GitHub webhook schemas

- Package: \`$PACKAGE@$VERSION\` (npm), file \`schema.json\`, minified (\`JSON.stringify\`), nothing else changed
- Integrity: \`$INTEGRITY\`
- Upstream: https://github.com/octokit/webhooks (\`payload-schemas/\`)
- Licence: $LICENSE_NAME — the package ships no licence file; LICENSE here is the repository's
- Regenerate: \`scripts/definitions/github.sh [VERSION]\`, then update \`SOURCE\` in
  \`src/events/definitions/github.rs\` and run \`cargo test --test catalog_fidelity\`
MD
echo "wrote $OUT/schema.json ($(wc -c < "$OUT/schema.json") bytes) from $PACKAGE@$VERSION" >&2
