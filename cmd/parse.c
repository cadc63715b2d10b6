/*
 * parse.c: 'entente parse': tag, lemmatise and parse sentences and write
 * CoNLL-U. Hidden options for the Makefile: --train (build a model),
 * --eval (score against a gold CoNLL-U file), --bench (speed), --info.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "cmd/cmd.h"
#include "ingest/conllu.h"
#include "ingest/model-train.h"
#include "ingest/parser.h"
#include "ingest/sentence.h"
#include "ingest/token.h"
#include "ingest/utf8.h"
#include "util.h"

static const char *const parse_usage[] = {
	"entente parse [--input=text|conllu] [--model=<file>] [<file>|-]",
	"",
	"Tag, lemmatise and parse sentences; write CoNLL-U (ID FORM LEMMA UPOS",
	"XPOS HEAD DEPREL filled, other columns '_') on stdout.",
	"",
	"    --input=text     one sentence per line, tokens split on whitespace (default)",
	"    --input=conllu   sentences and FORM columns of a CoNLL-U file (gold tokens)",
	"    --model=<file>   use this model instead of the one built in",
	"    -h, --help       show this help",
	NULL
};

static void write_parse(const struct conllu_sent *cs, const char *const *forms,
			const struct parse *ps)
{
	const char *upos[PARSER_MAX_TOKENS];
	int i;

	for (i = 0; i < ps->n; i++)
		upos[i] = upos_name(ps->upos[i]);
	conllu_write(stdout, cs ? cs->sent_id : NULL, cs ? cs->text : NULL, ps->n,
		     forms, (const char *const *)ps->lemma, upos, ps->xpos,
		     ps->head, ps->deprel);
}

/*==== Scoring (--eval) ====*/

struct tally {
	long tok, upos, xpos, uas, las, sents;
};

static int univ_eq(const char *a, const char *b)
{
	size_t la = strcspn(a, ":"), lb = strcspn(b, ":");
	return la == lb && !memcmp(a, b, la);
}

static void tally_add(struct tally *t, const struct conllu_sent *g, const struct parse *ps)
{
	int i;
	t->sents++;
	for (i = 0; i < g->n; i++) {
		t->tok++;
		t->upos += !strcmp(upos_name(ps->upos[i]), g->upos[i]);
		t->xpos += !strcmp(ps->xpos[i], g->xpos[i]);
		if (ps->head[i] == g->head[i]) {
			t->uas++;
			t->las += univ_eq(ps->deprel[i], g->deprel[i]);
		}
	}
}

/*==== The command ====*/

/* User + system CPU time of this process: the benchmark figure, less
 * sensitive than wall time to other programs sharing the machine. */
