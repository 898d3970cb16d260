#!/usr/bin/env bash
# Benchmarks of generation and build speed. Figures are reported with the goal and, where
# one exists, a baseline measured in the same run, as ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/medsynth
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

peak_kib() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }

echo "== phantom generator alone (layout, every row rendered on 2 cores, masks; median of 3 runs)"
swift build -c release --product phantom-bench >/dev/null
prompt="PA chest radiograph, moderate right pleural effusion, ETT in place"
for size in 1024 2048 4096 8192; do
  .build/release/phantom-bench $size 3 "$prompt" > "$work/pb$size.json"
done
python3 - "$work" <<'PY'
import json, sys
runs = {s: json.load(open(f"{sys.argv[1]}/pb{s}.json")) for s in (1024, 2048, 4096, 8192)}
goals = {1024: 0.5, 4096: 5.0}
for size, r in runs.items():
    goal = f"  (goal ≤ {goals[size]} s: {r['median_s'] / goals[size]:.2f}× of goal)" if size in goals else ""
    print(f"{size}²: {r['median_s']:.3f} s, peak {r['peak_kib'] / 1024:.0f} MiB{goal}")
ratio = runs[8192]["peak_kib"] / runs[4096]["peak_kib"]
print(f"peak memory 8192² / 4096²: {ratio:.2f}× (goal ≤ 2×)")
PY

echo "== generate command with every export (render streamed into the master PNG)"
for size in 1024 4096 8192; do
  kib=$(peak_kib "$bin" generate "$prompt" --seed 1 --size $size --out "$work/m$size")
  python3 - "$work/m$size/meta.json" "$size" "$kib" <<'PY'
import json, sys
meta, size, kib = json.load(open(sys.argv[1])), sys.argv[2], int(sys.argv[3])
t = meta["timings"]
print(f"{size}²: layout {t['generate']:.3f} s, render + master PNG {t['exports']['png']:.2f} s, all exports {t['export']:.2f} s, peak {kib / 1024:.0f} MiB")
PY
  echo "$kib" > "$work/m$size.kib"
done
python3 -c "print(f'peak memory 8192² / 4096²: {$(cat "$work/m8192.kib")/$(cat "$work/m4096.kib"):.2f}×')"

echo "== exports of a 2048² image, against the vips command-line tool"
python3 scripts/bench-exports.py "$bin"

echo "== site build: this repository's prompts"
cp -r prompts medsynth.yaml "$work/"
mkdir -p "$work/site" && mv "$work/prompts" "$work/medsynth.yaml" "$work/site/"
full=$("$bin" build --site "$work/site" --json | python3 -c "import json,sys; print(json.load(sys.stdin)['seconds'])")
noop=$("$bin" build --site "$work/site" --json | python3 -c "import json,sys; print(json.load(sys.stdin)['seconds'])")
python3 -c "print(f'full build {$full:.2f} s, no-op rebuild {$noop:.3f} s ({$noop/$full*100:.1f}% of the full build; goal < 1 s)')"

echo "== watch mode"
python3 scripts/bench-watch.py "$bin"

echo "== diffusion runtime"
scripts/bench-diffusion.sh
