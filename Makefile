# entente: build, test, evaluate.  See README.md for the verbs.
PKGS     = igraph sqlite3 libcjson
CC      ?= cc
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Wshadow \
           -Wstrict-prototypes -Wmissing-prototypes -Wwrite-strings -I.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CFLAGS  += $(PKG_CFLAGS)
LDLIBS  += $(PKG_LIBS) -lm
ifdef SANITIZE
CFLAGS  += -fsanitize=$(SANITIZE) -fno-sanitize-recover=$(SANITIZE) -fno-omit-frame-pointer
LDFLAGS += -fsanitize=$(SANITIZE)
endif

# Every .c under these directories is part of the program; main.c holds only main().
LIB_SRCS  = $(wildcard util.c ingest/*.c graph/*.c export/*.c cmd/*.c)
LIB_OBJS  = $(LIB_SRCS:.c=.o)
UNIT_SRCS = $(wildcard tests/unit/test_*.c)
UNIT_BINS = $(UNIT_SRCS:.c=)

DEB_PKGS = build-essential pkg-config libigraph-dev libsqlite3-dev libcjson-dev \
           iso-codes wordnet-base
TEST_DEB_PKGS = libxml2-utils python3 python3-networkx python3-jsonschema sqlite3

# Benchmark data (CaRB, PLOVER, the seed); never copied into the repo.
SHARED ?= ../shared

.PHONY: all deps test-deps demo check unit cli clean bench eval fuzz bench-kb

all: entente

entente: main.o libentente.a
	$(CC) $(LDFLAGS) -o $@ main.o libentente.a $(LDLIBS)

libentente.a: $(LIB_OBJS)
	rm -f $@ && ar rcs $@ $(LIB_OBJS)

# Header dependencies: gcc writes them beside each object.
CFLAGS += -MMD -MP
-include $(LIB_OBJS:.o=.d) main.d

tests/unit/test_%: tests/unit/test_%.c libentente.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< libentente.a $(LDLIBS)

# Generated sources: the knowledge base's built-in tables (data/, iso-codes)
# and the event lexicon, embedded as C text.
ISO_CODES_DIR ?= /usr/share/iso-codes/json
KB_DATA = data/countries.txt data/orgs.txt data/actors.txt data/leaders.txt data/roles.txt \
          $(ISO_CODES_DIR)/iso_3166-1.json $(ISO_CODES_DIR)/iso_3166-3.json
ingest/kb-data.inc: $(KB_DATA) tools/embed.sh
	sh tools/embed.sh kb_data_countries=data/countries.txt kb_data_orgs=data/orgs.txt \
	  kb_data_actors=data/actors.txt kb_data_leaders=data/leaders.txt kb_data_roles=data/roles.txt \
	  kb_data_iso3166_1=$(ISO_CODES_DIR)/iso_3166-1.json \
	  kb_data_iso3166_3=$(ISO_CODES_DIR)/iso_3166-3.json >$@.tmp && mv $@.tmp $@
ingest/events-data.inc: data/verbs.txt tools/gen-verbs.awk
	LC_ALL=C awk -f tools/gen-verbs.awk data/verbs.txt >$@.tmp1
	LC_ALL=C sort $@.tmp1 >$@.tmp && rm -f $@.tmp1 && mv $@.tmp $@
ingest/kb.o: ingest/kb-data.inc
ingest/events.o: ingest/events-data.inc

# Load the real Phoenix dictionaries and time it (skipped without /work/shared).
PHOENIX_DIR ?= /work/shared/dictionaries
bench-kb: tests/bench/bench_kb
	@sh tests/bench-kb.sh $(PHOENIX_DIR)
tests/bench/bench_kb: tests/bench/bench_kb.c libentente.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< libentente.a $(LDLIBS)

# Install the Debian packages the build needs, only when some are missing.
deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

test-deps:
	@missing=""; for p in $(TEST_DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

demo: deps
	$(MAKE) entente
	@sh tests/demo.sh

check: deps test-deps
	$(MAKE) entente $(UNIT_BINS)
	@sh tests/run.sh

# Accuracy on CaRB dev and PLOVER dev, the seed checklist and the samples
# (tests/eval/run.sh); outputs in eval-out/.
eval: entente
	@sh tests/eval/run.sh $(SHARED)

clean:
	rm -f entente main.o main.d libentente.a $(LIB_OBJS) $(LIB_OBJS:.o=.d) $(UNIT_BINS)
	rm -f ingest/kb-data.inc ingest/events-data.inc tests/bench/bench_kb tests/bench/bench_pipeline
	rm -rf tests/out demo-out

#==== Tagger and parser (ingest/parser.c, models/) ====
# The shipped model is assembled into the binary by ingest/model-data.c.
UD_DIR   ?= $(SHARED)/ud
WORDNET  ?= /usr/share/wordnet
NEWS     ?= $(SHARED)/corpus/news.jsonl
ingest/model-data.o: models/en_ewt.model

.PHONY: model eval-parser bench-parser
# Retrain from scratch (train set; epochs chosen on dev); deterministic.
# The word clusters come from the treebank's text and $(NEWS) (read at
# build time only; the model keeps cluster ids, never the text). Seed 2
# was the better of seeds 1 and 2 on dev (LAS 0.810 against 0.808).
MODEL_SEED ?= 2
model: entente
	@test -r $(NEWS) || { echo "make model: needs $(NEWS) for the word clusters" >&2; exit 1; }
	./entente parse --train $(UD_DIR)/en_ewt-ud-train.conllu \
	  --dev $(UD_DIR)/en_ewt-ud-dev.conllu --wordnet $(WORDNET) \
	  --unlabeled $(NEWS) --seed $(MODEL_SEED) $(MODEL_OPTS) --out models/en_ewt.model
	$(MAKE) entente

eval-parser: entente
	./entente parse --eval $(UD_DIR)/en_ewt-ud-test.conllu

bench-parser: entente
	@mkdir -p tests/out
	@echo "== (a) en_ewt-ud-test.conllu x 48 (gold tokens)"
	@/usr/bin/time -f "peak memory: %M kB" ./entente parse --input conllu --bench 48 $(UD_DIR)/en_ewt-ud-test.conllu
	@python3 tests/news-sentences.py $(NEWS) > tests/out/news-sentences.txt
	@echo "== (b) sentences of $(NEWS) (simple tokenisation)"
	@/usr/bin/time -f "peak memory: %M kB" ./entente parse --input text --bench 1 tests/out/news-sentences.txt

bench: bench-parser bench-extract bench-ingest

# What extraction costs on top of parsing (tests/bench/bench_pipeline.c) on
# $(NEWS) (all 22,111 articles: about 75 s of CPU; BENCH_ARTICLES=N takes
# the first N), then ingest and export throughput on the same articles.
BENCH_ARTICLES ?= all
.PHONY: bench-extract bench-ingest
tests/bench/bench_pipeline: tests/bench/bench_pipeline.c libentente.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< libentente.a $(LDLIBS)
bench-extract: tests/bench/bench_pipeline
	@if [ -r $(NEWS) ]; then \
	  echo "== extraction over parsing: $(BENCH_ARTICLES) articles of $(NEWS)"; \
	  /usr/bin/time -f "peak memory: %M kB" ./tests/bench/bench_pipeline $(NEWS) \
	    $$( [ "$(BENCH_ARTICLES)" = all ] || echo $(BENCH_ARTICLES) ); \
	else echo "bench-extract: no $(NEWS), skipped"; fi
bench-ingest: entente
	@sh tests/bench/bench-ingest.sh $(NEWS) $(BENCH_ARTICLES) bench-out

# Fuzz targets (clang's libFuzzer): make fuzz builds them and runs each for
# FUZZ_SECONDS on its seeds; crashes land in tests/fuzz/crash-*.
FUZZ_SECONDS ?= 60
FUZZ_SRCS = util.c ingest/triple.c ingest/utf8.c ingest/token.c ingest/sentence.c ingest/reader.c
fuzz:
	@mkdir -p tests/fuzz/out
	clang -g -O1 -std=c11 -D_POSIX_C_SOURCE=200809L -I. $(PKG_CFLAGS) -fsanitize=fuzzer,address,undefined \
	  -o tests/fuzz/out/text-fuzzer tests/fuzz/text-fuzzer.c $(FUZZ_SRCS) $(PKG_LIBS)
	clang -g -O1 -std=c11 -D_POSIX_C_SOURCE=200809L -I. $(PKG_CFLAGS) -fsanitize=fuzzer,address,undefined \
	  -o tests/fuzz/out/jsonl-fuzzer tests/fuzz/jsonl-fuzzer.c $(FUZZ_SRCS) $(PKG_LIBS)
	@mkdir -p tests/fuzz/out/corpus-text tests/fuzz/out/corpus-jsonl
	tests/fuzz/out/text-fuzzer -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=tests/fuzz/crash- tests/fuzz/out/corpus-text tests/fuzz/seeds/text
	tests/fuzz/out/jsonl-fuzzer -max_total_time=$(FUZZ_SECONDS) -dict=tests/fuzz/jsonl.dict -artifact_prefix=tests/fuzz/crash- tests/fuzz/out/corpus-jsonl tests/fuzz/seeds/jsonl
