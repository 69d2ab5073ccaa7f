# The two commands of README.md: `make demo` and `make test`.
SWIFT ?= swift
CONFIG ?= Config/halland.yaml
BIN := .build/debug/samverkan
# The demo's own database and output, so it never touches your data.
DEMO := .build/demo

.PHONY: demo test build deps deps-test benchmark fuzz format lint clean

## Installs what is missing, builds, and runs the main job on the shipped Halland configuration.
demo: deps build
	@echo "== samverkan validate --config $(CONFIG)"
	@$(BIN) validate --config $(CONFIG)
	@echo
	@echo "== samverkan structures --config $(CONFIG)"
	@$(BIN) structures --config $(CONFIG)
	@mkdir -p $(DEMO)/kalendrar
	@echo
	@echo "== samverkan schedule --config $(CONFIG) --structure rug (the next 12 months)"
	@$(BIN) schedule --config $(CONFIG) --database $(DEMO)/samverkan.sqlite --structure rug
	@echo
	@echo "== samverkan calendar export: all Halland meetings, one file, and one file per structure"
	@$(BIN) calendar export --config $(CONFIG) --database $(DEMO)/samverkan.sqlite --all --output $(DEMO)/halland.ics
	@$(BIN) calendar export --config $(CONFIG) --database $(DEMO)/samverkan.sqlite --all --output $(DEMO)/kalendrar/
	@echo
	@echo "== samverkan calendar invite: an invitation to RUG (open it in Outlook or Thunderbird)"
	@$(BIN) calendar invite --config $(CONFIG) --database $(DEMO)/samverkan.sqlite --structure rug --output $(DEMO)/inbjudan-rug.eml
	@echo
	@echo "Calendars and the invitation are in $(DEMO)/ (import halland.ics, or subscribe to it from a web server)."
	@echo
	@scripts/demo-minutes.sh $(BIN) $(CONFIG) $(DEMO)
	@echo
	@scripts/demo-report.sh $(BIN) $(CONFIG) $(DEMO)

# End-to-end suites about the SQLite file itself (its damage, its locks, copying it, or the
# database given as a file path): they run on SQLite only.
SQLITE_ONLY := DbCommandTests|IntegrityEndToEndTests|HostileCommandLineTests|MinutesKillTests

## Installs what is missing (the test peers too) and runs every test: all of them, then the
## end-to-end CLI tests once more against PostgreSQL.
test: deps-test
	$(SWIFT) build
	$(SWIFT) test
	@echo "== the end-to-end tests once more with SAMVERKAN_DATABASE=postgres://… (a throwaway cluster of their own)"
	SAMVERKAN_TEST_ENGINE=postgres $(SWIFT) test --skip-build --filter samverkanTests --skip '$(SQLITE_ONLY)'

build:
	$(SWIFT) build

deps:
	@scripts/install-deps.sh build

deps-test:
	@scripts/install-deps.sh test

## Builds in release mode and runs every benchmark (prints figures and ratios to baselines),
## samverkan serve against nginx with wrk, and PostgreSQL against SQLite on a throwaway cluster, included.
benchmark: deps
	@scripts/install-deps.sh benchmark
	$(SWIFT) build -c release --product samverkan-benchmarks
	$(SWIFT) build -c release --product samverkan
	for b in calendar minutes report notify; do .build/release/samverkan-benchmarks $$b || exit 1; done
	scripts/benchmark-serve.sh .build/release/samverkan
	scripts/benchmark-postgres.sh .build/release/samverkan-benchmarks

## The hostile-input harness (README: "Hostile input"): libFuzzer, then the seeded loop, on the
## configuration loader, the draft parser, minutes import and the iCalendar parser.
## FUZZ_SECONDS per surface (default 60), FUZZ_SEED, FUZZ_ENGINE=builtin to skip libFuzzer.
fuzz: deps
	SWIFT=$(SWIFT) scripts/fuzz.sh

## Formats the sources in place with swift-format and the repository's .swift-format.
FORMATTED := Sources Tests Benchmarks Fuzz Templates/SamverkanTemplates.swift Package.swift
format:
	$(SWIFT) format --in-place --recursive $(FORMATTED)

## Reports what `make format` would change, without changing anything.
lint:
	$(SWIFT) format lint --recursive $(FORMATTED)

clean:
	rm -rf .build .venv
