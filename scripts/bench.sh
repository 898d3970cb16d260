#!/usr/bin/env bash
# Benchmarks of generation and build speed. Figures are reported with the goal and, where
# one exists, a baseline measured in the same run, as ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/medsynth
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seconds() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['timings']['$2'])" "$1"; }
peak_kib() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }

echo "== phantom generator (generation only; median of 3 runs)"
prompt="PA chest radiograph, moderate right pleural effusion, ETT in place"
for size in 1024 2048 4096; do
  goal=$(python3 -c "print({1024: 0.5, 2048: 2.0, 4096: 5.0}[$size])")
  times=()
  for run in 1 2 3; do
    "$bin" generate "$prompt" --seed 1 --size $size --out "$work/g$size" >/dev/null 2>&1
    times+=("$(seconds "$work/g$size/meta.json" generate)")
  done
  python3 - "$size" "$goal" "${times[@]}" <<'PY'
import statistics, sys
size, goal, *times = sys.argv[1:]
median = statistics.median(map(float, times))
print(f"{size}²: {median:.3f} s  (goal ≤ {goal} s: {median / float(goal):.2f}× of goal)")
PY
done

echo "== peak memory (whole generate command, including exports)"
m4=$(peak_kib "$bin" generate "$prompt" --seed 1 --size 4096 --out "$work/m4")
m8=$(peak_kib "$bin" generate "$prompt" --seed 1 --size 8192 --out "$work/m8")
python3 -c "print(f'4096²: {$m4/1024:.0f} MiB, 8192²: {$m8/1024:.0f} MiB, ratio {$m8/$m4:.2f}×')"

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
