#!/usr/bin/env bash
# Coverage-guided fuzzing of the device-tree lexer, parser and blob reader: afl++ drives the
# target through SharpFuzz, which instruments DmaActors.DeviceTree.dll for afl++'s coverage map.
#   bash tests/DmaActors.DeviceTree.Fuzz/run-afl.sh [SECONDS] [OUT_DIR]     (default 600 s, /tmp/dmactors-afl)
# Needs: afl++ (Debian: apt-get install afl++), dtc (device-tree-compiler, for the blob seeds), and
# the SharpFuzz.CommandLine tool 2.3.0 (dotnet tool install --tool-path DIR SharpFuzz.CommandLine
# --version 2.3.0; put DIR on PATH or set SHARPFUZZ). Crashes land in OUT_DIR/default/crashes;
# replay one with: dotnet OUT_DIR/target/DmaActors.DeviceTree.Fuzz.dll FILE
set -euo pipefail
seconds=${1:-600}
out=${2:-/tmp/dmactors-afl}
root="$(cd "$(dirname "$0")/../.." && pwd)"
sharpfuzz=${SHARPFUZZ:-sharpfuzz}

rm -rf "$out"
mkdir -p "$out/seeds"
dotnet publish "$root/tests/DmaActors.DeviceTree.Fuzz" -c Release -o "$out/target" --nologo -v quiet
"$sharpfuzz" "$out/target/DmaActors.DeviceTree.dll"

# Seeds: every board source of the project, and dtc's blob of each that compiles.
i=0
while IFS= read -r -d '' file; do
  i=$((i + 1))
  cp "$file" "$out/seeds/src$i.dts"
  dtc -q -I dts -O dtb -o "$out/seeds/blob$i.dtb" "$file" 2>/dev/null || rm -f "$out/seeds/blob$i.dtb"
done < <(find "$root/examples" "$root/tests/boards" -name '*.dts*' -print0)

export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
afl-fuzz -i "$out/seeds" -o "$out" -t 10000 -m none -V "$seconds" -- "$out/target/DmaActors.DeviceTree.Fuzz"
