/*
 * actors.c: mentions from spans, and what an article has named so far
 * (see actors.h).
 */
#include "ingest/actors.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "graph/merge.h"
#include "ingest/dates.h"
#include "ingest/extract.h"
#include "util.h"

#define MAX_RECENT 16

/* A person the article has named. */
struct person {
	char *entity;		/* "Hulusi Akar" */
	char *country;		/* "TUR" or NULL */
	char *role;		/* "Defense Minister" or NULL */
	char *code;		/* "TURGOV" or NULL */
	int sentence;		/* last sentence that named them */
	int tok;		/* ... and the token there */
	int fsent, ftok;	/* where the article first named them */
};

struct actors {
	const struct kb *kb;
	/* kb matches of the current sentence, one per token, made on first use */
	const struct asent *cached;	/* the sentence they belong to */
	int *mlen;			/* match length at each token, -1 not looked up */
	struct kb_hit *mhit;
	signed char *mtitle;		/* is_title() of each token, -1 not looked up */
	int malloc_n;
	int cached_index;		/* ... and its index and tokens, since */
	const struct token *cached_tok;	/* the struct may be reused */
	struct date pub;
	struct person *p;	/* persons in order of first mention */
	size_t np, ap;
	struct mention *org;	/* organisations named by their kind, whose */
	size_t norg, aorg;	/* bare names may follow ("Merrill Lynch") */
	struct mention last_thing;	/* most recent country or organisation */
	struct mention last_subject;	/* most recent institution as a subject */
	int last_subject_sentence;
	struct mention recent[MAX_RECENT]; /* distinct countries, most recent first */
	int count[MAX_RECENT];	/* how often the article named each */
	int nrecent;
	int group_sentence;	/* last sentence that named "the two countries" */
};

struct actors *actors_new(const struct kb *kb)
{
	struct actors *A = xcalloc(1, sizeof(*A));
	A->kb = kb;
	A->group_sentence = -2;
	return A;
}

static void person_release(struct person *p)
{
	free(p->entity);
	free(p->country);
	free(p->role);
	free(p->code);
}

void actors_reset(struct actors *A, const struct date *pub)
{
	size_t i;
	int k;

	for (i = 0; i < A->np; i++)
		person_release(&A->p[i]);
	A->np = 0;
	for (i = 0; i < A->norg; i++)
		mention_release(&A->org[i]);
	A->norg = 0;
	mention_release(&A->last_thing);
	mention_release(&A->last_subject);
	for (k = 0; k < A->nrecent; k++)
		mention_release(&A->recent[k]);
	A->nrecent = 0;
	A->group_sentence = -2;
	A->cached = NULL;	/* the matches were of the last article */
	if (pub)
		A->pub = *pub;
	else
		memset(&A->pub, 0, sizeof(A->pub));
}

void actors_free(struct actors *A)
{
	if (!A)
		return;
	actors_reset(A, NULL);
	free(A->mlen);
	free(A->mhit);
	free(A->mtitle);
	free(A->p);
	free(A->org);
	free(A);
}

/*==== Knowledge-base matches, once per token ====*/

/* kb_match() at token i of sentence s, remembered for the sentence: the
 * naming of every span looks at the same tokens again. */
static void cache_sentence(struct actors *A, const struct asent *s)
{
	int n = s->x->n, k;

	if (A->cached != s || A->cached_index != s->index || A->cached_tok != s->tok) {
		if (n > A->malloc_n) {
			A->mlen = xrealloc(A->mlen, (size_t)n * sizeof(*A->mlen));
			A->mhit = xrealloc(A->mhit, (size_t)n * sizeof(*A->mhit));
			A->mtitle = xrealloc(A->mtitle, (size_t)n * sizeof(*A->mtitle));
			A->malloc_n = n;
		}
		for (k = 0; k < n; k++) {
			A->mlen[k] = -1;
			A->mtitle[k] = -1;
		}
		A->cached = s;
		A->cached_index = s->index;
		A->cached_tok = s->tok;
	}
}

static int match_at(struct actors *A, const struct asent *s, int i, struct kb_hit *hit)
{
	if (i < 0 || i >= s->x->n)
		return 0;
	cache_sentence(A, s);
	if (A->mlen[i] < 0)
		A->mlen[i] = kb_match(A->kb, s->x->form, s->x->n, i, &A->pub, &A->mhit[i]);
	if (A->mlen[i] > 0)
		*hit = A->mhit[i];
	return A->mlen[i];
}

/*==== Text helpers ====*/

void actors_span_text(const struct asent *s, int lo, int hi, struct strbuf *sb)
{
	size_t i, off, end;
	int space = 0;

	sb_reset(sb);
	if (lo >= hi)
		return;
	off = s->tok[lo].off;
	end = s->tok[hi - 1].off + s->tok[hi - 1].len;
	for (i = off; i < end; i++) {
		unsigned char c = (unsigned char)s->text[i];
		if (isspace(c)) {
			space = 1;
			continue;
		}
		if (space)
			sb_addc(sb, ' ');
		space = 0;
		sb_addc(sb, (char)c);
	}
}

/* Token forms [lo, hi) joined by spaces, hyphens and "'s" glued:
 * "Tel-Aviv", "Poor's". */
static void join_forms(const struct asent *s, int lo, int hi, struct strbuf *sb)
{
	int i;
	sb_reset(sb);
	for (i = lo; i < hi; i++) {
		const char *f = s->x->form[i];
		if (i > lo && strcmp(f, "-") && strcmp(f, "'s") && strcmp(s->x->form[i - 1], "-"))
			sb_addc(sb, ' ');
		sb_adds(sb, f);
	}
}

static char *dup0(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* Make *m a role (a group or office, not one named actor): 'entity' (taken
 * over, also its role), its country and code (either may be NULL). */
static void set_group(struct mention *m, char *entity, const char *country, const char *code)
{
	m->type = ACTOR_ROLE;
	m->entity = entity;
	m->role = xstrdup(entity);
	m->country = dup0(country);
	m->code = dup0(code);
}

static int ieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return 0;
	return *a == *b;
}

/* strstr ignoring ASCII case */
static const char *strcasestr_(const char *hay, const char *needle)
{
	size_t n = strlen(needle), i;
	for (; *hay; hay++) {
		for (i = 0; i < n && hay[i] &&
			    tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i]); i++)
			;
		if (i == n)
			return hay;
	}
	return NULL;
}

static int in_list(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (ieq(w, *list))
			return 1;
	return 0;
}

/*==== Word classes ====*/

/* Words of titles that stand before names: "Defense Minister", "Gen." */
static const char *const title_words[] = {
	"president", "vice", "minister", "prime", "premier", "chancellor",
	"secretary", "general", "gen.", "defense", "defence", "foreign",
	"interior", "finance", "economy", "trade", "energy", "justice", "health",
	"deputy", "state", "chief", "commander", "king", "queen", "prince",
	"princess", "crown", "sheikh", "emir", "sultan", "ambassador", "envoy",
	"senator", "sen.", "rep.", "representative", "governor", "mayor",
	"leader", "speaker", "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr",
	"pope", "spokesman",
	"spokeswoman", "spokesperson", "director", "head", "colonel", "col.",
	"lt.", "maj.", "major", "admiral", "adm.", "marshal", "field", "attorney",
	"counterpart", "opposition", "supreme", "ayatollah", "lord", "sir",
	"dame", "chairman", "chairwoman", "chair", "ceo", "officer", "captain",
	"capt.", "lieutenant", "sergeant", "sgt.", "mp", "mep", "lawmaker", "judge",
	"foreign-minister", "party", "national", "security", "adviser",
	"exchequer", "treasury", "counsel", "mediator", "negotiator",
	"advisor", "first", "lady", "pm", "mullah", "imam", "bishop",
	"archbishop", "cardinal", "rabbi", "grand", "egyptian", NULL
};
/* Words that make a name an organisation's, with the sector of an
 * organisation known by that kind ("Texaco Inc", "the Agriculture
 * Department"; NULL: none of its own). The legal forms a firm's name may
 * drop are merge_org_core()'s. */
