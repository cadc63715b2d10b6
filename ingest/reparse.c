/*
 * reparse.c: cut out set-off times and phrases the first parse got
 * wrong, parse the rest again, hang them back (reparse.h).
 */
#include "ingest/reparse.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define MAX_CUTS 16
#define MAX_PHRASE 16		/* tokens between the two commas of a phrase */

enum cut_kind {
	CUT_TIME_ROOT,		/* "Last week, ...": on the root */
	CUT_TIME,		/* on the verb 'to' */
	CUT_APPOS,		/* ", the Russian president,": on the noun 'to' */
	CUT_ACL,		/* ", led by Prigozhin,": on the noun 'to' */
	CUT_RELCL,		/* ", which joined NATO in 1999,": on the noun 'to' */
	CUT_OBL,		/* ", in a notice dated ...,": on the verb 'to' */
	CUT_ATTRIB,		/* ", a war monitor said.": on the root */
	CUT_JOIN,		/* "Russia -" of "Russia-backed": on "backed",
				 * which is parsed as the one word */
	CUT_REDUCED		/* "launched by the Houthis" after "Drones": on the
				 * noun, no commas */
};

struct cut {
	int lo, hi;		/* [lo, hi): the piece, with its commas */
	enum cut_kind kind;
	int to;			/* the token it hangs on, -1 for the root */
	char joined[64];	/* CUT_JOIN: the word 'to' is parsed as */
};

struct reparse {
	struct parse ps;	/* the parse of the rest */
	const char **forms;
	unsigned char *proper;
	int *cut;		/* per token: 0 kept, else 1 + its cut */
	int *full;		/* token of the rest -> token of the sentence */
	size_t forms_alloc, proper_alloc, cut_alloc, full_alloc;
	/* the first parse, to go back to if the pieces made no tree */
	int *head, *upos;
	const char **deprel, **xpos;
	char **lemma;
	size_t head_alloc, upos_alloc, deprel_alloc, xpos_alloc, lemma_alloc;
};

struct reparse *reparse_new(void)
{
	struct reparse *r = xcalloc(1, sizeof(*r));
	parse_init(&r->ps);
	return r;
}

void reparse_free(struct reparse *r)
{
	if (!r)
		return;
	parse_release(&r->ps);
	free(r->forms);
	free(r->proper);
	free(r->cut);
	free(r->full);
	free(r->head);
	free(r->upos);
	free(r->deprel);
	free(r->xpos);
	free(r->lemma);
	free(r);
}

static int root_is_verb(const struct parse *ps)
{
	int i;
	for (i = 0; i < ps->n; i++)
		if (ps->head[i] == 0)
			return ps->upos[i] == UPOS_VERB;
	return 0;
}

/* Does a token outside [lo, hi) hang from one inside? */
static int holds_others(const struct parse *ps, int lo, int hi)
{
	int i;
	for (i = 0; i < ps->n; i++)
		if ((i < lo || i >= hi) && ps->head[i] - 1 >= lo && ps->head[i] - 1 < hi &&
		    ps->upos[i] != UPOS_PUNCT)
			return 1;
	return 0;
}

static int is_nominal(int upos)
{
	return upos == UPOS_NOUN || upos == UPOS_PROPN;
}

static int free_span(const int *cut, int lo, int hi)
{
	int i;
	for (i = lo; i < hi; i++)
		if (cut[i])
			return 0;
	return 1;
}

static void add_cut(struct reparse *r, struct cut *c, int *nc, int lo, int hi,
		    enum cut_kind kind, int to)
{
	int i;
	if (*nc >= MAX_CUTS || !free_span(r->cut, lo, hi))
		return;
	c[*nc].lo = lo;
	c[*nc].hi = hi;
	c[*nc].kind = kind;
	c[*nc].to = to;
	++*nc;
	for (i = lo; i < hi; i++)
		r->cut[i] = *nc;
}

