#!/usr/bin/env python3
"""Generate the test fixtures of the `Diffusion` module.

Writes tiny random-weight Stable Diffusion checkpoints in the diffusers layout,
and reference data computed with PyTorch, diffusers and transformers, into
Tests/DiffusionTests/Fixtures/ (or --out DIR):

  sd1-tiny/, sd2-tiny/              StableDiffusionPipeline.save_pretrained output
  sd1-tiny-reference.safetensors    text encoder, UNet, VAE and full-pipeline tensors
  sd1-tiny-reference.json           what those tensors are (cases, schedulers, shapes)
  sd2-tiny-reference.{safetensors,json}
  tokenizer-reference.json          CLIPTokenizer ids for varied texts
  randn-reference.json              torch.randn values for seeded CPU generators
  scheduler-reference.json          timesteps, sigmas and short sampling loops

Regenerate (from the repository root):

  python3 -m venv .venv-diffusion
  .venv-diffusion/bin/pip install -r scripts/diffusion/requirements.txt
  .venv-diffusion/bin/python scripts/diffusion/make_fixtures.py

The output is deterministic: a second run writes byte-identical files (on the
same machine; floating-point results of the reference computations may differ
in the last bits on a CPU with other vector instructions). Everything runs in
float32 on the CPU with one thread. ftfy must not be installed: CLIPTokenizer
then normalises text with its documented fallback (see the fixtures README).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

# Everything is built locally; never reach for a model hub.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["DIFFUSERS_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np  # noqa: E402
import regex  # noqa: E402
import safetensors  # noqa: E402
import torch  # noqa: E402
from safetensors.torch import save_file  # noqa: E402

import diffusers  # noqa: E402
import transformers  # noqa: E402
from diffusers import (  # noqa: E402
    AutoencoderKL,
    DDIMScheduler,
    DPMSolverMultistepScheduler,
    EulerAncestralDiscreteScheduler,
    EulerDiscreteScheduler,
    StableDiffusionPipeline,
    UNet2DConditionModel,
)
from diffusers.utils.torch_utils import randn_tensor  # noqa: E402
from transformers import CLIPTextConfig, CLIPTextModel, CLIPTokenizer  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO_ROOT / "Tests" / "DiffusionTests" / "Fixtures"

VOCAB_SIZE = 1000  # byte alphabet (256) + with "</w>" (256) + merges + 2 specials
BOS = "<|startoftext|>"
EOS = "<|endoftext|>"
MAX_LENGTH = 77

# ---------------------------------------------------------------------------
# Corpus the byte-level BPE vocabulary is learned from.
# ---------------------------------------------------------------------------

CORPUS = """
Frontal chest radiograph of an adult patient, posteroanterior view, upright position, full inspiration.
Frontal chest radiograph of a 67-year-old male with shortness of breath and a productive cough.
Portable anteroposterior chest radiograph obtained in the intensive care unit, supine position.
Lateral chest radiograph of a 55-year-old female with chest pain and fever.
The lungs are clear. There is no focal consolidation, pleural effusion or pneumothorax.
The heart size is normal. The mediastinal contours are within normal limits.
The cardiac silhouette is mildly enlarged, consistent with cardiomegaly.
Mild cardiomegaly with pulmonary vascular congestion and small bilateral pleural effusions.
Moderate right pleural effusion with adjacent compressive atelectasis of the right lower lobe.
Small left pleural effusion, blunting of the left costophrenic angle.
Patchy opacity in the right lower lobe, concerning for pneumonia in the appropriate clinical setting.
Consolidation of the left upper lobe with air bronchograms, compatible with lobar pneumonia.
Diffuse bilateral interstitial opacities, which may represent pulmonary edema or atypical infection.
Perihilar haziness and Kerley B lines suggest interstitial pulmonary edema.
A right-sided chest tube is in place with its tip at the right apex. No residual pneumothorax.
Large left pneumothorax with mediastinal shift to the right, suggesting tension physiology.
Small apical pneumothorax on the right, unchanged from the prior study.
Endotracheal tube terminates five centimeters above the carina.
The nasogastric tube courses below the diaphragm, its tip in the stomach.
A right internal jugular central venous catheter terminates in the superior vena cava.
A left subclavian pacemaker with leads in the right atrium and right ventricle.
Median sternotomy wires and mediastinal clips from prior cardiac surgery.
There is a well circumscribed nodule measuring 12 mm in the right upper lobe.
A spiculated mass in the left upper lobe, suspicious for malignancy. Recommend CT correlation.
Multiple pulmonary nodules of varying size, concerning for metastatic disease.
Calcified granuloma in the left lower lobe, a sequela of prior granulomatous infection.
Hyperinflated lungs with flattened hemidiaphragms, consistent with chronic obstructive pulmonary disease.
Emphysematous changes in both upper lobes with bullae at the apices.
Reticular opacities at the lung bases, suggestive of pulmonary fibrosis.
Hilar lymphadenopathy bilaterally, which may be seen with sarcoidosis.
The aorta is tortuous and calcified. The thoracic aorta is mildly ectatic.
Widened mediastinum; consider aortic dissection in the setting of acute chest pain.
Elevated right hemidiaphragm. Subsegmental atelectasis at the left base.
Linear atelectasis in the lingula. No acute osseous abnormality.
Degenerative changes of the thoracic spine. Old healed fractures of the left ribs.
Acute displaced fracture of the right seventh rib without pneumothorax.
Free air under the right hemidiaphragm, concerning for bowel perforation.
The osseous structures are intact. Soft tissues are unremarkable.
No radiographic evidence of active tuberculosis. Apical scarring is stable.
Cavitary lesion in the right upper lobe with an air-fluid level, suggestive of abscess.
Interval improvement of the left basilar opacity compared with the prior radiograph.
Interval worsening of bilateral airspace disease, compatible with acute respiratory distress syndrome.
Findings are stable compared to the examination from the previous week.
Impression: no acute cardiopulmonary process.
Impression: right lower lobe pneumonia. Follow-up radiograph in six weeks to document resolution.
Impression: cardiomegaly and mild pulmonary edema, likely related to congestive heart failure.
History: cough, fever and chills for three days. Comparison: none.
History: trauma, evaluate for pneumothorax. Technique: single frontal view of the chest.
Clinical indication: preoperative evaluation. Technique: posteroanterior and lateral views.
The trachea is midline. The cardiomediastinal silhouette is unremarkable.
Lung volumes are low, which accentuates the bronchovascular markings.
The costophrenic angles are sharp. The hila are normal in size and configuration.
Scoliosis of the thoracolumbar spine. Surgical clips in the right upper quadrant.
Breast shadows overlie the lung bases. Nipple shadows are noted bilaterally.
Image quality is limited by patient rotation and underpenetration.
Synthetic chest radiograph, high resolution, realistic grayscale, detailed lung parenchyma.
Synthetic frontal chest x-ray, sharp focus, clinical quality, no text, no markers, no watermark.
Pediatric chest radiograph of a child with wheezing; peribronchial cuffing, no focal consolidation.
Neonatal chest radiograph: umbilical venous catheter tip at the level of the diaphragm.
Elderly woman with dyspnea: bilateral effusions, enlarged heart, and vascular redistribution.
Young man with sudden pleuritic pain: small spontaneous pneumothorax at the left apex.
Smoker with weight loss and hemoptysis: a hilar mass with post-obstructive collapse.
Right middle lobe opacity silhouetting the right heart border.
Left lower lobe collapse, the sail sign behind the heart, loss of the left hemidiaphragm contour.
Miliary pattern of innumerable tiny nodules throughout both lungs.
Honeycombing and traction bronchiectasis at the bases, usual interstitial pneumonia pattern.
Pleural plaques with calcification, consistent with prior asbestos exposure.
Pericardial effusion may produce a globular, water-bottle configuration of the cardiac silhouette.
Bilateral hilar enlargement from pulmonary arterial hypertension.
Dextrocardia with situs inversus. The gastric bubble is on the right.
Normal study. Heart, lungs, mediastinum, pleura and bones are normal.
Blurry, low quality, overexposed, underexposed, noisy, cropped, rotated, artifacts, lateral view.
Prompt: frontal chest radiograph, female, 45 years old, normal lungs, normal heart size.
Prompt: chest x-ray of an old man with pneumonia in the left lower lobe and a small effusion.
Negative prompt: text, letters, labels, arrows, rulers, watermark, jpeg artifacts.
"""


# ---------------------------------------------------------------------------
# JSON output with exact float decimals and compact numeric arrays.
# ---------------------------------------------------------------------------


def _is_scalar(x):
    return x is None or isinstance(x, (bool, int, float, str))


def _fmt(o, indent):
    pad = "  " * indent
    pad1 = "  " * (indent + 1)
    if isinstance(o, dict):
        if not o:
            return "{}"
        items = [f"{pad1}{json.dumps(str(k), ensure_ascii=False)}: {_fmt(v, indent + 1)}" for k, v in o.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(o, (list, tuple)):
        if not o:
            return "[]"
        if all(_is_scalar(x) for x in o):
            numeric = all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in o)
            sep = "," if numeric and len(o) > 16 else ", "
            return "[" + sep.join(json.dumps(x, ensure_ascii=False, allow_nan=False) for x in o) + "]"
        items = [pad1 + _fmt(x, indent + 1) for x in o]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    if isinstance(o, float):
        return json.dumps(o, allow_nan=False)  # repr(float): the shortest round-tripping decimal
    return json.dumps(o, ensure_ascii=False, allow_nan=False)


def write_json(path: Path, obj):
    path.write_text(_fmt(obj, 0) + "\n", encoding="utf-8")


def exact(t) -> list:
    """Flat list of Python floats, each exactly equal to a float32 value of t."""
    if isinstance(t, torch.Tensor):
        t = t.detach().to(torch.float32).reshape(-1)
        return [float(x) for x in t.tolist()]
    return [float(np.float32(x)) for x in np.asarray(t, dtype=np.float32).reshape(-1)]


def scalar32(x) -> float:
    if isinstance(x, torch.Tensor):
        return float(x.to(torch.float32).item())
    return float(np.float32(x))


def jsonable(v):
    if isinstance(v, dict):
        return {k: jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [jsonable(x) for x in v]
    if isinstance(v, np.ndarray):
        return v.tolist()
    if isinstance(v, (np.floating, np.integer)):
        v = v.item()
    if isinstance(v, float) and not np.isfinite(v):
        return "-inf" if v < 0 else ("inf" if v > 0 else "nan")  # JSON has no infinities
    return v


def config_dict(scheduler) -> dict:
    return {k: jsonable(v) for k, v in scheduler.config.items() if not k.startswith("_")} | {
        "_class_name": type(scheduler).__name__
    }


def versions() -> dict:
    return {
        "python": sys.version.split()[0],
        "torch": torch.__version__,
        "diffusers": diffusers.__version__,
        "transformers": transformers.__version__,
        "safetensors": safetensors.__version__,
        "numpy": np.__version__,
    }


# ---------------------------------------------------------------------------
# Tokenizer: byte-level BPE as CLIP uses it, learned on CORPUS.
# ---------------------------------------------------------------------------


def bytes_to_unicode() -> dict:
    """GPT-2/CLIP byte-to-unicode table (same order as CLIP's vocabulary)."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, [chr(c) for c in cs]))


CLIP_PATTERN = regex.compile(
    r"""<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+""",
    regex.IGNORECASE,
)


def learn_bpe(corpus: str, vocab_size: int):
    byte_encoder = bytes_to_unicode()
    alphabet = list(byte_encoder.values())
    vocab = alphabet + [c + "</w>" for c in alphabet]
    known = set(vocab)
    target = vocab_size - 2  # leave room for the two special tokens

    counts = collections.Counter()
    for token in CLIP_PATTERN.findall(" ".join(corpus.lower().split())):
        chars = "".join(byte_encoder[b] for b in token.encode("utf-8"))
        counts[tuple(chars[:-1]) + (chars[-1] + "</w>",)] += 1
    words = [[list(w), c] for w, c in sorted(counts.items())]

    merges = []
    while len(vocab) < target:
        pairs = collections.Counter()
        for symbols, c in words:
            for a, b in zip(symbols, symbols[1:]):
                pairs[(a, b)] += c
        if not pairs:
            raise RuntimeError("corpus too small for the requested vocabulary size")
        best = min(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        merged = best[0] + best[1]
        merges.append(best)
        if merged not in known:
            known.add(merged)
            vocab.append(merged)
        for entry in words:
            symbols = entry[0]
            out, i = [], 0
            while i < len(symbols):
                if i + 1 < len(symbols) and symbols[i] == best[0] and symbols[i + 1] == best[1]:
                    out.append(merged)
                    i += 2
                else:
                    out.append(symbols[i])
                    i += 1
            entry[0] = out
    vocab += [BOS, EOS]
    assert len(vocab) == vocab_size and len(set(vocab)) == vocab_size
    return {tok: i for i, tok in enumerate(vocab)}, merges


def write_bpe_files(directory: Path):
    directory.mkdir(parents=True, exist_ok=True)
    encoder, merges = learn_bpe(CORPUS, VOCAB_SIZE)
    vocab_file = directory / "vocab.json"
    merges_file = directory / "merges.txt"
    vocab_file.write_text(json.dumps(encoder, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    merges_file.write_text("#version: 0.2\n" + "".join(f"{a} {b}\n" for a, b in merges), encoding="utf-8")
    return vocab_file, merges_file, len(merges)


def make_tokenizer(vocab_file: Path, merges_file: Path, pad_token: str) -> CLIPTokenizer:
    tok = CLIPTokenizer(str(vocab_file), str(merges_file), pad_token=pad_token, model_max_length=MAX_LENGTH)
    assert tok.fix_text is None, "ftfy is installed; uninstall it so CLIPTokenizer uses its fallback normalisation"
    return tok


# ---------------------------------------------------------------------------
# Tiny models.
# ---------------------------------------------------------------------------


def perturb(model: torch.nn.Module, seed: int) -> None:
    """Add small seeded noise to every parameter.

    Default initialisation leaves biases at 0 and norm scales at 1, which would
    hide a missing bias or affine term; after this every parameter matters.
    """
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for _, p in model.named_parameters():
            noise = torch.randn(p.shape, generator=g, dtype=torch.float32)
            std = float(p.std()) if p.numel() > 1 else 0.0
            p.add_(noise * (0.1 if std == 0.0 else 0.25 * std))


def sd_scheduler(prediction_type: str) -> DDIMScheduler:
    return DDIMScheduler(
        num_train_timesteps=1000,
        beta_start=0.00085,
        beta_end=0.012,
        beta_schedule="scaled_linear",
        clip_sample=False,
        set_alpha_to_one=False,
        steps_offset=1,
        prediction_type=prediction_type,
        timestep_spacing="leading",
    )


def build_sd1(tok_files):
    torch.manual_seed(0)
    unet = UNet2DConditionModel(
        block_out_channels=(32, 64),
        layers_per_block=2,
        sample_size=32,
        in_channels=4,
        out_channels=4,
        down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
        up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"),
        cross_attention_dim=32,
        attention_head_dim=2,
        use_linear_projection=False,
        norm_num_groups=32,
    )
    perturb(unet, 1)
    torch.manual_seed(0)
    vae = AutoencoderKL(
        block_out_channels=[32, 64],
        in_channels=3,
        out_channels=3,
        down_block_types=["DownEncoderBlock2D", "DownEncoderBlock2D"],
        up_block_types=["UpDecoderBlock2D", "UpDecoderBlock2D"],
        latent_channels=4,
        norm_num_groups=32,
        sample_size=64,
    )
    perturb(vae, 2)
    tokenizer = make_tokenizer(*tok_files, pad_token=EOS)
    torch.manual_seed(0)
    text_encoder = CLIPTextModel(
        CLIPTextConfig(
            bos_token_id=tokenizer.bos_token_id,
            eos_token_id=tokenizer.eos_token_id,
            pad_token_id=tokenizer.pad_token_id,
            hidden_size=32,
            intermediate_size=37,
            layer_norm_eps=1e-05,
            num_attention_heads=4,
            num_hidden_layers=5,
            vocab_size=VOCAB_SIZE,
            max_position_embeddings=MAX_LENGTH,
            hidden_act="quick_gelu",
            projection_dim=32,
        )
    )
    perturb(text_encoder, 3)
    components = dict(unet=unet, vae=vae, text_encoder=text_encoder, tokenizer=tokenizer,
                      scheduler=sd_scheduler("epsilon"))
    stored_f16 = ["unet", "vae"]
    return components, stored_f16


def build_sd2(tok_files):
    torch.manual_seed(0)
    unet = UNet2DConditionModel(
        block_out_channels=(16, 32),
        layers_per_block=1,
        sample_size=32,
        in_channels=4,
        out_channels=4,
        down_block_types=("CrossAttnDownBlock2D", "DownBlock2D"),
        up_block_types=("UpBlock2D", "CrossAttnUpBlock2D"),
        cross_attention_dim=48,
        attention_head_dim=(2, 4),
        use_linear_projection=True,
        upcast_attention=True,
        norm_num_groups=8,
    )
    perturb(unet, 11)
    torch.manual_seed(0)
    vae = AutoencoderKL(
        block_out_channels=[16, 32],
        in_channels=3,
        out_channels=3,
        down_block_types=["DownEncoderBlock2D", "DownEncoderBlock2D"],
        up_block_types=["UpDecoderBlock2D", "UpDecoderBlock2D"],
        latent_channels=4,
        norm_num_groups=8,
        sample_size=64,
    )
    perturb(vae, 12)
    tokenizer = make_tokenizer(*tok_files, pad_token="!")
    torch.manual_seed(0)
    text_encoder = CLIPTextModel(
        CLIPTextConfig(
            bos_token_id=tokenizer.bos_token_id,
            eos_token_id=tokenizer.eos_token_id,
            pad_token_id=tokenizer.pad_token_id,
            hidden_size=48,
            intermediate_size=61,
            layer_norm_eps=1e-05,
            num_attention_heads=4,
            num_hidden_layers=3,
            vocab_size=VOCAB_SIZE,
            max_position_embeddings=MAX_LENGTH,
            hidden_act="gelu",
            projection_dim=48,
        )
    )
    perturb(text_encoder, 13)
    components = dict(unet=unet, vae=vae, text_encoder=text_encoder, tokenizer=tokenizer,
                      scheduler=sd_scheduler("v_prediction"))
    stored_f16 = ["unet", "vae", "text_encoder"]
    return components, stored_f16


# ---------------------------------------------------------------------------
# Schedulers.
# ---------------------------------------------------------------------------

SCHEDULERS = {
    "ddim": (DDIMScheduler, {}),
    "euler": (EulerDiscreteScheduler, {}),
    "euler-ancestral": (EulerAncestralDiscreteScheduler, {}),
    "dpm++2m": (DPMSolverMultistepScheduler, dict(algorithm_type="dpmsolver++", solver_order=2, use_karras_sigmas=False)),
    "dpm++2m-karras": (DPMSolverMultistepScheduler, dict(algorithm_type="dpmsolver++", solver_order=2, use_karras_sigmas=True)),
}


# Stored scheduler config of each model, as reloaded from disk (set in main()).
BASE_CONFIGS = {}


def make_scheduler(name: str, base_config, **overrides):
    cls, fixed = SCHEDULERS[name]
    return cls.from_config(base_config, **(fixed | overrides))


# ---------------------------------------------------------------------------
# Per-model references.
# ---------------------------------------------------------------------------

SD1_CASES = [
    dict(name="case0", scheduler="ddim", overrides={}, steps=5, guidance_scale=7.5, seed=0,
         prompt="frontal chest radiograph of a 67-year-old male, mild cardiomegaly, no pleural effusion",
         negative_prompt="blurry, lateral view, text, watermark"),
    dict(name="case1", scheduler="euler", overrides={}, steps=4, guidance_scale=1.0, seed=1,
         prompt="chest x-ray, small right pneumothorax", negative_prompt=""),
    dict(name="case2", scheduler="euler-ancestral", overrides={}, steps=5, guidance_scale=7.5, seed=42,
         prompt="portable AP chest radiograph, endotracheal tube, bilateral opacities", negative_prompt=""),
    dict(name="case3", scheduler="dpm++2m-karras", overrides={}, steps=6, guidance_scale=7.5, seed=1234,
         prompt="55F, left lower lobe pneumonia", negative_prompt="low quality, cropped"),
]

SD2_CASES = [
    dict(name="case0", scheduler="dpm++2m", overrides={}, steps=6, guidance_scale=7.5, seed=0,
         prompt="synthetic frontal chest x-ray of an elderly woman, cardiomegaly and bilateral effusions",
         negative_prompt="noisy, overexposed, text"),
    dict(name="case1", scheduler="ddim", overrides=dict(timestep_spacing="trailing"), steps=4, guidance_scale=1.0,
         seed=3, prompt="normal chest radiograph", negative_prompt=""),
    dict(name="case2", scheduler="euler", overrides=dict(timestep_spacing="linspace"), steps=5, guidance_scale=7.5,
         seed=5, prompt="spiculated mass in the left upper lobe", negative_prompt="lateral view"),
    dict(name="case3", scheduler="euler-ancestral", overrides={}, steps=4, guidance_scale=4.0, seed=2024,
         prompt="Pediatric chest film; peribronchial cuffing!", negative_prompt="arrows, labels"),
]


def save_pipeline(components: dict, stored_f16: list, directory: Path):
    pipe = StableDiffusionPipeline(
        **components, safety_checker=None, feature_extractor=None, image_encoder=None, requires_safety_checker=False
    )
    for name in stored_f16:
        getattr(pipe, name).to(torch.float16)
    if directory.exists():
        shutil.rmtree(directory)
    pipe.save_pretrained(str(directory), safe_serialization=True)
    # The in-memory fp32 models become the weights as stored: F16-rounded where stored as F16.
    for name in stored_f16:
        getattr(pipe, name).to(torch.float32)


def load_pipeline(directory: Path, reference: dict) -> StableDiffusionPipeline:
    pipe = StableDiffusionPipeline.from_pretrained(
        str(directory), torch_dtype=torch.float32, local_files_only=True, safety_checker=None,
        requires_safety_checker=False,
    )
    pipe.set_progress_bar_config(disable=True)
    for name in ("unet", "vae", "text_encoder"):
        got = dict(getattr(pipe, name).named_parameters())
        for key, p in reference[name].named_parameters():
            assert got[key].dtype == torch.float32
            assert torch.equal(got[key], p), f"{name}.{key} differs after reload"
    return pipe


def run_case(pipe: StableDiffusionPipeline, base_config, case: dict, tensors: dict) -> dict:
    k = case["name"]
    pipe.scheduler = make_scheduler(case["scheduler"], base_config, **case["overrides"])
    captured = {}
    original_prepare = pipe.prepare_latents

    def prepare_latents(*args, **kwargs):
        out = original_prepare(*args, **kwargs)
        captured["init"] = out.detach().clone()
        captured["init_noise_sigma"] = scalar32(pipe.scheduler.init_noise_sigma)
        return out

    steps, timesteps = [], []

    def on_step_end(_pipe, i, t, kwargs):
        steps.append(kwargs["latents"].detach().clone())
        timesteps.append(t.item())
        return {}

    pipe.prepare_latents = prepare_latents
    try:
        with torch.no_grad():
            image = pipe(
                prompt=case["prompt"],
                negative_prompt=case["negative_prompt"],
                num_inference_steps=case["steps"],
                guidance_scale=case["guidance_scale"],
                height=64,
                width=64,
                generator=torch.Generator().manual_seed(case["seed"]),
                output_type="pt",
                callback_on_step_end=on_step_end,
                callback_on_step_end_tensor_inputs=["latents"],
            ).images
    finally:
        del pipe.prepare_latents
    assert len(steps) == case["steps"]

    # The initial latents are randn(shape, generator=seeded CPU generator) * init_noise_sigma.
    check = make_scheduler(case["scheduler"], base_config, **case["overrides"])
    check.set_timesteps(case["steps"])
    noise = randn_tensor((1, 4, 32, 32), generator=torch.Generator().manual_seed(case["seed"]), dtype=torch.float32)
    assert torch.equal(noise * check.init_noise_sigma, captured["init"]), "latents_init mismatch"
    assert torch.equal(torch.tensor(timesteps, dtype=check.timesteps.dtype), check.timesteps)

    # The image is clamp(decode(latents / scaling_factor) / 2 + 0.5, 0, 1).
    with torch.no_grad():
        decoded = pipe.vae.decode(steps[-1] / pipe.vae.config.scaling_factor).sample
    assert torch.equal((decoded / 2 + 0.5).clamp(0, 1), image), "image post-processing mismatch"

    tensors[f"{k}_latents_init"] = captured["init"]
    for i, s in enumerate(steps):
        tensors[f"{k}_latents_step{i}"] = s
    tensors[f"{k}_image"] = image.detach().clone()
    return {
        "name": k,
        "prompt": case["prompt"],
        "negative_prompt": case["negative_prompt"],
        "seed": case["seed"],
        "scheduler": case["scheduler"],
        "scheduler_config": config_dict(pipe.scheduler),
        "steps": case["steps"],
        "guidance_scale": case["guidance_scale"],
        "classifier_free_guidance": case["guidance_scale"] > 1.0,
        "height": 64,
        "width": 64,
        "timesteps": timesteps,
        "init_noise_sigma": captured["init_noise_sigma"],
        "tensors": [f"{k}_latents_init"] + [f"{k}_latents_step{i}" for i in range(len(steps))] + [f"{k}_image"],
    }


def model_reference(model_name: str, pipe: StableDiffusionPipeline, cases: list, stored_f16: list, out: Path):
    tensors = {}
    tok = pipe.tokenizer
    first = cases[0]
    enc = lambda text: tok(text, padding="max_length", max_length=MAX_LENGTH, truncation=True,  # noqa: E731
                           return_tensors="pt").input_ids
    with torch.no_grad():
        ids, neg_ids = enc(first["prompt"]), enc(first["negative_prompt"])
        prompt_embeds = pipe.text_encoder(ids)[0]
        negative_embeds = pipe.text_encoder(neg_ids)[0]
        pe, ne = pipe.encode_prompt(first["prompt"], "cpu", 1, True, first["negative_prompt"])
        assert torch.equal(pe, prompt_embeds) and torch.equal(ne, negative_embeds)
    tensors.update(input_ids=ids, negative_input_ids=neg_ids, prompt_embeds=prompt_embeds,
                   negative_prompt_embeds=negative_embeds)

    with torch.no_grad():
        sample = torch.randn((2, 4, 32, 32), generator=torch.Generator().manual_seed(100))
        timestep = torch.tensor([501.0], dtype=torch.float32)
        hidden = torch.cat([negative_embeds, prompt_embeds])
        unet_out = pipe.unet(sample, timestep, encoder_hidden_states=hidden).sample
        z = torch.randn((1, 4, 32, 32), generator=torch.Generator().manual_seed(200))
        decoded = pipe.vae.decode(z).sample
    tensors.update(unet_sample=sample, unet_timestep=timestep, unet_encoder_hidden_states=hidden,
                   unet_output=unet_out, vae_latents=z, vae_decoded=decoded)

    base_config = BASE_CONFIGS[model_name]
    case_info = [run_case(pipe, base_config, c, tensors) for c in cases]

    tensors = {k: v.detach().contiguous() for k, v in tensors.items()}
    save_file(tensors, str(out / f"{model_name}-reference.safetensors"), metadata={"model": model_name})
    descr = {
        "input_ids": "tokenizer(cases[0].prompt, padding='max_length', max_length=77, truncation=True)",
        "negative_input_ids": "the same for cases[0].negative_prompt",
        "prompt_embeds": "text_encoder(input_ids)[0]: last hidden state after the final layer norm",
        "negative_prompt_embeds": "text_encoder(negative_input_ids)[0]",
        "unet_sample": "torch.randn((2,4,32,32), generator=Generator().manual_seed(100))",
        "unet_timestep": "the UNet timestep (F32, broadcast over the batch)",
        "unet_encoder_hidden_states": "cat([negative_prompt_embeds, prompt_embeds])",
        "unet_output": "unet(unet_sample, unet_timestep, unet_encoder_hidden_states).sample",
        "vae_latents": "z = torch.randn((1,4,32,32), generator=Generator().manual_seed(200)), passed to vae.decode as is",
        "vae_decoded": "vae.decode(z).sample, not clamped",
        "case<k>_latents_init": "initial latents = randn(1,4,32,32, seeded generator) * scheduler.init_noise_sigma",
        "case<k>_latents_step<i>": "latents after scheduler step i (callback_on_step_end)",
        "case<k>_image": "pipeline output, clamp(vae.decode(latents / scaling_factor) / 2 + 0.5, 0, 1), NCHW",
    }
    info = {
        "model": model_name,
        "directory": model_name,
        "weights_stored_as_f16": stored_f16,
        "note": "references computed in float32 on the CPU from the stored weights (F16 components cast to F32)",
        "vae_scaling_factor": pipe.vae.config.scaling_factor,
        "vae_scale_factor": pipe.vae_scale_factor,
        "unet_timestep": 501.0,
        "tensor_descriptions": descr,
        "cases": case_info,
        "tensors": {k: {"dtype": str(v.dtype).replace("torch.", ""), "shape": list(v.shape)} for k, v in tensors.items()},
        "versions": versions(),
    }
    write_json(out / f"{model_name}-reference.json", info)



# ---------------------------------------------------------------------------
# Tokenizer, randn and scheduler references.
# ---------------------------------------------------------------------------

LONG_TEXT = (
    "Frontal chest radiograph of a 67-year-old male with a long history of smoking, presenting with cough, "
    "fever, weight loss and shortness of breath; findings include mild cardiomegaly, bilateral pleural "
    "effusions, a spiculated mass in the right upper lobe, hilar lymphadenopathy, interstitial edema, "
    "a right internal jugular catheter, sternotomy wires, degenerative changes of the thoracic spine, and "
    "an old healed fracture of the left seventh rib, all compared with the prior study from last week."
)

TOKENIZER_TEXTS = [
    "",
    "a",
    "chest x-ray",
    "Frontal Chest Radiograph, PA view",
    "FRONTAL CHEST RADIOGRAPH",
    "mixed CASE Words In A Sentence",
    "67-year-old male with cough",
    "55F, history of smoking.",
    "1234567890 0.5cm 12mm T12 L1 3.14159",
    "  leading,   repeated   and trailing spaces   ",
    "tabs\tand\nnewlines\r\nmixed\t\t  together",
    "right-sided pleural effusion; no pneumothorax!",
    "Cardiomegaly?? Maybe... (unclear) [see note] {x} <y> #3 $5 %10 &c *",
    "!!!",
    "it's the patient's film, they're fine, we've seen, I'm sure, you'll see, he'd say",
    "IT'S DON'T won't can't",
    "café-au-lait résumé naïve Ångström",
    "e\u0301 combining accent (NFC)",
    "Ärztlicher Befund: Lungenödem, Größe",
    "ΣΊΣΥΦΟΣ greek capitals",
    "İstanbul",
    "肺炎 chest 胸部",
    "emoji 🫁 lungs 🩻 x-ray 👍🏽",
    "hello\u00a0world no-break space",
    "zero\u200bwidth space and \x00 NUL \x07 bell",
    "ligature ﬁbrosis and ½ fraction and Ⅻ",
    "zygomatic quokka xylophone juxtaposition",
    "<|startoftext|> literal special tokens <|endoftext|>",
    "x-ray: AP/PA, 2 views; 3.5 cm nodule @ RUL (~1 cm)",
    "trailing punctuation,,,",
    LONG_TEXT,
]


def tokenizer_reference(tok_files, vocab_size: int, merges_count: int, out: Path):
    sd1 = make_tokenizer(*tok_files, pad_token=EOS)
    sd2 = make_tokenizer(*tok_files, pad_token="!")
    entries = []
    for text in TOKENIZER_TEXTS:
        p1 = sd1(text, padding="max_length", max_length=MAX_LENGTH, truncation=True).input_ids
        p2 = sd2(text, padding="max_length", max_length=MAX_LENGTH, truncation=True).input_ids
        assert len(p1) == len(p2) == MAX_LENGTH
        entries.append({
            "text": text,
            "sd1_tokens": sd1.tokenize(text),
            "sd1_ids": sd1(text).input_ids,
            "sd1_input_ids": p1,
            "sd2_tokens": sd2.tokenize(text),
            "sd2_ids": sd2(text).input_ids,
            "sd2_input_ids": p2,
        })
    info = {
        "tokenizer_files": ["sd1-tiny/tokenizer/vocab.json", "sd1-tiny/tokenizer/merges.txt",
                            "sd2-tiny/tokenizer/vocab.json", "sd2-tiny/tokenizer/merges.txt"],
        "note": ("sd1-tiny and sd2-tiny share vocab.json and merges.txt; they differ in pad_token only. Being a "
                 "special token, the sd2 pad token '!' is split out of the text before BPE, so each '!' in a text "
                 "becomes id 0 there (in sd1 it is BPE-merged like any other character). "
                 "'sd*_ids' are tokenizer(text).input_ids (BOS ... EOS, neither padded nor truncated); "
                 "'sd1_input_ids'/'sd2_input_ids' use padding='max_length', max_length=77, truncation=True. "
                 "transformers' slow CLIPTokenizer without ftfy."),
        "vocab_size": vocab_size,
        "merges": merges_count,
        "model_max_length": MAX_LENGTH,
        "bos_token": BOS, "bos_token_id": sd1.bos_token_id,
        "eos_token": EOS, "eos_token_id": sd1.eos_token_id,
        "sd1_pad_token": sd1.pad_token, "sd1_pad_token_id": sd1.pad_token_id,
        "sd2_pad_token": sd2.pad_token, "sd2_pad_token_id": sd2.pad_token_id,
        "texts": entries,
        "versions": versions(),
    }
    write_json(out / "tokenizer-reference.json", info)
    return sd1, sd2


RANDN_SEEDS = [0, 1, 42, 2**32 - 1, 123456789]
RANDN_SHAPES = [(1, 4, 4, 4), (1, 4, 8, 8), (2, 3), (7,), (15,), (16,), (17,), (33,), (1, 4, 32, 32), (1, 4, 13, 9)]
LARGE_SHAPE = (1, 4, 32, 32)  # 4096 values: written for two seeds only, to keep the file small
LARGE_SHAPE_SEEDS = [0, 2**32 - 1]
RANDN_SEQUENCES = [
    (0, [(1, 4, 4, 4), (1, 4, 4, 4)]),
    (0, [(1, 4, 8, 8), (1, 4, 8, 8)]),
    (7, [(15,), (17,), (3,), (16,)]),
    (42, [(1, 4, 4, 4), (2, 3), (33,)]),
    (123456789, [(1, 4, 13, 9), (1, 4, 13, 9)]),
]


def randn_reference(out: Path):
    single = []
    for seed in RANDN_SEEDS:
        for shape in RANDN_SHAPES:
            if shape == LARGE_SHAPE and seed not in LARGE_SHAPE_SEEDS:
                continue
            t = torch.randn(shape, generator=torch.Generator().manual_seed(seed))
            single.append({"seed": seed, "shape": list(shape), "values": exact(t)})
    sequences = []
    for seed, shapes in RANDN_SEQUENCES:
        g = torch.Generator().manual_seed(seed)
        calls = [{"shape": list(s), "values": exact(torch.randn(s, generator=g))} for s in shapes]
        sequences.append({"seed": seed, "calls": calls})
    info = {
        "note": ("torch.randn(shape, generator=torch.Generator().manual_seed(seed)) on the CPU, float32, values in "
                 "row-major order, each written as the exact decimal of the float32 value. 'single' has every "
                 "seed x shape except (1,4,32,32), which is given for seeds 0 and 4294967295 only. 'sequences' "
                 "are consecutive randn calls on one generator."),
        "single": single,
        "sequences": sequences,
        "versions": versions(),
    }
    write_json(out / "randn-reference.json", info)


SPACINGS = ["leading", "trailing", "linspace"]
SCHED_STEPS = [4, 25]


def scheduler_loop(sched, steps: int):
    sched.set_timesteps(steps)
    sample = torch.randn((1, 4, 4, 4), generator=torch.Generator().manual_seed(0)) * sched.init_noise_sigma
    initial = sample.clone()
    g = torch.Generator().manual_seed(7)
    samples = []
    for t in sched.timesteps:
        x = sched.scale_model_input(sample, t)
        model_output = torch.sin(x * 0.5 + t / 1000.0)
        sample = sched.step(model_output, t, sample, generator=g).prev_sample
        samples.append(exact(sample))
    return initial, samples


def scheduler_reference(out: Path):
    bases = {"sd1": BASE_CONFIGS["sd1-tiny"], "sd2": BASE_CONFIGS["sd2-tiny"]}
    ddim = DDIMScheduler.from_config(bases["sd1"])
    entries = []
    for name in SCHEDULERS:
        for cfg_name, base in bases.items():
            for spacing in SPACINGS:
                for steps in SCHED_STEPS:
                    sched = make_scheduler(name, base, timestep_spacing=spacing)
                    sched.set_timesteps(steps)
                    ts = sched.timesteps
                    sigmas = getattr(sched, "sigmas", None)
                    entry = {
                        "scheduler": name,
                        "config_name": cfg_name,
                        "prediction_type": sched.config.prediction_type,
                        "timestep_spacing": spacing,
                        "steps": steps,
                        "config": config_dict(sched),
                        "timesteps_dtype": str(ts.dtype).replace("torch.", ""),
                        "timesteps": [int(x) for x in ts.tolist()] if not ts.is_floating_point() else exact(ts),
                        "sigmas": exact(sigmas) if sigmas is not None else None,
                        "init_noise_sigma": scalar32(sched.init_noise_sigma),
                    }
                    # Loops: all 4-step schedules; 25-step ones with the SD1 config, for "leading" spacing
                    # and wherever the timesteps are fractional (Euler, "linspace"); more would only add size.
                    fractional = ts.is_floating_point() and bool((ts != ts.round()).any())
                    if steps == 4 or (cfg_name == "sd1" and (spacing == "leading" or fractional)):
                        loop_sched = make_scheduler(name, base, timestep_spacing=spacing)
                        initial, samples = scheduler_loop(loop_sched, steps)
                        entry["loop_initial_sample"] = exact(initial)
                        entry["loop_samples"] = samples
                    entries.append(entry)

    original = torch.randn((1, 4, 4, 4), generator=torch.Generator().manual_seed(11))
    noise = torch.randn((1, 4, 4, 4), generator=torch.Generator().manual_seed(12))
    add_noise = []
    for name in ["ddim", "euler", "dpm++2m"]:
        sched = make_scheduler(name, bases["sd1"], timestep_spacing="leading")
        sched.set_timesteps(25)
        t = sched.timesteps[3:4]
        noisy = sched.add_noise(original, noise, t)
        add_noise.append({
            "scheduler": name, "config_name": "sd1", "timestep_spacing": "leading", "steps": 25,
            "timestep": t.item(), "result": exact(noisy),
        })
    info = {
        "note": (
            "For each entry: Scheduler.from_config(<model scheduler config>, timestep_spacing=..., plus the "
            "dpm++ settings), set_timesteps(steps); then the loop: sample = randn((1,4,4,4), "
            "Generator().manual_seed(0)) * init_noise_sigma; g = Generator().manual_seed(7); for t in timesteps: "
            "x = scale_model_input(sample, t); model_output = sin(x * 0.5 + t / 1000.0) (float32); "
            "sample = step(model_output, t, sample, generator=g).prev_sample. loop_samples[i] is the sample after "
            "step i (64 values, row-major); loops are recorded for every 4-step schedule and for 25-step ones of "
            "the sd1 config with 'leading' spacing or fractional timesteps. All floats are exact decimals of float32 values."
        ),
        "betas": exact(ddim.betas),
        "alphas_cumprod": exact(ddim.alphas_cumprod),
        "entries": entries,
        "add_noise": {
            "original": exact(original),
            "noise": exact(noise),
            "note": "original = randn seed 11, noise = randn seed 12, shape (1,4,4,4); add_noise(original, noise, [t])",
            "cases": add_noise,
        },
        "versions": versions(),
    }
    write_json(out / "scheduler-reference.json", info)


# ---------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: %(default)s)")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    transformers.logging.set_verbosity_error()
    diffusers.logging.set_verbosity_error()
    diffusers.utils.logging.disable_progress_bar()

    with tempfile.TemporaryDirectory(prefix="medsynth-bpe-") as tmp:
        vocab_file, merges_file, merges_count = write_bpe_files(Path(tmp))
        tok_files = (vocab_file, merges_file)
        tokenizer_reference(tok_files, VOCAB_SIZE, merges_count, out)
        for model_name, build, cases in [("sd1-tiny", build_sd1, SD1_CASES), ("sd2-tiny", build_sd2, SD2_CASES)]:
            components, stored_f16 = build(tok_files)
            save_pipeline(components, stored_f16, out / model_name)
            pipe = load_pipeline(out / model_name, components)
            BASE_CONFIGS[model_name] = pipe.scheduler.config  # the scheduler config as stored
            tok = pipe.tokenizer
            assert tok.vocab_size <= pipe.text_encoder.config.vocab_size
            assert "!" in tok.get_vocab() and tok.pad_token == components["tokenizer"].pad_token
            model_reference(model_name, pipe, cases, stored_f16, out)
            print(f"wrote {model_name}", flush=True)
        randn_reference(out)
        scheduler_reference(out)
    total = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"fixtures in {out}: {total / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
