"""Encodes a WAV file (16 kHz, mono, 16-bit) to AMR-WB in the storage format of RFC 4867
section 5 ("#!AMR-WB\\n", then one frame per 20 ms), with the VisualOn AMR-WB encoder
(Debian: libvo-amrwbenc0) through ctypes. Called by make-corpus.sh: Debian's ffmpeg has no
AMR encoder and its sox cannot write AMR-WB.

  python3 amrwb.py IN.wav OUT.amr [MODE]

MODE is the codec mode, 0 (6.60 kbit/s) to 8 (23.85 kbit/s); 2 (12.65 kbit/s) by default.
The library is libvo-amrwbenc.so.0 unless AMRWBENC_LIB names another file.

The encoder's API (/usr/include/vo-amrwbenc/enc_if.h in libvo-amrwbenc-dev):
  void* E_IF_init(void);
  int E_IF_encode(void* state, int mode, const short* speech, unsigned char* out, int dtx);
  void E_IF_exit(void* state);
E_IF_encode takes 320 samples (20 ms at 16 kHz) and writes one frame as the storage format
has it: a header byte (frame type in bits 6..3, the quality bit 0x04), then the speech bits;
it returns the frame's length. Each frame is checked against the mode asked for and the
length RFC 4867 gives for it, so a library that wrote another format would be caught here.
"""
import array
import ctypes
import os
import sys
import wave

MAGIC = b"#!AMR-WB\n"
SAMPLES = 320  # 20 ms at 16 kHz
# Speech bytes per frame type 0..8 (RFC 4867, 3GPP TS 26.201): 132, 177, 253, 285, 317, 365,
# 397, 461 and 477 bits, rounded up to whole bytes.
SPEECH_BYTES = [17, 23, 32, 36, 40, 46, 50, 58, 60]


def main(argv):
    if len(argv) not in (3, 4):
        sys.exit(__doc__)
    src, dst = argv[1], argv[2]
    mode = int(argv[3]) if len(argv) == 4 else 2
    if not 0 <= mode <= 8:
        sys.exit(f"amrwb.py: mode {mode} is not 0..8")
    with wave.open(src, "rb") as w:
        shape = (w.getframerate(), w.getnchannels(), w.getsampwidth())
        if shape != (16000, 1, 2):
            sys.exit(f"amrwb.py: {src} is {shape} (rate, channels, bytes a sample), not 16 kHz mono 16-bit")
        pcm = w.readframes(w.getnframes())

    lib = ctypes.CDLL(os.environ.get("AMRWBENC_LIB", "libvo-amrwbenc.so.0"))
    lib.E_IF_init.restype = ctypes.c_void_p
    lib.E_IF_init.argtypes = []
    lib.E_IF_encode.restype = ctypes.c_int
    lib.E_IF_encode.argtypes = [
        ctypes.c_void_p,
        ctypes.c_int,
        ctypes.POINTER(ctypes.c_short),
        ctypes.POINTER(ctypes.c_ubyte),
        ctypes.c_int,
    ]
    lib.E_IF_exit.restype = None
    lib.E_IF_exit.argtypes = [ctypes.c_void_p]

    state = lib.E_IF_init()
    if not state:
        sys.exit("amrwb.py: E_IF_init failed")
    frames = []
    try:
        step = SAMPLES * 2
        for at in range(0, len(pcm), step):
            chunk = pcm[at : at + step].ljust(step, b"\0")  # the last frame padded with silence
            samples = array.array("h", chunk)
            if sys.byteorder == "big":
                samples.byteswap()  # WAV is little endian
            speech = (ctypes.c_short * SAMPLES)(*samples)
            out = (ctypes.c_ubyte * 64)()
            n = lib.E_IF_encode(state, mode, speech, out, 0)  # no DTX: every frame is speech
            frame = bytes(out[:n])
            want = 1 + SPEECH_BYTES[mode]
            if n != want or frame[0] != (mode << 3) | 0x04:
                sys.exit(
                    f"amrwb.py: frame {len(frames)}: {n} bytes, header {frame[:1].hex()}; "
                    f"want {want} bytes, header {(mode << 3) | 0x04:02x}"
                )
            frames.append(frame)
    finally:
        lib.E_IF_exit(state)
    if not frames:
        sys.exit(f"amrwb.py: {src} has no samples")
    with open(dst, "wb") as f:
        f.write(MAGIC + b"".join(frames))


if __name__ == "__main__":
    main(sys.argv)