static const struct org_word {
	const char *word, *sector;
} org_words[] = {
	{ "inc", "BUS" }, { "inc.", "BUS" },
	{ "corp", "BUS" }, { "corp.", "BUS" },
	{ "ltd", "BUS" }, { "ltd.", "BUS" },
	{ "co", "BUS" }, { "co.", "BUS" },
	{ "plc", "BUS" }, { "ag", "BUS" },
	{ "a.g.", "BUS" }, { "spa", "BUS" },
	{ "s.p.a.", "BUS" }, { "s.a.", "BUS" },
	{ "n.v.", "BUS" }, { "nv", "BUS" },
	{ "gmbh", "BUS" }, { "llc", "BUS" },
	{ "bancorp", "BUS" }, { "bank", "BUS" }, { "holdings", "BUS" },
	{ "airlines", "BUS" }, { "airways", "BUS" },
	{ "securities", "BUS" }, { "partners", "BUS" },
	{ "brothers", "BUS" }, { "motors", "BUS" },
	{ "petroleum", "BUS" }, { "industries", "BUS" },
	{ "technologies", "BUS" }, { "exchange", "BUS" },
	{ "department", "GOV" }, { "office", "GOV" },
	{ "agency", "GOV" }, { "authority", "GOV" },
	{ "commission", "GOV" }, { "service", "GOV" },
	{ "parliament", "LEG" }, { "assembly", "LEG" },
	{ "congress", "LEG" }, { "house", "LEG" }, { "party", "PTY" },
	{ "university", "EDU" }, { "institute", "EDU" },
	{ "times", "MED" }, { "post", "MED" }, { "news", "MED" },
	{ "union", "LAB" },
	{ "ministry", NULL }, { "council", NULL }, { "company", NULL },
	{ "army", NULL }, { "front", NULL }, { "group", NULL },
	{ "organisation", NULL }, { "organization", NULL },
	{ "association", NULL }, { "committee", NULL },
	{ "court", NULL }, { "senate", NULL }, { "force", NULL },
	{ "forces", NULL }, { "movement", NULL }, { "brigade", NULL },
	{ "brigades", NULL }, { "foundation", NULL }, { "fund", NULL },
	{ "board", NULL }, { "corporation", NULL },
	{ "club", NULL }, { "league", NULL }, { "alliance", NULL },
	{ "coalition", NULL }, { "federation", NULL },
	{ "police", NULL }, { "guard", NULL }, { "navy", NULL },
	{ "cabinet", NULL }, { "government", NULL },
	{ "radio", NULL }, { "television", NULL },
	{ NULL, NULL }
};

/* The entry of org_words for word w, or NULL. */
static const struct org_word *org_word(const char *w)
{
	const struct org_word *o;

	for (o = org_words; o->word; o++)
		if (ieq(w, o->word))
			return o;
	return NULL;
}

/* True when tokens [lo, hi) are all org_words, and there is one at
 * least: "Bank", "Corp", "Inc". */
static int only_org_words(const struct asent *s, int lo, int hi)
{
	int i;

	for (i = lo; i < hi; i++)
		if (!org_word(s->x->form[i]))
			return 0;
	return lo < hi;
}

/* Common nouns that say the name after them is a firm's: "the brokerage
 * Merrill Lynch", "carmaker Volkswagen". */
static const char *const firm_nouns[] = {
	"brokerage", "firm", "company", "carmaker", "automaker", "insurer",
	"airline", "retailer", "conglomerate", "manufacturer", "lender", "bank",
	"newspaper", "broadcaster", "publisher", "chipmaker", "drugmaker",
	"steelmaker", "refiner", "bankers", "brokers", "house", NULL
};
/* Words of the tables of company results ("Shr 10 cts vs 8 cts ... Pay
 * May 1"), never the first word of a person's name. */
static const char *const table_words[] = {
	"pay", "shr", "shrs", "qtr", "year", "record", "div", "qtly", "net", "revs",
	"avg", "oper", "mths", "nine", "six", "loss", "profit", "sales", NULL
};
/* The sector of an organisation known by its kind ("Texaco Inc", "the
 * Agriculture Department", "the Bank of England"): the last of its words
 * that the kb's role words or org_words give one. */
static const char *org_sector(const struct actors *A, const struct asent *s, int lo, int hi)
{
	const struct org_word *o;
	int i;

	for (i = hi - 1; i >= lo; i--) {
		const char *sec = kb_sector(A->kb, s->x->form[i]);
		if (sec)
			return sec;
		if ((o = org_word(s->x->form[i])) && o->sector)
			return o->sector;
	}
	return NULL;
}

static const char *const group_nouns[] = {
	"countries", "governments", "sides", "nations", "states", "leaders",
	"ministers", "neighbours", "neighbors", "allies", "parties", "capitals",
	NULL
};

/* Nouns that count or gather the actors after them: "a group of ...". */
static const char *const quantity_nouns[] = {
	"group", "number", "ten", "tens", "score", "scores", "hundreds", "hundred", "thousands", "thousand",
	"dozens", "dozen", "millions", "million", "some", "many", "most", "one",
	"several", "members", "member", "majority", "handful", "crowd",
	"couple", "pair", "rest", "all", "both", "deployment", "contingent", "batch",
	"detachment", "team", "convoy", "column", "delegation", NULL
};

/* Sectors of the state, whose officers belong to a country. */
static const char *const state_sectors[] = {
	"GOV", "MIL", "LEG", "JUD", "COP", "ELI", NULL
};

/* The one country sentence s names before token 'end' (countries, their
 * capitals and places), or NULL: none, several, or a sentence of travel
 * ("arrived in Ankara"), where the country named is where someone went. */
static const char *sentence_country(struct actors *A, const struct asent *s, int end)
{
	static const char *const travel[] = {
		"visit", "arrive", "travel", "fly", "tour", "land", "come", "go",
		"return", "head", "leave", "welcome", "host", NULL
	};
	const char *one = NULL;
	struct kb_hit hit;
	int i, len;

	for (i = 0; i < s->x->n; i++)
		if (in_list(s->x->ps->lemma[i], travel))
			return NULL;
	for (i = 0; i < end; i += len ? len : 1) {
		len = match_at(A, s, i, &hit);
		if (!len || i + len > end || !hit.country || (hit.type != ACTOR_COUNTRY && hit.type != ACTOR_PLACE))
			continue;
		if (one && strcmp(one, hit.country))
			return NULL;
		one = hit.country;
	}
	return one;
}

/* Offices any body has: their sector is the body's ("rebel leaders"). */
static const char *const generic_offices[] = {
	"leader", "chief", "spokesman", "spokeswoman", "spokesperson", "official",
	"commander", "head", "member", NULL
};

/* Nouns an organisation's name may stand before: "the Hamas movement". */
static const char *const kind_nouns[] = {
	"movement", "group", "network", "organisation", "organization", "faction",
	"militia", "cell", "wing", "outfit", "alliance", NULL
};

/* Nouns of a group of people: "opposition groups", "a rebel faction". */
static const char *const collective_nouns[] = {
	"group", "faction", "unit", "wing", "cell", "bloc", "people", "population",
	"public", NULL
};

/* Groups of people rather than of states: "the two leaders". */
static const char *const people_nouns[] = {
	"leaders", "ministers", "presidents", "men", "women", "officials",
	"envoys", "diplomats", "sides", NULL
};

static int is_title(const char *f)
{
	char one[32];
	size_t n = strlen(f);

	if (in_list(f, title_words))
		return 1;
	/* plurals: "Defense Ministers Akar and Gantz" */
	if (n > 3 && n < sizeof(one) && f[n - 1] == 's') {
		memcpy(one, f, n - 1);
		one[n - 1] = '\0';
		return in_list(one, title_words);
	}
	return 0;
}

static int is_pronoun(const char *f)
{
	static const char *const p[] = {
		"he", "she", "him", "her", "his", "hers", "himself", "herself",
		"it", "its", "itself", "they", "them", "their", "themselves", NULL
	};
	return in_list(f, p);
}

static int upper0(const char *f)
{
	return isupper((unsigned char)f[0]) || (unsigned char)f[0] >= 0x80;
}

/* A word of a proper name before its head: a proper noun, or a
 * capitalised adjective or noun inside the sentence ("the Federal Reserve
 * Board", "General Motors", "the British Medical Association"). The first
 * word of a sentence is capitalised anyway: only a proper noun there. */
/* A weekday, never part of a name: "Yasser Arafat Wednesday rejected". */
static int weekday(const char *f)
{
	return date_weekday_name(f) >= 0;
}

static int name_word(const struct asent *s, int i)
{
	int u = s->x->ps->upos[i];
	if (weekday(s->x->form[i]))
		return 0;
	if (u == UPOS_PROPN)
		return 1;
	return i > 0 && (u == UPOS_ADJ || u == UPOS_NOUN) && upper0(s->x->form[i]);
}

/* is_title() of token i, remembered for the sentence like match_at(). */
static int title_at(struct actors *A, const struct asent *s, int i)
{
	if (i < 0 || i >= s->x->n)
		return 0;
	cache_sentence(A, s);
	if (A->mtitle[i] < 0)
		/* "first" only before a title ("First Deputy Prime Minister",
		 * "First Lady"), not in "First Interstate" */
		A->mtitle[i] = (signed char)(is_title(s->x->form[i]) &&
					     (!ieq(s->x->form[i], "first") ||
					      (i + 1 < s->x->n && is_title(s->x->form[i + 1]))));
	return A->mtitle[i];
}

/*==== Memory of the article ====*/

