#!/usr/bin/env bash
# Regenerates the producer variants of the bundled samples (see README.md).
#
#   bash corpus/variants/make.sh          (from anywhere; writes beside itself)
#
# Needs (Debian): chromium, libreoffice-writer-nogui, poppler-utils,
# fonts-dejavu, fonts-liberation2, python3. Every output has the file stem of
# its sample in corpus/samples, so the gold annotation of that sample applies.
# Runs offline: the samples load no remote resource, and Chromium is started
# with a throw-away profile. Output is as deterministic as the tools allow:
# PDF creation dates and LibreOffice's document ids differ run to run, the
# text and layout do not.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
samples=$(cd "$here/../samples" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=UTC LANG=C.UTF-8 SOURCE_DATE_EPOCH=0

for tool in chromium soffice pdftotext python3; do
	command -v "$tool" >/dev/null || { echo "make.sh: $tool missing" >&2; exit 1; }
done

# Headless Chromium printing FILE.html to OUT.pdf (default paper size and
# margins, no header or footer line).
chromium_pdf() {
	chromium --headless --no-sandbox --disable-gpu --disable-extensions \
		--no-first-run --user-data-dir="$work/chromium-profile" \
		--no-pdf-header-footer --print-to-pdf="$2" "file://$1" \
		>/dev/null 2>&1
	test -s "$2"
}

# LibreOffice converting FILE to format FMT into DIR (own profile, so a
# running LibreOffice or a user's settings make no difference).
soffice_convert() { # FMT DIR FILE [INFILTER]
	local infilter=()
	[ $# -lt 4 ] || infilter=(--infilter="$4")
	soffice -env:UserInstallation="file://$work/lo-profile" --headless \
		--norestore "${infilter[@]}" --convert-to "$1" --outdir "$2" "$3" \
		>/dev/null 2>&1
}

mkdir -p "$here/chromium" "$here/chromium-borderless" "$here/libreoffice" "$here/html-from-pdf"

# 1. The three HTML samples printed by Chromium.
for stem in milton-keynes-tackling-social-exclusion \
	oxfordshire-executive-2005-03-15-social-inclusion \
	scotland-equal-communities-action-plan-2009-2011; do
	chromium_pdf "$samples/$stem.html" "$here/chromium/$stem.pdf"
done

# 2. The South East Word document printed by LibreOffice.
stem=south-east-social-inclusion-partnership-report-2002-2003
soffice_convert pdf "$here/libreoffice" "$samples/$stem.docx"

# 3. The Oxfordshire web page saved as Word by LibreOffice (opened as a
#    Writer document, not Writer/Web, so that the Word filter applies).
stem=oxfordshire-executive-2005-03-15-social-inclusion
soffice_convert 'docx:MS Word 2007 XML' "$here/libreoffice" "$samples/$stem.html" 'HTML (StarWriter)'

# 4. The East of England PDF's action table as a web page, rebuilt from the
#    PDF's own words and their positions (pdf2table.py; no gold is read),
#    then printed by Chromium with its 1px table borders and without them.
stem=east-of-england-regional-social-strategy-action-plan-2007-2010
python3 "$here/pdf2table.py" "$samples/$stem.pdf" >"$here/html-from-pdf/$stem.html"
chromium_pdf "$here/html-from-pdf/$stem.html" "$here/chromium/$stem.pdf"
sed 's|</style>|table,td,th{border:none}</style>|' "$here/html-from-pdf/$stem.html" >"$work/$stem.html"
chromium_pdf "$work/$stem.html" "$here/chromium-borderless/$stem.pdf"

ls -l "$here"/*/ | sed 's/^/make.sh: /'
