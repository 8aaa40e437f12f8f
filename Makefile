# medcoop — see README.md. `make demo` runs the main job on its bundled
# fixture sites; `make test` runs every test (and is what .ci/run calls).
GO      ?= go
BIN     ?= bin/medcoop
PKGS    ?= ./...
FUZZTIME ?= 10s

.PHONY: all build test demo bench lint fuzz clean eval

all: build

build:
	$(GO) build -o $(BIN) ./cmd/medcoop

test: lint
	$(GO) test -race -count=1 -timeout 12m $(PKGS)
	# The real-page corpora are single-threaded and 20x slower under -race: run them without.
	$(GO) test -count=1 -run 'TestMainTextCorpora' ./extract/

demo: build
	./$(BIN) demo

bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 2s $(PKGS)

lint:
	$(GO) vet $(PKGS)
	@test -z "$$(gofmt -l . | tee /dev/stderr)" || { echo "gofmt: the files above need formatting"; exit 1; }

# A short run of every fuzz test, one after another.
fuzz:
	@for pkg in $$($(GO) list $(PKGS)); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

clean:
	rm -rf bin

# Extraction quality on the gold sets, by the contract's scoring rules.
GOLD ?= $(wildcard fixtures/gold/test.json) $(wildcard ../shared/devset/seeds.gold.json)
eval: build
	./$(BIN) eval --misses $(GOLD)

# Retrain the French NER model of extract/ner on WiNER-fr (one training
# document in three, about 15 min on 2 busy cores) and print its held-out scores.
.PHONY: train-ner
train-ner:
	$(GO) run ./extract/ner/cmd/train -corpus ../shared/corpus/winer-fr/winer-fr.jsonl -out extract/ner/model -every 3