static void mention_set(struct mention *dst, const struct mention *src)
{
	char *text = dst->text;
	dst->text = NULL;
	mention_release(dst);
	mention_copy(dst, src);
	free(dst->text);
	dst->text = text;
}

static void remember_thing(struct actors *A, const struct mention *m)
{
	int k, cnt;
	mention_release(&A->last_thing);
	mention_copy(&A->last_thing, m);
	if (m->type != ACTOR_COUNTRY || !m->entity)
		return;
	for (k = 0; k < A->nrecent; k++)
		if (A->recent[k].entity && !strcmp(A->recent[k].entity, m->entity))
			break;
	if (k == A->nrecent) {
		if (A->nrecent == MAX_RECENT)
			mention_release(&A->recent[--A->nrecent]);
		k = A->nrecent++;
		A->count[k] = 0;
	} else {
		mention_release(&A->recent[k]);
	}
	cnt = A->count[k] + 1;
	memmove(&A->recent[1], &A->recent[0], (size_t)k * sizeof(A->recent[0]));
	memmove(&A->count[1], &A->count[0], (size_t)k * sizeof(A->count[0]));
	mention_copy(&A->recent[0], m);
	A->count[0] = cnt;
}

/* The two countries an article is about: the most often named, the more
 * recent first among equals. Returns 0 when it named fewer than two. */
static int main_pair(const struct actors *A, int *a, int *b)
{
	int k;
	*a = *b = -1;
	for (k = 0; k < A->nrecent; k++) {
		if (*a < 0 || A->count[k] > A->count[*a]) {
			*b = *a;
			*a = k;
		} else if (*b < 0 || A->count[k] > A->count[*b]) {
			*b = k;
		}
	}
	return *b >= 0;
}

static struct person *find_person(struct actors *A, const char *name)
{
	char fn[256], fe[256];
	size_t i, n, m;
	struct person *hit = NULL;

	/* compared folded: "Cavusoglu" is "Çavuşoğlu" */
	if (kb_fold(name, fn, sizeof(fn)) < 0)
		return NULL;
	n = strlen(fn);
	for (i = 0; i < A->np; i++) {
		if (kb_fold(A->p[i].entity, fe, sizeof(fe)) < 0)
			continue;
		m = strlen(fe);
		if (!strcmp(fe, fn))
			return &A->p[i];
		/* a surname after a full name: "Akar" after "Hulusi Akar" */
		if (m > n && fe[m - n - 1] == ' ' && !strcmp(fe + m - n, fn)) {
			if (hit && strcmp(hit->entity, A->p[i].entity))
				return NULL;	/* two people share it: no guess */
			hit = &A->p[i];
		}
		/* a full name after a surname: "Hulusi Akar" after "Akar" */
		if (n > m && fn[n - m - 1] == ' ' && !strcmp(fn + n - m, fe))
			hit = &A->p[i];
	}
	return hit;
}

static void remember_person(struct actors *A, const struct mention *m, int sentence, int tok)
{
	struct person *p = find_person(A, m->entity);
	int full;

	if (p && strlen(m->entity) > strlen(p->entity)) {
		free(p->entity);
		p->entity = xstrdup(m->entity);
	}
	if (!p) {
		ALLOC_GROW(A->p, A->np + 1, A->ap);
		p = &A->p[A->np++];
		memset(p, 0, sizeof(*p));
		p->entity = xstrdup(m->entity);
		p->fsent = sentence;
		p->ftok = tok;
	}
	/* a full name with its title says more than a surname did before */
	full = strchr(m->entity, ' ') != NULL && m->country;
	if (m->country && (!p->country || full)) {
		free(p->country);
		p->country = xstrdup(m->country);
	}
	if (m->role && (!p->role || full)) {
		free(p->role);
		p->role = xstrdup(m->role);
	}
	if (m->code && (!p->code || strlen(p->code) <= 3 || full)) {
		free(p->code);
		p->code = xstrdup(m->code);
	}
	p->sentence = sentence;
	p->tok = tok;
}

static void from_person(const struct person *p, struct mention *m)
{
	free(m->entity);
	m->entity = xstrdup(p->entity);
	m->type = ACTOR_PERSON;
	if (!m->country && p->country)
		m->country = xstrdup(p->country);
	if (!m->role && p->role)
		m->role = xstrdup(p->role);
	if (p->code && (!m->code || strlen(m->code) < strlen(p->code))) {
		free(m->code);
		m->code = xstrdup(p->code);
	}
}

/*==== Naming ====*/

/* Country or organisation from the kb, with its code at the article's date. */
static void from_hit(const struct actors *A, const struct kb_hit *h, struct mention *m)
{
	free(m->entity);
	free(m->code);
	free(m->country);
	m->type = h->type;
	m->code = dup0(h->code);
	m->country = dup0(h->country);
	if (h->type == ACTOR_COUNTRY && h->country) {
		const char *name = kb_country_name(A->kb, h->country);
		m->entity = xstrdup(name ? name : h->entity);
	} else {
		m->entity = dup0(h->entity);
	}
}

/* Are the tokens of [lo, hi) common nouns and adjectives, as between an
 * organisation and its role ("NATO peacekeeping troops")? */
static int modifiers_only(const struct asent *s, int lo, int hi)
{
	int i;
	for (i = lo; i < hi; i++)
		if ((s->x->ps->upos[i] != UPOS_NOUN && s->x->ps->upos[i] != UPOS_ADJ) ||
		    upper0(s->x->form[i]))
			return 0;
	return lo < hi && hi - lo <= 2;
}

/* The role words before a name, and the sector their last word gives.
 * Returns 1 when the code is that of an organisation the role belongs to
 * ("Fed Vice Chairman", "Red Cross officials"), else 0. */
static int set_role(struct actors *A, const struct asent *s, int lo, int hi,
		    struct mention *m)
{
	const struct kb_hit *org = NULL;
	struct kb_hit hit;
	struct strbuf sb = STRBUF_INIT;
	const char *sector = NULL;
	char code[16];
	int i, sector_at = -1;

	for (i = lo; i < hi; i++) {
		const char *f = s->x->form[i];
		const char *sec = kb_sector(A->kb, f);
		if (sec) {
			sector = sec;
			sector_at = i;
		}
		if (!strcmp(f, "'s") || !strcmp(f, "his") || !strcmp(f, "her") ||
		    !strcmp(f, "its") || !strcmp(f, "their"))
			continue;
		/* "The Turkish president ," before a name in apposition: the
		 * role is "Turkish president" */
		if (s->x->ps->upos[i] == UPOS_PUNCT ||
		    (!sb.len && s->x->ps->upos[i] == UPOS_DET))
			continue;
		if (sb.len)
			sb_addc(&sb, ' ');
		sb_adds(&sb, f);
	}
	/* "Texaco Inc chairman", "Justice Department spokesman": the office
	 * of an organisation known by its kind is in its sector */
	if (!sector)
		sector = org_sector(A, s, lo, hi);
	/* "Federal Reserve Board Vice Chairman": the office of an
	 * organisation we know has its code */
	for (i = lo > 6 ? lo - 6 : 0; i < hi; i++) {
		int len = match_at(A, s, i, &hit);
		/* inside the role, or reaching it from before where the name
		 * run or the parse cut the phrase short */
		/* not an organisation of another country than the role's:
		 * "Serbian Labour Minister" holds no office of Britain's
		 * Labour Party */
		if (len && hit.type == ACTOR_ORG && hit.code && i + len <= hi &&
		    (i + len >= lo || modifiers_only(s, i + len, lo)) &&
		    !(hit.country && m->country && strcmp(hit.country, m->country))) {
			org = &hit;
			break;
		}
		/* a role of several words: "National Security Adviser", and
		 * over the word that gave the sector ("Attorney General" is no
		 * general) */
		if (len > 1 && hit.type == ACTOR_ROLE && hit.code && i >= lo && i + len <= hi &&
		    (!sector || (sector_at >= i && sector_at < i + len)))
			sector = hit.code;
		if (len)
			i += len - 1;
	}
	if (org && !m->code) {
		m->code = xstrdup(org->code);
		if (!m->country && org->country)
			m->country = xstrdup(org->country);
	}
	/* a chairman of a name we do not know is a firm's: "TWA chairman",
	 * not "Means Committee Chairman" */
	for (i = lo; !sector && !org && i < hi; i++)
		if ((ieq(s->x->form[i], "chairman") || ieq(s->x->form[i], "chairwoman")) &&
		    i > 0 && s->x->ps->upos[i - 1] == UPOS_PROPN && upper0(s->x->form[i - 1]) &&
		    !title_at(A, s, i - 1) && !org_word(s->x->form[i - 1]) &&
		    !match_at(A, s, i - 1, &hit))
			sector = "BUS";
	if (sb.len) {
		free(m->role);
		m->role = sb_detach(&sb);
	}
	sb_release(&sb);
	/* the title's sector makes the code (TUR + minister = TURGOV); without
	 * one, a code already known (a dictionary's) stands */
	if (!org && (sector || (m->country && !m->code))) {
		free(m->code);
		m->code = xstrdup(kb_code(m->country, sector, code));
	}
	return org != NULL;
}