static double cpu_seconds(void)
{
	struct rusage ru;
	if (getrusage(RUSAGE_SELF, &ru) < 0)
		return 0;
	return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
	       (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static int tag_only;	/* --tag-only: benchmark the tagger alone */

static int analyse(struct parser *p, const char *const *forms, int n, struct parse *ps)
{
	return tag_only ? parser_tag(p, forms, n, ps) : parser_parse(p, forms, n, ps);
}

static int run(struct parser *p, const char *path, const char *data, size_t len,
	       int conllu, int eval, int repeat, int quiet)
{
	struct parse ps;
	struct tally t = { 0, 0, 0, 0, 0, 0 };
	int errors = 0, r;
	double t0 = now_seconds(), secs, cpu0 = cpu_seconds(), cpu;
	long ntok = 0, nsent = 0;

	parse_init(&ps);
	for (r = 0; r < repeat; r++) {
		if (conllu) {
			struct conllu_reader rd;
			struct conllu_sent cs;
			int rc;
			conllu_reader_init(&rd, path, data, len);
			conllu_sent_init(&cs);
			while ((rc = conllu_next(&rd, &cs)) != 0) {
				if (rc < 0)
					continue;
				if (analyse(p, cs.form, cs.n, &ps) < 0) {
					error("sentence at line %zu of '%s' skipped", cs.line, path);
					errors++;
					continue;
				}
				ntok += cs.n;
				nsent++;
				if (eval)
					tally_add(&t, &cs, &ps);
				else if (!quiet)
					write_parse(&cs, cs.form, &ps);
			}
			errors += rd.errors;
			conllu_sent_release(&cs);
		} else {
			/* running text: our tokenizer and sentence splitter */
			struct token_list tl = TOKEN_LIST_INIT;
			struct sentence_list sl = SENTENCE_LIST_INIT;
			const char **toks = NULL;
			size_t alloc = 0, s, i, bad;
			if (utf8_check(data, len, &bad) < 0) {
				error("invalid UTF-8 at line %zu of '%s'", utf8_line_of(data, bad), path);
				errors++;
				break;
			}
			tokenize(data, len, &tl);
			sentence_split(data, &tl, &sl);
			for (s = 0; s < sl.n; s++) {
				int n = (int)sl.v[s].n;
				ALLOC_GROW(toks, sl.v[s].n, alloc);
				for (i = 0; i < sl.v[s].n; i++)
					toks[i] = tl.v[sl.v[s].first + i].form;
				if (analyse(p, toks, n, &ps) < 0) {
					error("sentence at line %zu of '%s' skipped",
					      utf8_line_of(data, sl.v[s].off), path);
					errors++;
					continue;
				}
				ntok += n;
				nsent++;
				if (!quiet)
					write_parse(NULL, toks, &ps);
			}
			free(toks);
			token_list_release(&tl);
			sentence_list_release(&sl);
		}
	}
	secs = now_seconds() - t0;
	cpu = cpu_seconds() - cpu0;
	if (cpu <= 0)
		cpu = secs;
	parse_release(&ps);
	if (eval) {
		double n = t.tok ? (double)t.tok : 1;
		printf("gold file:  %s (%ld sentences, %ld tokens, gold tokenisation)\n",
		       path, t.sents, t.tok);
		printf("UPOS:       %.4f\n", t.upos / n);
		printf("XPOS:       %.4f\n", t.xpos / n);
		printf("UAS:        %.4f\n", t.uas / n);
		printf("LAS:        %.4f\n", t.las / n);
		printf("speed:      %.0f sentences/s, %.0f tokens/s (one core, CPU time)\n",
		       nsent / cpu, ntok / cpu);
	} else if (quiet) {
		printf("input:      %s x %d\n", path, repeat);
		printf("sentences:  %ld\n", nsent);
		printf("tokens:     %ld\n", ntok);
		printf("seconds:    %.3f wall, %.3f CPU\n", secs, cpu);
		printf("speed:      %.0f sentences/s, %.0f tokens/s (one core, CPU time)\n",
		       nsent / cpu, ntok / cpu);
		printf("wall speed: %.0f sentences/s\n", nsent / secs);
	}
	return errors ? EXIT_DATA : EXIT_OK;
}

int cmd_parse(int argc, char **argv)
{
	const char *model = NULL, *path = "-", *val;
	int conllu = 0, eval = 0, bench = 0, info = 0, repeat = 1, i, ret;
	int have_path = 0, train = 0;
	struct train_opts to;
	struct parser *p = NULL;
	char *data;
	size_t len;

	train_opts_init(&to);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
#define OPT(name) ((!strncmp(a, name "=", strlen(name) + 1) && (val = a + strlen(name) + 1)) || \
		   (!strcmp(a, name) && i + 1 < argc && (val = argv[++i])))
		if (!strcmp(a, "-h") || !strcmp(a, "--help"))
			return usage_with(parse_usage, EXIT_OK);
		else if (OPT("--input")) {
			if (!strcmp(val, "conllu"))
				conllu = 1;
			else if (!strcmp(val, "text"))
				conllu = 0;
			else {
				error("unknown input format '%s'", val);
				return usage_with(parse_usage, EXIT_USAGE);
			}
		} else if (OPT("--model"))
			model = val;
		/* hidden options for make model / eval-parser / bench-parser */
		else if (OPT("--train")) {
			to.train = val;
			train = 1;
		} else if (OPT("--dev"))
			to.dev = val;
		else if (OPT("--wordnet"))
			to.wordnet = val;
		else if (OPT("--unlabeled"))
			to.unlabeled = val;
		else if (OPT("--out"))
			to.out = val;
		else if (OPT("--seed"))
			to.seed = strtoul(val, NULL, 10);
		else if (OPT("--tagger-epochs"))
			to.tagger_epochs = atoi(val);
		else if (OPT("--parser-epochs"))
			to.parser_epochs = atoi(val);
		else if (OPT("--folds"))
			to.folds = atoi(val);
		else if (OPT("--min-count"))
			to.min_count = (unsigned)atoi(val);
		else if (OPT("--tagger-min-count"))
			to.tagger_min_count = (unsigned)atoi(val);
		else if (OPT("--min-abs"))
			to.min_abs = atof(val);
		else if (OPT("--tagger-min-abs"))
			to.tagger_min_abs = atof(val);
		else if (!strcmp(a, "--no-merge"))
			to.merge = 0;
		else if (!strcmp(a, "--merge"))
			to.merge = 1;
		else if (!strcmp(a, "--no-lift"))
			to.lift = 0;
		else if (!strcmp(a, "--no-stack"))
			to.stack = 0;
		else if (!strcmp(a, "--quiet"))
			to.quiet = 1;
		else if (!strcmp(a, "--eval"))
			eval = 1;
		else if (!strcmp(a, "--tag-only"))
			tag_only = 1;
		else if (!strcmp(a, "--info"))
			info = 1;
		else if (OPT("--bench")) {
			bench = 1;
			repeat = atoi(val) > 0 ? atoi(val) : 1;
		} else if (a[0] == '-' && a[1]) {
			error("unknown option '%s'", a);
			return usage_with(parse_usage, EXIT_USAGE);
		} else if (!have_path) {
			path = a;
			have_path = 1;
		} else
			return usage_with(parse_usage, EXIT_USAGE);
#undef OPT
	}
	if (train) {
		if (!to.dev || !to.out) {
			error("--train needs --dev and --out");
			return EXIT_USAGE;
		}
		return parser_train(&to) < 0 ? EXIT_DATA : EXIT_OK;
	}
	{
		double t0 = now_seconds();
		if (model) {
			if (parser_load(&p, model) < 0)
				return EXIT_DATA;
		} else if (!(p = parser_default()))
			return EXIT_DATA;
		if (info || bench) {
			char buf[256];
			printf("model:      %s: %s\n", model ? model : "embedded",
			       parser_info(p, buf, sizeof(buf)));
			printf("load time:  %.2f ms\n", (now_seconds() - t0) * 1000);
			if (info) {
				parser_free(p);
				return EXIT_OK;
			}
		}
	}
	if (read_file(path, &data, &len) < 0) {
		parser_free(p);
		return EXIT_SYSTEM;
	}
	ret = run(p, path, data, len, conllu || eval, eval, repeat, bench);
	free(data);
	parser_free(p);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		error("cannot write output");
		return EXIT_SYSTEM;
	}
	return ret;
}
