/*
 * query.c: "entente query": questions to the store from the command line:
 * the meetings of an actor, what is known about an actor, and the history
 * of relations between two actors (or their countries).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd/cmd.h"
#include "export/xml.h"
#include "graph/store.h"
#include "util.h"

/* Does a place phrase start with its preposition ("in Ankara", "at the UN")? */
static int has_preposition(const char *place)
{
	static const char *const preps[] = {
		"in ", "at ", "on ", "near ", "outside ", "inside ", "during ", NULL
	};
	int i;
	for (i = 0; preps[i]; i++)
		if (!strncasecmp(place, preps[i], strlen(preps[i])))
			return 1;
	return 0;
}

static const char *const query_usage[] = {
	"entente query met <actor> [--with <other>] [--since <date>] [--until <date>] [--json] --db <file>",
	"   or: entente query actor <name> [--json] --db <file>",
	"   or: entente query history <a> <b> [--level actor|country] [--json] --db <file>",
	"",
	"    met       every meeting of <actor>, oldest first: a relation with lemma",
	"              \"meet\", or of event CONSULT with lemma talk, hold talks or",
	"              visit; negated ones (\"did not meet\") are left out",
	"    actor     canonical name, type, codes over time, aliases, countries,",
	"              number of relations and most frequent partners",
	"    history   all relations between <a> and <b> in both directions, oldest",
	"              first, grouped by month, with counts per event type",
	"",
	"    --db <file>    the database (default: $ENTENTE_DB); never created",
	"    --with <other> only meetings with <other>",
	"    --level <l>    history between the actors themselves (actor) or between",
	"                   everyone of their countries (country)",
	"    --json         JSON instead of text",
	"",
	"Actors are matched by any alias, ignoring case and accents.",
	NULL
};

/*==== Helpers ====*/

