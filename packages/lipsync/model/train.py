"""Trains the audio->viseme conv net on the espeak-ng data set from make_dataset.ts and exports viseme.onnx.

Run (one core, numpy only):
  OMP_NUM_THREADS=1 python packages/lipsync/model/train.py --steps 3000 --seed 1
Also writes the numpy features into features.ref.json (the TS/numpy parity reference).
"""
import argparse
import json
import math
import os
import tempfile
import time

import numpy as np

import convnet
from features import FRAME_HOP, FRAME_LENGTH, SAMPLE_RATE, frame_count, log_mel

HERE = os.path.dirname(os.path.abspath(__file__))
VISEMES = ['sil', 'PP', 'FF', 'TH', 'DD', 'kk', 'CH', 'SS', 'nn', 'RR', 'aa', 'E', 'ih', 'oh', 'ou']
COARSE = [0, 1, 2, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4]  # silence, closed, lip-teeth, consonant, vowel
LEFT = convnet.RECEPTIVE_FIELD - 1 - convnet.LOOKAHEAD


def load():
    dirs = os.environ.get('VISEME_DATA', os.path.join(tempfile.gettempdir(), 'lipsync-viseme-data'))
    return [u for d in dirs.split(os.pathsep) for u in load_dir(d)]


def load_dir(data):
    index = json.load(open(os.path.join(data, 'index.json')))
    audio = np.fromfile(os.path.join(data, 'audio.i16'), dtype=np.int16)
    labels = np.fromfile(os.path.join(data, 'labels.u8'), dtype=np.uint8)
    utts = []
    for it in index['items']:
        pcm = audio[it['audioOffset']:it['audioOffset'] + it['samples']].astype(np.float32) / 32767.0
        lab = labels[it['frameOffset']:it['frameOffset'] + it['frames']].astype(np.int64)
        utts.append(dict(pcm=pcm, labels=lab, split=it['split'], voice=it['voice'], language=it['language']))
    return utts


def crop(rng, utt, in_frames, augment):
    """A random crop: (features (in_frames, 40), labels of its output frames)."""
    out_frames = in_frames - convnet.RECEPTIVE_FIELD + 1
    need = FRAME_LENGTH + FRAME_HOP * (in_frames - 1)
    speed = rng.uniform(0.88, 1.12) if augment and rng.random() < 0.5 else 1.0
    span = int(math.ceil(need * speed)) + 2
    pcm, pad = utt['pcm'], int(0.4 * SAMPLE_RATE)
    start = int(rng.integers(-pad, max(-pad + 1, len(pcm) - span + pad)))
    src = np.zeros(span, np.float32)
    lo, hi = max(0, start), min(len(pcm), start + span)
    if hi > lo:
        src[lo - start:hi - start] = pcm[lo:hi]
    x = np.interp(np.arange(need) * speed, np.arange(span), src) if speed != 1.0 else src[:need]
    if augment:
        x = x * 10 ** (rng.uniform(-20, 6) / 20)
        if rng.random() < 0.6:
            noise = rng.standard_normal(need)
            if rng.random() < 0.5:
                noise = np.cumsum(noise)
                noise -= np.convolve(noise, np.ones(64) / 64, mode='same')
            rms = math.sqrt(float(np.mean(x * x)) + 1e-10)
            noise *= rms * 10 ** (-rng.uniform(12, 40) / 20) / (np.std(noise) + 1e-9)
            x = x + noise
        x = np.clip(x, -1, 1)
    feats = log_mel(x)
    centres = FRAME_HOP * (np.arange(out_frames) + LEFT) + FRAME_LENGTH / 2
    source_frame = np.round((start + centres * speed - FRAME_LENGTH / 2) / FRAME_HOP).astype(np.int64)
    ok = (source_frame >= 0) & (source_frame < len(utt['labels']))
    lab = np.zeros(out_frames, np.int64)
    lab[ok] = utt['labels'][source_frame[ok]]
    return feats, lab


def utterance_logits(params, mean, std, pcm):
    """Whole utterance, padded as the streaming runtime pads it: one output per original frame."""
    x = np.concatenate([np.zeros(LEFT * FRAME_HOP), pcm, np.zeros(convnet.LOOKAHEAD * FRAME_HOP)])
    feats = ((log_mel(x) - mean) / std).astype(np.float32)
    logits, _ = convnet.forward(params, feats[None])
    return logits[0]


