/*
 * bench_kb.c: load the real PETRARCH/Phoenix dictionaries and time it
 * (make bench-kb). With --match, read lines "<date>\t<text>" from stdin and
 * print, for each, the tokens matched, the code, the type and the entity of
 * the longest match at the first token ("-" when none): a harness for
 * coverage measurements. With --scan, read text lines from stdin, match at
 * every token and report the speed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/kb.h"
#include "util.h"

static const char *const files[] = {
	"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
	"Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt", NULL
};

static void match_lines(const struct kb *kb)
{
	char line[4096];

	while (fgets(line, sizeof(line), stdin)) {
		char *tab = strchr(line, '\t'), *p, *save = NULL;
		const char *tok[128];
		struct date d = { 0, 0, 0 };
		struct kb_hit h;
		int n = 0, k;

		line[strcspn(line, "\n")] = '\0';
		if (tab) {
			*tab = '\0';
			date_parse(line, &d);
			p = tab + 1;
		} else {
			p = line;
		}
		for (p = strtok_r(p, " ", &save); p && n < 128; p = strtok_r(NULL, " ", &save))
			tok[n++] = p;
		k = kb_match(kb, tok, n, 0, &d, &h);
		if (k > 0)
			printf("%d\t%s\t%s\t%s\n", k, h.code, actor_type_name(h.type), h.entity);
		else
			printf("0\t-\t-\t-\n");
	}
}

static void scan_lines(const struct kb *kb)
{
	static char text[1 << 22];
	size_t len = fread(text, 1, sizeof(text) - 1, stdin), ntok = 0, hits = 0, k;
	const char **tok = xmalloc(sizeof(*tok) * (len / 2 + 1));
	char *p, *save = NULL;
	double t0;
	int rounds, r, i;

	text[len] = '\0';
	for (p = strtok_r(text, " \n\t", &save); p; p = strtok_r(NULL, " \n\t", &save))
		tok[ntok++] = p;
	t0 = now_seconds();
	for (rounds = 0; now_seconds() - t0 < 0.5; rounds++)
		for (k = 0; k < ntok; k++) {
			struct kb_hit h;
			r = kb_match(kb, tok, (int)ntok, (int)k, NULL, &h);
			if (!rounds && r > 0)
				hits++;
		}
	i = rounds;
	fprintf(stderr, "kb_match: %zu tokens, %zu matches, %.0f ns per token\n", ntok, hits,
		(now_seconds() - t0) * 1e9 / ((double)ntok * i));
	free(tok);
}

int main(int argc, char **argv)
{
	int i, domatch = 0, doscan = 0, ret = 0;
	const char *dir;
	double t0, t;
	struct kb *kb;
	struct kb_stats st;

	if (argc > 1 && !strcmp(argv[1], "--match"))
		domatch = 1, argc--, argv++;
	else if (argc > 1 && !strcmp(argv[1], "--scan"))
		doscan = 1, argc--, argv++;
	if (argc != 2) {
		fprintf(stderr, "usage: bench_kb [--match | --scan] <phoenix-dir>\n");
		return 2;
	}
	dir = argv[1];
	t0 = now_seconds();
	kb = kb_new();
	if (!kb)
		return 1;
	t = now_seconds();
	kb_stats(kb, &st);
	fprintf(stderr, "kb_new: %.2f ms, %zu phrases, %zu countries\n", (t - t0) * 1000,
		st.entries, st.countries);
	for (i = 0; files[i]; i++) {
		char path[4096];
		double a = now_seconds();
		int r;

		snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
		r = ends_with(files[i], "agents.txt") ? kb_load_agents(kb, path) : kb_load_actors(kb, path);
		if (r < 0)
			ret = 1;
		fprintf(stderr, "%-34s %6.1f ms (%s)\n", files[i], (now_seconds() - a) * 1000,
			r == 0 ? "clean" : r > 0 ? "some bad lines" : "unreadable");
	}
	kb_stats(kb, &st);
	fprintf(stderr, "all loaded: %.1f ms, %zu phrases, %zu trie nodes, %zu bad lines, %.1f MB\n",
		(now_seconds() - t0) * 1000, st.entries, st.nodes, st.bad_lines,
		st.bytes / 1048576.0);
	if (domatch)
		match_lines(kb);
	if (doscan)
		scan_lines(kb);
	kb_free(kb);
	return ret;
}
