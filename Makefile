# gongkai — see README.md. `make build` builds bin/gongkai (with the default
# theme and its npm files built in) and the bundled site into public/,
# `make test` runs every test, `make bench` measures the build.
GO      ?= go
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: build serve gongkai theme test bench bench-scale bench-incremental bench-pages bench-curve fuzz check clean

THEME := themes/default
# The npm files the binary carries (see themes/default/embed.go).
THEME_NPM := $(THEME)/npm

# BASE_URL= sets the address the site is published at (CI workflows pass it).
build: gongkai $(THEME)/node_modules
	./bin/gongkai build $(if $(BASE_URL),--base-url "$(BASE_URL)")

# Builds into memory and serves at http://127.0.0.1:1313 with live reload.
serve: gongkai $(THEME)/node_modules
	./bin/gongkai serve

# The theme's JavaScript comes from the npm registry, pinned by its lockfile;
# ECharts is bundled from it with only what the charts use (echarts.entry.js).
$(THEME)/node_modules: $(THEME)/package.json $(THEME)/package-lock.json $(THEME)/echarts.entry.js
	npm ci --prefix $(THEME) --no-audit --no-fund --ignore-scripts
	npm run build --prefix $(THEME) --silent
	@touch $@

# Copies the files theme.toml's [[vendor]] entries name (from = "node_modules/…")
# into themes/default/npm/, which go:embed builds into bin/gongkai. Git ignores
# the copies; only npm/.gitignore is committed.
theme: $(THEME)/node_modules/.copied-to-npm
$(THEME)/node_modules/.copied-to-npm: $(THEME)/node_modules $(THEME)/theme.toml
	find $(THEME_NPM) -mindepth 1 ! -name .gitignore -delete
	sed -n 's/^from *= *"node_modules\/\(.*\)"/\1/p' $(THEME)/theme.toml | while read -r f; do \
	  mkdir -p "$(THEME_NPM)/$$(dirname "$$f")" && cp "$(THEME)/node_modules/$$f" "$(THEME_NPM)/$$f" || exit 1; \
	done
	@touch $@

# Always rebuilt: go's own cache makes this fast when nothing changed.
gongkai: theme
	$(GO) build -trimpath -ldflags "$(LDFLAGS)" -o bin/gongkai ./generator/cmd/gongkai

check: gongkai $(THEME)/node_modules
	./bin/gongkai check

# Lighthouse for TestLighthouse, pinned by its own lockfile; never in a site.
E2E_LH := generator/e2e/lighthouse
$(E2E_LH)/node_modules: $(E2E_LH)/package.json $(E2E_LH)/package-lock.json
	npm ci --prefix $(E2E_LH) --no-audit --no-fund --ignore-scripts
	@touch $@

# The catalogues' validators for the tests in generator/internal/site — the
# frictionless JavaScript libraries, jsonld.js, rdf-validate-shacl — pinned by
# their own lockfile; never in a site.
CATALOG_VALIDATORS := generator/internal/site/testdata/validators
$(CATALOG_VALIDATORS)/node_modules: $(CATALOG_VALIDATORS)/package.json $(CATALOG_VALIDATORS)/package-lock.json
	npm ci --prefix $(CATALOG_VALIDATORS) --no-audit --no-fund --ignore-scripts
	@touch $@

# html-validate and the Nu Html Checker (vnu-jar; it needs Java) for
# TestHTMLValid, pinned by their own lockfile; never in a site.
E2E_VALIDATORS := generator/e2e/validators
$(E2E_VALIDATORS)/node_modules: $(E2E_VALIDATORS)/package.json $(E2E_VALIDATORS)/package-lock.json
	npm ci --prefix $(E2E_VALIDATORS) --no-audit --no-fund --ignore-scripts
	@touch $@

# go.mod and go.sum must be tidy (a module imported directly is not "// indirect").
# Lighthouse times a page on a simulated slow phone from the CPU time the
# browser takes here, so it runs first and alone: beside the other packages'
# tests (go test runs packages in parallel) both cores are busy and its scores
# measure the test run, not the site.
test: theme $(E2E_LH)/node_modules $(CATALOG_VALIDATORS)/node_modules $(E2E_VALIDATORS)/node_modules
	$(GO) mod tidy -diff
	$(GO) vet ./...
	$(GO) test ./generator/e2e -run '^TestLighthouse$$'
	$(GO) test -skip '^TestLighthouse$$' ./...

# Build time of the bundled site; then a 1,000,000-row budget CSV (about 80 MB,
# UTF-8 and GB18030) through the full ingest beside plain encoding/csv on the
# same bytes (MB/s and peak-MB are printed per benchmark).
bench: gongkai $(THEME)/node_modules
	$(GO) test -run '^$$' -bench . -benchmem ./generator/internal/site/
	$(GO) test -run '^$$' -bench 'Ingest|EncodingCSV' -benchtime 3x ./generator/internal/kinds/
	$(GO) test -run '^$$' -bench 'GB18030|UTF8' -benchtime 5x ./generator/internal/data/textenc/

