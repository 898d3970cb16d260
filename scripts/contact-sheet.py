#!/usr/bin/env python3
"""Renders the phantom's contact sheet, docs/phantom-contact-sheet.jpg: a normal PA, AP,
lateral and child film and one image per finding, all generated at 2048² with the same seed
and shown downscaled with their prompts as captions. Usage: contact-sheet.py PATH-TO-MEDSYNTH"""
import pathlib, subprocess, sys, tempfile

medsynth = sys.argv[1]
root = pathlib.Path(__file__).resolve().parent.parent
cases = [
    ("normal PA", "PA chest radiograph, 45-year-old man, no acute abnormality"),
    ("AP supine", "AP supine chest radiograph, 45-year-old man, normal"),
    ("lateral", "lateral chest radiograph, 45-year-old man, normal"),
    ("child", "PA chest radiograph, 5-year-old boy, normal"),
    ("effusion", "PA chest radiograph, 45-year-old man, moderate right pleural effusion"),
    ("pneumothorax", "PA chest radiograph, 45-year-old man, large left tension pneumothorax"),
    ("consolidation", "PA chest radiograph, 45-year-old man, right lower lobe consolidation with air bronchograms"),
    ("opacity", "PA chest radiograph, 45-year-old man, patchy left mid lung opacity"),
    ("edema", "PA chest radiograph, 45-year-old man, pulmonary edema with Kerley B lines"),
    ("atelectasis", "PA chest radiograph, 45-year-old man, moderate left lower lobe atelectasis"),
    ("lesions", "PA chest radiograph, 45-year-old man, 4 cm mass in the right upper lobe, multiple left nodules"),
    ("cardiomegaly", "PA chest radiograph, 45-year-old man, severe cardiomegaly"),
    ("mediastinum", "PA chest radiograph, 45-year-old man, widened mediastinum"),
    ("pleural thickening", "PA chest radiograph, 45-year-old man, left pleural thickening"),
    ("fractures", "PA chest radiograph, 45-year-old man, displaced right rib fractures, healed left clavicle fracture"),
    ("devices", "AP chest radiograph, 45-year-old man, endotracheal tube, right internal jugular central line, nasogastric tube, left chest tube, pacemaker"),
]
seed = "2"
with tempfile.TemporaryDirectory() as work:
    tiles = []
    for index, (name, prompt) in enumerate(cases):
        out = pathlib.Path(work) / f"case{index}"
        subprocess.run([medsynth, "generate", prompt, "--seed", seed, "--size", "2048", "--out", str(out)],
                       check=True, capture_output=True)
        small = pathlib.Path(work) / f"small{index}.v"
        subprocess.run(["vips", "thumbnail", str(out / "preview.jpg"), str(small), "480"], check=True)
        caption = pathlib.Path(work) / f"caption{index}.v"
        subprocess.run(["vips", "text", str(caption), name, "--width", "480", "--dpi", "110"], check=True)
        framed = pathlib.Path(work) / f"framed{index}.v"
        subprocess.run(["vips", "join", str(small), str(caption), str(framed), "vertical", "--shim", "6", "--expand"], check=True)
        tiles.append(str(framed))
    sheet = root / "docs" / "phantom-contact-sheet.jpg"
    subprocess.run(["vips", "arrayjoin", " ".join(tiles), f"{sheet}[Q=82,strip]", "--across", "4", "--shim", "12"], check=True)
    print(sheet)