/* The times the first parse got wrong (see reparse.h). */
static void find_times(struct reparse *r, const struct parse *ps, const char *const *forms,
		       int n, const struct timex *tx, int ntx, struct cut *c, int *nc)
{
	int k;

	for (k = 0; k < ntx; k++) {
		int lo = tx[k].start, hi = tx[k].end, h = parse_span_head(ps, lo, hi);
		int hh = ps->head[h] - 1;
		/* an oblique of a verb, with nothing else on it, the root a verb */
		if (hh >= 0 && ps->upos[hh] == UPOS_VERB &&
		    (!strncmp(ps->deprel[h], "obl", 3) || !strcmp(ps->deprel[h], "advmod")) &&
		    root_is_verb(ps) && !holds_others(ps, lo, hi))
			continue;
		if (lo > 0 && ps->upos[lo - 1] == UPOS_ADP)
			lo--;		/* "on Friday" */
		if (lo == 0 && hi < n - 2 && !strcmp(forms[hi], ","))
			add_cut(r, c, nc, lo, hi + 1, CUT_TIME_ROOT, -1);
		else if (lo > 0 && hi < n - 1 && is_nominal(ps->upos[lo - 1]) &&
			 (ps->upos[hi] == UPOS_VERB || ps->upos[hi] == UPOS_AUX))
			add_cut(r, c, nc, lo, hi, CUT_TIME, hi);
		else if (lo > 0 && hi < n - 1 && ps->upos[lo - 1] == UPOS_VERB &&
			 (ps->upos[hi] == UPOS_DET || is_nominal(ps->upos[hi]) ||
			  ps->upos[hi] == UPOS_NUM || !strcmp(forms[hi], "that") ||
			  (ps->upos[hi] == UPOS_ADJ && !strcmp(ps->xpos[hi], "JJ"))))
			add_cut(r, c, nc, lo, hi, CUT_TIME, lo - 1);	/* "approved in December the
									 * dispatch", "said on Tuesday that" */
	}
}

static int is_finite(const struct parse *ps, int i)
{
	const char *x = ps->xpos[i];
	return (ps->upos[i] == UPOS_VERB || ps->upos[i] == UPOS_AUX) &&
	       (!strcmp(x, "VBD") || !strcmp(x, "VBZ") || !strcmp(x, "VBP") || !strcmp(x, "MD"));
}

/* Phrases set off by commas between a noun and a verb, when the verb did
 * not get the noun (or a word before it) as its subject. */
static void find_phrases(struct reparse *r, const struct parse *ps, const char *const *forms,
			 int n, struct cut *c, int *nc)
{
	int c1, c2, i, v, ok;
	enum cut_kind kind;

	for (c1 = 1; c1 < n - 3; c1++) {
		if (strcmp(forms[c1], ",") || !is_nominal(ps->upos[c1 - 1]))
			continue;
		for (c2 = c1 + 2; c2 < n - 1 && c2 <= c1 + MAX_PHRASE; c2++)
			if (ps->upos[c2] == UPOS_PUNCT)
				break;
		if (c2 >= n - 1 || strcmp(forms[c2], ",") ||
		    !(is_finite(ps, c2 + 1) || (ps->upos[c2 + 1] == UPOS_VERB &&
						!strcmp(ps->xpos[c2 + 1], "VBN"))))
			continue;	/* the subject's own verb comes after the phrase
					 * (a past tense may be tagged VBN), not "drawing" */
		v = c2 + 1;
		if (ps->upos[v] == UPOS_AUX && ps->head[v] > 0 && ps->upos[ps->head[v] - 1] == UPOS_VERB)
			v = ps->head[v] - 1;
		for (i = 0, ok = 0; i < c2; i++)
			if (ps->head[i] - 1 == v && !strncmp(ps->deprel[i], "nsubj", 5))
				ok = i < c1 ? ok | 1 : 2;
		if (ok == 1)
			continue;	/* the verb has its subject, only it: parsed right */
		i = c1 + 1;
		if (!strcmp(ps->lemma[i], "which") || !strcmp(ps->lemma[i], "who") ||
		    !strcmp(ps->lemma[i], "whom") || !strcmp(ps->lemma[i], "whose"))
			kind = CUT_RELCL;
		else if (ps->upos[i] == UPOS_ADP && strcmp(ps->lemma[i], "of"))
			kind = CUT_OBL;
		else if (ps->upos[i] == UPOS_VERB &&
			 (!strcmp(ps->xpos[i], "VBN") || !strcmp(ps->xpos[i], "VBG")))
			kind = CUT_ACL;
		else
			kind = CUT_APPOS;
		for (i = c1 + 1, ok = 1; kind != CUT_RELCL && i < c2; i++)
			if (is_finite(ps, i) || (kind == CUT_APPOS && ps->upos[i] == UPOS_VERB))
				ok = 0;	/* a clause of its own */
		if (ok)
			add_cut(r, c, nc, c1, c2 + 1, kind, kind == CUT_OBL ? c2 + 1 : c1 - 1);
		c1 = c2 - 1;
	}
}

