#!/usr/bin/env python3
"""Time one forward pass of a Stable Diffusion 1.5-sized UNet with PyTorch on the CPU.

The UNet has SD 1.5's published configuration (block_out_channels 320/640/1280/1280,
layers_per_block 2, cross_attention_dim 768, attention_head_dim 8, sample_size 64,
CrossAttnDownBlock2D x3 + DownBlock2D, UpBlock2D + CrossAttnUpBlock2D x3) and seeded
random weights, rounded to float16 so that the weights saved with --save are exactly
the ones timed. The input is one classifier-free-guidance step at 512x512: a latent
batch of 2 x 4 x 64 x 64, timestep 500 and encoder_hidden_states 2 x 77 x 768.

  .venv-diffusion/bin/python scripts/diffusion/bench_unet.py --threads 2 --repeat 3
  .venv-diffusion/bin/python scripts/diffusion/bench_unet.py --save /tmp/sd15-random-unet --repeat 1

--save DIR writes DIR/config.json and DIR/diffusion_pytorch_model.safetensors (float16,
about 1.7 GB) in the diffusers layout, so another runtime can load the same weights.
Prints one JSON object: the median seconds of --repeat timed runs after one warm-up,
the thread count, the torch version and the peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["DIFFUSERS_OFFLINE"] = "1"

import torch  # noqa: E402

import diffusers  # noqa: E402
from diffusers import UNet2DConditionModel  # noqa: E402

SD15_UNET_CONFIG = dict(
    sample_size=64,
    in_channels=4,
    out_channels=4,
    down_block_types=("CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "DownBlock2D"),
    up_block_types=("UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D"),
    block_out_channels=(320, 640, 1280, 1280),
    layers_per_block=2,
    cross_attention_dim=768,
    attention_head_dim=8,
    norm_num_groups=32,
    norm_eps=1e-5,
    act_fn="silu",
    downsample_padding=1,
    mid_block_scale_factor=1,
    flip_sin_to_cos=True,
    freq_shift=0,
    center_input_sample=False,
    use_linear_projection=False,
)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # ru_maxrss is in KiB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description="Time a Stable Diffusion 1.5 UNet forward pass on the CPU.")
    parser.add_argument("--threads", type=int, default=2, help="torch.set_num_threads (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs after one warm-up (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=0, help="weight and input seed (default: %(default)s)")
    parser.add_argument("--save", metavar="DIR", help="save the UNet in the diffusers layout (float16 safetensors)")
    args = parser.parse_args()
    if args.repeat < 1 or args.threads < 1:
        parser.error("--repeat and --threads must be at least 1")

    torch.set_num_threads(args.threads)
    diffusers.logging.set_verbosity_error()

    t0 = time.perf_counter()
    torch.manual_seed(args.seed)
    unet = UNet2DConditionModel(**SD15_UNET_CONFIG)
    unet.eval()
    with torch.no_grad():
        for p in unet.parameters():
            p.copy_(p.to(torch.float16).to(torch.float32))
    build_seconds = time.perf_counter() - t0
    params = sum(p.numel() for p in unet.parameters())

    if args.save:
        unet.to(torch.float16)
        unet.save_pretrained(args.save, safe_serialization=True)
        unet.to(torch.float32)

    g = torch.Generator().manual_seed(args.seed + 1)
    sample = torch.randn((2, 4, 64, 64), generator=g)
    hidden = torch.randn((2, 77, 768), generator=g)
    timestep = torch.tensor([500.0])

    times = []
    with torch.inference_mode():
        out = unet(sample, timestep, encoder_hidden_states=hidden).sample  # warm-up
        for _ in range(args.repeat):
            start = time.perf_counter()
            out = unet(sample, timestep, encoder_hidden_states=hidden).sample
            times.append(time.perf_counter() - start)

    result = {
        "seconds": statistics.median(times),
        "runs": times,
        "threads": args.threads,
        "torch": torch.__version__,
        "diffusers": diffusers.__version__,
        "parameters": params,
        "batch": 2,
        "latent": [64, 64],
        "build_seconds": build_seconds,
        "peak_rss_mib": peak_rss_mib(),
        "output_mean_abs": float(out.abs().mean()),
        "saved_to": args.save,
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
