# Scrutiny — make targets. `make samples` sets up and runs the pipeline on the bundled
# sample papers; `make test` runs the test suite.
SHELL := /bin/bash
export OMP_THREAD_LIMIT := 1

CORPUS   ?= corpus
INPUTS   ?= corpus/samples
PIPELINE ?= pipelines/committee-papers.yml
JOBS     ?= $(shell nproc)
CONFIG   ?= release
BIN      := .build/$(CONFIG)/scrutiny
# A release binary carries the Swift runtime and Foundation inside it: loading and
# relocating them as shared libraries was a third of every process start (the table
# benchmark starts one per page). Every release build of the project uses the same flags,
# so switching between them never rebuilds.
SWIFT_BUILD_FLAGS := -c $(CONFIG) $(if $(filter release,$(CONFIG)),--static-swift-stdlib)
SCRUTINY := $(BIN) 
APT_PACKAGES := pkg-config libxml2-dev libpoppler-glib-dev libpoppler-private-dev libtesseract-dev libleptonica-dev tesseract-ocr-eng poppler-utils tesseract-ocr

.PHONY: setup build samples all ingest text layout normalise extract corpus test bench fuzz bench-callgrind screenshot clean

## setup: install the C libraries (poppler-glib, tesseract + English data) when missing.
setup:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

## build: the scrutiny executable ($(CONFIG) build).
build: setup
	swift build $(SWIFT_BUILD_FLAGS) --product scrutiny

## samples: set up, build and run the pipeline on the bundled sample papers into corpus/.
samples: build
	$(SCRUTINY) run --pipeline $(PIPELINE) --corpus $(CORPUS) --jobs $(JOBS) $(INPUTS) || [ $$? = 3 ]
	$(SCRUTINY) query --corpus $(CORPUS) "SELECT d.source, r.authority, r.code, r.period_end, r.actual, r.target, r.status FROM records r JOIN documents d USING (doc_id) WHERE r.actual IS NOT NULL LIMIT 10"

## all: every stage on INPUTS (cached stages reused).
all: samples

## ingest / text: rerun every stage from the text stage on the documents in the corpus.
ingest text: build
	$(SCRUTINY) run --pipeline $(PIPELINE) --corpus $(CORPUS) --jobs $(JOBS) --from text || [ $$? = 3 ]
## layout, normalise, extract: rerun from that stage on the documents in the corpus.
layout normalise extract: build
	$(SCRUTINY) run --pipeline $(PIPELINE) --corpus $(CORPUS) --jobs $(JOBS) --from $@ || [ $$? = 3 ]
## corpus: rewrite the JSONL exports from corpus.sqlite.
corpus: build
	$(SCRUTINY) export --corpus $(CORPUS)

## test: the test suite (debug build), its temporary files in a folder removed afterwards.
test: setup
	@tmp=$$(mktemp -d /tmp/scrutiny-tests.XXXXXX); TMPDIR=$$tmp swift test; status=$$?; rm -rf "$$tmp"; exit $$status

## bench: heavy runs — scores on the fixtures, speed against pdftotext/tesseract, tables,
## then the browser test (make browser-test).
bench: build
	Tests/Bench/run.sh

## fuzz: libFuzzer over the figure/date parsers and the text-input stage, bounded time.
fuzz: setup
	Tests/Fuzz/fuzz.sh

## bench-callgrind: instructions per stage of one fixed run under valgrind (part of `make bench`).
bench-callgrind: build
	python3 Tests/Bench/callgrind.py $(BIN) corpus/samples/000_ee8c53e2fa6f2fb5.txt corpus/samples/gen-a-1.pdf corpus/samples/gen-d-1.pdf

## browser-test: the web pages driven in headless Chromium (selenium) on a fixture corpus
## (the last step of `make bench`); screenshots in bench-out/browser/. Installs chromium,
## chromium-driver and selenium when missing.
.PHONY: browser-test
browser-test: build
	SCRUTINY=$(BIN) Tests/Bench/browser.sh

## screenshot: the web page in headless Chromium (not part of CI).
screenshot: build
	SCRUTINY=$(BIN) Tests/Bench/screenshot.sh

## bench-slurm: the Slurm recipe (pipelines/slurm) on a throw-away one-node Slurm, checked
## against a one-machine run (installs slurm-wlm and munge when missing).
.PHONY: bench-slurm
bench-slurm: build
	SCRUTINY=$(BIN) Tests/Bench/slurm.sh

clean:
	rm -rf .build $(CORPUS)/cache $(CORPUS)/corpus.sqlite* $(CORPUS)/*.jsonl bench-out