/* Kb matches inside [lo, hi): the country the phrase belongs to ("Turkish",
 * "Israel's", "Suharto's"), skipping the tokens of [skip_lo, skip_hi). */
static const char *span_country(struct actors *A, const struct asent *s,
				int lo, int hi, int skip_lo, int skip_hi)
{
	int i;
	struct kb_hit h;
	for (i = lo; i < hi; i++) {
		int len;
		if (i >= skip_lo && i < skip_hi)
			continue;
		len = match_at(A, s, i, &h);
		if (len && h.country && (h.type == ACTOR_COUNTRY || h.form == KB_ADJECTIVE))
			return h.country;
		/* a leader's: "President Suharto's government" */
		if (len && h.country && h.type == ACTOR_PERSON && i + len < hi &&
		    !strcmp(s->x->form[i + len], "'s"))
			return h.country;
		if (len)
			i += len - 1;
	}
	return NULL;
}

/* The person named last before token h of sentence si who is not 'not'
 * (may be NULL), or NULL. Persons first named later (a sentence is noted
 * whole before its triples) do not count: in "he was made an Officer of
 * the Order of St John", "he" is not St John. */
static const struct person *person_before(const struct actors *A, int si, int h,
					  const char *not)
{
	const struct person *best = NULL;
	long best_pos = -1;
	size_t k;
	for (k = 0; k < A->np; k++) {
		const struct person *p = &A->p[k];
		long first = (long)p->fsent * 4096 + p->ftok, last = (long)p->sentence * 4096 + p->tok;
		long here = (long)si * 4096 + h, pos = last < here ? last : first;
		if (first >= here || (not && ieq(p->entity, not)))
			continue;
		if (pos > best_pos) {
			best = p;
			best_pos = pos;
		}
	}
	return best;
}

/* out[0], out[1] := the article's two main countries; returns how many. */
static int name_pair(struct actors *A, struct mention *out)
{
	int a, b;
	if (!main_pair(A, &a, &b))
		return 1;
	mention_set(&out[0], &A->recent[a]);
	out[1].text = xstrdup(out[0].text ? out[0].text : "");
	mention_set(&out[1], &A->recent[b]);
	return 2;
}

/* out[0], out[1] := the two persons named last; returns how many. */
static int name_people(struct actors *A, struct mention *out)
{
	size_t a = A->np, b = A->np, k;

	if (A->np < 2)
		return name_pair(A, out);
	for (k = 0; k < A->np; k++) {
		if (a == A->np || A->p[k].sentence >= A->p[a].sentence) {
			b = a;
			a = k;
		} else if (b == A->np || A->p[k].sentence >= A->p[b].sentence) {
			b = k;
		}
	}
	from_person(&A->p[a], &out[0]);
	out[1].text = xstrdup(out[0].text ? out[0].text : "");
	from_person(&A->p[b], &out[1]);
	return 2;
}

/* The country of an "of" phrase after h: "the foreign minister of Iran". */
static const char *of_country(struct actors *A, const struct asent *s, int h, int hi)
{
	const struct parse *ps = s->x->ps;
	int j, k;
	if (h + 2 >= hi || strcmp(s->x->form[h + 1], "of"))
		return NULL;
	for (j = h + 2; j < hi && ps->head[j] - 1 != h; j++)
		;
	if (j >= hi)
		return NULL;
	/* a place of the country counts: "the government of Sindh province" */
	for (k = h + 2; k <= j; k++) {
		struct kb_hit hit;
		int len = match_at(A, s, k, &hit);
		if (len && hit.type == ACTOR_PLACE && hit.country && k + len >= j)
			return hit.country;
	}
	return span_country(A, s, h + 2, j + 1, -1, -1);
}

/* The country of an "in" phrase after h, for the groups that belong where
 * they are: "security forces in Guinea", "rebels in the Ivory Coast",
 * "police in Kenya"; not diplomats, refugees or officials ("officials in
 * Brussels", "its envoy in Tel Aviv"). */
static const char *in_country(struct actors *A, const struct asent *s, int h, int hi,
			      const char *sector)
{
	static const char *const local[] = {
		"MIL", "COP", "REB", "OPP", "CVL", "LAB", "UAF", "JUD", "LEG", "EDU",
		"INS", "SEP", NULL
	};
	const struct parse *ps = s->x->ps;
	int j, k;
	static const char *const preps[] = { "in", "throughout", "across", "from", NULL };
	if (!sector || h + 2 >= hi || !in_list(s->x->form[h + 1], preps))
		return NULL;
	for (k = 0; local[k] && strcmp(local[k], sector); k++)
		;
	if (!local[k])
		return NULL;
	for (j = h + 2; j < hi && ps->head[j] - 1 != h; j++)
		;
	if (j >= hi)
		return NULL;
	/* a place of the country counts: "police in Karachi" */
	for (k = h + 2; k <= j; k++) {
		struct kb_hit hit;
		int len = match_at(A, s, k, &hit);
		if (len && hit.type == ACTOR_PLACE && hit.country && k + len == j + 1)
			return hit.country;
	}
	return span_country(A, s, h + 2, j + 1, -1, -1);
}

/* A second country adjective or name coordinated with the first in
 * [lo, hi): "Hungarian and Romanian", "Turkish and Israeli". */
static const char *second_country(struct actors *A, const struct asent *s,
				  int lo, int hi, const char *first)
{
	struct kb_hit hit;
	int i, len, after_and = 0;
	for (i = lo; i < hi; i++) {
		if (ieq(s->x->form[i], "and")) {
			after_and = 1;
			continue;
		}
		len = match_at(A, s, i, &hit);
		if (len && after_and && hit.country && strcmp(hit.country, first) &&
		    (hit.type == ACTOR_COUNTRY || hit.form == KB_ADJECTIVE))
			return hit.country;
		if (len)
			i += len - 1;
	}
	return NULL;
}

static int resolve_pronoun(struct actors *A, const struct asent *s, int h,
			   const struct mention *speaker, const struct mention *subject,
			   struct mention *out)
{
	const char *f = s->x->form[h];
	static const char *const masc[] = {
		"he", "she", "him", "her", "his", "hers", "himself", "herself", NULL
	};
	static const char *const neut[] = { "it", "its", "itself", NULL };
	static const char *const objective[] = { "him", "her", NULL };
	static const char *const plural[] = { "they", "them", "their", "themselves", NULL };

	if (in_list(f, masc)) {
		const struct person *p;
		if (subject && subject->entity && in_list(f, objective)) {
			/* "Dendias thanked him": not Dendias, unless "himself" */
			if ((p = person_before(A, s->index, h, subject->entity)))
				from_person(p, out);
		} else if (speaker && speaker->entity && (speaker->type == ACTOR_PERSON ||
			   (speaker->type == ACTOR_UNKNOWN && upper0(speaker->entity)))) {
			mention_set(out, speaker);
		} else if ((p = person_before(A, s->index, h, NULL))) {
			from_person(p, out);
		}
		return 1;
	}
	if (in_list(f, neut)) {
		/* "its" in the object is the subject's; "it" as a subject is the
		 * institution that was the subject just before ("The ministry
		 * gave ... and it recalled"), else the last one named */
		if (subject && (subject->type == ACTOR_COUNTRY || subject->type == ACTOR_ORG))
			mention_set(out, subject);
		else if (!subject && A->last_subject.entity && A->last_subject_sentence >= s->index - 1)
			mention_set(out, &A->last_subject);
		else if (A->last_thing.entity)
			mention_set(out, &A->last_thing);
		return 1;
	}
	if (!in_list(f, plural))
		return 1;
	/* "Palestinian leaders said they would ...": the speakers */
	if (speaker && speaker->entity && speaker->type != ACTOR_PERSON &&
	    speaker->type != ACTOR_THING && speaker->type != ACTOR_PLACE) {
		mention_set(out, speaker);
		return 1;
	}
	/* they, them, their: "the two countries" of this or the last sentence */
	if (A->group_sentence >= 0 && A->group_sentence >= s->index - 1)
		return name_pair(A, out);
	return 1;
}

/* The last run of names in (h, hi) that is not a country or an
 * organisation of the kb and not only titles: "Antony Blinken". */
static int name_after(struct actors *A, const struct asent *s, int h, int hi,
		      struct xspan *sub)
{
	const struct parse *ps = s->x->ps;
	struct kb_hit hit;
	int i, found = 0;

