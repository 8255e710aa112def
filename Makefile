# planmap — see README.md. Two commands on a fresh clone:
#   make demo   extract the bundled sample documents to out/planmap.xlsx
#   make test   run the test suite (what .ci/run calls)

GO      ?= go
BIN     := bin/planmap
SHARED  ?= ../shared
OUT     := out

.PHONY: all build demo test test-store store-kill test-short vet fmt-check eval eval-real bench fuzz clean tools compare

all: build

build:
	$(GO) build -o $(BIN) ./cmd/planmap

# The sample documents, without the gold annotations stored beside them.
SAMPLES := $(wildcard corpus/samples/*.pdf corpus/samples/*.docx corpus/samples/*.html)

demo: build
	@mkdir -p $(OUT)
	./$(BIN) extract -o $(OUT)/planmap.xlsx $(SAMPLES)
	./$(BIN) extract -o $(OUT)/planmap.jsonl $(SAMPLES)
	@echo "wrote $(OUT)/planmap.xlsx and $(OUT)/planmap.jsonl"

# The whole suite, with the race detector; fuzz targets run their seed corpora.
test:
	$(GO) test -race -count=1 -timeout 20m ./...
	$(MAKE) test-store

# The issue's kill test: an import of 160 distinct PDFs killed (SIGKILL) 4
# seconds in, run again, exports what a clean run does (minutes: not in test).
store-kill:
	PLANMAP_KILL_DOCS=160 PLANMAP_KILL_AFTER=4s $(GO) test -count=1 -timeout 30m -v -run 'TestKilledImportResumes' ./cmd/planmap

# The store's round trip on the real documents of ../shared, without the
# race detector (under it they take minutes; make test runs the rest with it).
test-store:
	$(GO) test -count=1 -timeout 10m -run 'TestImportExportEqualsExtract' ./cmd/planmap

test-short:
	$(GO) test -short -count=1 ./...

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(find . -name '*.go' -not -path './out/*')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

# Scores extraction of ../shared/corpus against its gold annotations.
eval: build
	@if [ -d $(SHARED)/corpus/gold ]; then \
		mkdir -p $(OUT) && \
		./$(BIN) extract -o $(OUT)/eval.jsonl $(wildcard $(SHARED)/corpus/*.pdf $(SHARED)/corpus/*.docx $(SHARED)/corpus/*.html) && \
		./$(BIN) eval --gold $(SHARED)/corpus/gold $(OUT)/eval.jsonl; \
	else echo "$(SHARED)/corpus/gold absent: nothing to evaluate"; fi

# Scores extraction of the real documents in ../shared/corpus-real/docs
# against its gold (three documents count on their annotated pages only:
# gold/scope.json). Exit code 3 from extract (some documents failed) still
# scores: the failed files cost recall.
eval-real: build
	@if [ -d $(SHARED)/corpus-real/gold ]; then \
		mkdir -p $(OUT) && \
		{ ./$(BIN) extract -o $(OUT)/eval-real.jsonl $(SHARED)/corpus-real/docs/*.pdf; rc=$$?; [ $$rc = 0 ] || [ $$rc = 3 ]; } && \
		./$(BIN) eval --gold $(SHARED)/corpus-real/gold $(OUT)/eval-real.jsonl; \
	else echo "$(SHARED)/corpus-real absent: nothing to evaluate (make eval-real needs ../shared/corpus-real, or SHARED=DIR)"; fi

bench: build
	$(GO) test -run '^$$' -bench . -benchmem -count=1 -timeout 30m ./...

FUZZTIME ?= 5m
fuzz:
	@for pkg in $$($(GO) list ./...); do \
		for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
			echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
		done; \
	done

# Optional tools (Debian): pdftotext for the PDF comparison tests and
# benchmarks, poppler-data for the Adobe CID tables that CJK PDFs without a
# ToUnicode map are read through, qpdf to rebuild the encrypted fixtures, LibreOffice Writer to
# read Word 97-2003 (.doc) and RTF files (extract/office) and Calc to look at
# a workbook as a real client does (make compare), Chromium to open the HTML
# report in its browser test.
tools:
	@SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	$$SUDO apt-get update && $$SUDO apt-get install -y --no-install-recommends poppler-utils poppler-data qpdf libreoffice-writer-nogui libreoffice-calc-nogui chromium

# The analyst's workbook across every plan in ../shared (exit code 3 is
# expected: its data files are reported as unsupported), then, when
# LibreOffice and poppler are installed, its first sheets as pictures in
# out/compare/ (Summary, Regions × Themes, Partners × Themes); and the same
# plans as one HTML page, out/compare.html (planmap report).
# LEVEL=district|county|region|nation: the level areas are compared at.
LEVEL ?= region
compare: build
	@mkdir -p $(OUT)/compare
	./$(BIN) extract -q --level $(LEVEL) -o $(OUT)/compare.xlsx $(SHARED)/corpus $(SHARED)/bench/real-docs; rc=$$?; [ $$rc = 0 ] || [ $$rc = 3 ]
	./$(BIN) report -q --level $(LEVEL) -o $(OUT)/compare.html $(SHARED)/corpus $(SHARED)/bench/real-docs; rc=$$?; [ $$rc = 0 ] || [ $$rc = 3 ]
	@if command -v soffice >/dev/null && command -v pdftoppm >/dev/null; then \
		if soffice --headless --convert-to pdf --outdir $(OUT)/compare $(OUT)/compare.xlsx >/dev/null 2>&1 && \
			pdftoppm -png -r 110 -f 1 -l 3 $(OUT)/compare/compare.pdf $(OUT)/compare/sheet; then \
			echo "pictures: $$(ls $(OUT)/compare/*.png | tr '\n' ' ')"; \
		else echo "LibreOffice could not open the workbook (Calc missing? make tools installs it): no pictures"; fi; \
	else echo "LibreOffice or pdftoppm missing (make tools): no pictures"; fi

clean:
	rm -rf bin $(OUT)

# The samples as other producers print them (corpus/variants/README.md;
# bash corpus/variants/make.sh rebuilds them). Each producer's folder is
# extracted and scored on its own, against the gold of just the documents it
# holds (copied to out/variants-gold-PRODUCER), so its overall line is about
# those files. Exit code 3 from extract (some file failed) is not an error:
# documents.jsonl records the failure and eval counts it against recall.
.PHONY: eval-variants
VARIANTS := $(patsubst corpus/variants/%/,%,$(sort $(dir $(wildcard corpus/variants/*/*))))

eval-variants: build
	@if [ -d $(SHARED)/corpus/gold ]; then \
		for p in $(VARIANTS); do \
			echo "== $$p"; \
			g=$(OUT)/variants-gold-$$p; rm -rf $$g; mkdir -p $$g; \
			cp $(SHARED)/corpus/gold/organisations.json $$g/; \
			for f in corpus/variants/$$p/*; do \
				s=$$(basename $${f%.*}); \
				if [ -f $(SHARED)/corpus/gold/$$s.jsonl ]; then cp $(SHARED)/corpus/gold/$$s.jsonl $$g/; \
				else echo "no gold for $$f"; fi; \
			done; \
			./$(BIN) extract -q -o $(OUT)/variants-$$p.jsonl corpus/variants/$$p; rc=$$?; \
			[ $$rc = 0 ] || [ $$rc = 3 ] || exit $$rc; \
			./$(BIN) eval --gold $$g $(OUT)/variants-$$p.jsonl || exit $$?; \
		done; \
	else echo "$(SHARED)/corpus/gold absent: nothing to evaluate"; fi
