# paybatch — the two commands a new user needs are `make demo` and `make test`.
# Every target that builds first runs `deps`, which installs missing system packages (idempotent).

SWIFT ?= swift
APT_PACKAGES := pkg-config libsqlite3-dev libcurl4-openssl-dev libxlsxwriter-dev libreoffice-calc-nogui unzip util-linux \
  postgresql
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: bench-workers deps build release test lint format clean sdk-venv demo docs-venv docs-picture bench bench-deps bench-venv reliability fuzz fuzz-build sanitize sanitize-thread sanitize-address

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

## test: deps + build + lint + the SDK venv + every test, in parallel: about 125 s on 2 cores,
## against 260 s one test at a time. What once crashed a parallel run is fixed in the test
## plumbing: pipes and stdin are read by DescriptorReader (Foundation's readDataToEndOfFile and
## availableData crash on EINTR), in-process servers stop gracefully through RunningServer
## (cancelling one dropped an accepted connection: NIO's "Deinited NIOAsyncWriter" trap), and
## the tests' paybatch children die with the test process (ParentDeathSignal, util-linux's setpriv).
## The tests that need PostgreSQL (issue 22) get a throw-away server from Scripts/with-postgres.sh,
## in a temporary folder, stopped and removed however the tests end; under `make test` they never skip.
test: build lint sdk-venv
	PAYBATCH_TEST_POSTGRES_REQUIRED=1 Scripts/with-postgres.sh -- $(SWIFT) test --skip-build --parallel

clean:
	rm -rf .build

## docs-venv: PyMuPDF for docs-picture, in .venv-docs. Idempotent, like sdk-venv.
DOCS_PYTHON_PACKAGES := pymupdf==2.0
docs-venv:
	@if .venv-docs/bin/python -c 'import pymupdf, sys; sys.exit(pymupdf.__version__ != "2.0")' 2>/dev/null; \
	then echo "make docs-venv: .venv-docs present"; \
	else python3 -m venv .venv-docs && .venv-docs/bin/pip install -q $(DOCS_PYTHON_PACKAGES); fi

## docs-picture: docs/summary.png, the Summary sheet of the workbook `paybatch demo` writes, rendered
## by LibreOffice headless (with a CJK font, or the sandbox's CJK company name shows as boxes).
docs-picture: deps docs-venv
	@$(MAKE) --no-print-directory deps APT_PACKAGES=fonts-droid-fallback
	$(SWIFT) build --product paybatch
	docs/render-summary.sh .build/debug/paybatch .venv-docs/bin/python docs/summary.png

## bench-deps: GNU time (peak memory), curl, the sqlite3 shell and python3-venv, through `deps`' installer.
BENCH_PACKAGES := time curl sqlite3 python3-venv
bench-deps:
	@$(MAKE) --no-print-directory deps APT_PACKAGES="$(BENCH_PACKAGES)"

## bench-venv: the peer's Python (official Finch SDK + XlsxWriter), pinned; idempotent.
BENCH_PY_PACKAGES := finch-api==2.9.1 XlsxWriter==3.3.1 httpx==0.28.1
bench-venv:
	@if .venv-bench/bin/python -c 'import finch, xlsxwriter, sys; sys.exit(finch.__version__ != "2.9.1" or xlsxwriter.__version__ != "3.3.1")' 2>/dev/null; \
	then echo "make bench-venv: .venv-bench present"; \
	else python3 -m venv .venv-bench && .venv-bench/bin/pip install -q $(BENCH_PY_PACKAGES); fi

## bench: issue 8's benchmarks (release build, paybatch beside the SDK peer), written into BENCHMARKS.md.
## Unattended, under 15 minutes; BENCH_QUICK=1 for small sizes; BENCH_ONLY=latency for issue 20's
## latency run alone (printed, BENCHMARKS.md untouched; see Benchmarks/run.sh's header).
bench: deps bench-deps bench-venv
	$(SWIFT) build -c release --product paybatch --scratch-path .build-release
	Benchmarks/run.sh .build-release/release/paybatch
	@echo "Issue 22's workers on one PostgreSQL store (BENCHMARKS.md part 7 quotes this table):"
	Scripts/with-postgres.sh -- Benchmarks/workers.sh .build-release/release/paybatch

## bench-workers: issue 22's workers on one PostgreSQL store (1, 2, 4, and --budget-share 0.5),
## beside a throw-away server; prints a markdown table (BENCHMARKS.md part 7 quotes it).
bench-workers: deps bench-deps
	$(SWIFT) build -c release --product paybatch --scratch-path .build-release
	Scripts/with-postgres.sh -- Benchmarks/workers.sh .build-release/release/paybatch

## reliability: only the fault-injection, crash and secret-scan suites (all also run in `make test`).
reliability: build
	$(SWIFT) test --skip-build --filter 'FaultScopeTests|FaultInjectionEndToEndTests|CrashEndToEndTests|SecretScanEndToEndTests|RateLimitedOutEndToEndTests|FinchGarbageEndToEndTests|ConnectionFaultTests'

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
	TSAN_OPTIONS="halt_on_error=1 $$TSAN_OPTIONS" $(SWIFT) test --no-parallel --sanitize=thread --scratch-path .build-tsan

## sanitize-address: LeakSanitizer reads Tests/Sanitizers/lsan.supp (toolchain memory alive at
## exit, each entry explained there); memory errors are all still reported. Both sanitizers run
## one test at a time (`make test` runs in parallel): instrumented and in parallel on 2 cores, an
## in-process sandbox answered an in-process export after its 10 s timeout and the retry broke a
## call count.
sanitize-address: deps sdk-venv
	LSAN_OPTIONS="suppressions=$(CURDIR)/Tests/Sanitizers/lsan.supp print_suppressions=0 $$LSAN_OPTIONS" \
	  $(SWIFT) test --no-parallel --sanitize=address --scratch-path .build-asan