	for (i = h + 1; i < hi; i++) {
		int j = i, titles = 1;
		if (ps->upos[i] != UPOS_PROPN)
			continue;
		/* the name follows the title and what belongs to it ("Secretary
		 * of State Antony Blinken"), not a place or a firm further on
		 * ("head of strategy at Bank of America in New York") */
		for (j = h + 1; j < i; j++)
			if (!title_at(A, s, j) && !ieq(s->x->form[j], "of") &&
			    !ieq(s->x->form[j], "the") && strcmp(s->x->form[j], "-") &&
			    !match_at(A, s, j, &hit))
				return found;
		j = i;
		while (j < hi && ps->upos[j] == UPOS_PROPN) {
			int len = match_at(A, s, j, &hit);
			/* a place or body first: "the government of Sindh
			 * province" names no person */
			if (len && hit.type != ACTOR_PERSON && hit.type != ACTOR_ROLE && j == i)
				return found;
			if (len && hit.type != ACTOR_PERSON && hit.type != ACTOR_ROLE)
				break;
			if (!title_at(A, s, j))
				titles = 0;
			j++;
		}
		if (j > i && !titles) {
			sub->lo = i;
			sub->hi = j;
			sub->head = j - 1;
			found = 1;
		}
		i = j;
	}
	return found;
}

/* The office in apposition to the name [nlo, nhi), when it gives a
 * code: "Beryl Sprinkel, chairman of the Council of Economic Advisers",
 * "Sir Roy Denman, Head of the EC Delegation". Sets the code (and the
 * country and role when unset) of *m; returns 1 when it did. */
static int appos_role(struct actors *A, const struct asent *s, int nlo, int nhi,
		      struct mention *m)
{
	const struct parse *ps = s->x->ps;
	struct mention r;
	int j, lo, hi;

	for (j = nhi; j < s->x->n && j <= nhi + 4; j++)
		if (ps->head[j] - 1 >= nlo && ps->head[j] - 1 < nhi &&
		    !strcmp(ps->deprel[j], "appos") && ps->upos[j] == UPOS_NOUN)
			break;
	if (j >= s->x->n || j > nhi + 4)
		return 0;
	for (lo = j; lo > nhi && extract_dominates(ps, j, lo - 1) && strcmp(s->x->form[lo - 1], ","); lo--)
		;
	/* to the closing comma, whatever the parser hung there: "chairman of
	 * the Council of Economic Advisers," */
	for (hi = j + 1; hi < s->x->n && hi < j + 12 && strcmp(s->x->form[hi], ",") &&
		     ps->upos[hi] != UPOS_VERB && ps->upos[hi] != UPOS_AUX; hi++)
		;
	if (!title_at(A, s, j) && !kb_sector(A->kb, s->x->form[j]))
		return 0;
	memset(&r, 0, sizeof(r));
	set_role(A, s, lo, hi, &r);
	if (r.code) {
		free(m->code);
		m->code = r.code;
		r.code = NULL;
		if (!m->country && r.country) {
			m->country = r.country;
			r.country = NULL;
		}
		if (!m->role)
			m->role = xstrdup(s->x->form[j]);
	}
	mention_release(&r);
	return m->code != NULL;
}

/* A proper name in apposition to h: "the ruler, Sheikh Tamim". */
static int appos_name(struct actors *A, const struct asent *s, int h,
		      struct xspan *sub)
{
	const struct parse *ps = s->x->ps;
	int j;
	for (j = h + 1; j < s->x->n && j <= h + 8; j++) {
		if (ps->head[j] - 1 == h && !strncmp(ps->deprel[j], "appos", 5) &&
		    ps->upos[j] == UPOS_PROPN) {
			int lo = j, hi = j + 1;
			while (lo > h + 1 && ps->upos[lo - 1] == UPOS_PROPN)
				lo--;
			while (hi < s->x->n && ps->upos[hi] == UPOS_PROPN)
				hi++;
			return name_after(A, s, lo - 1, hi, sub);
		}
	}
	return 0;
}

static int actors_name_(struct actors *A, const struct asent *s, const struct xspan *sp,
			const struct mention *speaker, const struct mention *subject,
			struct mention *out, int depth);

/* The name of an organisation without its legal form: "Merrill Lynch" of
 * "Merrill Lynch and Co Inc"; folded into buf. */
static void org_core(const char *entity, char *buf, size_t size)
{
	char *core;

	if (kb_fold(entity, buf, size) < 0) {
		buf[0] = '\0';
		return;
	}
	core = merge_org_core(buf);
	snprintf(buf, size, "%s", core);
	free(core);
}

static void remember_org(struct actors *A, const struct mention *m)
{
	if (!m->entity)
		return;
	ALLOC_GROW(A->org, A->norg + 1, A->aorg);
	mention_copy(&A->org[A->norg++], m);
}

/* The organisation of the article whose name without its legal form is
 * 'name' ("Merrill Lynch" after "Merrill Lynch and Co Inc"), or NULL. */
static const struct mention *find_org(const struct actors *A, const char *name)
{
	char fn[256], fo[256];
	size_t i;

	org_core(name, fn, sizeof(fn));
	if (!fn[0])
		return NULL;
	for (i = A->norg; i-- > 0;) {
		org_core(A->org[i].entity, fo, sizeof(fo));
		if (!strcmp(fn, fo))
			return &A->org[i];
	}
	return NULL;
}

/* The organisation of the article that "the Bank" or "the Corp" names:
 * the last one whose name ends in that word or is "<word> of ..." ("the
 * Bank of England"), of the same sector when both are known; or NULL. */
static const struct mention *find_kind(const struct actors *A, const char *word,
				       const char *sector)
{
	char fw[64], fo[256];
	size_t i, n;

	if (kb_fold(word, fw, sizeof(fw)) <= 0)
		return NULL;
	n = strlen(fw);
	for (i = A->norg; i-- > 0;) {
		const struct mention *o = &A->org[i];
		size_t m;
		if (kb_fold(o->entity, fo, sizeof(fo)) < 0 || !strchr(fo, ' '))
			continue;
		m = strlen(fo);
		if (!((m > n && fo[m - n - 1] == ' ' && !strcmp(fo + m - n, fw)) ||
		      (!strncmp(fo, fw, n) && !strncmp(fo + n, " of ", 4))))
			continue;
		if (sector && o->code && !strstr(o->code, sector))
			continue;
		return o;
	}
	return NULL;
}

/* An organisation known by its kind, its name's words [nlo, nhi) (titles
 * and a country from tlo): its whole name ("the Bank of England", "British
 * Airways"), its country, and the code of its sector. */
static void name_org(struct actors *A, const struct asent *s, const struct xspan *sp,
		     int tlo, int nlo, int nhi, int firm, struct mention *out)
{
	const struct parse *ps = s->x->ps;
	const char *sector = org_sector(A, s, nlo, nhi);
	const struct mention *o;
	struct strbuf sb = STRBUF_INIT;
	struct kb_hit hit;
	char code[16];
	int j = nhi + 1, of_lo, b = tlo, end = nhi, k;

	/* "the Bank of England", "the Ministry of Defence" */
	if (j < sp->hi && ieq(s->x->form[nhi], "of") && ieq(s->x->form[j], "the"))
		j++;
	for (of_lo = j; j < sp->hi && ps->upos[j] == UPOS_PROPN; j++)
		;
	if (nhi < sp->hi && ieq(s->x->form[nhi], "of") && j > of_lo) {
		const char *c = span_country(A, s, of_lo, j, -1, -1);
		end = j;
		if (c && !out->country)
			out->country = xstrdup(c);
		/* the Bank of Japan is its central bank */
		if (c && sector && !strcmp(sector, "BUS") && ieq(s->x->form[nhi - 1], "bank"))
			sector = "GOVBUS";
	}
	/* a country before an organisation's name is part of it: "British
	 * Airways", "Japan Airlines" */
	for (k = sp->lo; k < b; k++) {
		int ml = match_at(A, s, k, &hit);
		if (ml && k + ml == b && hit.type == ACTOR_COUNTRY) {
			b = k;
			break;
		}
	}
	if (b < nlo || end > nhi) {
		join_forms(s, b, end, &sb);
		free(out->entity);
		out->entity = sb_detach(&sb);
	}
	out->type = ACTOR_ORG;
	if (!sector && firm)
		sector = "BUS";
	if (sector) {
		free(out->code);
		out->code = xstrdup(kb_code(out->country, sector, code));
	}
	/* "the Finance Ministry" after "Japan's Finance Ministry" */
	if (!out->country && (o = find_org(A, out->entity)) && o->country) {
		free(out->code);
		out->country = xstrdup(o->country);
		out->code = dup0(o->code);
	}
	remember_org(A, out);
}

/* Name *out (whose text is already set, and kept) by the phrase 'sub'
 * inside it: the name behind a title or an apposition. Returns 1. */
