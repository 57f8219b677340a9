"""Files of the media corpus that no installed tool writes, built by hand (called by
make-corpus.sh). Each mimics what the real producer writes, as far as the preflight looks.

  encrypted-ooxml OUT   a password-protected OOXML file as Office writes it: an OLE2 compound
                        file with EncryptionInfo (agile), EncryptedPackage (size + ciphertext,
                        here deterministic noise) and the \\x06DataSpaces storage.
  ooxml-type IN OUT CT  an OOXML file from LibreOffice with its main part's content type set
                        to CT (as Word/Excel/PowerPoint write dotm, xltm, potm, ppsx, ppsm),
                        [Content_Types].xml first, as Office orders it.
  free-boxes IN OUT N SIZE  an MP4 with N 'free' boxes of SIZE bytes between its 'ftyp' and
                        the rest (space a muxer reserves, or an editor leaves), chunk offsets
                        ('stco') moved to match: it still plays.
  icc-segments IN OUT N [SIZE]  a JPEG with an ICC profile of N segments of SIZE bytes
                        (65,537 by default: APP2 "ICC_PROFILE", as a large profile is split)
                        after its first segment.
  xmp-webp IN OUT TOTAL a WebP padded to exactly TOTAL bytes by an XMP packet (webpmux).
"""
import os
import subprocess
import tempfile
import random
import re
import struct
import sys
import zipfile

