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

struct run_opts {
	struct reader_opts rd;
	struct pipeline_opts po;
	const char *actors[RUN_MAX_DICTS];
	const char *agents[RUN_MAX_DICTS];
	int progress;		/* 1 on, 0 off, -1 when stderr is a terminal */
};

void run_opts_init(struct run_opts *o);

/* Parse the option at argv[*i] if it is one of ours (advancing *i past its
 * value). Returns 1 when taken, 0 when not ours, -1 on a bad value (message
 * printed). */
int run_option(int argc, char **argv, int *i, struct run_opts *o);

/* Value of "--name=value" or "--name value"; NULL if argv[*i] is not
 * --name. Sets *missing when the value is absent. */
const char *opt_value(int argc, char **argv, int *i, const char *name, int *missing);

/* Print 'usage' (as usage_with() does) followed by these options; returns
 * status. */
int run_usage(const char *const *usage, int status);

/* Progress on stderr at most every two seconds, and a last line when
 * 'done'. */
void run_progress(const struct run_opts *o, const struct pipeline *p, int done);

#endif
