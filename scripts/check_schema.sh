#!/usr/bin/env bash
# The committed OpenAPI document (docs/openapi.yaml) must be what the code generates: regenerate
# it into a temporary file (validated, warnings are errors) and compare. `make schema` updates it.
set -euo pipefail
cd "$(dirname "$0")/.."
export SECRET_KEY=${SECRET_KEY:-alleen-voor-het-schema}
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
.venv/bin/python manage.py spectacular --validate --fail-on-warn --file "$tmp"
if ! diff -u docs/openapi.yaml "$tmp"; then
    echo "docs/openapi.yaml wijkt af van de API (out of date). Werk het bij met: make schema" >&2
    exit 1
fi
echo "docs/openapi.yaml is actueel."