# The design's scale target: the bundled site with about 1,000,000 budget rows,
# 100,000 organisations and 30,000 committee rows of sample data, built once
# with its wall time and peak memory printed (target: < 15 s, < 1 GiB).
SCALE_DIR ?= $(or $(TMPDIR),/tmp)/gongkai-scale
# $(call scale_site,DIR) writes that site into DIR.
define scale_site
rm -rf $(1) && mkdir -p $(1)/data
$(GO) run ./generator/cmd/sampledata -o $(1)/data -budgets 940 -organizations 35 -committees 6
cp -r content site.toml $(1)/
cp data/commitments.csv data/progress.csv data/disclosures.csv data/figures.* $(1)/data/
endef
bench-scale: gongkai $(THEME)/node_modules
	$(call scale_site,$(SCALE_DIR))
	cd $(SCALE_DIR) && command time -v $(CURDIR)/bin/gongkai build 2>&1 | grep -E 'built|Elapsed|Maximum resident'

# The build cache at that scale: INCR_RUNS times, interleaved, a cold build
# (the cache deleted) and, after one CSV file is edited, a build taking the
# other datasets' downloads from the cache; medians of wall time, CPU time
# and peak memory, and incremental ÷ cold (target: 15%). The edits: one
# number of data/population.csv (a small file), and one of the last budgets
# file (the largest dataset, whose downloads are then all written again).
INCR_DIR ?= $(or $(TMPDIR),/tmp)/gongkai-incremental
INCR_RUNS ?= 3
INCR_EDITS ?= population,budgets
bench-incremental: gongkai $(THEME)/node_modules
	$(call scale_site,$(INCR_DIR))
	$(GO) run ./generator/cmd/benchincr -gongkai bin/gongkai -dir $(INCR_DIR) -runs $(INCR_RUNS) -edit $(INCR_EDITS)

# The scale curve: bench-scale's site with about CURVE_ROWS budget rows
# (sampledata makes about 1,068 per unit of -budgets), each point built
# once, printing its rows, wall time and peak memory (GNU time), to see the
# build grow linearly with the rows and stay under 1 GiB at 3,000,000.
# Past 1,048,575 rows the budgets get no .xlsx (a sheet cannot hold them).
CURVE_ROWS ?= 10000 100000 300000 1000000 3000000
bench-curve: gongkai $(THEME)/node_modules
	@printf '%9s %8s %8s\n' rows seconds peak-MB
	@for rows in $(CURVE_ROWS); do \
	  rm -rf $(SCALE_DIR) && mkdir -p $(SCALE_DIR)/data || exit 1; \
	  $(GO) run ./generator/cmd/sampledata -o $(SCALE_DIR)/data -organizations 35 -committees 6 \
	    -budgets $$(awk "BEGIN { print $$rows / 1068 }") || exit 1; \
	  cp -r content site.toml $(SCALE_DIR)/ && \
	  cp data/commitments.csv data/progress.csv data/disclosures.csv data/figures.* $(SCALE_DIR)/data/ || exit 1; \
	  (cd $(SCALE_DIR) && command time -f '%e %M' -o time.txt $(CURDIR)/bin/gongkai build >build.log 2>&1) || { cat $(SCALE_DIR)/build.log; exit 1; }; \
	  read seconds kb < $(SCALE_DIR)/time.txt; \
	  printf '%9d %8s %8d\n' $$(($$(wc -l < $(SCALE_DIR)/public/data/budgets.csv) - 1)) $$seconds $$((kb / 1024)); \
	done
	@rm -rf $(SCALE_DIR)

# Content pages: a portal of PAGES notices and policy readings (~3 KB of
# prose each, in two sections), built PAGES_RUNS times; beside Hugo on the
# same Markdown, interleaved, with ratios, when a hugo binary is on PATH
# (HUGO=none skips it). Prints median wall time, CPU time and peak memory.
PAGES ?= 1000,10000
PAGES_RUNS ?= 3
PAGES_DIR ?= $(or $(TMPDIR),/tmp)/gongkai-pages
bench-pages: gongkai $(THEME)/node_modules
	$(GO) run ./generator/cmd/benchpages -gongkai bin/gongkai -o $(PAGES_DIR) -pages $(PAGES) -runs $(PAGES_RUNS) $(if $(HUGO),-hugo $(HUGO))

# Longer fuzzing than the seed corpus `make test` runs: every fuzz target of
# every package, FUZZTIME each (go test fuzzes one target at a time).
FUZZTIME ?= 30s
fuzz:
	@for pkg in $$($(GO) list ./generator/...); do \
	  for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "$$pkg $$target"; \
	    $(GO) test -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

clean:
	rm -rf bin public .public.staging .public.staging.old .public.cache $(THEME)/node_modules $(CATALOG_VALIDATORS)/node_modules
	find $(THEME_NPM) -mindepth 1 ! -name .gitignore -delete