/* Text for a terminal: control characters other than tab become spaces. */
static void put_text(struct strbuf *sb, const char *s)
{
	for (; s && *s; s++)
		sb_addc(sb, (unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s);
}

struct actors {
	struct store_actor *v;
	size_t n;
};

static const struct store_actor *actor_get(const struct actors *a, long long id)
{
	size_t lo = 0, hi = a->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (a->v[mid].id == id)
			return &a->v[mid];
		if (a->v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static const char *actor_name(const struct actors *a, long long id)
{
	const struct store_actor *x = actor_get(a, id);
	return x ? x->name : "?";
}

/* Actor ids matching 'name'; -1 with a message when there are none. */
static int find_actors(struct store *st, const char *name, long long **pv, size_t *pn)
{
	if (store_actor_find(st, name, pv, pn) < 0)
		return -1;
	if (!*pn)
		return error("no actor matches '%s'", name);
	return 0;
}

/* Tell (on stderr) when a name stands for several actors. */
static void note_matches(const char *name, const long long *ids, size_t n,
			 const struct actors *a)
{
	size_t i;

	if (n < 2)
		return;
	fprintf(stderr, "'%s' matches %zu actors:", name, n);
	for (i = 0; i < n; i++)
		fprintf(stderr, "%s %s", i ? "," : "", actor_name(a, ids[i]));
	fputc('\n', stderr);
}

static int is_meeting(const struct store_relation *r)
{
	static const char *const consult_lemmas[] = {
		"meet", "talk", "hold talks", "hold talk", "visit", NULL
	};
	size_t i;

	if (r->negated)
		return 0;
	if (!strcmp(r->lemma, "meet") || !strncmp(r->lemma, "meet ", 5))
		return 1;
	if (!r->event || strcmp(r->event, "CONSULT"))
		return 0;
	for (i = 0; consult_lemmas[i]; i++)
		if (!strcmp(r->lemma, consult_lemmas[i]))
			return 1;
	return 0;
}

static const char *rel_kind(const struct store_relation *r)
{
	return r->event ? r->event : r->lemma;
}

/* The month of a relation ("YYYY-MM"; "YYYY" for a year; "undated"). */
static void month_of(const struct store_relation *r, char *buf /* 8 */)
{
	if (!r->date)
		snprintf(buf, 8, "undated");
	else
		snprintf(buf, 8, "%.*s", strlen(r->date) >= 7 ? 7 : 4, r->date);
}

static void json_relation(struct strbuf *sb, const struct actors *a,
			  const struct store_relation *r, int meeting)
{
	sb_adds(sb, "{\"date\": ");
	xml_json_string(sb, r->date);
	if (r->date_end) {
		sb_adds(sb, ", \"date_end\": ");
		xml_json_string(sb, r->date_end);
	}
	sb_adds(sb, ", \"subject\": ");
	xml_json_string(sb, actor_name(a, r->subject));
	sb_adds(sb, ", \"object\": ");
	xml_json_string(sb, actor_name(a, r->object));
	sb_adds(sb, ", \"relation\": ");
	xml_json_string(sb, r->text);
	sb_adds(sb, ", \"lemma\": ");
	xml_json_string(sb, r->lemma);
	sb_adds(sb, ", \"event\": ");
	xml_json_string(sb, r->event);
	if (meeting) {
		sb_adds(sb, ", \"place\": ");
		xml_json_string(sb, r->location);
	} else {
		sb_addf(sb, ", \"negated\": %s", r->negated ? "true" : "false");
	}
	sb_adds(sb, ", \"mode\": ");
	xml_json_string(sb, r->mode);
	sb_adds(sb, ", \"article\": ");
	xml_json_string(sb, r->article);
	sb_addf(sb, ", \"sentence\": %d, \"evidence\": ", r->sentence);
	xml_json_string(sb, r->evidence);
	sb_addc(sb, '}');
}

static void text_relation(struct strbuf *sb, const struct actors *a,
			  const struct store_relation *r, int meeting, const char *indent)
{
	sb_addf(sb, "%s%-10s  ", indent, r->date ? r->date : "undated");
	put_text(sb, actor_name(a, r->subject));
	sb_addc(sb, ' ');
	if (r->negated && !meeting)
		sb_adds(sb, "[not] ");
	put_text(sb, r->text);
	sb_addc(sb, ' ');
	put_text(sb, actor_name(a, r->object));
	if (meeting && r->location) {
		/* the location keeps its preposition as the text has it: "in Ankara" */
		if (!has_preposition(r->location))
			sb_adds(sb, " in");
		sb_addc(sb, ' ');
		put_text(sb, r->location);
	}
	if (!meeting)
		sb_addf(sb, " [%s]", rel_kind(r));
	if (r->mode)
		sb_addf(sb, " (%s)", r->mode);
	sb_addf(sb, "  (article %s, sentence %d)\n%s            ", r->article, r->sentence,
		indent);
	put_text(sb, r->evidence);
	sb_addc(sb, '\n');
}

static int emit(struct strbuf *sb)
{
	fwrite(sb->buf ? sb->buf : "", 1, sb->len, stdout);
	if (fflush(stdout) || ferror(stdout))
		return error("cannot write to standard output");
	return 0;
}

/*==== query met ====*/

static int query_met(struct store *st, const char *who, const char *with,
		     const char *since, const char *until, int json)
{
	long long *ids = NULL, *other = NULL;
	size_t nids = 0, nother = 0, nr = 0, i, shown = 0;
	struct store_relation *rv = NULL;
	struct actors a = { NULL, 0 };
	struct store_filter f;
	struct strbuf sb = STRBUF_INIT;
	int ret = EXIT_DATA;

	if (find_actors(st, who, &ids, &nids) < 0 ||
	    (with && find_actors(st, with, &other, &nother) < 0))
		goto out;
	ret = EXIT_SYSTEM;
	memset(&f, 0, sizeof(f));
	f.since = since;
	f.until = until;
	f.actors_a = ids;
	f.nactors_a = nids;
	f.actors_b = other;
	f.nactors_b = nother;
	if (store_actor_list(st, &a.v, &a.n) < 0 || store_relation_list(st, &f, &rv, &nr) < 0)
		goto out;
	note_matches(who, ids, nids, &a);
	if (with)
		note_matches(with, other, nother, &a);
	if (json)
		sb_adds(&sb, "[");
	for (i = 0; i < nr; i++) {
		if (!is_meeting(&rv[i]))
			continue;
		if (json) {
			sb_adds(&sb, shown ? ",\n " : "\n ");
			json_relation(&sb, &a, &rv[i], 1);
		} else {
			text_relation(&sb, &a, &rv[i], 1, "");
		}
		shown++;
	}
	if (json)
		sb_adds(&sb, shown ? "\n]\n" : "]\n");
	else if (!shown)
		fprintf(stderr, "no meetings of '%s'%s%s found\n", who, with ? " with " : "",
			with ? with : "");
	ret = emit(&sb) < 0 ? EXIT_SYSTEM : EXIT_OK;
out:
	free(ids);
	free(other);
	store_relation_free(rv, nr);
	store_actor_free(a.v, a.n);
	sb_release(&sb);
	return ret;
}

/*==== query actor ====*/

/* A line of counts, the first 'max' of them (0: all), saying how many
 * more there are. */
static void counts_text(struct strbuf *sb, const char *title, const struct store_count *v,
			size_t n, int dates, size_t max)
{
	size_t i;

	sb_addf(sb, "  %-10s", title);
	if (!n)
		sb_adds(sb, " -");
	for (i = 0; i < n; i++) {
		if (max && i == max) {
			sb_addf(sb, ", and %zu more (--json lists them all)", n - max);
			break;
		}
		sb_adds(sb, i ? ", " : " ");
		put_text(sb, v[i].text);
		if (dates && v[i].first)
			sb_addf(sb, " (%s .. %s, %ld)", v[i].first, v[i].last ? v[i].last : "",
				v[i].count);
		else
			sb_addf(sb, " (%ld)", v[i].count);
	}
	sb_addc(sb, '\n');
}

static void counts_json(struct strbuf *sb, const char *title, const struct store_count *v,
			size_t n, int dates)
{
	size_t i;

	sb_addf(sb, ", \"%s\": [", title);
	for (i = 0; i < n; i++) {
		sb_adds(sb, i ? ", {\"name\": " : "{\"name\": ");
		xml_json_string(sb, v[i].text);
		sb_addf(sb, ", \"count\": %ld", v[i].count);
		if (dates) {
			sb_adds(sb, ", \"first\": ");
			xml_json_string(sb, v[i].first);
			sb_adds(sb, ", \"last\": ");
			xml_json_string(sb, v[i].last);
		}
		sb_addc(sb, '}');
	}
	sb_addc(sb, ']');
}

static int query_actor(struct store *st, const char *name, int json)
{
	static const struct {
		enum store_count_kind kind;
		const char *text, *json;
		int dates;
		size_t max;	/* in text, the most frequent only */
	} parts[] = {
		{ STORE_CODES, "codes:", "codes", 1, 0 },
		{ STORE_COUNTRIES, "countries:", "countries", 0, 0 },
		{ STORE_ALIASES, "aliases:", "aliases", 0, 20 },
		{ STORE_PARTNERS, "partners:", "partners", 0, 0 },
	};
	long long *ids = NULL;
	size_t nids = 0, i, k;
	struct actors a = { NULL, 0 };
	struct strbuf sb = STRBUF_INIT;
	int ret = EXIT_DATA;

	if (find_actors(st, name, &ids, &nids) < 0)
		goto out;
	ret = EXIT_SYSTEM;
	if (store_actor_list(st, &a.v, &a.n) < 0)
		goto out;
	if (json)
		sb_adds(&sb, "[");
	for (i = 0; i < nids; i++) {
		const struct store_actor *x = actor_get(&a, ids[i]);

		if (!x)
			continue;
		if (json) {
			sb_adds(&sb, i ? ",\n {\"name\": " : "\n {\"name\": ");
			xml_json_string(&sb, x->name);
			sb_adds(&sb, ", \"type\": ");
			xml_json_string(&sb, actor_type_name(x->type));
			sb_adds(&sb, ", \"code\": ");
			xml_json_string(&sb, x->code);
			sb_adds(&sb, ", \"country\": ");
			xml_json_string(&sb, x->country);
			sb_adds(&sb, ", \"role\": ");
			xml_json_string(&sb, x->role);
			sb_adds(&sb, ", \"first\": ");
			xml_json_string(&sb, x->first);
			sb_adds(&sb, ", \"last\": ");
			xml_json_string(&sb, x->last);
			sb_addf(&sb, ", \"relations\": %ld", x->nrel);
		} else {
			if (i)
				sb_addc(&sb, '\n');
			put_text(&sb, x->name);
			sb_addf(&sb, "\n  %-10s %s\n", "type:", actor_type_name(x->type));
			if (x->role) {
				sb_addf(&sb, "  %-10s ", "role:");
				put_text(&sb, x->role);
				sb_addc(&sb, '\n');
			}
			sb_addf(&sb, "  %-10s %s .. %s\n", "seen:", x->first ? x->first : "?",
				x->last ? x->last : "?");
			sb_addf(&sb, "  %-10s %ld\n", "relations:", x->nrel);
		}
		for (k = 0; k < sizeof(parts) / sizeof(parts[0]); k++) {
			struct store_count *v;
			size_t n;

			if (store_actor_counts(st, x->id, parts[k].kind, &v, &n) < 0)
				goto out;
			if (json)
				counts_json(&sb, parts[k].json, v, n, parts[k].dates);
			else
				counts_text(&sb, parts[k].text, v, n, parts[k].dates, parts[k].max);
			store_count_free(v, n);
		}
		if (json)
			sb_addc(&sb, '}');
	}
	if (json)
		sb_adds(&sb, "\n]\n");
	ret = emit(&sb) < 0 ? EXIT_SYSTEM : EXIT_OK;
out:
	free(ids);
	store_actor_free(a.v, a.n);
	sb_release(&sb);
	return ret;
}

/*==== query history ====*/

/* The country (or own code) an actor counts as at country level. */
static const char *country_of(const struct store_actor *x)
{
	if (x->country && *x->country)
		return x->country;
	if ((x->type == ACTOR_COUNTRY || x->type == ACTOR_ORG) && x->code && *x->code)
		return x->code;
	return NULL;
}

/* Replace *pv by every actor whose country is that of one of them. */
static void widen_to_countries(const struct actors *a, long long **pv, size_t *pn)
{
	long long *out = NULL;
	size_t n = 0, alloc = 0, i, j;

	for (i = 0; i < a->n; i++) {
		const char *c = country_of(&a->v[i]);
		if (!c)
			continue;
		for (j = 0; j < *pn; j++) {
			const struct store_actor *x = actor_get(a, (*pv)[j]);
			const char *cx = x ? country_of(x) : NULL;
			if (cx && !strcmp(c, cx)) {
				ALLOC_GROW(out, n + 1, alloc);
				out[n++] = a->v[i].id;
				break;
			}
		}
	}
	free(*pv);
	*pv = out;
	*pn = n;
}

struct kind_count {
	const char *kind;
	long n;
};

static void count_kind(struct kind_count **pv, size_t *pn, size_t *palloc, const char *kind)
{
	size_t i;
	for (i = 0; i < *pn; i++)
		if (!strcmp((*pv)[i].kind, kind)) {
			(*pv)[i].n++;
			return;
		}
	ALLOC_GROW(*pv, *pn + 1, *palloc);
	(*pv)[*pn].kind = kind;
	(*pv)[*pn].n = 1;
	(*pn)++;
}

static int kind_cmp(const void *pa, const void *pb)
{
	const struct kind_count *a = pa, *b = pb;
	if (a->n != b->n)
		return a->n < b->n ? 1 : -1;
	return strcmp(a->kind, b->kind);
}

/* Counts per event type of rv[lo..hi-1], most frequent first. */
static void kinds(struct strbuf *sb, const struct store_relation *rv, size_t lo, size_t hi,
		  int json)
{
	struct kind_count *v = NULL;
	size_t n = 0, alloc = 0, i;

	for (i = lo; i < hi; i++)
		count_kind(&v, &n, &alloc, rel_kind(&rv[i]));
	if (n)
		qsort(v, n, sizeof(*v), kind_cmp);
	for (i = 0; i < n; i++) {
		if (json) {
			sb_adds(sb, i ? ", " : "");
			xml_json_string(sb, v[i].kind);
			sb_addf(sb, ": %ld", v[i].n);
		} else {
			sb_addf(sb, "%s%s %ld", i ? ", " : "", v[i].kind, v[i].n);
		}
	}
	free(v);
}

static int query_history(struct store *st, const char *na, const char *nb, int country, int json)
{
	long long *ia = NULL, *ib = NULL;
	size_t na_ids = 0, nb_ids = 0, nr = 0, i, j;
	struct store_relation *rv = NULL;
	struct actors a = { NULL, 0 };
	struct store_filter f;
	struct strbuf sb = STRBUF_INIT;
	int ret = EXIT_DATA, first_month = 1;

	if (find_actors(st, na, &ia, &na_ids) < 0 || find_actors(st, nb, &ib, &nb_ids) < 0)
		goto out;
	ret = EXIT_SYSTEM;
	if (store_actor_list(st, &a.v, &a.n) < 0)
		goto out;
	if (!country) {
		note_matches(na, ia, na_ids, &a);
		note_matches(nb, ib, nb_ids, &a);
	}
	if (country) {
		widen_to_countries(&a, &ia, &na_ids);
		widen_to_countries(&a, &ib, &nb_ids);
		if (!na_ids || !nb_ids) {
			error("no country known for '%s'", !na_ids ? na : nb);
			ret = EXIT_DATA;
			goto out;
		}
	}
	memset(&f, 0, sizeof(f));
	f.actors_a = ia;
	f.nactors_a = na_ids;
	f.actors_b = ib;
	f.nactors_b = nb_ids;
	if (store_relation_list(st, &f, &rv, &nr) < 0)
		goto out;
	if (json) {
		sb_adds(&sb, "{\"a\": ");
		xml_json_string(&sb, na);
		sb_adds(&sb, ", \"b\": ");
		xml_json_string(&sb, nb);
		sb_addf(&sb, ", \"level\": \"%s\", \"relations\": %zu, \"counts\": {",
			country ? "country" : "actor", nr);
		kinds(&sb, rv, 0, nr, 1);
		sb_adds(&sb, "},\n \"months\": [");
	} else {
		sb_adds(&sb, "history of ");
		put_text(&sb, na);
		sb_adds(&sb, " and ");
		put_text(&sb, nb);
		sb_addf(&sb, "%s: %zu relation%s", country ? " (countries)" : "", nr,
			nr == 1 ? "" : "s");
		if (nr) {
			sb_adds(&sb, " (");
			kinds(&sb, rv, 0, nr, 0);
			sb_adds(&sb, ")");
		}
		sb_addc(&sb, '\n');
	}
	for (i = 0; i < nr; i = j) {
		char month[8], m2[8];
		size_t k;

		month_of(&rv[i], month);
		for (j = i + 1; j < nr; j++) {
			month_of(&rv[j], m2);
			if (strcmp(month, m2))
				break;
		}
		if (json) {
			sb_addf(&sb, "%s\n  {\"month\": \"%s\", \"counts\": {",
				first_month ? "" : ",", month);
			kinds(&sb, rv, i, j, 1);
			sb_adds(&sb, "}, \"relations\": [");
			for (k = i; k < j; k++) {
				sb_adds(&sb, k > i ? ",\n    " : "\n    ");
				json_relation(&sb, &a, &rv[k], 0);
			}
			sb_adds(&sb, "]}");
		} else {
			sb_addf(&sb, "\n%s (", month);
			kinds(&sb, rv, i, j, 0);
			sb_adds(&sb, ")\n");
			for (k = i; k < j; k++) {
				text_relation(&sb, &a, &rv[k], 0, "  ");
			}
		}
		first_month = 0;
	}
	if (json)
		sb_adds(&sb, nr ? "\n]}\n" : "]}\n");
	ret = emit(&sb) < 0 ? EXIT_SYSTEM : EXIT_OK;
out:
	free(ia);
	free(ib);
	store_relation_free(rv, nr);
	store_actor_free(a.v, a.n);
	sb_release(&sb);
	return ret;
}

/*==== Entry ====*/

int cmd_query(int argc, char **argv)
{
	const char *db = getenv("ENTENTE_DB"), *with = NULL, *since = NULL, *until = NULL;
	const char *level = "actor", *pos[3] = { NULL, NULL, NULL };
	struct store *st = NULL;
	int i, r, json = 0, npos = 0, want, ret = EXIT_SYSTEM;
	struct date d;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "-h") || !strcmp(a, "--help"))
			return usage_with(query_usage, EXIT_OK);
		if (!strcmp(a, "--json")) {
			json = 1;
			continue;
		}
		if ((r = opt_value(argc, argv, &i, "--db", &db)) ||
		    (r = opt_value(argc, argv, &i, "--with", &with)) ||
		    (r = opt_value(argc, argv, &i, "--since", &since)) ||
		    (r = opt_value(argc, argv, &i, "--until", &until)) ||
		    (r = opt_value(argc, argv, &i, "--level", &level))) {
			if (r < 0)
				return usage_with(query_usage, EXIT_USAGE);
			continue;
		}
		if (a[0] == '-' && a[1]) {
			error("unknown option '%s'", a);
			return usage_with(query_usage, EXIT_USAGE);
		}
		if (npos == 3) {
			error("too many arguments");
			return usage_with(query_usage, EXIT_USAGE);
		}
		pos[npos++] = a;
	}
	if (!pos[0]) {
		error("no question: give met, actor or history");
		return usage_with(query_usage, EXIT_USAGE);
	}
	want = !strcmp(pos[0], "history") ? 3 :
	       !strcmp(pos[0], "met") || !strcmp(pos[0], "actor") ? 2 : 0;
	if (!want) {
		error("unknown question '%s' (want met, actor or history)", pos[0]);
		return usage_with(query_usage, EXIT_USAGE);
	}
	if (npos != want) {
		error("'query %s' takes %d argument%s", pos[0], want - 1, want == 2 ? "" : "s");
		return usage_with(query_usage, EXIT_USAGE);
	}
	if ((since && date_parse(since, &d) < 0) || (until && date_parse(until, &d) < 0)) {
		error("invalid date '%s' (want YYYY, YYYY-MM or YYYY-MM-DD)",
		      since && date_parse(since, &d) < 0 ? since : until);
		return usage_with(query_usage, EXIT_USAGE);
	}
	if (strcmp(level, "actor") && strcmp(level, "country")) {
		error("unknown level '%s' (want actor or country)", level);
		return usage_with(query_usage, EXIT_USAGE);
	}
	if (!db || !*db) {
		error("no database: give --db <file> or set ENTENTE_DB");
		return usage_with(query_usage, EXIT_USAGE);
	}
	if (store_open_existing(&st, db) < 0)
		return EXIT_SYSTEM;
	if (!strcmp(pos[0], "met"))
		ret = query_met(st, pos[1], with, since, until, json);
	else if (!strcmp(pos[0], "actor"))
		ret = query_actor(st, pos[1], json);
	else
		ret = query_history(st, pos[1], pos[2], !strcmp(level, "country"), json);
	store_close(st);
	if (ret == EXIT_OK && fclose(stdout)) {
		error("cannot write to standard output");
		ret = EXIT_SYSTEM;
	}
	return ret;
}