SECTOR = 512
MINI = 64
CUTOFF = 4096
FREE, END, FATSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def cfb(entries):
    """A v3 compound file. entries: (name, kind, data, parent) with kind 1 storage, 2 stream;
    the root is implicit. Small streams go to the mini stream."""
    sectors = []  # the regular sectors' bytes, in order
    fat = []

    def chain(data):
        n = max(1, -(-len(data) // SECTOR))
        first = len(sectors)
        for i in range(n):
            sectors.append(data[i * SECTOR:(i + 1) * SECTOR].ljust(SECTOR, b"\0"))
            fat.append(first + i + 1 if i + 1 < n else END)
        return first

    mini = bytearray()
    minifat = []
    placed = []
    for name, kind, data, parent in entries:
        if kind == 1:
            placed.append((name, kind, 0, 0, parent))
        elif len(data) >= CUTOFF:
            placed.append((name, kind, chain(data), len(data), parent))
        else:
            first = len(mini) // MINI
            n = max(1, -(-len(data) // MINI))
            mini += data.ljust(n * MINI, b"\0")
            minifat += [first + i + 1 if i + 1 < n else END for i in range(n)]
            placed.append((name, kind, first, len(data), parent))
    mini_start = chain(bytes(mini))
    minifat_start = chain(b"".join(struct.pack("<I", x) for x in minifat).ljust(SECTOR, b"\xff"))

    # Directory: root first; each storage's children as a chain of right siblings, sorted the
    # way the format compares names (length, then upper case).
    names = ["Root Entry"] + [e[0] for e in placed]
    children = {}
    for i, e in enumerate(placed, start=1):
        children.setdefault(e[4], []).append(i)
    right, child = {}, {}
    for parent, kids in children.items():
        kids.sort(key=lambda i: (len(names[i]), names[i].upper()))
        child[0 if parent is None else parent] = kids[0]
        for a, b in zip(kids, kids[1:]):
            right[a] = b

    def entry(i, name, kind, start, size):
        raw = name.encode("utf-16-le") + b"\0\0"
        e = raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1)
        e += struct.pack("<III", FREE, right.get(i, FREE), child.get(i, FREE))
        e += b"\0" * 36 + struct.pack("<IIi", start, size, 0)
        return e

    directory = entry(0, "Root Entry", 5, mini_start, len(mini))
    for i, (name, kind, start, size, _) in enumerate(placed, start=1):
        directory += entry(i, name, kind, start, size)
    dir_start = chain(directory)

    fat_sectors = -(-(len(fat) + 1) // (SECTOR // 4))
    first_fat = len(sectors)
    fat += [FATSECT] * fat_sectors
    table = b"".join(struct.pack("<I", x) for x in fat).ljust(fat_sectors * SECTOR, b"\xff")
    for i in range(fat_sectors):
        sectors.append(table[i * SECTOR:(i + 1) * SECTOR])

    header = bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 16
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 10
    header += struct.pack("<IIIIIIII", fat_sectors, dir_start, 0, CUTOFF, minifat_start, 1, END, 0)
    difat = [first_fat + i for i in range(fat_sectors)] + [FREE] * (109 - fat_sectors)
    header += b"".join(struct.pack("<I", x) for x in difat)
    return header + b"".join(sectors)


def encrypted_ooxml(out):
    rng = random.Random(15)
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" '
        'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">'
        '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" '
        'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>'
        '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">'
        '<p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" '
        'cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/>'
        "</keyEncryptor></keyEncryptors></encryption>"
    ).encode()
    info = struct.pack("<HHI", 4, 4, 0x40) + xml
    package = struct.pack("<Q", 9000) + bytes(rng.randrange(256) for _ in range(9008))
    version = struct.pack("<I", 0x3C) + "Microsoft.Container.DataSpaces".encode("utf-16-le") + struct.pack("<HHHHHH", 1, 0, 1, 0, 1, 0)
    entries = [
        ("\x06DataSpaces", 1, b"", None),
        ("Version", 2, version, 1),
        ("EncryptionInfo", 2, info, None),
        ("EncryptedPackage", 2, package, None),
    ]
    with open(out, "wb") as f:
        f.write(cfb(entries))


def ooxml_type(src, out, content_type):
    with zipfile.ZipFile(src) as z:
        items = [(i, z.read(i)) for i in z.infolist()]
    items.sort(key=lambda item: item[0].filename != "[Content_Types].xml")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            if info.filename == "[Content_Types].xml":
                data = re.sub(rb'ContentType="[^"]*\.main\+xml"', b'ContentType="' + content_type.encode() + b'"', data)
            z.writestr(info, data, zipfile.ZIP_DEFLATED)


def free_boxes(src, out, n, size):
    n, size = int(n), int(size)
    d = open(src, "rb").read()
    first = struct.unpack(">I", d[:4])[0]
    pad = b"".join(struct.pack(">I4s", size, b"free") + bytes(size - 8) for _ in range(n))
    rest = bytearray(d[first:])
    at = rest.find(b"stco")
    while at != -1:
        count = struct.unpack(">I", rest[at + 8:at + 12])[0]
        for k in range(count):
            o = at + 12 + 4 * k
            rest[o:o + 4] = struct.pack(">I", struct.unpack(">I", rest[o:o + 4])[0] + len(pad))
        at = rest.find(b"stco", at + 4)
    open(out, "wb").write(d[:first] + pad + bytes(rest))


def icc_segments(src, out, n, size="65537"):
    n, length = int(n), int(size) - 2
    d = open(src, "rb").read()
    # After SOI and the first segment (JFIF's APP0, where the profile follows it).
    at = 4 + struct.unpack(">H", d[4:6])[0]
    body = length - 16
    segments = b"".join(
        b"\xff\xe2" + struct.pack(">H", length) + b"ICC_PROFILE\0" + bytes([k + 1, n]) + bytes([k % 251]) * body
        for k in range(n)
    )
    open(out, "wb").write(d[:at] + segments + d[at:])


def xmp_webp(src, out, total):
    total = int(total)
    with tempfile.TemporaryDirectory() as tmp:
        xmp = os.path.join(tmp, "pad.xmp")

        def mux(length):
            packet = b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"/>'
            open(xmp, "wb").write(packet + b" " * (length - len(packet) - 19) + b'<?xpacket end="w"?>')
            subprocess.run(["webpmux", "-set", "xmp", xmp, src, "-o", out], check=True, capture_output=True)
            return os.path.getsize(out)

        made = mux(200)
        if mux(200 + total - made) != total:
            sys.exit(f"xmp-webp: cannot make {total} bytes")


if __name__ == "__main__":
    commands = {
        "encrypted-ooxml": encrypted_ooxml,
        "ooxml-type": ooxml_type,
        "free-boxes": free_boxes,
        "icc-segments": icc_segments,
        "xmp-webp": xmp_webp,
    }
    commands[sys.argv[1]](*sys.argv[2:])
