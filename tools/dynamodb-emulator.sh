#!/usr/bin/env bash
# Starts the DynamoDB emulator of the tests and the sample (tools/dynamodb_emulator.py: moto's
# DynamoDB on 127.0.0.1, requests serialized), finding or installing moto first.
#
#   tools/dynamodb-emulator.sh --check                   find or install moto, then exit
#   tools/dynamodb-emulator.sh --port N [--port-file F]  then serve (replaces this shell)
#
# moto comes from the python3 on PATH when it imports moto and flask (moto[server]); otherwise
# from a virtual environment in target/moto-venv, created here with
# pip install 'moto[server]>=5.1,<6'. PYTHON chooses another interpreter.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
VENV=$ROOT/target/moto-venv
REQUIREMENT='moto[server]>=5.1,<6'
PYTHON=${PYTHON:-python3}

die() {
  echo "dynamodb-emulator: $*" >&2
  exit 1
}

has_moto() {
  "$1" -c 'import moto, flask, werkzeug' >/dev/null 2>&1
}

find_python() {
  command -v "$PYTHON" >/dev/null ||
    die "no '$PYTHON' found. The tests and the sample need Python 3.9+ with moto's server: install Python 3.9+ (with venv and pip), or run: pip install '$REQUIREMENT'"
  "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 9))' ||
    die "$("$PYTHON" --version 2>&1) is too old: moto needs Python 3.9+ (set PYTHON to another interpreter)"
  if has_moto "$PYTHON"; then
    echo "$PYTHON"
  elif has_moto "$VENV/bin/python"; then
    echo "$VENV/bin/python"
  else
    echo "dynamodb-emulator: moto is not installed for $PYTHON; installing $REQUIREMENT into $VENV" >&2
    "$PYTHON" -m venv "$VENV" >&2 &&
      "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$REQUIREMENT" >&2 &&
      has_moto "$VENV/bin/python" ||
      die "could not install moto into $VENV. Install it yourself with: $PYTHON -m pip install '$REQUIREMENT' (Debian/Ubuntu: apt-get install python3-venv python3-pip first), then run this again"
    echo "$VENV/bin/python"
  fi
}

python=$(find_python)
if [[ ${1:-} == --check ]]; then
  echo "dynamodb-emulator: using moto $("$python" -c 'from importlib.metadata import version; print(version("moto"))') from $python"
  exit 0
fi
exec "$python" "$ROOT/tools/dynamodb_emulator.py" "$@"
