/*
 * runopts.c: options shared by extract and ingest (see runopts.h).
 */
#include "cmd/runopts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "util.h"

static const char *const run_opts_usage =
	"    --date <yyyy-mm-dd>   publication date of articles that give none\n"
	"    --lines               every input line is an article (id = line number)\n"
	"    --jsonl               read files and stdin as JSON lines whatever their name\n"
	"    --model <file>        tagger/parser model (default: the built-in one)\n"
	"    --actors <file>       PETRARCH/Phoenix actor dictionary (repeatable)\n"
	"    --agents <file>       PETRARCH/Phoenix agent dictionary (repeatable)\n"
	"    --min-confidence <x>  leave out triples below confidence x (0-1)\n"
	"    --progress, --no-progress\n"
	"                          report progress on stderr (default: when a terminal)";

int run_usage(const char *const *usage, int status)
{
	usage_with(usage, status);
	fprintf(status ? stderr : stdout, "%s\n", run_opts_usage);
	return status;
}

void run_opts_init(struct run_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->po.actors = o->actors;
	o->po.agents = o->agents;
	o->progress = -1;
}

int run_option(int argc, char **argv, int *i, struct run_opts *o)
{
	const char *v;
	int r;
	char *end;

	if (!strcmp(argv[*i], "--lines")) {
		o->rd.lines = 1;
		return 1;
	}
	if (!strcmp(argv[*i], "--jsonl")) {
		o->rd.jsonl = 1;
		return 1;
	}
	if (!strcmp(argv[*i], "--progress")) {
		o->progress = 1;
		return 1;
	}
	if (!strcmp(argv[*i], "--no-progress")) {
		o->progress = 0;
		return 1;
	}
	if ((r = opt_value(argc, argv, i, "--date", &v)) != 0) {
		if (r < 0)
			return -1;
		if (date_parse(v, &o->rd.date) < 0 || !o->rd.date.d)
			return error("'--date %s' is not a date of the form YYYY-MM-DD", v);
		return 1;
	}
	if ((r = opt_value(argc, argv, i, "--model", &v)) != 0) {
		if (r < 0)
			return -1;
		o->po.model = v;
		return 1;
	}
	if ((r = opt_value(argc, argv, i, "--actors", &v)) != 0) {
		if (r < 0)
			return -1;
		if (o->po.nactors >= RUN_MAX_DICTS)
			return error("too many --actors files (at most %d)", RUN_MAX_DICTS);
		o->actors[o->po.nactors++] = v;
		return 1;
	}
	if ((r = opt_value(argc, argv, i, "--agents", &v)) != 0) {
		if (r < 0)
			return -1;
		if (o->po.nagents >= RUN_MAX_DICTS)
			return error("too many --agents files (at most %d)", RUN_MAX_DICTS);
		o->agents[o->po.nagents++] = v;
		return 1;
	}
	if ((r = opt_value(argc, argv, i, "--min-confidence", &v)) != 0) {
		if (r < 0)
			return -1;
		o->po.min_confidence = strtod(v, &end);
		if (*end || end == v || o->po.min_confidence < 0 || o->po.min_confidence > 1)
			return error("'--min-confidence %s' is not a number between 0 and 1", v);
		return 1;
	}
	return 0;
}

int run_parse_args(int argc, char **argv, const char *const *usage, struct run_opts *o,
		   int (*own)(int argc, char **argv, int *i, void *ctx), void *ctx)
{
	int i, r;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help"))
			return run_usage(usage, EXIT_OK);
		if ((r = own(argc, argv, &i, ctx)) < 0 || (!r && (r = run_option(argc, argv, &i, o)) < 0))
			return run_usage(usage, EXIT_USAGE);
		if (r > 0)
			continue;
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		if (argv[i][0] == '-' && argv[i][1]) {
			error("unknown option '%s'", argv[i]);
			return run_usage(usage, EXIT_USAGE);
		}
		if (o->npaths >= RUN_MAX_INPUTS)
			goto too_many;
		o->paths[o->npaths++] = argv[i];
	}
	for (; i < argc; i++) {
		if (o->npaths >= RUN_MAX_INPUTS)
			goto too_many;
		o->paths[o->npaths++] = argv[i];
	}
	return -1;
too_many:
	error("too many inputs (at most %d; name a directory instead)", RUN_MAX_INPUTS);
	return EXIT_USAGE;
}

void run_progress(const struct run_opts *o, const struct pipeline *p, int done)
{
	static double start, last;
	double now = now_seconds();
	struct pipeline_stats st;

	if (!start)
		start = last = now;
	if (o->progress == 0 || (o->progress < 0 && !isatty(2)))
		return;
	if (!done && now - last < 2.0)
		return;
	last = now;
	pipeline_stats(p, &st);
	fprintf(stderr, "%s%zu articles, %zu sentences, %zu triples, %.0f sentences/s%s",
		isatty(2) ? "\r" : "", st.articles, st.sentences, st.triples,
		now > start ? st.sentences / (now - start) : 0.0,
		done || !isatty(2) ? "\n" : "");
}
