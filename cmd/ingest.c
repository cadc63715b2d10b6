/*
 * ingest.c: `entente ingest`: articles in, triples extracted, merged and
 * stored in the SQLite database. Articles go in batches, one transaction
 * each: a run that is killed leaves the database as it was before the
 * unfinished batch.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/runopts.h"
#include "graph/store.h"
#include "util.h"

#define INGEST_BATCH 200	/* articles per transaction */

static const char *const ingest_usage[] = {
	"entente ingest --db <file> [<options>] [<file>|<dir>|-]...",
	"",
	"Extract the triples of news articles and store them, merged into",
	"actors, in the SQLite database <file> (created when missing; default",
	"$ENTENTE_DB). Articles already stored are not added again.",
	"",
	"    --db <file>           the database",
	"    --triples <file>      store triples already extracted (JSON lines as",
	"                          'entente extract' writes them); repeatable",
	"    -h, --help            show this help",
	NULL
};

struct ingest_ctx {
	struct pipeline *p;
	struct store *st;
	struct run_opts *o;
	struct triple_list tl;
	size_t in_batch, stored, present;
	size_t bad;		/* articles the store refused */
	int failed;
};

static int on_article(struct article *a, void *vctx)
{
	struct ingest_ctx *c = vctx;
	int r;

	if (c->in_batch == 0 && store_begin(c->st) < 0) {
		c->failed = 1;
		return -1;
	}
	triple_list_release(&c->tl);
	if (pipeline_run(c->p, a, &c->tl) < 0)
		return 0;
	r = store_add_article(c->st, a, c->tl.v, c->tl.n);
	if (r < 0) {
		/* the store undid this article alone (a savepoint): name it,
		 * keep the batch, go on */
		if (a->line)
			error("article '%s' at line %zu of '%s' not stored", a->id,
			      a->line, a->path);
		else
			error("article '%s' of '%s' not stored", a->id, a->path);
		c->bad++;
		return 0;
	}
	if (r > 0) {
		c->stored++;
	} else {
		c->present++;
	}
	if (++c->in_batch >= INGEST_BATCH) {
		if (store_commit(c->st) < 0) {
			c->failed = 1;
			return -1;
		}
		c->in_batch = 0;
	}
	run_progress(c->o, c->p, 0);
	return 0;
}

/* ingest's own options */
struct ingest_opts {
	const char *db;				/* --db, default $ENTENTE_DB */
	const char *triples[RUN_MAX_DICTS];	/* --triples files */
	int ntriples;
};

static int ingest_option(int argc, char **argv, int *i, void *ctx)
{
	struct ingest_opts *io = ctx;
	const char *v;
	int r;

	if ((r = opt_value(argc, argv, i, "--db", &io->db)) != 0)
		return r;
	if ((r = opt_value(argc, argv, i, "--triples", &v)) <= 0)
		return r;
	if (io->ntriples >= RUN_MAX_DICTS)
		return error("too many --triples files (at most %d)", RUN_MAX_DICTS);
	io->triples[io->ntriples++] = v;
	return 1;
}

int cmd_ingest(int argc, char **argv)
{
	struct run_opts o;
	struct ingest_ctx c;
	struct ingest_opts io;
	struct store_stats before, after;
	const char *db;
	int i, r, bad_dict = 0, ret = EXIT_OK;
	struct reader_stats rs;

	run_opts_init(&o);
	memset(&rs, 0, sizeof(rs));
	memset(&io, 0, sizeof(io));
	io.db = getenv("ENTENTE_DB");
	if ((r = run_parse_args(argc, argv, ingest_usage, &o, ingest_option, &io)) >= 0)
		return r;
	db = io.db;
	if (!db || !*db) {
		error("no database: give --db <file> or set ENTENTE_DB");
		return run_usage(ingest_usage, EXIT_USAGE);
	}

	memset(&c, 0, sizeof(c));
	c.o = &o;
	if (store_open(&c.st, db) < 0)
		return EXIT_SYSTEM;
	if (store_stats(c.st, &before) < 0) {
		store_close(c.st);
		return EXIT_SYSTEM;
	}
	for (i = 0; i < io.ntriples; i++) {
		size_t added = 0;
		if (store_add_triples_file(c.st, io.triples[i], &added) < 0)
			ret = EXIT_DATA;
		c.stored += added;
	}
	if (o.npaths || !io.ntriples) {
		c.p = pipeline_new(&o.po, &bad_dict);
		if (!c.p) {
			store_close(c.st);
			return EXIT_SYSTEM;
		}
		if (reader_run(o.paths, o.npaths, &o.rd, on_article, &c, &rs) < 0)
			ret = EXIT_DATA;
		if (c.in_batch && !c.failed && store_commit(c.st) < 0)
			c.failed = 1;
		run_progress(&o, c.p, 1);
	}
	if (!c.failed) {
		long merged = 0;
		if (store_begin(c.st) < 0 || store_settle(c.st, &merged) < 0) {
			store_rollback(c.st);
			c.failed = 1;
		} else if (store_commit(c.st) < 0) {
			c.failed = 1;
		} else if (merged) {
			fprintf(stderr, "entente: %ld person%s named like an organisation merged into it\n",
				merged, merged == 1 ? "" : "s");
		}
	}
	if ((bad_dict || c.bad) && ret == EXIT_OK)
		ret = EXIT_DATA;
	if (rs.bad)
		error("%zu bad record%s skipped", rs.bad, rs.bad == 1 ? "" : "s");
	/* what the store holds now, not what extraction gave: triples
	 * without an object are kept as mentions only */
	if (store_stats(c.st, &after) == 0)
		fprintf(stderr, "entente: stored %zu article%s (%zu already present), %ld relations in '%s'\n",
			c.stored, c.stored == 1 ? "" : "s", c.present,
			after.relations - before.relations, db);
	triple_list_release(&c.tl);
	pipeline_free(c.p);
	store_close(c.st);
	if (c.failed)
		return EXIT_SYSTEM;
	return ret;
}
