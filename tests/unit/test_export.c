/*
 * test_export.c: escaping for XML and JSON (<&" and control characters,
 * invalid UTF-8), numbers, and the three writers on a small graph.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export/gexf.h"
#include "export/graphml.h"
#include "export/json.h"
#include "export/xml.h"
#include "graph/graph.h"
#include "graph/store.h"
#include "testhelp.h"
#include "util.h"

static void test_xml_escape(void)
{
	struct strbuf sb = STRBUF_INIT;

	xml_escape(&sb, "a<b & \"c\" > d");
	test_streq("markup escaped", sb.buf, "a&lt;b &amp; &quot;c&quot; &gt; d");
	sb_reset(&sb);
	xml_escape(&sb, "x\x01y\x1fz\x7f!\tq\nr");
	test_streq("controls dropped, tab and newline kept as references", sb.buf,
		   "xyz!&#9;q&#10;r");
	sb_reset(&sb);
	xml_escape(&sb, "\xc2\x85 next line \xc2\x9f");
	test_streq("C1 controls dropped", sb.buf, " next line ");
	sb_reset(&sb);
	xml_escape(&sb, "bad \xff byte, cut \xe2\x82, over \xc0\xaf, sur \xed\xa0\x80 end");
	test_streq("invalid UTF-8 replaced", sb.buf,
		   "bad \xef\xbf\xbd byte, cut \xef\xbf\xbd, over \xef\xbf\xbd\xef\xbf\xbd, "
		   "sur \xef\xbf\xbd end");
	sb_reset(&sb);
	xml_escape(&sb, "Erdo\xc4\x9f" "an \xef\xbf\xbe \xf0\x9f\x87\xb9");
	test_streq("valid UTF-8 kept, U+FFFE replaced", sb.buf,
		   "Erdo\xc4\x9f" "an \xef\xbf\xbd \xf0\x9f\x87\xb9");
	sb_reset(&sb);
	xml_escape(&sb, NULL);
	test_cond("NULL writes nothing", sb.len == 0);
	sb_release(&sb);
}

static void test_json_escape(void)
{
	struct strbuf sb = STRBUF_INIT;

	xml_json_string(&sb, "say \"hi\" \\ <&>\x01\t\n");
	test_streq("JSON escapes", sb.buf, "\"say \\\"hi\\\" \\\\ <&>\\t\\n\"");
	sb_reset(&sb);
	xml_json_string(&sb, NULL);
	test_streq("NULL is null", sb.buf, "null");
	sb_reset(&sb);
	xml_json_string(&sb, "\xfe\xe2\x80\xa8");
	test_streq("invalid byte replaced, U+2028 escaped", sb.buf, "\"\xef\xbf\xbd\\u2028\"");
	sb_reset(&sb);
	xml_number(&sb, 1.0 / 0.0);
	sb_addc(&sb, ' ');
	xml_number(&sb, 0.25);
	test_streq("no Inf in numbers", sb.buf, "0 0.25");
	sb_release(&sb);
}

/* A two-article store whose text holds everything that needs escaping. */
static struct store *make_store(const char *path)
{
	struct store *st;
	struct triple t;
	struct article a;
	char id[] = "esc-1";

	unlink(path);
	if (store_open(&st, path) < 0)
		return NULL;
	triple_init(&t);
	t.subject.text = xstrdup("A&B <Group>");
	t.subject.entity = xstrdup("A&B \"Group\"");
	t.subject.type = ACTOR_ORG;
	t.subject.code = xstrdup("NGOAB");
	t.object.text = xstrdup("Israel");
	t.object.entity = xstrdup("Israel");
	t.object.type = ACTOR_COUNTRY;
	t.object.code = xstrdup("ISR");
	t.object.country = xstrdup("ISR");
	t.rel_text = xstrdup("criticised");
	t.lemma = xstrdup("criticise");
	t.event = xstrdup("ACCUSE");
	t.date.y = 2023;
	t.date.m = 5;
	t.date.d = 2;
	t.evidence = xstrdup("A&B said \"<no>\"\x01\x02 and\x1b left \xff.");
	t.confidence = 0.5;
	memset(&a, 0, sizeof(a));
	a.id = id;
	if (store_add_article(st, &a, &t, 1) != 1) {
		store_close(st);
		st = NULL;
	}
	triple_release(&t);
	return st;
}

