"""Writes a tiny stereo WAV with Python's own `wave` module, so WavFile is tested against a file
it did not write itself.

Run (Debian's python3, standard library only), from the repository root:
    /usr/bin/python3 src/test/python/make_wav.py
Writes src/test/resources/org/convlab/data/sound/python-wave-stereo16.wav:
16-bit PCM, 2 channels, 11025 Hz, 4 frames (left, right):
    (0, 8192), (16384, 8192), (-16384, -32768), (32767, 0)
WavFileTest expects each mono sample to be (left + right) / 2 / 32768.
"""
import struct
import wave

FRAMES = [(0, 8192), (16384, 8192), (-16384, -32768), (32767, 0)]

with wave.open("src/test/resources/org/convlab/data/sound/python-wave-stereo16.wav", "wb") as w:
    w.setnchannels(2)
    w.setsampwidth(2)
    w.setframerate(11025)
    w.writeframes(b"".join(struct.pack("<hh", l, r) for l, r in FRAMES))
