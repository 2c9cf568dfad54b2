"""Log-mel features, the numpy twin of packages/lipsync/src/model/logMel.ts (keep the two identical).

40 HTK-mel bands (20..7600 Hz), 25 ms symmetric Hann window, 10 ms hop, 512-point FFT, 16 kHz audio,
log(mel power + 1e-5), float64 throughout.
"""
import numpy as np

SAMPLE_RATE = 16000
FRAME_LENGTH = 400
FRAME_HOP = 160
FFT_SIZE = 512
MEL_BANDS = 40
MEL_LOW_HZ = 20.0
MEL_HIGH_HZ = 7600.0
LOG_FLOOR = 1e-5
BINS = FFT_SIZE // 2 + 1


def hz_to_mel(hz):
    return 2595.0 * np.log10(1.0 + hz / 700.0)


def mel_to_hz(mel):
    return 700.0 * (10.0 ** (mel / 2595.0) - 1.0)


def mel_filterbank():
    low, high = hz_to_mel(MEL_LOW_HZ), hz_to_mel(MEL_HIGH_HZ)
    edges = mel_to_hz(low + (high - low) * np.arange(MEL_BANDS + 2) / (MEL_BANDS + 1))
    f = np.arange(BINS) * SAMPLE_RATE / FFT_SIZE
    a, b, c = edges[:-2, None], edges[1:-1, None], edges[2:, None]
    w = np.minimum((f[None, :] - a) / (b - a), (c - f[None, :]) / (c - b))
    return np.maximum(w, 0.0)


HANN = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(FRAME_LENGTH) / (FRAME_LENGTH - 1))
BANK = mel_filterbank()


def frame_count(samples):
    return 0 if samples < FRAME_LENGTH else (samples - FRAME_LENGTH) // FRAME_HOP + 1


def log_mel(pcm):
    """pcm: 1-D float array at 16 kHz -> (frames, 40) float64."""
    pcm = np.asarray(pcm, dtype=np.float64)
    n = frame_count(len(pcm))
    idx = np.arange(FRAME_LENGTH)[None, :] + FRAME_HOP * np.arange(n)[:, None]
    spec = np.fft.rfft(pcm[idx] * HANN[None, :], FFT_SIZE)
    power = spec.real ** 2 + spec.imag ** 2
    return np.log(power @ BANK.T + LOG_FLOOR)
