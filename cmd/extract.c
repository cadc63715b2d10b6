/*
 * extract.c: `entente extract`: articles in, triples out as JSON lines;
 * nothing is stored.
 */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/runopts.h"
#include "util.h"

static const char *const extract_usage[] = {
	"entente extract [<options>] [<file>|<dir>|-]...",
	"",
	"Print the subject-relation-object triples of news articles, one JSON",
	"object a line (schemas/triple.schema.json). A .txt file is one article,",
	"a .jsonl file one article a line, a directory is read recursively, and",
	"no file or '-' reads standard input.",
	"",
	"    -o <file>             write to <file> instead of standard output",
	"    -h, --help            show this help",
	NULL
};

struct extract_ctx {
	struct pipeline *p;
	struct run_opts *o;
	FILE *out;
	struct triple_list tl;
	struct strbuf sb;
};

static int on_article(struct article *a, void *vctx)
{
	struct extract_ctx *c = vctx;
	size_t i;

	c->tl.n = 0;
	if (pipeline_run(c->p, a, &c->tl) < 0)
		return 0;
	for (i = 0; i < c->tl.n; i++) {
		sb_reset(&c->sb);
		triple_to_json(&c->tl.v[i], &c->sb);
		sb_addc(&c->sb, '\n');
		fwrite(c->sb.buf, 1, c->sb.len, c->out);
		triple_release(&c->tl.v[i]);
	}
	c->tl.n = 0;
	run_progress(c->o, c->p, 0);
	return ferror(c->out) ? -1 : 0;
}

/* extract's own option: -o <file> */
static int extract_option(int argc, char **argv, int *i, void *ctx)
{
	return opt_value(argc, argv, i, "-o", (const char **)ctx);
}

int cmd_extract(int argc, char **argv)
{
	struct run_opts o;
	struct extract_ctx c;
	const char *outpath = NULL;
	int r, bad_dict = 0, ret = EXIT_OK;
	struct reader_stats st;

	run_opts_init(&o);
	if ((r = run_parse_args(argc, argv, extract_usage, &o, extract_option, &outpath)) >= 0)
		return r;

	memset(&c, 0, sizeof(c));
	c.o = &o;
	c.p = pipeline_new(&o.po, &bad_dict);
	if (!c.p)
		return EXIT_SYSTEM;
	c.out = stdout;
	if (outpath && strcmp(outpath, "-") && !(c.out = fopen(outpath, "w"))) {
		error("cannot write '%s'", outpath);
		pipeline_free(c.p);
		return EXIT_SYSTEM;
	}
	if (reader_run(o.paths, o.npaths, &o.rd, on_article, &c, &st) < 0)
		ret = EXIT_DATA;
	if (bad_dict && ret == EXIT_OK)
		ret = EXIT_DATA;
	run_progress(&o, c.p, 1);
	if (st.bad)
		error("%zu bad record%s skipped", st.bad, st.bad == 1 ? "" : "s");
	triple_list_release(&c.tl);
	sb_release(&c.sb);
	pipeline_free(c.p);
	if (ferror(c.out) || (c.out != stdout ? fclose(c.out) : fflush(stdout)) != 0) {
		error("cannot write '%s'", outpath ? outpath : "standard output");
		return EXIT_SYSTEM;
	}
	return ret;
}