def evaluate(params, mean, std, utts):
    rows = {}
    for u in utts:
        pred = utterance_logits(params, mean, std, u['pcm']).argmax(axis=1)
        n = min(len(pred), len(u['labels']))
        key = f"{u['voice']}"
        r = rows.setdefault(key, [0, 0, 0])
        r[0] += n
        r[1] += int((pred[:n] == u['labels'][:n]).sum())
        r[2] += int((np.take(COARSE, pred[:n]) == np.take(COARSE, u['labels'][:n])).sum())
    return {k: (v[1] / v[0], v[2] / v[0]) for k, v in rows.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--steps', type=int, default=3000)
    ap.add_argument('--batch', type=int, default=32)
    ap.add_argument('--frames', type=int, default=160)
    ap.add_argument('--lr', type=float, default=2e-3)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--init', help='start from this exported model (fine-tuning)')
    ap.add_argument('--out', default=os.path.join(HERE, 'viseme.onnx'))
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    utts = load()
    train = [u for u in utts if u['split'] == 'train']
    held = [u for u in utts if u['split'] == 'heldout']
    print(f'{len(train)} train, {len(held)} held-out utterances', flush=True)
    sample = np.concatenate([log_mel(train[i]['pcm']) for i in rng.choice(len(train), min(200, len(train)), replace=False)])
    mean, std = sample.mean(axis=0), sample.std(axis=0) + 1e-3
    params = convnet.init(rng, mean.size)
    if args.init:
        params, mean, std = load_onnx(args.init)
    adam = convnet.Adam(params)
    begin = time.time()
    avg = None
    for step in range(args.steps):
        batch = [crop(rng, train[int(rng.integers(len(train)))], args.frames, True) for _ in range(args.batch)]
        x = ((np.stack([b[0] for b in batch]) - mean) / std).astype(np.float32)
        y = np.stack([b[1] for b in batch])
        logits, cache = convnet.forward(params, x, keep=True)
        loss, dlogits = convnet.softmax_xent(logits, y)
        grads = convnet.backward(params, cache, dlogits)
        lr = args.lr * (0.02 + 0.98 * 0.5 * (1 + math.cos(math.pi * step / args.steps)))
        adam.step(params, grads, lr)
        avg = loss if avg is None else 0.98 * avg + 0.02 * loss
        if step % 200 == 0 or step == args.steps - 1:
            print(f'step {step} loss {avg:.3f} lr {lr:.5f} {time.time() - begin:.0f}s', flush=True)
    for voice, (a15, a5) in sorted(evaluate(params, mean, std, held).items()):
        print(f'held-out {voice}: 15-class {a15:.3f}, 5-class {a5:.3f}', flush=True)
    metadata = dict(receptiveField=convnet.RECEPTIVE_FIELD, lookahead=convnet.LOOKAHEAD,
                    visemes=','.join(VISEMES), seed=args.seed, steps=args.steps)
    convnet.export_onnx(params, mean, std, args.out, metadata)
    check_onnx(args.out, params, mean, std, held[0]['pcm'])
    write_reference()
    print(f'trained in {time.time() - begin:.0f}s -> {args.out} ({os.path.getsize(args.out)} bytes)')


def load_onnx(path):
    import onnx
    from onnx import numpy_helper
    weights = {t.name: numpy_helper.to_array(t) for t in onnx.load(path).graph.initializer}
    params = [[np.ascontiguousarray(weights[f'w{i}'].transpose(2, 1, 0)), weights[f'b{i}'].copy()]
              for i in range(len(convnet.LAYERS))]
    return params, weights['mean'].reshape(-1).astype(np.float64), 1.0 / weights['inv_std'].reshape(-1).astype(np.float64)


def check_onnx(path, params, mean, std, pcm):
    import onnxruntime as ort
    feats = log_mel(pcm).astype(np.float32)
    ours, _ = convnet.forward(params, ((feats - mean) / std).astype(np.float32)[None])
    theirs = ort.InferenceSession(path).run(None, {'features': feats[None]})[0]
    print(f'onnx vs numpy max |diff| {np.abs(ours - theirs).max():.2e}', flush=True)


def write_reference():
    path = os.path.join(HERE, 'features.ref.json')
    ref = json.load(open(path))
    ref['features'] = [round(float(v), 7) for v in log_mel(np.array(ref['pcm'], np.float64)).reshape(-1)]
    json.dump(dict(pcm=ref['pcm'], features=ref['features']), open(path, 'w'))


if __name__ == '__main__':
    main()
