#!/usr/bin/env bash
# The diffusion runtime against OpenBLAS's sgemm peak and against PyTorch, in the same run:
# 3×3 convolutions at SD 1.5's shapes (GFLOP/s vs sgemm 1024³), and one SD 1.5 UNet call at a
# 64×64 latent, batch 2 (classifier-free guidance), same random weights and thread count in
# Swift and in PyTorch, with peak memory of both. PyTorch comes from .venv-diffusion
# (`make diffusion-fixtures` creates it); without it only the Swift figures are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product diffusion-bench >/dev/null
bench=.build/release/diffusion-bench
threads=${THREADS:-2}

echo "-- convolutions (Swift, own parallel loops, OpenBLAS single-threaded)"
STRATEGY=parallelLoops "$bench" conv

python=.venv-diffusion/bin/python
weights=.build/bench-sd15-unet
if [ ! -x "$python" ]; then
  echo "-- UNet: .venv-diffusion is missing (make diffusion-fixtures); Swift only, zero weights"
  STRATEGY=parallelLoops REPS=1 "$bench" unet
  exit 0
fi
echo "-- UNet SD 1.5, 64×64 latent, batch 2, $threads threads"
save=()
# The first run also writes the weights (float16, 1.7 GB) for the Swift run to load.
[ -f "$weights/diffusion_pytorch_model.safetensors" ] || save=(--save "$weights")
torch_json=$("$python" scripts/diffusion/bench_unet.py --repeat 1 --threads "$threads" "${save[@]}")
swift_out=$(STRATEGY=parallelLoops REPS=1 /usr/bin/time -f "peak %M KiB" "$bench" unet "$weights" 2>&1)
echo "$swift_out" | grep -E "UNet|sgemm|peak|load"
python3 - "$torch_json" "$swift_out" <<'PY'
import json, re, sys
torch = json.loads(sys.argv[1])
swift = sys.argv[2]
seconds = float(re.search(r"UNet SD1.5 64×64 b2\s+([0-9.]+) ms", swift).group(1)) / 1000
peak = int(re.search(r"peak (\d+) KiB", swift).group(1)) / 1024
t = torch["seconds"]
print(f"PyTorch {torch['torch']}: {t:.1f} s, peak {torch['peak_rss_mib']:.0f} MiB; "
      f"Swift: {seconds:.1f} s, peak {peak:.0f} MiB; ratio Swift/PyTorch {seconds / t:.2f}× (goal ≤ 1.0×)")
PY