static int is_say(const struct parse *ps, int i)
{
	static const char *const says[] = {
		"say", "tell", "report", "add", "announce", "state", "claim", "confirm",
		"warn", "write", NULL
	};
	return ps->upos[i] == UPOS_VERB && str_in(ps->lemma[i], says);
}

/* ", a war monitor said.", ", officials told AFP on Monday." closing the
 * sentence, when the first parse let the clause before it lend its words
 * to the saying ("people/nsubj ... said"). */
static void find_attribution(struct reparse *r, const struct parse *ps, const char *const *forms,
			     int n, struct cut *c, int *nc)
{
	int end = n, cm, v = -1, i;

	while (end > 0 && ps->upos[end - 1] == UPOS_PUNCT && strcmp(forms[end - 1], ","))
		end--;
	for (cm = end - 1; cm > 1 && end - cm <= 12; cm--) {
		if (!strcmp(forms[cm], ","))
			break;
		if (ps->upos[cm] == UPOS_PUNCT || (ps->upos[cm] == UPOS_VERB && !is_say(ps, cm)) ||
		    ps->upos[cm] == UPOS_AUX || ps->upos[cm] == UPOS_SCONJ)
			return;
		if (is_say(ps, cm))
			v = cm;
	}
	if (cm <= 1 || strcmp(forms[cm], ",") || v < 0 || v == cm + 1)
		return;
	for (i = cm + 1; i < v; i++)
		if (!is_nominal(ps->upos[i]) && ps->upos[i] != UPOS_DET && ps->upos[i] != UPOS_ADJ &&
		    ps->upos[i] != UPOS_PRON && ps->upos[i] != UPOS_NUM)
			return;	/* the speaker: a noun phrase */
	for (i = 0; i < cm; i++)
		if (ps->head[i] - 1 > cm && ps->head[i] - 1 < end && i != ps->head[v] - 1)
			break;	/* the clause lends a word to the saying */
	if (i < cm)
		add_cut(r, c, nc, cm, end, CUT_ATTRIB, -1);
}

/* "Drones launched by Yemen's Houthis struck two plants", "NATO leaders
 * meeting in Vilnius reaffirmed ...": a participle phrase after the
 * subject, no commas, when the finite verb after it did not get the noun
 * as its subject. */
static void find_reduced(struct reparse *r, const struct parse *ps, int n,
			 struct cut *c, int *nc)
{
	int a, f, i, ok;

	for (a = 0; a + 3 < n; a++) {
		if (!is_nominal(ps->upos[a]) || ps->upos[a + 1] != UPOS_VERB ||
		    (strcmp(ps->xpos[a + 1], "VBN") && strcmp(ps->xpos[a + 1], "VBG")))
			continue;
		for (f = a + 2; f < n && f <= a + 14; f++)
			if (ps->upos[f] == UPOS_PUNCT || ps->upos[f] == UPOS_AUX ||
			    ps->upos[f] == UPOS_VERB || ps->upos[f] == UPOS_SCONJ ||
			    ps->upos[f] == UPOS_CCONJ)
				break;
		if (f >= n || f > a + 14 || f == a + 2 || ps->upos[f] != UPOS_VERB ||
		    (strcmp(ps->xpos[f], "VBD") && strcmp(ps->xpos[f], "VBZ") &&
		     strcmp(ps->xpos[f], "VBP")))
			continue;
		for (i = 0, ok = 0; i <= a; i++)
			if (ps->head[i] - 1 == f && !strncmp(ps->deprel[i], "nsubj", 5))
				ok = 1;
		if (!ok)
			add_cut(r, c, nc, a + 1, f, CUT_REDUCED, a);
		a = f;
	}
}

/* "Russia-backed separatists", "U.S.-led forces": the treebank splits
 * the hyphen, and the parser takes "backed" for the sentence's verb. When
 * the participle does not modify the noun after it, the three tokens are
 * parsed as one adjective-like word. */
