# The two commands of README.md: `make demo` and `make test`.
SWIFT ?= swift
CONFIG ?= Config/halland.yaml
BIN := .build/debug/samverkan

.PHONY: demo test build deps deps-test benchmark clean

## Installs what is missing, builds, and runs the main job on the shipped Halland configuration.
demo: deps build
	@echo "== samverkan validate --config $(CONFIG)"
	@$(BIN) validate --config $(CONFIG)
	@echo
	@echo "== samverkan structures --config $(CONFIG)"
	@$(BIN) structures --config $(CONFIG)

## Installs what is missing (the test peers too) and runs every test.
test: deps-test
	$(SWIFT) build
	$(SWIFT) test

build:
	$(SWIFT) build

deps:
	@scripts/install-deps.sh build

deps-test:
	@scripts/install-deps.sh test

## Builds in release mode and runs every benchmark (prints figures and ratios to baselines).
benchmark: deps
	$(SWIFT) build -c release --product samverkan-benchmarks
	.build/release/samverkan-benchmarks

clean:
	rm -rf .build .venv
