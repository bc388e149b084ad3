# LectureClaims — the commands of README.md. Every experiment is an executable target named after its claim id.
# `make help` lists the targets (the `## ` comment after each target is its line there).

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

# Every folder of experiments/ is one claim (the same discovery as Package.swift). Not named CLAIMS: that variable
# is scripts/slurm-run's, passed through the environment (`make slurm-check CLAIMS=…`).
CLAIM_IDS := $(sort $(notdir $(wildcard experiments/*)))

.PHONY: all help list-claims deps build test reports check robustness bench bench-suite clean index \
        slurm-check slurm-reports slurm-robustness reports-progress $(CLAIM_IDS) $(addprefix fresh-,$(CLAIM_IDS))

all: build

help: ## list the targets, one line each
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)/\1\t\2/' | \
	  awk -F'\t' '{ printf "  make %-16s %s\n", $$1, $$2 }'
	@printf '  make %-16s %s\n' '<claim-id>' 'one experiment in full into reports/<claim-id>/ (make list-claims: the $(words $(CLAIM_IDS)) ids)'

list-claims: ## the claim ids, one per line
	@printf '%s\n' $(CLAIM_IDS)

# Installs the Debian packages the project needs, only those missing (apt-get update first: a fresh machine's lists
# are empty). Root runs apt-get directly; anyone else through sudo.
deps: ## install the Debian packages the project needs, only those missing
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $$sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -q $$missing; \
	fi

build: deps ## build everything in release
	$(SWIFT) build $(SWIFTFLAGS) -c release

test: deps ## the unit tests (swift test), and actionlint on the CI workflow when it is installed
	$(SWIFT) test $(SWIFTFLAGS)
	scripts/lint-workflow

# Full runs into reports/<id>/; each experiment writes only its own folder, so `make -j2 reports` is safe.
# Each finished claim appends its id to $(DONE_LOG), so that under -j2 the count is of claims done, not started.
DONE_LOG := scratch/.reports-done
$(CLAIM_IDS): build | reports-progress
	@echo "== $@ started (claim $$(printf '%s\n' $(CLAIM_IDS) | grep -n -x '$@' | cut -d: -f1) of $(words $(CLAIM_IDS)))"
	$(RELEASE)/$@ --output reports
	@echo $@ >> $(DONE_LOG); echo "== $@ done ($$(sort -u $(DONE_LOG) | wc -l) of $(words $(CLAIM_IDS)) claims done)"

reports-progress:
	@mkdir -p scratch && rm -f $(DONE_LOG)

reports: $(CLAIM_IDS) ## every experiment in full into reports/, then the index reports/README.md
	$(RELEASE)/claims index reports

index: build ## rewrite reports/README.md, gallery.md and claims.tex from the result.json files in reports/
	$(RELEASE)/claims index reports

check: build ## every experiment in quick mode; fails when a verdict differs from its expected one (CI)
	@rm -rf $(CHECK_DIR) && mkdir -p $(CHECK_DIR)
	@k=0; for c in $(CLAIM_IDS); do k=$$((k + 1)); echo "== $$c (quick, claim $$k of $(words $(CLAIM_IDS)))"; \
	  $(RELEASE)/$$c --quick --output $(CHECK_DIR) || exit 1; done
	$(RELEASE)/claims check $(CHECK_DIR)

# Fresh seeds nobody tuned on, judged only (no figures), in parallel across claims.
robustness: build ## every experiment's quick mode on fresh seeds 1000–1019 → reports/robustness.json
	@rm -rf $(FRESH_DIR) && mkdir -p $(FRESH_DIR)
	@$(MAKE) --no-print-directory -j$(JOBS) $(addprefix fresh-,$(CLAIM_IDS))
	$(RELEASE)/claims robustness $(FRESH_DIR) --into reports

$(addprefix fresh-,$(CLAIM_IDS)): fresh-%:
	@$(RELEASE)/$* --quick --first-seed 1000 --seeds 20 --judge-only --output $(FRESH_DIR)

bench: deps ## one training epoch of the engine beside numpy peers (CS231n-style, careful) and PyTorch CPU when importable
	$(SWIFT) build $(SWIFTFLAGS) -c release --product engine-epoch
	@python3 -c "import numpy" 2>/dev/null || pip install -q numpy
	$(RELEASE)/engine-epoch --threads 1 --peer benchmarks/peers/numpy_epoch.py --peer benchmarks/peers/torch_epoch.py

bench-suite: build ## each claim's quick and full wall time (seconds, one claim at a time) and the totals
	@rm -rf scratch/bench-suite && mkdir -p scratch/bench-suite
	@for c in $(CLAIM_IDS); do \
	  echo "== $$c" >&2; s=$$(date +%s.%N); \
	  $(RELEASE)/$$c --quick --output scratch/bench-suite/quick >/dev/null 2>&1 || { echo "$$c: quick run failed" >&2; exit 1; }; \
	  m=$$(date +%s.%N); \
	  $(RELEASE)/$$c --output scratch/bench-suite/full >/dev/null 2>&1 || { echo "$$c: full run failed" >&2; exit 1; }; \
	  echo "$$c $$s $$m $$(date +%s.%N)" >> scratch/bench-suite/times; \
	done
	@awk 'BEGIN { printf "%-34s %8s %8s\n", "claim", "quick s", "full s" } \
	  { q = $$3 - $$2; f = $$4 - $$3; tq += q; tf += f; printf "%-34s %8.1f %8.1f\n", $$1, q, f } \
	  END { printf "%-34s %8.1f %8.1f\n", "total", tq, tf }' scratch/bench-suite/times

# The same runs as a Slurm job array (one task per shard of a claim's seeds), merged on this host into the same
# reports. Variables: SLURM_PARTITION, SLURM_ACCOUNT, SLURM_TIME, SLURM_MEM_PER_CPU, SLURM_SBATCH_OPTIONS, SLURM_DIR,
# CLAIMS, UNITS_PER_TASK, RESUME=1 (README, "Running on a Slurm cluster"; scripts/slurm-run).
slurm-check: build ## make check as a Slurm job array, merged into scratch/slurm-check/reports and checked
	scripts/slurm-run check

slurm-reports: build ## make reports as a Slurm job array, merged into reports/ with figures and the index
	scripts/slurm-run reports

slurm-robustness: build ## make robustness as a Slurm job array, merged and summarised into reports/robustness.json
	scripts/slurm-run robustness

clean: ## remove build products and scratch output
	rm -rf .build scratch