static void find_joins(struct reparse *r, const struct parse *ps, const char *const *forms,
		       int n, struct cut *c, int *nc)
{
	int i, k;

	for (i = 0; i + 3 < n; i++) {
		const char *w = forms[i + 2];
		size_t lw = strlen(w), l0 = strlen(forms[i]);
		int h = ps->head[i + 2] - 1;
		if (strcmp(forms[i + 1], "-") || !isupper((unsigned char)forms[i][0]) ||
		    lw < 3 || strcmp(w + lw - 2, "ed") || !islower((unsigned char)w[0]) ||
		    !(is_nominal(ps->upos[i + 3]) || ps->upos[i + 3] == UPOS_ADJ) ||
		    l0 + lw + 2 > sizeof(c->joined))
			continue;
		if (h > i + 2 && !strcmp(ps->deprel[i + 2], "amod"))
			continue;	/* parsed right */
		k = *nc;
		add_cut(r, c, nc, i, i + 2, CUT_JOIN, i + 2);
		if (*nc > k)
			snprintf(c[k].joined, sizeof(c[k].joined), "%s-%s", forms[i], w);
		i += 2;
	}
}

static const char *rel_by_tag(int upos)
{
	switch (upos) {
	case UPOS_ADP: return "case";
	case UPOS_DET: return "det";
	case UPOS_ADJ: return "amod";
	case UPOS_NUM: return "nummod";
	case UPOS_PUNCT: return "punct";
	default: return "compound";
	}
}

/* The token a cut piece hangs by. */
static int piece_head(const struct parse *ps, const struct cut *c)
{
	int lo = c->lo, hi = c->hi, i, h = -1;

	switch (c->kind) {
	case CUT_TIME_ROOT:
	case CUT_TIME:
		if (c->kind == CUT_TIME_ROOT)
			hi--;	/* its comma */
		for (i = hi - 1; i >= lo; i--)
			if (is_nominal(ps->upos[i]) || ps->upos[i] == UPOS_ADV)
				return i;
		return hi - 1;
	case CUT_RELCL:
		for (i = lo + 1; i < hi - 1; i++)
			if (ps->upos[i] == UPOS_VERB)
				return i;
		break;
	case CUT_ACL:
		return lo + 1;
	case CUT_OBL:
		for (i = lo + 1; i < hi - 1; i++)
			if (is_nominal(ps->upos[i]) || ps->upos[i] == UPOS_PRON || ps->upos[i] == UPOS_NUM)
				return i;
		break;
	case CUT_JOIN:		/* hang() hangs it itself */
		break;
	case CUT_REDUCED:
		return lo;
	case CUT_ATTRIB:
		for (i = lo + 1; i < hi; i++)
			if (is_say(ps, i))
				return i;
		break;
	case CUT_APPOS:
		for (i = lo + 1; i < hi - 1 && ps->upos[i] != UPOS_ADP && ps->upos[i] != UPOS_VERB; i++)
			if (is_nominal(ps->upos[i]))
				h = i;
		if (h >= 0)
			return h;
		break;
	}
	return parse_span_head(ps, lo + 1, hi - 1);
}

static const char *const piece_rel[] = {
	[CUT_TIME_ROOT] = "obl:unmarked", [CUT_TIME] = "obl:unmarked",
	[CUT_APPOS] = "appos", [CUT_ACL] = "acl", [CUT_RELCL] = "acl:relcl",
	[CUT_OBL] = "obl", [CUT_ATTRIB] = "parataxis", [CUT_JOIN] = "obl:npmod",
	[CUT_REDUCED] = "acl"
};

/* Hang piece c of the sentence back on its token, given the root of the
 * rest. Its tokens still carry the first parse. */
static void hang(struct parse *ps, const struct cut *c, int root)
{
	int h, to = c->to < 0 ? root : c->to, i, has_case = 0;
	int time = c->kind == CUT_TIME_ROOT || c->kind == CUT_TIME;

	if (to < 0)
		return;
	if (c->kind == CUT_JOIN) {	/* "Russia" and "-" on "backed" */
		ps->head[c->lo] = to + 1;
		ps->deprel[c->lo] = piece_rel[CUT_JOIN];
		ps->head[c->lo + 1] = to + 1;
		ps->deprel[c->lo + 1] = "punct";
		return;
	}
	h = piece_head(ps, c);
	if (ps->upos[to] == UPOS_AUX && ps->head[to] > 0 && time)
		to = ps->head[to] - 1;
	for (i = c->lo; i < c->hi; i++) {
		int inner = ps->head[i] - 1 >= c->lo && ps->head[i] - 1 < c->hi;
		if (i == h)
			continue;
		if (!time && strcmp(ps->deprel[i], "punct") && inner && ps->head[i] - 1 != i)
			continue;	/* a phrase keeps its inside */
		ps->head[i] = h + 1;
		ps->deprel[i] = rel_by_tag(ps->upos[i]);
		if (c->kind == CUT_ATTRIB && (is_nominal(ps->upos[i]) || ps->upos[i] == UPOS_PRON))
			ps->deprel[i] = i < h ? "nsubj" : "obl";	/* "officials said", "told AFP" */
		else if (c->kind == CUT_ATTRIB && ps->upos[i] == UPOS_ADV)
			ps->deprel[i] = "advmod";
		if (ps->upos[i] == UPOS_ADP)
			has_case = 1;
	}
	ps->head[h] = to + 1;
	ps->deprel[h] = time && has_case ? "obl" : piece_rel[c->kind];
}

