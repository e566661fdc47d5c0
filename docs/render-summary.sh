#!/usr/bin/env bash
# Renders the Summary sheet (the first sheet) of the workbook `paybatch demo` writes to a PNG, the
# way LibreOffice lays it out: `make docs-picture` runs this to make docs/summary.png.
# Usage: docs/render-summary.sh PAYBATCH_BINARY PYTHON OUTPUT.png
set -euo pipefail
binary=$(realpath "$1")
python=$2
output=$(realpath -m "$3")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The demo exits 3 (the sandbox has connections that need attention) and 4 (billing discrepancies):
# both are the demo working as designed; only a missing workbook is a failure.
(cd "$work" && "$binary" demo --out demo >demo.txt 2>&1) || true
workbook=$(find "$work/demo" -name 'paybatch-*.xlsx' | head -n 1)
if [ -z "$workbook" ]; then
  cat "$work/demo.txt" >&2
  echo "docs/render-summary.sh: paybatch demo wrote no workbook" >&2
  exit 1
fi

# LibreOffice's Calc cannot write PNG headless, so: PDF with one page a sheet (the whole sheet, not
# its print-area pages), then page 1 (the Summary) to PNG with PyMuPDF. A private profile keeps a
# running LibreOffice of the user's from swallowing the conversion.
soffice -env:UserInstallation="file://$work/profile" --headless \
  --convert-to 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}' \
  --outdir "$work" "$workbook" >"$work/soffice.txt" 2>&1 || { cat "$work/soffice.txt" >&2; exit 1; }
pdf="$work/$(basename "${workbook%.xlsx}").pdf"

"$python" - "$pdf" "$output" <<'PY'
import sys
import pymupdf

page = pymupdf.open(sys.argv[1])[0]
# Crop to what is written on the page, plus a small margin.
boxes = [pymupdf.Rect(b[:4]) for b in page.get_text("blocks")]
area = boxes[0]
for box in boxes[1:]:
    area |= box
area = (area + (-12, -12, 12, 12)) & page.rect
# Grey levels are enough for a black-on-white sheet and keep the file small.
pixmap = page.get_pixmap(dpi=100, clip=area, colorspace=pymupdf.csGRAY)
pixmap.save(sys.argv[2])
print(f"{sys.argv[2]}: {pixmap.width}x{pixmap.height}")
PY
