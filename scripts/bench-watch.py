#!/usr/bin/env python3
"""Watch-mode latency with 1,000 prompt files already in the site.

Measures, for prompt files renamed into prompts/, the time from the rename to the image's
entry in manifest.json and index.html, minus the image's own generation and export time
(read from the daemon's JSON log); and the time of a full rescan of 1,000 unchanged files
(a no-op `medsynth build`). Usage: bench-watch.py PATH-TO-MEDSYNTH"""
import json, os, pathlib, shutil, statistics, subprocess, sys, tempfile, time

medsynth = sys.argv[1]
site = pathlib.Path(tempfile.mkdtemp(prefix="medsynth-bench-watch-"))
try:
    (site / "prompts").mkdir()
    (site / "medsynth.yaml").write_text("defaults:\n  size: 64\n  outputs: []\n")
    for i in range(1000):
        (site / "prompts" / f"p{i:04d}.yaml").write_text(f"prompt: PA chest radiograph, case {i}, small right pleural effusion\n")
    subprocess.run([medsynth, "build", "--site", str(site), "--json"], check=True, capture_output=True)
    started = time.perf_counter()
    subprocess.run([medsynth, "build", "--site", str(site), "--json"], check=True, capture_output=True)
    rescan = time.perf_counter() - started

    log = open(site / "watch.log", "w+")
    daemon = subprocess.Popen([medsynth, "watch", "--site", str(site), "--json"], stdout=log, stderr=subprocess.DEVNULL)
    manifest = site / "output" / "manifest.json"
    index = site / "output" / "index.html"
    def built_seconds(image_id):
        log.flush()
        for line in open(site / "watch.log"):
            event = json.loads(line)
            if event.get("event") == "built" and event.get("id") == image_id:
                return event["seconds"]
        return None
    # Wait for the daemon's first (no-op) build.
    while '"event":"build"' not in open(site / "watch.log").read():
        time.sleep(0.01)
    latencies = []
    for i in range(15):
        staged = site / f"new{i}.yaml"
        staged.write_text(f"prompt: AP chest radiograph, new case {i}, left pneumothorax\n")
        image_id = f"new{i}-s0"
        started = time.perf_counter()
        os.rename(staged, site / "prompts" / f"new{i}.yaml")
        while True:
            try:
                if image_id in manifest.read_text() and image_id in index.read_text():
                    break
            except FileNotFoundError:
                pass
            time.sleep(0.002)
        elapsed = time.perf_counter() - started
        generation = None
        while generation is None:
            generation = built_seconds(image_id)
        latencies.append(elapsed - generation)
    daemon.terminate()
    daemon.wait(timeout=10)
    median = statistics.median(latencies)
    print(f"watch latency (rename → manifest and index, minus generation), 1,000 other files: "
          f"median {median * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms "
          f"(goal ≤ 200 ms: {median / 0.2:.2f}× of goal; includes the 20 ms settle time of a rename)")
    print(f"rescan of 1,000 unchanged prompt files (no-op build): {rescan:.3f} s (goal ≤ 1 s: {rescan:.2f}× of goal)")
    print(f"watch latency / no-op full build: {median / rescan:.2f}× (the baseline: what the daemon would cost "
          f"if every change rebuilt the site from scratch)")
finally:
    shutil.rmtree(site, ignore_errors=True)