static int name_by(struct actors *A, const struct asent *s, const struct xspan *sub,
		   const struct mention *speaker, const struct mention *subject,
		   struct mention *out, int depth)
{
	struct mention m2[2];
	char *text = out->text;

	if (actors_name_(A, s, sub, speaker, subject, m2, depth + 1) == 2)
		mention_release(&m2[1]);
	free(m2[0].text);
	m2[0].text = text;
	*out = m2[0];
	return 1;
}

int actors_name(struct actors *A, const struct asent *s, const struct xspan *sp,
		const struct mention *speaker, const struct mention *subject,
		struct mention *out)
{
	return actors_name_(A, s, sp, speaker, subject, out, 0);
}

static int actors_name_(struct actors *A, const struct asent *s, const struct xspan *sp,
			const struct mention *speaker, const struct mention *subject,
			struct mention *out, int depth)
{
	const struct parse *ps = s->x->ps;
	struct strbuf sb = STRBUF_INIT;
	struct kb_hit hit, hit2;
	int h = sp->head, i, nlo, nhi, tlo, len, ret = 1, adj_end = -1;
	const char *adj_country = NULL;	/* of the last country adjective */

	memset(out, 0, 2 * sizeof(*out));
	actors_span_text(s, sp->lo, sp->hi, &sb);
	out->text = sb_detach(&sb);
	if (h < 0)
		return 1;

	if (ps->upos[h] == UPOS_PRON || ps->upos[h] == UPOS_DET) {
		/* he, its, they: someone named before; we, this, what: nobody */
		if (is_pronoun(s->x->form[h]))
			ret = resolve_pronoun(A, s, h, speaker, subject, out);
		goto out;
	}

	/* The run of proper names around the head: "Hulusi Akar", "Tel - Aviv". */
	nlo = nhi = h;
	if (ps->upos[h] == UPOS_PROPN ||
	    /* "the Federal Reserve Board": a capitalised noun inside the
	     * sentence after a name's word, of no sector of its own */
	    (ps->upos[h] == UPOS_NOUN && h > sp->lo && name_word(s, h) &&
	     name_word(s, h - 1) && !kb_sector(A->kb, s->x->form[h]))) {
		while (nlo > sp->lo && (name_word(s, nlo - 1) ||
					(!strcmp(s->x->form[nlo - 1], "-") && nlo - 2 >= sp->lo &&
					 ps->upos[nlo - 2] == UPOS_PROPN)))
			nlo--;
		nhi = h + 1;
		while (nhi < sp->hi && ((ps->upos[nhi] == UPOS_PROPN && !weekday(s->x->form[nhi])) ||
					(!strcmp(s->x->form[nhi], "-") && nhi + 1 < sp->hi &&
					 ps->upos[nhi + 1] == UPOS_PROPN) ||
					/* "Merrill Lynch and Co" */
					((!strcmp(s->x->form[nhi], "and") || !strcmp(s->x->form[nhi], "&")) &&
					 nhi + 1 < sp->hi && (ieq(s->x->form[nhi + 1], "co") ||
							      ieq(s->x->form[nhi + 1], "co.")))))
			nhi++;
		/* an organisation's name after a possessive we do not know
		 * starts with it, inside the span or before it where the
		 * parser cut the name: "Standard and Poor's Corp", "Moody's
		 * Investors Service" (not "Japan's Finance Ministry") */
		if (org_word(s->x->form[nhi - 1]) && nlo >= 2 &&
		    !strcmp(s->x->form[nlo - 1], "'s") && name_word(s, nlo - 2)) {
			int k = nlo - 2, known = 0;
			while (k > 0 && (name_word(s, k - 1) ||
					 ((!strcmp(s->x->form[k - 1], "and") ||
					   !strcmp(s->x->form[k - 1], "&")) &&
					  k >= 2 && name_word(s, k - 2))))
				k--;
			for (i = k; i < nlo - 1 && !known; i++) {
				int ml = match_at(A, s, i, &hit);
				known = ml && i + ml > nlo - 2;
			}
			if (!known)
				nlo = k;
		}
		/* a name goes on past a span the parser cut short: "President
		 * Juan | Manuel Santos" (the text stays the span's) */
		if (nhi == sp->hi && nhi == h + 1)
			while (nhi < s->x->n && ps->upos[nhi] == UPOS_PROPN && !weekday(s->x->form[nhi]) &&
			       upper0(s->x->form[nhi]) && !match_at(A, s, nhi, &hit))
				nhi++;
		/* "U.S. President Donald Trump" parsed with "U.S." as its head:
		 * a name after the country and the titles is the actor */
		for (i = nlo; i < nhi; ) {
			int mlen = match_at(A, s, i, &hit);
			if (title_at(A, s, i))
				i++;
			else if (mlen && hit.type != ACTOR_PERSON && i + mlen < nhi)
				i += mlen;
			else
				break;
		}
		if (i > h && i < nhi && !title_at(A, s, nhi - 1))
			h = nhi - 1;
		/* only a country and titles, the name in apposition: "U.S.
		 * Secretary of State, Antony Blinken" hung from "U.S." */
		if (i >= nhi && depth < 2 && title_at(A, s, nhi - 1)) {
			struct xspan sub;
			if (appos_name(A, s, h, &sub)) {
				sub.lo = sp->lo < sub.lo ? sp->lo : sub.lo;
				ret = name_by(A, s, &sub, speaker, subject, out, depth);
				goto done;
			}
		}
	}
	/* An organisation's name the parser split at its "and" ("the Food |
	 * and Drug Administration" as two subjects) is the organisation's */
	for (i = sp->lo - 1; i >= 0 && i >= sp->lo - 3 && depth == 0; i--) {
		len = match_at(A, s, i, &hit);
		if (len && hit.type == ACTOR_ORG && i + len > h && i + len <= sp->hi &&
		    (ieq(s->x->form[sp->lo - 1], "and") || !strcmp(s->x->form[sp->lo - 1], "&"))) {
			from_hit(A, &hit, out);
			remember_thing(A, out);
			remember_org(A, out);
			goto out;
		}
	}
	/* A kb phrase that covers the head names the actor; so does an
	 * organisation before a noun of its kind: "the Islamic Jihad
	 * movement", "Osama bin Laden's al-Qaeda terror network" */
	for (i = sp->lo; i < sp->hi; i++) {
		len = match_at(A, s, i, &hit);
		if (!len)
			continue;
		if (hit.type == ACTOR_ORG && i + len <= h && h - (i + len) <= 1 &&
		    ps->upos[h] == UPOS_NOUN && in_list(ps->lemma[h], kind_nouns) &&
		    (i + len == h || ps->upos[i + len] == UPOS_NOUN || ps->upos[i + len] == UPOS_ADJ)) {
			from_hit(A, &hit, out);
			remember_thing(A, out);
			remember_org(A, out);
			goto out;
		}
		/* a known surname after another first name is someone else:
		 * "Nancy Reagan" is not Ronald Reagan */
		if (hit.type == ACTOR_PERSON && i > 0 && ps->upos[i - 1] == UPOS_PROPN &&
		    upper0(s->x->form[i - 1]) && !title_at(A, s, i - 1) &&
		    hit.entity && strchr(hit.entity, ' ') && len == 1 &&
		    !match_at(A, s, i - 1, &hit2)) {
			i += len - 1;
			continue;
		}
		/* the people of one country in another: "Bosnian Serbs" */
		if (i <= h && h < i + len && hit.type == ACTOR_COUNTRY && hit.form == KB_PEOPLE &&
		    adj_end == i && adj_country && hit.country && strcmp(adj_country, hit.country)) {
			join_forms(s, i, i + len, &sb);
			set_group(out, sb_detach(&sb), adj_country, adj_country);
			goto out;
		}
		if (i <= h && h < i + len && hit.type != ACTOR_ROLE &&
		    (hit.form != KB_ADJECTIVE || ps->upos[h] == UPOS_PROPN ||
		     ps->upos[h] == UPOS_ADJ)) {
			from_hit(A, &hit, out);
			if (hit.type == ACTOR_PERSON) {
				set_role(A, s, sp->lo, i, out);
				remember_person(A, out, s->index, h);
			} else {
				remember_thing(A, out);
				if (out->type == ACTOR_ORG)
					remember_org(A, out);
			}
			goto out;
		}
		if (hit.type == ACTOR_COUNTRY && hit.form == KB_ADJECTIVE) {
			adj_end = i + len;
			adj_country = hit.country;
		}
		i += len - 1;
	}
	if (nhi > nlo) {
		/* Titles before the name are its role: "Defense Minister Hulusi
		 * Akar"; a country before it is its country: "U.S. Secretary" */
		tlo = nlo;
		while (nlo < nhi) {
			int mlen = match_at(A, s, nlo, &hit);
			if (title_at(A, s, nlo))
				nlo++;
			/* a country, or a place or body before a title ("Moscow
			 * Mayor"), not a first name that is a place ("Nancy") */
			else if (mlen && nlo + mlen <= h && hit.type != ACTOR_PERSON &&
				 (hit.type == ACTOR_COUNTRY || title_at(A, s, nlo + mlen)))
				nlo += mlen;
			else
				break;
		}
		/* a title after other words ends a role: "Federal Reserve Board
		 * Chairman | Paul Volcker", "Labour Party leader | Keir Starmer",
		 * "East Midlands MEP | Robert Kilroy-Silk" hung from "East" */
		for (i = (h > nlo ? h : nhi) - 1; i > nlo; i--)
			if (title_at(A, s, i) && !title_at(A, s, i + 1)) {
				nlo = i + 1;
				if (h < nlo)
					h = nlo;
				break;
			}
		if (nlo >= nhi || title_at(A, s, h))
			nlo = nhi;	/* only titles: see below */
		if (nlo < nhi) {
			struct person *p;
			const struct mention *org;
			int orgish = 0, firm;
			join_forms(s, nlo, nhi, &sb);
			for (i = nlo; i < nhi; i++)
				if (org_word(s->x->form[i]))
					orgish = 1;
			/* "the brokerage Merrill Lynch" */
			firm = !orgish && tlo > sp->lo && ps->upos[tlo - 1] == UPOS_NOUN &&
			       !upper0(s->x->form[tlo - 1]) && in_list(ps->lemma[tlo - 1], firm_nouns);
			out->entity = sb_detach(&sb);
			out->country = dup0(span_country(A, s, sp->lo, sp->hi, nlo, nhi));
			org = orgish || firm ? NULL : find_org(A, out->entity);
			p = orgish || firm || org ? NULL : find_person(A, out->entity);
			if (org) {
				free(out->entity);
				free(out->country);
				free(out->code);
				out->entity = xstrdup(org->entity);
				out->country = dup0(org->country);
				out->code = dup0(org->code);
				out->type = ACTOR_ORG;
			} else if (orgish && only_org_words(s, tlo, nhi) &&
				   !(nhi < sp->hi && ieq(s->x->form[nhi], "of"))) {
				/* "the Bank", "the Corp": one named before, or
				 * a role ("the ministry") */
				const char *sec = org_sector(A, s, tlo, nhi);
				const struct mention *o = find_kind(A, s->x->form[nhi - 1], sec);
				char code[16];
				free(out->entity);
				free(out->country);
				if (o) {
					out->entity = xstrdup(o->entity);
					out->country = dup0(o->country);
					out->code = dup0(o->code);
					out->type = ACTOR_ORG;
				} else {
					join_forms(s, tlo, nhi, &sb);
					for (i = 0; i < (int)sb.len; i++)
						sb.buf[i] = (char)tolower((unsigned char)sb.buf[i]);
					set_group(out, sb_detach(&sb), NULL,
						  sec ? kb_code(NULL, sec, code) : NULL);
				}
			} else if (orgish || firm) {
				name_org(A, s, sp, tlo, nlo, nhi, firm, out);
			} else if (kb_names_nothing(A->kb, s->x->form, s->x->n, nlo) >= nhi - nlo) {
				out->type = ACTOR_UNKNOWN;	/* "the Middle East" */
			} else if ((p || tlo < nlo || nhi - nlo >= 2 ||
				    (sp->lo < nlo && title_at(A, s, nlo - 1))) &&
				   !in_list(s->x->form[nlo], table_words)) {
				/* a person: titled, named in full, or known */
				int rlo = tlo;
				out->type = ACTOR_PERSON;
				/* and the role words: "investor Asher Edelman" */
				while (rlo > sp->lo && (title_at(A, s, rlo - 1) ||
							(ps->upos[rlo - 1] == UPOS_NOUN &&
							 kb_sector(A->kb, s->x->form[rlo - 1]))))
					rlo--;
				if (rlo < nlo)
					set_role(A, s, rlo, nlo, out);
				if (!out->code)
					appos_role(A, s, rlo, nhi, out);
				/* the office the name is in apposition to:
				 * "Somalia's ambassador, Ali Hassan" */
				i = ps->head[h] - 1;
				if (!out->role && (!out->code || strlen(out->code) <= 3) &&
				    i >= sp->lo && i < rlo && !strcmp(ps->deprel[h], "appos") &&
				    (title_at(A, s, i) || kb_sector(A->kb, s->x->form[i])))
					set_role(A, s, i, i + 1, out);
				/* "British schoolgirl Shamima Begum": a national of
				 * no known office is coded by the country alone */
				if (out->country && !out->code &&
				    span_country(A, s, sp->lo, nlo, -1, -1))
					out->code = xstrdup(out->country);
				/* "Rebels in the Ivory Coast dismissed an appeal from
				 * President Laurent Gbagbo": an office of state with no
				 * country said is of the one country the sentence names
				 * before it (after it, it is often what he spoke of) */
				if (!p && !out->country && out->code && in_list(out->code, state_sectors)) {
					const char *c = sentence_country(A, s, rlo);
					if (c) {
						char code[16];
						out->country = xstrdup(c);
						kb_code(c, out->code, code);
						free(out->code);
						out->code = xstrdup(code);
					}
				}
				remember_person(A, out, s->index, h);
				p = find_person(A, out->entity);
				if (p)
					from_person(p, out);
			} else {
				out->type = ACTOR_UNKNOWN;
			}
			goto out;
		}
		/* a title alone ("President") is a role: fall through */
		nlo = tlo;
	}