int reparse_sentence(struct reparse *r, struct parser *p, const char *const *forms,
		     const unsigned char *proper, int n, const struct timex *tx, int ntx,
		     struct parse *ps)
{
	struct cut c[MAX_CUTS];
	int nc = 0, i, k, m = 0, root = -1;
	struct parse *rp = &r->ps;

	if (n < 4)
		return 0;
	ALLOC_GROW(r->cut, (size_t)n, r->cut_alloc);
	memset(r->cut, 0, (size_t)n * sizeof(*r->cut));
	find_times(r, ps, forms, n, tx, ntx, c, &nc);
	find_phrases(r, ps, forms, n, c, &nc);
	find_attribution(r, ps, forms, n, c, &nc);
	find_joins(r, ps, forms, n, c, &nc);
	find_reduced(r, ps, n, c, &nc);
	if (!nc)
		return 0;
	ALLOC_GROW(r->forms, (size_t)n, r->forms_alloc);
	ALLOC_GROW(r->proper, (size_t)n, r->proper_alloc);
	ALLOC_GROW(r->full, (size_t)n, r->full_alloc);
	for (i = 0; i < n; i++)
		if (!r->cut[i]) {
			r->forms[m] = forms[i];
			for (k = 0; k < nc; k++)
				if (c[k].kind == CUT_JOIN && c[k].to == i)
					r->forms[m] = c[k].joined;
			r->proper[m] = proper ? proper[i] : 0;
			r->full[m++] = i;
		}
	if (m < 2 || parser_parse_names(p, r->forms, m, r->proper, rp) < 0)
		return 0;
	ALLOC_GROW(r->head, (size_t)n, r->head_alloc);
	ALLOC_GROW(r->upos, (size_t)n, r->upos_alloc);
	ALLOC_GROW(r->deprel, (size_t)n, r->deprel_alloc);
	ALLOC_GROW(r->xpos, (size_t)n, r->xpos_alloc);
	ALLOC_GROW(r->lemma, (size_t)n, r->lemma_alloc);
	memcpy(r->head, ps->head, (size_t)n * sizeof(*r->head));
	memcpy(r->upos, ps->upos, (size_t)n * sizeof(*r->upos));
	memcpy(r->deprel, ps->deprel, (size_t)n * sizeof(*r->deprel));
	memcpy(r->xpos, ps->xpos, (size_t)n * sizeof(*r->xpos));
	memcpy(r->lemma, ps->lemma, (size_t)n * sizeof(*r->lemma));
	for (k = 0; k < m; k++) {
		i = r->full[k];
		ps->upos[i] = rp->upos[k];
		ps->xpos[i] = rp->xpos[k];
		ps->lemma[i] = rp->lemma[k];
		ps->head[i] = rp->head[k] ? r->full[rp->head[k] - 1] + 1 : 0;
		ps->deprel[i] = rp->deprel[k];
		if (!rp->head[k])
			root = i;
	}
	for (k = 0; k < nc; k++)
		hang(ps, &c[k], root);
	if (!parse_is_tree(ps->head, n)) {
		/* pieces hung on each other in a ring: keep the first parse */
		memcpy(ps->head, r->head, (size_t)n * sizeof(*r->head));
		memcpy(ps->upos, r->upos, (size_t)n * sizeof(*r->upos));
		memcpy(ps->deprel, r->deprel, (size_t)n * sizeof(*r->deprel));
		memcpy(ps->xpos, r->xpos, (size_t)n * sizeof(*r->xpos));
		memcpy(ps->lemma, r->lemma, (size_t)n * sizeof(*r->lemma));
		return 0;
	}
	return n - m;
}
