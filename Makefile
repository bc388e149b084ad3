# LectureClaims — the commands of README.md. Every experiment is an executable target named after its claim id.
#   make reports   build in release, run every experiment in full into reports/, write reports/README.md
#   make check     every experiment in quick mode into a scratch folder, then compare verdicts with expectations
#   make test      unit tests (swift test)
#   make robustness   every experiment's quick mode on fresh seeds 1000–1019 → reports/robustness.json (run before
#                  make reports, whose pages and index show it; outside CI)
#   make bench     engine epoch benchmark beside the numpy peer
#   make <claim-id>   one experiment in full into reports/<claim-id>/

SWIFT      ?= swift
# Package.swift discovers experiments/ at evaluation time, so a cached manifest would miss a new experiment.
SWIFTFLAGS ?= --manifest-cache none
RELEASE    := .build/release
CHECK_DIR  ?= scratch/check
FRESH_DIR  ?= scratch/robustness
JOBS       ?= $(shell nproc)
PACKAGES   := gnuplot-nox libopenblas-dev zlib1g-dev dataset-fashion-mnist
# One OpenBLAS thread per experiment: sgemm is bit-identical across reruns only at a fixed thread count.
export OPENBLAS_NUM_THREADS := 1

# Every folder of experiments/ is one claim (the same discovery as Package.swift).
CLAIMS := $(sort $(notdir $(wildcard experiments/*)))

.PHONY: all deps build test reports check robustness bench clean index $(CLAIMS) $(addprefix fresh-,$(CLAIMS))

all: build

# Installs the Debian packages the project needs, only those missing (apt-get update first: a fresh machine's lists
# are empty). Root runs apt-get directly; anyone else through sudo.
deps:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $$sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -q $$missing; \
	fi

build: deps
	$(SWIFT) build $(SWIFTFLAGS) -c release

test: deps
	$(SWIFT) test $(SWIFTFLAGS)

# Full runs into reports/<id>/; each experiment writes only its own folder, so `make -j2 reports` is safe.
$(CLAIMS): build
	$(RELEASE)/$@ --output reports

reports: $(CLAIMS)
	$(RELEASE)/claims index reports

index: build
	$(RELEASE)/claims index reports

check: build
	@rm -rf $(CHECK_DIR) && mkdir -p $(CHECK_DIR)
	@for c in $(CLAIMS); do echo "== $$c (quick)"; $(RELEASE)/$$c --quick --output $(CHECK_DIR) || exit 1; done
	$(RELEASE)/claims check $(CHECK_DIR)

# Fresh seeds nobody tuned on, judged only (no figures), in parallel across claims.
robustness: build
	@rm -rf $(FRESH_DIR) && mkdir -p $(FRESH_DIR)
	@$(MAKE) --no-print-directory -j$(JOBS) $(addprefix fresh-,$(CLAIMS))
	$(RELEASE)/claims robustness $(FRESH_DIR) --into reports

$(addprefix fresh-,$(CLAIMS)): fresh-%:
	@$(RELEASE)/$* --quick --first-seed 1000 --seeds 20 --judge-only --output $(FRESH_DIR)

bench: deps
	$(SWIFT) build $(SWIFTFLAGS) -c release --product engine-epoch
	@python3 -c "import numpy" 2>/dev/null || pip install -q numpy
	$(RELEASE)/engine-epoch --threads 1 --peer benchmarks/peers/numpy_epoch.py

clean:
	rm -rf .build scratch