	/* A title or role with a name after it or in apposition: "U.S.
	 * Secretary of State Antony Blinken", "Qatar's ruler, Sheikh Tamim". */
	if (depth < 2 && (title_at(A, s, h) || kb_sector(A->kb, s->x->form[h]))) {
		struct xspan sub;
		if (name_after(A, s, h, sp->hi, &sub) || appos_name(A, s, h, &sub)) {
			if (sub.lo > sp->lo && sub.lo > h)
				sub.lo = sp->lo;
			ret = name_by(A, s, &sub, speaker, subject, out, depth);
			goto done;
		}
	}

	/* "a group of Moroccan diplomats", "thousands of protesters": the
	 * actors are those of the "of" phrase */
	if (depth < 2 && in_list(ps->lemma[h], quantity_nouns)) {
		int j, c;
		for (j = h + 1; j < sp->hi; j++) {
			if (ps->head[j] - 1 != h || strncmp(ps->deprel[j], "nmod", 4))
				continue;
			for (c = h + 1; c < j; c++)
				if (ps->head[c] - 1 == j && !strcmp(ps->lemma[c], "of"))
					break;
			if (c < j) {
				struct xspan sub = { j, sp->lo, sp->hi };
				ret = name_by(A, s, &sub, speaker, subject, out, depth);
				goto done;
			}
		}
	}

