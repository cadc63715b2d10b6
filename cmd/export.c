/*
 * export.c: "entente export": the stored graph as GraphML, GEXF or JSON.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "export/gexf.h"
#include "export/graphml.h"
#include "export/json.h"
#include "graph/graph.h"
#include "graph/store.h"
#include "util.h"

static const char *const export_usage[] = {
	"entente export --db <file> --format graphml|gexf|json [-o <out>]",
	"               [--level actor|country] [--since <date>] [--until <date>]",
	"               [--at <date>] [--actors-only]",
	"",
	"    --db <file>       the database (default: $ENTENTE_DB); never created",
	"    --format <f>      graphml (networkx, igraph, Gephi), gexf (dynamic,",
	"                      Gephi timeline) or json (networkx node-link)",
	"    -o <out>          output file, written whole or not at all; '-' or",
	"                      none: standard output",
	"    --level <l>       actor (one node per actor, one edge per relation) or",
	"                      country (actors replaced by their country, edges",
	"                      aggregated per relation and month)",
	"    --since <date>    relations that end on or after <date> (YYYY[-MM[-DD]])",
	"    --until <date>    relations that start on or before <date>",
	"    --at <date>       the graph as of <date>: relations dated on or before it",
	"    --actors-only     leave out unknown phrases and things (\"talks\")",
	"",
	"Only dated relations become edges.",
	NULL
};

static int check_date(const char *opt, const char *s)
{
	struct date d;
	if (s && date_parse(s, &d) < 0)
		return error("invalid date '%s' for %s (want YYYY, YYYY-MM or YYYY-MM-DD)",
			     s, opt);
	return 0;
}

static int write_format(const char *format, const struct graph *g, FILE *f)
{
	if (!strcmp(format, "graphml"))
		return graphml_write(g, f);
	if (!strcmp(format, "gexf"))
		return gexf_write(g, f);
	return json_write(g, f);
}

/* Write to a temporary file beside 'path', renamed over it on success. */
static int write_file(const char *path, const char *format, const struct graph *g)
{
	struct strbuf tmp = STRBUF_INIT;
	FILE *f = NULL;
	int fd, ret = -1;

	sb_addf(&tmp, "%s.tmp.XXXXXX", path);
	if ((fd = mkstemp(tmp.buf)) < 0) {
		error("cannot create a temporary file beside '%s': %s", path, strerror(errno));
		goto out;
	}
	{
		/* mkstemp() makes the file 0600; give it the mode open() would */
		mode_t mask = umask(0);
		umask(mask);
		if (fchmod(fd, 0666 & ~mask) < 0)
			warning("cannot set the mode of '%s': %s", tmp.buf, strerror(errno));
	}
	if (!(f = fdopen(fd, "w"))) {
		error("cannot write '%s': %s", tmp.buf, strerror(errno));
		close(fd);
		unlink(tmp.buf);
		goto out;
	}
	if (write_format(format, g, f) < 0 || fflush(f) || ferror(f)) {
		error("cannot write '%s': %s", path, strerror(errno));
		fclose(f);
		unlink(tmp.buf);
		goto out;
	}
	if (fclose(f)) {
		error("cannot write '%s': %s", path, strerror(errno));
		unlink(tmp.buf);
		goto out;
	}
	if (rename(tmp.buf, path) < 0) {
		error("cannot rename '%s' to '%s': %s", tmp.buf, path, strerror(errno));
		unlink(tmp.buf);
		goto out;
	}
	ret = 0;
out:
	sb_release(&tmp);
	return ret;
}

int cmd_export(int argc, char **argv)
{
	const char *db = getenv("ENTENTE_DB"), *format = NULL, *out = NULL, *level = "actor";
	struct graph_options opt;
	struct store *st = NULL;
	struct graph *g = NULL;
	int i, r, ret = EXIT_SYSTEM;

	memset(&opt, 0, sizeof(opt));
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "-h") || !strcmp(a, "--help"))
			return usage_with(export_usage, EXIT_OK);
		if (!strcmp(a, "--actors-only")) {
			opt.actors_only = 1;
			continue;
		}
		if ((r = opt_value(argc, argv, &i, "--db", &db)) ||
		    (r = opt_value(argc, argv, &i, "--format", &format)) ||
		    (r = opt_value(argc, argv, &i, "-o", &out)) ||
		    (r = opt_value(argc, argv, &i, "--output", &out)) ||
		    (r = opt_value(argc, argv, &i, "--level", &level)) ||
		    (r = opt_value(argc, argv, &i, "--since", &opt.since)) ||
		    (r = opt_value(argc, argv, &i, "--until", &opt.until)) ||
		    (r = opt_value(argc, argv, &i, "--at", &opt.at))) {
			if (r < 0)
				return usage_with(export_usage, EXIT_USAGE);
			continue;
		}
		error("unknown option '%s'", a);
		return usage_with(export_usage, EXIT_USAGE);
	}
	if (!db || !*db) {
		error("no database: give --db <file> or set ENTENTE_DB");
		return usage_with(export_usage, EXIT_USAGE);
	}
	if (!format || (strcmp(format, "graphml") && strcmp(format, "gexf") &&
			strcmp(format, "json"))) {
		if (format)
			error("unknown format '%s' (want graphml, gexf or json)", format);
		else
			error("no format: give --format graphml|gexf|json");
		return usage_with(export_usage, EXIT_USAGE);
	}
	if (!strcmp(level, "country"))
		opt.level = GRAPH_COUNTRY;
	else if (strcmp(level, "actor")) {
		error("unknown level '%s' (want actor or country)", level);
		return usage_with(export_usage, EXIT_USAGE);
	}
	if (check_date("--since", opt.since) < 0 || check_date("--until", opt.until) < 0 ||
	    check_date("--at", opt.at) < 0)
		return usage_with(export_usage, EXIT_USAGE);

	if (store_open_existing(&st, db) < 0)
		goto out;
	if (graph_load(&g, st, &opt) < 0)
		goto out;
	if (!out || !strcmp(out, "-")) {
		if (write_format(format, g, stdout) < 0 || fflush(stdout) || ferror(stdout)) {
			error("cannot write to standard output: %s", strerror(errno));
			goto out;
		}
	} else {
		if (write_file(out, format, g) < 0)
			goto out;
		fprintf(stderr, "wrote %zu nodes and %zu edges to '%s'", graph_node_count(g),
			graph_edge_count(g), out);
		if (graph_undated(g))
			fprintf(stderr, " (%zu undated relations left out)", graph_undated(g));
		fputc('\n', stderr);
	}
	ret = EXIT_OK;
out:
	graph_free(g);
	store_close(st);
	if (ret == EXIT_OK && fclose(stdout)) {
		error("cannot write to standard output: %s", strerror(errno));
		ret = EXIT_SYSTEM;
	}
	return ret;
}
