#!/usr/bin/env bash
# Generates the media preflight corpus into tests/out/media/ with real tools
# (ffmpeg, LibreOffice headless, ImageMagick, libjpeg-turbo, sox, the VisualOn AMR-WB
# encoder, tar); the few files no installed tool writes are built by tests/media/handmade.py.
# Installs the missing tools with apt first (idempotent: does nothing when they are present),
# and skips any file that already exists, so a second run takes well under a second.
#
# Usage: bash tests/media/make-corpus.sh [--force]
#   --force   delete tests/out/media/ first and regenerate everything.
# Env:   SKIP_APT=1 never calls apt-get (fails if a tool is missing).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/tests/out/media"
if [[ "${1:-}" == "--force" ]]; then rm -rf "$OUT"; fi
mkdir -p "$OUT"

log() { printf '[make-corpus] %s\n' "$*" >&2; }

# ---------------------------------------------------------------- tools (apt)
is_real_imagemagick() { command -v convert >/dev/null && convert -version 2>/dev/null | grep -q ImageMagick; }
need=()
command -v ffmpeg >/dev/null || need+=(ffmpeg)
command -v soffice >/dev/null || need+=(libreoffice-core libreoffice-writer libreoffice-calc libreoffice-impress)
is_real_imagemagick || need+=(imagemagick)
command -v img2webp >/dev/null || need+=(webp)
# sox with libsox-fmt-base encodes AMR-NB (Debian's ffmpeg has no AMR encoder).
sox -h 2>/dev/null | grep -q amr-nb || need+=(sox libsox-fmt-base)
# AMR-WB: neither Debian's ffmpeg nor its sox encodes it; the VisualOn encoder library does,
# driven by tests/media/amrwb.py.
[[ "$({ ldconfig -p || /sbin/ldconfig -p; } 2>/dev/null)" == *"libvo-amrwbenc.so.0 "* ]] || need+=(libvo-amrwbenc0)
command -v zip >/dev/null || need+=(zip)
command -v iconv >/dev/null || need+=(libc-bin)
# cjpeg writes arithmetic-coded JPEG (ImageMagick's libjpeg use cannot).
command -v cjpeg >/dev/null || need+=(libjpeg-turbo-progs)
command -v python3 >/dev/null || need+=(python3)
if ((${#need[@]})); then
  if [[ -n "${SKIP_APT:-}" ]]; then log "missing tools: ${need[*]} (SKIP_APT set)"; exit 1; fi
  log "installing: ${need[*]}"
  t0=$(date +%s)
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  log "apt install took $(( $(date +%s) - t0 ))s"
fi

# ---------------------------------------------------------------- generation
T0=$(date +%s%N)
TMP="$OUT/.work"
mkdir -p "$TMP"
made=0
CURRENT=""
# A file left half-written by a failing tool would be taken as made next time: remove it.
trap 'rc=$?; if [[ $rc -ne 0 && -n "$CURRENT" ]]; then rm -f "$OUT/$CURRENT"; log "failed while making $CURRENT"; fi' EXIT
# want NAME: true when NAME is missing (then the caller makes it).
want() { [[ ! -s "$OUT/$1" ]] && { made=$((made + 1)); CURRENT=$1; log "making $1"; return 0; }; return 1; }
FF=(ffmpeg -hide_banner -loglevel error -y)
VSRC=(-f lavfi -i "testsrc=size=320x240:rate=25:duration=2")
ASRC=(-f lavfi -i "sine=frequency=440:sample_rate=44100:duration=2")

# Images (ImageMagick, libwebp tools)
want image.jpg && convert -size 640x480 gradient:skyblue-navy -fill orange -draw "circle 320,240 320,120" -quality 85 "$OUT/image.jpg"
want image.png && convert -size 640x480 gradient:white-green -fill red -draw "rectangle 100,100 300,300" "$OUT/image.png"
want sticker.webp && convert -size 512x512 gradient:yellow-red -fill blue -draw "circle 256,256 256,100" -quality 80 "$OUT/sticker.webp"
want sticker-lossless.webp && convert -size 512x512 xc:white -fill green -draw "circle 256,256 256,60" -define webp:lossless=true "$OUT/sticker-lossless.webp"
want sticker-alpha.webp && convert -size 512x512 xc:none -fill purple -draw "circle 256,256 256,60" -quality 80 "$OUT/sticker-alpha.webp"
want image-300x200.webp && convert -size 300x200 gradient:pink-gray -quality 80 "$OUT/image-300x200.webp"
if want sticker-animated.webp; then
  convert -size 512x512 xc:red "$TMP/f1.png"
  convert -size 512x512 xc:blue "$TMP/f2.png"
  img2webp -loop 0 -d 200 "$TMP/f1.png" "$TMP/f2.png" -o "$OUT/sticker-animated.webp" >/dev/null 2>&1
fi
want image.gif && convert -size 64x64 xc:red "$OUT/image.gif"
want image.bmp && convert -size 64x64 xc:green "$OUT/image.bmp"
want image.tiff && convert -size 64x64 xc:blue "$OUT/image.tiff"
# HEIC/AVIF need libheif's encoder plugins; optional (the tests skip them if absent).
want image.heic && { convert -size 64x64 xc:blue "$OUT/image.heic" 2>/dev/null || { rm -f "$OUT/image.heic"; log "no HEIC encoder: image.heic skipped"; }; }
want image.avif && { convert -size 64x64 xc:blue "$OUT/image.avif" 2>/dev/null || { rm -f "$OUT/image.avif"; log "no AVIF encoder: image.avif skipped"; }; }
want image.svg && printf '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/></svg>\n' >"$OUT/image.svg"

# Video and audio (ffmpeg; sox for AMR-NB, the VisualOn encoder for AMR-WB)
want video-h264-aac.mp4 && "${FF[@]}" "${VSRC[@]}" "${ASRC[@]}" -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest -movflags +faststart "$OUT/video-h264-aac.mp4"
want video-h264-aac-moov-at-end.mp4 && "${FF[@]}" "${VSRC[@]}" "${ASRC[@]}" -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest "$OUT/video-h264-aac-moov-at-end.mp4"
# A minute long: the second track and the media data box lie beyond the first reads.
want video-long-faststart.mp4 && "${FF[@]}" -f lavfi -i "testsrc=size=160x120:rate=30:duration=60" -f lavfi -i "sine=frequency=440:duration=60" -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest -movflags +faststart "$OUT/video-long-faststart.mp4"
want video-long-moov-at-end.mp4 && "${FF[@]}" -i "$OUT/video-long-faststart.mp4" -c copy "$OUT/video-long-moov-at-end.mp4"
want video-h264-only.mp4 && "${FF[@]}" "${VSRC[@]}" -c:v libx264 -preset ultrafast -pix_fmt yuv420p -movflags +faststart "$OUT/video-h264-only.mp4"
want video-hevc.mp4 && "${FF[@]}" "${VSRC[@]}" "${ASRC[@]}" -c:v libx265 -preset ultrafast -x265-params log-level=error -tag:v hvc1 -c:a aac -shortest -movflags +faststart "$OUT/video-hevc.mp4"
want video-mpeg4.mp4 && "${FF[@]}" "${VSRC[@]}" "${ASRC[@]}" -c:v mpeg4 -c:a aac -shortest -movflags +faststart "$OUT/video-mpeg4.mp4"
want video-h264-mp3.mp4 && "${FF[@]}" "${VSRC[@]}" "${ASRC[@]}" -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a libmp3lame -shortest -movflags +faststart "$OUT/video-h264-mp3.mp4"
want video-h264-aac.3gp && "${FF[@]}" "${VSRC[@]}" "${ASRC[@]}" -c:v libx264 -preset ultrafast -pix_fmt yuv420p -profile:v baseline -c:a aac -ar 22050 -shortest "$OUT/video-h264-aac.3gp"
want video-h263-aac.3gp && "${FF[@]}" -f lavfi -i "testsrc=size=176x144:rate=15:duration=2" "${ASRC[@]}" -c:v h263 -c:a aac -ar 22050 -shortest "$OUT/video-h263-aac.3gp"
want video-h264-aac.mov && "${FF[@]}" "${VSRC[@]}" "${ASRC[@]}" -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest "$OUT/video-h264-aac.mov"
want video-vp9-opus.webm && "${FF[@]}" "${VSRC[@]}" "${ASRC[@]}" -c:v libvpx-vp9 -deadline realtime -cpu-used 8 -b:v 200k -c:a libopus -shortest "$OUT/video-vp9-opus.webm"
want video-h264-aac.mkv && "${FF[@]}" "${VSRC[@]}" "${ASRC[@]}" -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest "$OUT/video-h264-aac.mkv"
want video-mpeg4.avi && "${FF[@]}" "${VSRC[@]}" "${ASRC[@]}" -c:v mpeg4 -c:a libmp3lame -shortest "$OUT/video-mpeg4.avi"
want audio-aac.m4a && "${FF[@]}" "${ASRC[@]}" -c:a aac "$OUT/audio-aac.m4a"
want audio-aac-in.mp4 && "${FF[@]}" "${ASRC[@]}" -c:a aac -movflags +faststart "$OUT/audio-aac-in.mp4"
want audio-alac.m4a && "${FF[@]}" "${ASRC[@]}" -c:a alac "$OUT/audio-alac.m4a"
want audio.aac && "${FF[@]}" "${ASRC[@]}" -c:a aac -f adts "$OUT/audio.aac"
want audio.mp3 && "${FF[@]}" "${ASRC[@]}" -c:a libmp3lame -b:a 64k -metadata title="Corpus tone" "$OUT/audio.mp3"
want audio-no-id3.mp3 && "${FF[@]}" "${ASRC[@]}" -c:a libmp3lame -b:a 64k -id3v2_version 0 -write_xing 0 "$OUT/audio-no-id3.mp3"
if want audio-cover-art.mp3; then
  # A big ID3v2 tag (embedded cover picture) pushes the first MPEG frame beyond the head.
  convert -size 400x400 plasma:fractal -seed 7 -quality 95 "$TMP/cover.jpg" 2>/dev/null || convert -size 400x400 gradient:red-blue -quality 100 "$TMP/cover.jpg"
  "${FF[@]}" "${ASRC[@]}" -i "$TMP/cover.jpg" -map 0:a -map 1:v -c:a libmp3lame -b:a 64k -c:v copy -id3v2_version 3 -metadata:s:v title="Cover" -metadata:s:v comment="Cover (front)" "$OUT/audio-cover-art.mp3"
fi
want audio-opus.ogg && "${FF[@]}" "${ASRC[@]}" -c:a libopus -b:a 32k "$OUT/audio-opus.ogg"
want audio.opus && "${FF[@]}" "${ASRC[@]}" -c:a libopus -b:a 32k "$OUT/audio.opus"
want audio-vorbis.ogg && "${FF[@]}" "${ASRC[@]}" -c:a libvorbis "$OUT/audio-vorbis.ogg"
want audio-flac.ogg && "${FF[@]}" "${ASRC[@]}" -c:a flac -f ogg "$OUT/audio-flac.ogg"
want audio.wav && "${FF[@]}" "${ASRC[@]}" -c:a pcm_s16le "$OUT/audio.wav"
want audio.flac && "${FF[@]}" "${ASRC[@]}" -c:a flac "$OUT/audio.flac"
if want audio.amr; then
  "${FF[@]}" -f lavfi -i "sine=frequency=440:sample_rate=8000:duration=2" -ac 1 -c:a pcm_s16le "$TMP/tone8k.wav"
  sox "$TMP/tone8k.wav" -t amr-nb "$OUT/audio.amr"
fi
if want audio-wb.amr; then
  "${FF[@]}" -f lavfi -i "sine=frequency=440:sample_rate=16000:duration=2" -ac 1 -c:a pcm_s16le "$TMP/tone16k.wav"
  python3 "$ROOT/tests/media/amrwb.py" "$TMP/tone16k.wav" "$OUT/audio-wb.amr"
fi

# Documents (LibreOffice headless, from flat ODF sources written here)
LO_PROFILE="file://$TMP/lo-profile"
soffice_to() { # FORMAT SOURCE
  soffice -env:UserInstallation="$LO_PROFILE" --headless --norestore --nologo --convert-to "$1" --outdir "$TMP/lo" "$2" >/dev/null 2>&1
}
write_sources() {
  local ns='xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" office:version="1.2"'
  printf '<?xml version="1.0" encoding="UTF-8"?>\n<office:document %s office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text><text:p>Media preflight corpus: a short letter. Grüße, ça va?</text:p><text:p>Second paragraph.</text:p></office:text></office:body></office:document>\n' "$ns" >"$TMP/doc.fodt"
  printf '<?xml version="1.0" encoding="UTF-8"?>\n<office:document %s office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body><office:spreadsheet><table:table table:name="Sheet1"><table:table-row><table:table-cell><text:p>name</text:p></table:table-cell><table:table-cell><text:p>qty</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell><text:p>apples</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="3"><text:p>3</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document>\n' "$ns" >"$TMP/sheet.fods"
  printf '<?xml version="1.0" encoding="UTF-8"?>\n<office:document %s office:mimetype="application/vnd.oasis.opendocument.presentation"><office:body><office:presentation><draw:page draw:name="page1"><draw:frame svg:x="2cm" svg:y="2cm" svg:width="16cm" svg:height="3cm"><draw:text-box><text:p>Corpus slide</text:p></draw:text-box></draw:frame></draw:page></office:presentation></office:body></office:document>\n' "$ns" >"$TMP/slides.fodp"
}
lo_make() { # OUTNAME FORMAT SOURCE-BASENAME
  local out=$1 fmt=$2 src=$3
  want "$out" || return 0
  mkdir -p "$TMP/lo"
  [[ -s "$TMP/$src" ]] || write_sources
  soffice_to "$fmt" "$TMP/$src"
  local base=${src%.*} ext=${fmt%%:*}
  mv "$TMP/lo/$base.$ext" "$OUT/$out"
}
lo_make document.odt odt doc.fodt
lo_make document.docx docx doc.fodt
lo_make document.doc doc doc.fodt
lo_make document.rtf rtf doc.fodt
lo_make document.pdf pdf doc.fodt
lo_make sheet.ods ods sheet.fods
lo_make sheet.xlsx xlsx sheet.fods
lo_make sheet.xls xls sheet.fods
lo_make slides.odp odp slides.fodp
lo_make slides.pptx pptx slides.fodp
lo_make slides.ppt ppt slides.fodp

# Text, markup, archives, executables
want text-ascii.txt && printf 'Hello from the media preflight corpus.\nSecond line.\n' >"$OUT/text-ascii.txt"
want text-utf8.txt && printf 'Grüße aus Köln – ça va? 日本語のテキスト.\nZweite Zeile.\n' >"$OUT/text-utf8.txt"
want text-utf8-bom.txt && printf '\xef\xbb\xbfWith a byte order mark: naïve café.\n' >"$OUT/text-utf8-bom.txt"
want text-utf16le.txt && printf 'Grüße aus Köln – UTF-16 little endian.\n' | iconv -f UTF-8 -t UTF-16 >"$OUT/text-utf16le.txt"
want text-utf16be.txt && { printf '\xfe\xff'; printf 'Grüße – UTF-16 big endian.\n' | iconv -f UTF-8 -t UTF-16BE; } >"$OUT/text-utf16be.txt"
want text-latin1.txt && printf 'Grüße aus Köln, ça va? Déjà vu.\n' | iconv -f UTF-8 -t LATIN1 >"$OUT/text-latin1.txt"
want data.csv && printf 'name,qty,price\napples,3,1.20\n"pears, green",5,0.80\nplums,12,2.05\n' >"$OUT/data.csv"
want data-semicolon.csv && printf 'Name;Menge;Preis\nÄpfel;3;1,20\nBirnen;5;0,80\n' >"$OUT/data-semicolon.csv"
want page.html && printf '<!DOCTYPE html>\n<html><head><title>t</title></head><body><p>Hello</p></body></html>\n' >"$OUT/page.html"
want data.xml && printf '<?xml version="1.0"?>\n<items><item id="1">apple</item></items>\n' >"$OUT/data.xml"
want archive.tar && tar -C "$OUT" -cf "$OUT/archive.tar" text-ascii.txt data.csv
want archive.tar.gz && gzip -n -c "$OUT/archive.tar" >"$OUT/archive.tar.gz"
want archive.zip && (cd "$OUT" && zip -q -X archive.zip text-ascii.txt data.csv)
want program.elf && cp "$(type -P true)" "$OUT/program.elf"
# A minimal PE header: "MZ", e_lfanew = 0x40, then the "PE\0\0" signature and a COFF header.
want program.exe && { printf 'MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00'; head -c 44 /dev/zero; printf '\x40\x00\x00\x00'; printf 'PE\x00\x00\x4c\x01\x01\x00'; head -c 200 /dev/zero; } >"$OUT/program.exe"

# Second round (issue 15): the classes an outside run found wrong, each as users' tools make them.
HANDMADE=(python3 "$ROOT/tests/media/handmade.py")
patch_bytes() { # FILE OFFSET PRINTF-BYTES: overwrite bytes in place (corruption as a bad disk or transfer makes it)
  printf "$3" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}
# 1. JPEG codings WhatsApp's decoder does not read (ffmpeg writes JPEG-LS and lossless JPEG; cjpeg arithmetic).
want image-jpegls.jpg && "${FF[@]}" -f lavfi -i "testsrc=size=160x120:duration=1" -frames:v 1 -c:v jpegls "$OUT/image-jpegls.jpg"
want image-lossless.jpg && "${FF[@]}" -f lavfi -i "testsrc=size=160x120:duration=1" -frames:v 1 -c:v ljpeg -pix_fmt bgr24 "$OUT/image-lossless.jpg"
if want image-arithmetic.jpg; then
  convert -size 160x120 gradient:skyblue-navy "$TMP/gradient.ppm"
  cjpeg -arithmetic -quality 85 -outfile "$OUT/image-arithmetic.jpg" "$TMP/gradient.ppm"
fi
want image-progressive.jpg && convert -size 160x120 gradient:skyblue-navy -interlace JPEG -quality 85 "$OUT/image-progressive.jpg"
# 2. Corrupt PNGs: a changed byte under the IHDR CRC and under the last text chunk's CRC, an
# impossible chunk length; and data after IEND.
want png-bad-crc.png && { cp "$OUT/image.png" "$OUT/png-bad-crc.png"; patch_bytes "$OUT/png-bad-crc.png" 19 '\x81'; }
want png-bad-length.png && { cp "$OUT/image.png" "$OUT/png-bad-length.png"; patch_bytes "$OUT/png-bad-length.png" 33 '\x7f\xff\xff\xf0'; }
want png-bad-tail-crc.png && { cp "$OUT/image.png" "$OUT/png-bad-tail-crc.png"; patch_bytes "$OUT/png-bad-tail-crc.png" $(( $(stat -c %s "$OUT/image.png") - 20 )) '\x21'; }
want png-then-zip.png && cat "$OUT/image.png" "$OUT/archive.zip" >"$OUT/png-then-zip.png"
# 3. Password-protected Office files: legacy doc/xls by LibreOffice (a Basic macro saves with a
# password: --convert-to has no password option); OOXML by hand (LibreOffice 7.4 does not encrypt OOXML).
lo_password() { # OUTNAME FILTER SOURCE-BASENAME
  local out=$1 filter=$2 src=$3
  want "$out" || return 0
  [[ -s "$TMP/$src" ]] || write_sources
  local basic="$TMP/lo-profile/user/basic/Standard"
  [[ -d "$basic" ]] || soffice -env:UserInstallation="$LO_PROFILE" --headless --norestore --terminate_after_init >/dev/null 2>&1
  cat >"$basic/Module1.xba" <<'XBA'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub SaveWithPassword(src As String, dst As String, filter As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot;
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), &quot;_blank&quot;, 0, load())
  Dim save(1) As New com.sun.star.beans.PropertyValue
  save(0).Name = &quot;FilterName&quot;
  save(0).Value = filter
  save(1).Name = &quot;Password&quot;
  save(1).Value = &quot;corpus&quot;
  doc.storeToURL(ConvertToURL(dst), save())
  doc.close(True)
End Sub
</script:module>
XBA
  timeout 120 soffice -env:UserInstallation="$LO_PROFILE" --headless --norestore \
    "macro:///Standard.Module1.SaveWithPassword(\"$TMP/$src\",\"$OUT/$out\",\"$filter\")" >/dev/null 2>&1
  [[ -s "$OUT/$out" ]]
}
lo_password document-encrypted.doc "MS Word 97" doc.fodt
lo_password sheet-encrypted.xls "MS Excel 97" sheet.fods
want report-encrypted.docx && "${HANDMADE[@]}" encrypted-ooxml "$OUT/report-encrypted.docx"
want budget-encrypted.xlsx && "${HANDMADE[@]}" encrypted-ooxml "$OUT/budget-encrypted.xlsx"
want encrypted-office.bin && "${HANDMADE[@]}" encrypted-ooxml "$OUT/encrypted-office.bin"
# 4. PDFs with bytes before the header (as a web server or mail gateway leaves them), and a BOM.
want pdf-leading-junk.pdf && { printf 'HTTP/1.1 200 OK\r\n\r\n'; cat "$OUT/document.pdf"; } >"$OUT/pdf-leading-junk.pdf"
want pdf-leading-blank.pdf && { printf '\n\n   \n'; cat "$OUT/document.pdf"; } >"$OUT/pdf-leading-blank.pdf"
want pdf-bom.pdf && { printf '\xef\xbb\xbf'; cat "$OUT/document.pdf"; } >"$OUT/pdf-bom.pdf"
# 5. Pre-POSIX (v7) tar.
want archive-v7.tar && tar --format=v7 -C "$OUT" -cf "$OUT/archive-v7.tar" text-ascii.txt data.csv
want archive-v7-one.tar && tar --format=v7 -C "$OUT" -cf "$OUT/archive-v7-one.tar" image.png
# 6. A few stray bytes are not text.
want byte-ff.jpg && printf '\xff' >"$OUT/byte-ff.jpg"
want byte-e9.txt && printf '\xe9' >"$OUT/byte-e9.txt"
# 7. Macro-enabled and template Office types: LibreOffice's filters, and (for the types it does
# not write) its output with the main content type Office gives them.
lo_make document-macro.docm "docm:MS Word 2007 XML VBA" doc.fodt
lo_make template.dotx "dotx:MS Word 2007 XML Template" doc.fodt
lo_make sheet-macro.xlsm "xlsm:Calc MS Excel 2007 VBA XML" sheet.fods
lo_make template.xltx "xltx:Calc MS Excel 2007 XML Template" sheet.fods
lo_make slides-macro.pptm "pptm:Impress MS PowerPoint 2007 XML VBA" slides.fodp
lo_make template.potx "potx:Impress MS PowerPoint 2007 XML Template" slides.fodp
ooxml_as() { want "$2" || return 0; "${HANDMADE[@]}" ooxml-type "$OUT/$1" "$OUT/$2" "$3"; }
ooxml_as template.dotx template-macro.dotm application/vnd.ms-word.template.macroEnabledTemplate.main+xml
ooxml_as template.xltx template-macro.xltm application/vnd.ms-excel.template.macroEnabled.main+xml
ooxml_as template.potx template-macro.potm application/vnd.ms-powerpoint.template.macroEnabled.main+xml
ooxml_as slides.pptx slideshow.ppsx application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml
ooxml_as slides.pptx slideshow-macro.ppsm application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml
want template-named.docx && cp "$OUT/template.dotx" "$OUT/template-named.docx"
# 8. MPEG audio Layer II, as .mp2 and written under an .mp3 name.
want audio.mp2 && "${FF[@]}" "${ASRC[@]}" -c:a mp2 -b:a 128k "$OUT/audio.mp2"
want audio-layer2.mp3 && "${FF[@]}" "${ASRC[@]}" -c:a mp2 -b:a 128k -f mp2 "$OUT/audio-layer2.mp3"
# 9. FLAC in Ogg, as .oga (audio-flac.ogg above is the other).
want audio-flac.oga && "${FF[@]}" "${ASRC[@]}" -c:a flac -f ogg "$OUT/audio-flac.oga"
# 10. Animated stickers: over 500 KB (noise frames), and not 512x512.
if want sticker-animated-large.webp; then
  convert -size 512x512 xc: +noise Random "$TMP/n1.png"
  convert -size 512x512 xc: -seed 2 +noise Random "$TMP/n2.png"
  img2webp -loop 0 -lossless -d 200 "$TMP/n1.png" "$TMP/n2.png" -o "$OUT/sticker-animated-large.webp" >/dev/null 2>&1
fi
if want animated-300x200.webp; then
  convert -size 300x200 xc:red "$TMP/s1.png"
  convert -size 300x200 xc:blue "$TMP/s2.png"
  img2webp -loop 0 -d 200 "$TMP/s1.png" "$TMP/s2.png" -o "$OUT/animated-300x200.webp" >/dev/null 2>&1
fi
# 11. Polyglots: a JPEG with a ZIP appended, and with a video appended (as motion photos are).
want jpeg-then-zip.jpg && cat "$OUT/image.jpg" "$OUT/archive.zip" >"$OUT/jpeg-then-zip.jpg"
want jpeg-then-mp4.jpg && cat "$OUT/image.jpg" "$OUT/video-h264-aac.mp4" >"$OUT/jpeg-then-mp4.jpg"
# 12. Another format first and a PDF within its first 1024 bytes: a Windows program with a PDF
# appended (an overlay), an ELF header then a PDF, an HTML page whose comment hides a PDF.
want program-then-pdf.pdf && cat "$OUT/program.exe" "$OUT/document.pdf" >"$OUT/program-then-pdf.pdf"
want elf-then-pdf.pdf && { head -c 64 "$OUT/program.elf"; cat "$OUT/document.pdf"; } >"$OUT/elf-then-pdf.pdf"
want html-then-pdf.pdf && { printf '<!DOCTYPE html><html><body><script>alert(document.domain)</script><!--\n'; cat "$OUT/document.pdf"; } >"$OUT/html-then-pdf.pdf"
want bom-svg-then-pdf.pdf && { printf '\xef\xbb\xbf<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"><!--\n'; cat "$OUT/document.pdf"; } >"$OUT/bom-svg-then-pdf.pdf"
# 13. Static stickers of exact sizes around the limit ("less than 100 KB"), padded by XMP.
for size in 99998 100000 102400; do
  want "sticker-$size.webp" && "${HANDMADE[@]}" xmp-webp "$OUT/sticker.webp" "$OUT/sticker-$size.webp" "$size"
done
# 14. What decides a message type far into the file: an HEVC MP4's movie behind 30 free boxes of
# 50,000 bytes, a lossless JPEG's frame behind a 14-segment ICC profile (both within the read
# budget); behind runs of small boxes or segments, read a window at a time; and behind more
# large segments than the budget reads (one small read each).
want video-hevc-free-boxes.mp4 && "${HANDMADE[@]}" free-boxes "$OUT/video-hevc.mp4" "$OUT/video-hevc-free-boxes.mp4" 30 50000
want video-h264-many-boxes.mp4 && "${HANDMADE[@]}" free-boxes "$OUT/video-h264-aac.mp4" "$OUT/video-h264-many-boxes.mp4" 100 2000
want image-lossless-icc.jpg && "${HANDMADE[@]}" icc-segments "$OUT/image-lossless.jpg" "$OUT/image-lossless-icc.jpg" 14
want image-many-segments.jpg && "${HANDMADE[@]}" icc-segments "$OUT/image.jpg" "$OUT/image-many-segments.jpg" 80 2000
want image-many-large-segments.jpg && "${HANDMADE[@]}" icc-segments "$OUT/image.jpg" "$OUT/image-many-large-segments.jpg" 80 6000

# Broken variants: zero length, truncated, corrupted, lying names
half() { local n; n=$(stat -c %s "$OUT/$1"); head -c $((n / 2)) "$OUT/$1" >"$OUT/$2"; }
[[ -e "$OUT/empty.bin" ]] || : >"$OUT/empty.bin"
want png-20-bytes.png && head -c 20 "$OUT/image.png" >"$OUT/png-20-bytes.png"
want image-truncated.png && half image.png image-truncated.png
want image-truncated.jpg && half image.jpg image-truncated.jpg
want jpeg-corrupt-head.jpg && { head -c 20 "$OUT/image.jpg"; head -c 2000 /dev/zero; tail -c +2021 "$OUT/image.jpg"; } >"$OUT/jpeg-corrupt-head.jpg"
want video-truncated.mp4 && half video-h264-aac.mp4 video-truncated.mp4
want video-moov-at-end-truncated.mp4 && half video-h264-aac-moov-at-end.mp4 video-moov-at-end-truncated.mp4
want document-truncated.docx && half document.docx document-truncated.docx
want document-truncated.doc && head -c 1024 "$OUT/document.doc" >"$OUT/document-truncated.doc"
want document-truncated.pdf && half document.pdf document-truncated.pdf
want sticker-truncated.webp && half sticker.webp sticker-truncated.webp
want random.bin && { printf '\x00\x01\x02\x03'; seq 1 2000 | tr '\n' '\0'; } >"$OUT/random.bin"
want photo-really-jpeg.png && cp "$OUT/image.jpg" "$OUT/photo-really-jpeg.png"
want report-really-docx.pdf && cp "$OUT/document.docx" "$OUT/report-really-docx.pdf"
want notes-really-html.txt && cp "$OUT/page.html" "$OUT/notes-really-html.txt"
want clip-really-webm.mp4 && cp "$OUT/video-vp9-opus.webm" "$OUT/clip-really-webm.mp4"

CURRENT=""
rm -rf "$TMP"
T1=$(date +%s%N)
log "$made file(s) attempted in $(( (T1 - T0) / 1000000 )) ms; corpus: $OUT ($(find "$OUT" -maxdepth 1 -type f | wc -l) files)"
