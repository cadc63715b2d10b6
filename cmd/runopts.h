/*
 * runopts.h: the options extract and ingest share (inputs, dates, model,
 * dictionaries, confidence, progress) and the loop that feeds articles
 * through the pipeline.
 */
#ifndef ENTENTE_RUNOPTS_H
#define ENTENTE_RUNOPTS_H

#include "ingest/pipeline.h"
#include "ingest/reader.h"

#define RUN_MAX_DICTS 32
#define RUN_MAX_INPUTS 1024	/* files and directories on one command line */

struct run_opts {
	struct reader_opts rd;
	struct pipeline_opts po;
	const char *actors[RUN_MAX_DICTS];
	const char *agents[RUN_MAX_DICTS];
	int progress;		/* 1 on, 0 off, -1 when stderr is a terminal */
	char *paths[RUN_MAX_INPUTS];	/* the inputs, borrowed from argv */
	int npaths;
};

void run_opts_init(struct run_opts *o);

/* Parse the option at argv[*i] if it is one of ours (advancing *i past its
 * value). Returns 1 when taken, 0 when not ours, -1 on a bad value (message
 * printed). */
int run_option(int argc, char **argv, int *i, struct run_opts *o);

/* Parse the command line of extract or ingest: -h, the shared options, the
 * inputs (after "--" everything is an input) and the command's own options
 * through own() (1: taken, 0: not its, -1: bad value, message printed).
 * Returns -1 to go on, or the exit status to return with the usage printed:
 * EXIT_OK for --help, EXIT_USAGE for misuse. */
int run_parse_args(int argc, char **argv, const char *const *usage, struct run_opts *o,
		   int (*own)(int argc, char **argv, int *i, void *ctx), void *ctx);

/* Print 'usage' (as usage_with() does) followed by these options; returns
 * status. */
int run_usage(const char *const *usage, int status);

/* Progress on stderr at most every two seconds, and a last line when
 * 'done'. */
void run_progress(const struct run_opts *o, const struct pipeline *p, int done);

#endif