static char *render(int (*write)(const struct graph *, FILE *), const struct graph *g)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		return NULL;
	if (write(g, f) < 0) {
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	return buf;
}

static int has_controls(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 && *s != '\n')
			return 1;
	return 0;
}

static void test_writers(void)
{
	struct store *st = make_store("tests/out/export.db");
	struct graph *g = NULL;
	struct graph_options opt;
	char *s;

	test_cond("store made", st != NULL);
	if (!st)
		return;
	memset(&opt, 0, sizeof(opt));
	test_cond("graph loads", graph_load(&g, st, &opt) == 0 && g);
	if (!g) {
		store_close(st);
		return;
	}
	test_cond("two nodes, one edge", graph_node_count(g) == 2 && graph_edge_count(g) == 1);
	test_cond("degrees from igraph", graph_node(g, 0)->out == 1 && graph_node(g, 1)->in == 1);

	s = render(graphml_write, g);
	test_cond("graphml written", s != NULL);
	if (s) {
		test_cond("graphml: label escaped",
			  strstr(s, "<data key=\"label\">A&amp;B &quot;Group&quot;</data>") != NULL);
		test_cond("graphml: evidence escaped, controls gone",
			  strstr(s, "A&amp;B said &quot;&lt;no&gt;&quot; and left \xef\xbf\xbd.") != NULL);
		test_cond("graphml: no raw control characters", !has_controls(s));
		test_cond("graphml: edge has an id", strstr(s, "<edge id=\"r1\"") != NULL);
		free(s);
	}
	s = render(gexf_write, g);
	test_cond("gexf written", s != NULL);
	if (s) {
		test_cond("gexf: node label attribute escaped",
			  strstr(s, "label=\"A&amp;B &quot;Group&quot;\"") != NULL);
		test_cond("gexf: kind is the relation", strstr(s, "kind=\"ACCUSE\"") != NULL);
		test_cond("gexf: edge spell", strstr(s, "<spell start=\"2023-05-02\" end=\"2023-05-02\"/>") != NULL);
		test_cond("gexf: no raw control characters", !has_controls(s));
		free(s);
	}
	s = render(json_write, g);
	test_cond("json written", s != NULL);
	if (s) {
		test_cond("json: label escaped", strstr(s, "\"label\": \"A&B \\\"Group\\\"\"") != NULL);
		test_cond("json: evidence cleaned",
			  strstr(s, "\"evidence\": \"A&B said \\\"<no>\\\" and left \xef\xbf\xbd.\"") != NULL);
		test_cond("json: no raw control characters", !has_controls(s));
		free(s);
	}
	graph_free(g);
	graph_free(NULL);

	/* Country level: the organisation without a country keeps its code. */
	opt.level = GRAPH_COUNTRY;
	test_cond("country graph loads", graph_load(&g, st, &opt) == 0);
	if (g) {
		test_cond("org node keyed by code", graph_node_count(g) == 2 &&
			  !strcmp(graph_node(g, 0)->id, "NGOAB") && !strcmp(graph_node(g, 1)->id, "ISR"));
		test_cond("period", !strcmp(graph_edge(g, 0)->period, "2023-05"));
		graph_free(g);
	}
	opt.level = GRAPH_ACTOR;
	opt.until = "2023-04";
	test_cond("until filter", graph_load(&g, st, &opt) == 0 && g && graph_edge_count(g) == 0);
	graph_free(g);
	store_close(st);
}

int main(void)
{
	mkdir("tests/out", 0777);
	test_xml_escape();
	test_json_escape();
	test_writers();
	return test_report();
}
