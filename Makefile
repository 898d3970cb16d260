# MedSynth: `make run` builds the example gallery, `make test` runs every test.
# Both install the Debian packages they need first (with sudo when not root).

SWIFT      ?= swift
RELEASE    := .build/release/medsynth
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Libraries medsynth links against.
DEPS       := libvips-dev libopenblas-dev libinotifytools0-dev pkg-config
# Tools the tests use besides the Swift toolchain.
TEST_DEPS  :=

.PHONY: run build test deps test-deps bench clean-output help

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

build: deps
	$(SWIFT) build -c release --product medsynth

run: build
	$(RELEASE) build --site .
	@echo
	@echo "Gallery: open file://$(CURDIR)/output/index.html in a browser"

test: test-deps
	$(SWIFT) test

bench: build
	scripts/bench.sh

clean-output:
	find output -mindepth 1 ! -name README.md -delete
