#!/usr/bin/env bash
# Flashes an ESP32 pod controller with nanoff: the nanoFramework firmware, the PodFirmware
# deployment image and the configuration files on the internal flash (I:\). Prints every
# command before running it. See README.md beside this file.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() {
  cat <<'USAGE'
usage: flash.sh --port PORT [--target TARGET] [steps] [--dry-run]

  --port PORT        serial port of the board (COM5 on Windows, /dev/ttyUSB0 on Linux)
  --target TARGET    nanoff target name (default ESP32_REV3)

steps, run in this order (at least one):
  --firmware         flash the nanoFramework firmware, erasing the whole flash first
                     (this also erases I:\, so deploy the config again afterwards)
  --fw-version V     with --firmware: flash firmware version V instead of firmware.tsv's
                     (the one the pinned packages are checked against; never the newest by default)
  --image FILE       deploy the application image (PodFirmware.bin from bin\Release)
  --address ADDR     deployment region of the image, hexadecimal; required with --image
                     (read it with: nanoff --platform esp32 --serialport PORT --devicedetails)
  --config           copy the pin map to I:\board.json and the pod config to I:\pod.json
  --board FILE       pin map to copy (default boards/esp32-devkitc-pod-v1.json)
  --pod FILE         pod config to copy (default pods/pod-demo.json)
  --allow-demo-key   accept a pod config that still holds the public demo signing key (bench only)

  --dry-run          print the commands without running them
USAGE
}

port=""
target="ESP32_REV3"
firmware=0
fw_version=""
image=""
address=""
config=0
board="$here/boards/esp32-devkitc-pod-v1.json"
pod="$here/pods/pod-demo.json"
dry_run=0
allow_demo_key=0
# The signing key of pods/pod-demo.json is public (it is in this repository): a pod flashed with it obeys anyone.
demo_key="00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"

while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="${2:?--port needs a value}"; shift 2 ;;
    --target) target="${2:?--target needs a value}"; shift 2 ;;
    --firmware) firmware=1; shift ;;
    --fw-version) fw_version="${2:?--fw-version needs a value}"; shift 2 ;;
    --image) image="${2:?--image needs a file}"; shift 2 ;;
    --address) address="${2:?--address needs a value}"; shift 2 ;;
    --config) config=1; shift ;;
    --board) board="${2:?--board needs a file}"; shift 2 ;;
    --pod) pod="${2:?--pod needs a file}"; shift 2 ;;
    --dry-run) dry_run=1; shift ;;
    --allow-demo-key) allow_demo_key=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "flash.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

fail() { echo "flash.sh: $*" >&2; exit 2; }

[ -n "$port" ] || { usage >&2; fail "--port is required"; }
[ "$firmware" -eq 1 ] || [ -n "$image" ] || [ "$config" -eq 1 ] || { usage >&2; fail "no step given"; }
if [ -n "$image" ]; then
  [ -n "$address" ] || fail "--image needs --address (the deployment region; see --devicedetails)"
  [ -f "$image" ] || fail "image not found: $image"
fi
if [ "$config" -eq 1 ]; then
  [ -f "$board" ] || fail "pin map not found: $board"
  [ -f "$pod" ] || fail "pod config not found: $pod"
  if [ "$allow_demo_key" -eq 0 ] && grep -qi "$demo_key" "$pod"; then
    fail "$pod holds the public demo signing key; give the pod its own (openssl rand -hex 32) or pass --allow-demo-key on a bench"
  fi
fi
if [ "$dry_run" -eq 0 ] && ! command -v nanoff >/dev/null 2>&1; then
  fail "nanoff not found: dotnet tool install -g nanoff (and put ~/.dotnet/tools on PATH)"
fi

run() {
  printf '+'; printf ' %q' "$@"; printf '\n'
  if [ "$dry_run" -eq 0 ]; then
    "$@"
  fi
}

# JSON string with backslashes and quotes escaped (paths only; no control characters expected).
json_string() {
  local s="${1//\\/\\\\}"
  printf '"%s"' "${s//\"/\\\"}"
}

absolute() { (cd "$(dirname "$1")" && printf '%s/%s' "$(pwd)" "$(basename "$1")"); }

if [ "$firmware" -eq 1 ]; then
  if [ -z "$fw_version" ]; then
    # The newest firmware may expect other package versions and refuse PodFirmware: flash the recorded one.
    fw_version="$(awk -F'\t' '$1 == "firmware" && $2 == "version" { print $3 }' "$here/firmware.tsv")"
    [ -n "$fw_version" ] || { echo "flash.sh: no firmware version in $here/firmware.tsv" >&2; exit 2; }
  fi
  run nanoff --target "$target" --serialport "$port" --update --fwversion "$fw_version" --masserase
fi

if [ -n "$image" ]; then
  run nanoff --target "$target" --serialport "$port" --deploy --image "$image" --address "$address"
fi

if [ "$config" -eq 1 ]; then
  # nanoff copies files to the device's storage through the wire protocol, listed in a JSON file.
  deploy_json="$(mktemp "${TMPDIR:-/tmp}/pod-files.XXXXXX")"
  trap 'rm -f "$deploy_json"' EXIT
  {
    printf '{\n  "serialport": %s,\n  "files": [\n' "$(json_string "$port")"
    printf '    { "DestinationFilePath": "I:\\\\board.json", "SourceFilePath": %s },\n' "$(json_string "$(absolute "$board")")"
    printf '    { "DestinationFilePath": "I:\\\\pod.json", "SourceFilePath": %s }\n' "$(json_string "$(absolute "$pod")")"
    printf '  ]\n}\n'
  } > "$deploy_json"
  echo "file deployment list ($deploy_json):"
  cat "$deploy_json"
  run nanoff --serialport "$port" --filedeployment "$deploy_json"
fi