	/* A common noun. "the two countries": the last two countries named. */
	if (in_list(s->x->form[h], group_nouns) && ps->upos[h] == UPOS_NOUN && h > sp->lo &&
	    (ieq(s->x->form[h - 1], "two") || ieq(s->x->form[sp->lo], "both") ||
	     ieq(s->x->form[h - 1], "both"))) {
		ret = in_list(s->x->form[h], people_nouns) ? name_people(A, out) :
							    name_pair(A, out);
		if (ret == 2)
			A->group_sentence = s->index;
		goto out;
	}
	{
		const char *sector = kb_sector(A->kb, s->x->form[h]);
		/* a role of several words ends at the head: "think tank" is no
		 * tank */
		for (i = h - 1; i >= sp->lo && i >= h - 3; i--) {
			int ml = match_at(A, s, i, &hit);
			if (ml > 1 && i + ml == h + 1 && hit.type == ACTOR_ROLE && hit.code) {
				sector = hit.code;
				break;
			}
		}
		/* "the army chief", "the police commander": the sector is the word
		 * before the title */
		for (i = h - 1; !sector && i >= sp->lo && title_at(A, s, h) &&
			    (ps->upos[i] == UPOS_NOUN || ps->upos[i] == UPOS_PROPN); i--)
			sector = kb_sector(A->kb, s->x->form[i]);
		/* "rebel leaders", "opposition spokesman", "union officials": a
		 * generic office is of the sector the word before gives */
		if (sector && h > sp->lo && in_list(ps->lemma[h], generic_offices) &&
		    (ps->upos[h - 1] == UPOS_NOUN || ps->upos[h - 1] == UPOS_ADJ) &&
		    kb_sector(A->kb, s->x->form[h - 1]))
			sector = kb_sector(A->kb, s->x->form[h - 1]);
		/* whose: "Israel's ambassador", "the Turkish army", "the
		 * ambassador of Israel"; not "the ambassador to Turkey" or
		 * "its envoy in Tel Aviv" */
		const char *country = span_country(A, s, sp->lo, h + 1, -1, -1);
		if (!country)
			country = of_country(A, s, h, sp->hi);
		if (!country)
			country = in_country(A, s, h, sp->hi, sector);
		int definite = h > sp->lo && (ieq(s->x->form[sp->lo], "the") ||
					      ieq(s->x->form[sp->lo], "his") ||
					      ieq(s->x->form[sp->lo], "her"));
		if (sector && (ps->upos[h] == UPOS_NOUN ||
			       /* "the Foreign Minister" */
			       (ps->upos[h] == UPOS_PROPN && title_at(A, s, h)))) {
			/* "the Israeli minister", "his counterpart": someone named before */
			size_t k;
			if (definite && strcmp(ps->lemma[h], "ambassador")) {
				for (k = A->np; k-- > 0;) {
					struct person *p = &A->p[k];
					/* a "counterpart" holds the office of the one he met:
					 * "the Greek minister" after "his Greek counterpart" */
					if (!p->role || (country && p->country && strcmp(country, p->country)) ||
					    (!strcasestr_(p->role, ps->lemma[h]) &&
					     !(country && p->country && strcasestr_(p->role, "counterpart"))))
						continue;
					if ((subject && subject->entity && !strcmp(subject->entity, p->entity)) ||
					    (speaker && speaker->entity && !strcmp(speaker->entity, p->entity)))
						continue;
					from_person(p, out);
					goto out;
				}
			}
			if (!strcmp(ps->lemma[h], "counterpart")) {
				for (k = A->np; k-- > 0;) {
					struct person *p = &A->p[k];
					if ((subject && subject->entity && !strcmp(subject->entity, p->entity)) ||
					    (speaker && speaker->entity && !strcmp(speaker->entity, p->entity)))
						continue;
					from_person(p, out);
					goto out;
				}
			}
			out->type = ACTOR_ROLE;
			out->entity = xstrdup(ps->lemma[h]);
			for (i = 0; out->entity[i]; i++)	/* "Minister" as a PROPN */
				out->entity[i] = (char)tolower((unsigned char)out->entity[i]);
			if (!country && ((subject && subject->country) || (speaker && speaker->country))) {
				/* "its own envoy": the subject's; "Bosnian Serbs said
				 * their forces had withdrawn": the speakers' */
				const struct mention *owner = subject && subject->country ? subject : speaker;
				for (i = sp->lo; i < h; i++)
					if (ieq(s->x->form[i], "its") || ieq(s->x->form[i], "their") ||
					    ieq(s->x->form[i], "his") || ieq(s->x->form[i], "her"))
						country = owner->country;
			}
			out->country = dup0(country);
			if (!set_role(A, s, h, h + 1, out)) {
				char code[16];	/* the sector may come from "army" in "army chief" */
				free(out->code);
				out->code = xstrdup(kb_code(out->country, sector, code));
			}
			free(out->role);
			out->role = xstrdup(out->entity);
			/* "Hungarian and Romanian officials": the officials of both */
			if (country && depth == 0) {
				const char *second = second_country(A, s, sp->lo, h, country);
				if (second) {
					char code[16];
					mention_copy(&out[1], &out[0]);
					free(out[1].country);
					out[1].country = xstrdup(second);
					free(out[1].code);
					out[1].code = xstrdup(kb_code(second, kb_sector(A->kb, s->x->form[h]), code));
					ret = 2;
				}
			}
			goto out;
		}
		/* people of a country: "Algerian landowners", "prisoners in
		 * Dili", "opposition groups in Zimbabwe" (the sector of the
		 * word before: OPP); civilians when no word gives a sector */
		if (ps->upos[h] == UPOS_NOUN && (h == 0 || !upper0(s->x->form[h])) &&
		    (kb_people_noun(ps->lemma[h]) || in_list(ps->lemma[h], collective_nouns))) {
			const char *sec = NULL;
			char code[16];
			/* "its European Community partners", "NATO allies": the
			 * organisation's */
			for (i = sp->lo; i < h; i++) {
				int ml = match_at(A, s, i, &hit);
				if (ml && i + ml == h && hit.type == ACTOR_ORG && hit.code) {
					set_group(out, xstrdup(ps->lemma[h]), hit.country, hit.code);
					goto out;
				}
				if (ml)
					i += ml - 1;
			}
			for (i = h - 1; i >= sp->lo && !sec && (ps->upos[i] == UPOS_NOUN ||
								 ps->upos[i] == UPOS_ADJ); i--)
				sec = kb_sector(A->kb, s->x->form[i]);
			if (!country)
				country = in_country(A, s, h, sp->hi, sec ? sec : "CVL");
			if (country || sec) {
				set_group(out, xstrdup(ps->lemma[h]), country,
					  kb_code(country, sec ? sec : "CVL", code));
				goto out;
			}
		}
		/* a capitalised word the tagger took for a noun, that the
		 * article named before: "Santos and Londono signed" */
		if (upper0(s->x->form[h])) {
			struct person *known = find_person(A, s->x->form[h]);
			if (known) {
				from_person(known, out);
				goto out;
			}
		}
		/* anything else: the head with the words that qualify it */
		out->type = ps->upos[h] == UPOS_PROPN ? ACTOR_UNKNOWN : ACTOR_THING;
		tlo = h;
		while (tlo > sp->lo && (ps->upos[tlo - 1] == UPOS_ADJ ||
					ps->upos[tlo - 1] == UPOS_NOUN ||
					ps->upos[tlo - 1] == UPOS_PROPN) &&
		       !match_at(A, s, tlo - 1, &hit))
			tlo--;
		join_forms(s, tlo, h + 1, &sb);
		for (i = 0; i < (int)sb.len; i++)
			sb.buf[i] = (char)tolower((unsigned char)sb.buf[i]);
		out->entity = sb_detach(&sb);
		/* "an Indian proposal", "Belarus's calls": whose thing it is */
		out->country = dup0(span_country(A, s, sp->lo, h + 1, -1, -1));
	}
out:
	sb_release(&sb);
	return ret;
done:
	sb_release(&sb);
	return ret;
}

int actors_known(struct actors *A, const char *name)
{
	return find_person(A, name) != NULL;
}

void actors_subject(struct actors *A, const struct asent *s, const struct mention *m)
{
	if (!m->entity || !(m->type == ACTOR_COUNTRY || m->type == ACTOR_ORG ||
			    (m->type == ACTOR_ROLE && m->country)))
		return;
	mention_release(&A->last_subject);
	mention_copy(&A->last_subject, m);
	A->last_subject_sentence = s->index;
}

void actors_note(struct actors *A, const struct asent *s)
{
	const struct parse *ps = s->x->ps;
	struct mention tmp[2];
	struct kb_hit hit;
	int i, n = s->x->n;

	for (i = 0; i < n; i++) {
		struct xspan sp;
		int len = match_at(A, s, i, &hit);
		if (len) {
			/* countries, organisations and dictionary persons */
			sp.lo = i;
			sp.hi = i + len;
			sp.head = i + len - 1;
			if (hit.type == ACTOR_ROLE || (hit.form == KB_ADJECTIVE &&
						       ps->upos[sp.head] != UPOS_PROPN)) {
				i += len - 1;
				if (hit.form != KB_ADJECTIVE || !hit.country)
					continue;
			}
		} else if (ps->upos[i] == UPOS_PROPN) {
			/* a run of names, with the titles before it */
			sp.lo = i;
			sp.hi = i + 1;
			while (sp.hi < n && ps->upos[sp.hi] == UPOS_PROPN &&
			       !match_at(A, s, sp.hi, &hit))
				sp.hi++;
			while (sp.lo > 0 && (title_at(A, s, sp.lo - 1) ||
					     match_at(A, s, sp.lo - 1, &hit) == 1)) {
				/* "Turkish and Israeli Defense Ministers Akar": the
				 * adjectives are shared out, not Akar's */
				if (sp.lo >= 2 && !title_at(A, s, sp.lo - 1) &&
				    (ieq(s->x->form[sp.lo - 2], "and") || ieq(s->x->form[sp.lo - 2], ",")))
					break;
				sp.lo--;
			}
			sp.head = sp.hi - 1;
		} else {
			continue;
		}
		if (actors_name(A, s, &sp, NULL, NULL, tmp) == 2)
			mention_release(&tmp[1]);
		mention_release(&tmp[0]);
		if (sp.hi - 1 > i)
			i = sp.hi - 1;
	}
}

void actors_finish(struct actors *A, struct mention *m)
{
	struct person *p;

	if (!m->entity || (m->type != ACTOR_PERSON && m->type != ACTOR_UNKNOWN))
		return;
	if (!upper0(m->entity))
		return;
	p = find_person(A, m->entity);
	if (p)
		from_person(p, m);
}
