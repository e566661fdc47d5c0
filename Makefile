# paybatch — the two commands a new user needs are `make demo` and `make test`.
# Every target that builds first runs `deps`, which installs missing system packages (idempotent).

SWIFT ?= swift
APT_PACKAGES := pkg-config libsqlite3-dev libcurl4-openssl-dev libxlsxwriter-dev libreoffice-calc-nogui unzip
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build release test lint format clean sdk-venv demo fuzz fuzz-build sanitize sanitize-thread sanitize-address

## deps: install the Debian packages paybatch links against, only when one is missing.
deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	else echo "make deps: system packages present"; fi

## build: a debug build of everything, tests included.
build: deps
	$(SWIFT) build --build-tests

## release: the optimized paybatch binary in .build/release/paybatch.
release: deps
	$(SWIFT) build -c release --product paybatch

## demo: the whole product on the built-in sandbox, in a release build; prints where the reports are.
demo: release
	.build/release/paybatch demo

## lint: swift-format in lint mode, with the committed .swift-format.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

## sdk-venv: the official Finch Python SDK and schema validators for the sandbox conformance tests.
## Idempotent: creates .venv-sdk and installs only when the pinned packages are missing.
SDK_PACKAGES := finch-api==2.9.1 openapi-schema-validator==0.9.0 PyYAML==6.0.3
sdk-venv:
	@if .venv-sdk/bin/python -c 'import finch, openapi_schema_validator, yaml, sys; sys.exit(finch.__version__ != "2.9.1")' 2>/dev/null; \
	then echo "make sdk-venv: .venv-sdk present"; \
	else python3 -m venv .venv-sdk && .venv-sdk/bin/pip install -q $(SDK_PACKAGES); fi

## test: deps + build + lint + the SDK venv + every test.
test: build lint sdk-venv
	$(SWIFT) test --skip-build

clean:
	rm -rf .build

## fuzz: libFuzzer (with the address sanitizer) on the parsers of hostile input — Finch's answers
## (FuzzWire), roster files (FuzzRoster), invoices and column profiles (FuzzInvoice) — each for
## FUZZ_SECONDS (default 60). Seeds: Tests/Fuzz/Corpus/<target>/ (read only); what libFuzzer learns
## goes to .build-fuzz/corpus/, crashes and hangs to .build-fuzz/artifacts/ (the target then fails).
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := FuzzWire FuzzRoster FuzzInvoice
FUZZ_SCRATCH := $(CURDIR)/.build-fuzz
fuzz-build: deps
	cd Fuzz && $(SWIFT) build -c debug --scratch-path $(FUZZ_SCRATCH)/build \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library

fuzz: fuzz-build
	@set -e; for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_SCRATCH)/corpus/$$t $(FUZZ_SCRATCH)/artifacts; \
	  echo "make fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  $(FUZZ_SCRATCH)/build/debug/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 \
	    -print_final_stats=1 -artifact_prefix=$(FUZZ_SCRATCH)/artifacts/$$t- \
	    $(FUZZ_SCRATCH)/corpus/$$t Tests/Fuzz/Corpus/$$t; \
	done

## sanitize: every test under the thread sanitizer, then under the address sanitizer, each in its
## own scratch folder (.build-tsan, .build-asan) so the normal build is untouched.
sanitize: sanitize-thread sanitize-address

sanitize-thread: deps sdk-venv
	TSAN_OPTIONS="halt_on_error=1 $$TSAN_OPTIONS" $(SWIFT) test --sanitize=thread --scratch-path .build-tsan

sanitize-address: deps sdk-venv
	$(SWIFT) test --sanitize=address --scratch-path .build-asan
