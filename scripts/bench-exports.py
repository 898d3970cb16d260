#!/usr/bin/env python3
"""Export speed: medsynth's time per export of a 2048² image against the `vips` command-line
tool doing the same pngsave (16-bit), dzsave (windowed 8-bit, google layout, 256 px JPEG
tiles) and tiffsave (tiled deflate pyramid), measured in the same run.

Usage: bench-exports.py PATH-TO-MEDSYNTH   (median of 3 runs each)"""
import json, pathlib, shutil, statistics, subprocess, sys, tempfile, time

medsynth = sys.argv[1]
prompt = "PA chest radiograph, moderate right pleural effusion, ETT in place"
runs = 3


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


with tempfile.TemporaryDirectory() as work:
    work = pathlib.Path(work)
    ours = {}
    for run in range(runs):
        out = work / f"g{run}"
        subprocess.run([medsynth, "generate", prompt, "--seed", "1", "--size", "2048", "--out", str(out)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        meta = json.loads((out / "meta.json").read_text())
        for name, seconds in meta["timings"]["exports"].items():
            ours.setdefault(name, []).append(seconds)
    window = meta["window"]

    # The command-line tool starts from libvips' own uncompressed format, so decoding the PNG
    # is not counted against it; windowing to 8 bits before dzsave is, as medsynth does it.
    source = work / "in.v"
    subprocess.run(["vips", "copy", str(work / "g0" / "image.png"), str(source)], check=True)
    scale = 255 / window["width"]
    offset = -(window["center"] - window["width"] / 2) * scale
    cli = {"png": [], "tiles": [], "tiff": []}
    for run in range(runs):
        cli["png"].append(timed(["vips", "pngsave", str(source), str(work / f"c{run}.png"),
                                 "--bitdepth", "16", "--compression", "6", "--strip"]))
        linear, eight = work / f"lin{run}.v", work / f"w8{run}.v"
        cli["tiles"].append(timed(["vips", "linear", "--", str(source), str(linear), str(scale), str(offset)])
                            + timed(["vips", "cast", str(linear), str(eight), "uchar"])
                            + timed(["vips", "dzsave", str(eight), str(work / f"dz{run}"), "--layout", "google",
                                     "--tile-size", "256", "--overlap", "0", "--suffix", ".jpg[Q=85]",
                                     "--background", "0", "--strip"]))
        cli["tiff"].append(timed(["vips", "tiffsave", str(source), str(work / f"c{run}.tif"), "--tile",
                                  "--tile-width", "256", "--tile-height", "256", "--pyramid",
                                  "--compression", "deflate", "--strip"]))
        shutil.rmtree(work / f"dz{run}", ignore_errors=True)

    median = {name: statistics.median(values) for name, values in ours.items()}
    for name in sorted(median):
        print(f"{name:8s} {median[name] * 1000:7.1f} ms")
    same = ["png", "tiles", "tiff"]
    ours_total = sum(median[name] for name in same)
    cli_total = sum(statistics.median(cli[name]) for name in same)
    for name in same:
        print(f"vips CLI {name:5s} {statistics.median(cli[name]) * 1000:7.1f} ms")
    print(f"png + tiles + tiff: medsynth {ours_total * 1000:.0f} ms, vips CLI {cli_total * 1000:.0f} ms, "
          f"ratio {ours_total / cli_total:.2f}× (goal ≤ 1.5×)")
