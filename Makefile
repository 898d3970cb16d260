# MedSynth: `make run` builds the example gallery, `make test` runs every test.
# Both install the Debian packages they need first (with sudo when not root).

SWIFT      ?= swift
RELEASE    := .build/release/medsynth
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Libraries medsynth links against.
DEPS       := libvips-dev libopenblas-dev libinotifytools0-dev pkg-config libjs-leaflet
# Validators the tests run on generated files: DCMTK's dcmdump from Debian; pydicom and a
# current dicom3tools (dciodvfy; Debian 12's predates the Synthetic Data attribute) in .venv/.
TEST_DEPS  := dcmtk python3 python3-venv curl chromium
VENV       := .venv
PY_TEST_PACKAGES := pydicom==3.0.2 numpy pypng==0.20220715.0 dicom3tools==20260927

.PHONY: run build test deps test-deps bench clean-output help diffusion-fixtures

help:
	@echo "make run    build medsynth (release) and the gallery of prompts/ into output/"
	@echo "make test   run every test (installs what the tests need)"
	@echo "make bench  measure generation and build speed"

deps:
	@missing=$$(for p in $(DEPS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

test-deps: deps
	@missing=$$(for p in $(TEST_DEPS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@[ -x $(VENV)/bin/dciodvfy ] && $(VENV)/bin/python -c "import pydicom, numpy, png" 2>/dev/null || \
		{ python3 -m venv $(VENV) && $(VENV)/bin/pip install -q $(PY_TEST_PACKAGES); }

build: deps
	$(SWIFT) build -c release --product medsynth

run: build
	$(RELEASE) build --site .
	@echo
	@echo "Gallery: open file://$(CURDIR)/output/index.html in a browser"

# The tests are XCTest; --disable-swift-testing keeps the runner from closing with an
# empty Swift Testing report.
test: test-deps
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" MEDSYNTH_REQUIRE_VALIDATORS=1 $(SWIFT) test --disable-swift-testing

bench: build
	scripts/bench.sh

# Regenerates the diffusion runtime's reference fixtures with PyTorch and diffusers (not
# needed for `make test`: the fixtures are committed).
diffusion-fixtures:
	[ -x .venv-diffusion/bin/python ] || python3 -m venv .venv-diffusion
	.venv-diffusion/bin/pip install -q -r scripts/diffusion/requirements.txt
	.venv-diffusion/bin/python scripts/diffusion/make_fixtures.py

clean-output:
	find output -mindepth 1 ! -name README.md -delete
