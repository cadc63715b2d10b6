/*
 * actors.h: naming the phrases of an article's triples. Each subject and
 * object span becomes a mention: the phrase as it stands, the actor it names
 * (from the knowledge base and from what the article said before), its
 * type, country, role and CAMEO code. Pronouns and short forms resolve to
 * the actor named before them: "he", "its", "they", "the two countries",
 * "his counterpart", "the Israeli minister", a surname after a full name.
 *
 * One struct actors follows one article at a time (actors_reset()).
 */
#ifndef ENTENTE_ACTORS_H
#define ENTENTE_ACTORS_H

#include "ingest/extract.h"
#include "ingest/kb.h"
#include "ingest/token.h"
#include "ingest/triple.h"

struct actors;

/* A sentence as actors.c sees it: the parse, the tokens and the text. */
struct asent {
	const struct xsent *x;
	const struct token *tok;	/* the sentence's tokens (x->n of them) */
	const char *text;		/* the article's text */
	int index;			/* sentence number in the article */
};

/* 'kb' is borrowed and must outlive the struct. */
struct actors *actors_new(const struct kb *kb);
void actors_free(struct actors *A);	/* NULL is a no-op */

/* Forget the previous article; 'pub' (may be empty) dates code look-ups. */
void actors_reset(struct actors *A, const struct date *pub);

/* Name the phrase 'sp' of sentence 's'. 'speaker' is the resolved speaker
 * of the clause when it is reported speech (or NULL): "he" in "Akar said he
 * ..." is Akar. 'subject' is the resolved subject of the same clause when
 * naming its object (or NULL): "its own envoy" is the subject's.
 * out has room for two mentions. Fills out[0] and, for a group of two actors ("the two countries",
 * "they" after them), out[1]; returns how many (1 or 2). The caller owns
 * the mentions (mention_release()). */
int actors_name(struct actors *A, const struct asent *s, const struct xspan *sp,
		const struct mention *speaker, const struct mention *subject,
		struct mention *out);

/* Has the article named a person called 'name' (in full or by surname)? */
int actors_known(struct actors *A, const char *name);

/* After naming a clause's subject: an institution that acts ("the Saudi
 * foreign ministry gave ...") is what a following "it" stands for. */
void actors_subject(struct actors *A, const struct asent *s, const struct mention *m);

/* Before naming the triples of a sentence: remember every person, country
 * and organisation it names, wherever they stand ("his Israeli counterpart
 * Benjamin Gantz" in an oblique makes a later "Gantz" that person). */
void actors_note(struct actors *A, const struct asent *s);

/* After the last sentence: give short names the full name the article
 * used ("Akar" -> "Hulusi Akar") and their country and role. */
void actors_finish(struct actors *A, struct mention *m);

/* The phrase [lo, hi) of a sentence as it stands in the text, white space
 * collapsed, into sb (replacing its content). */
void actors_span_text(const struct asent *s, int lo, int hi, struct strbuf *sb);

#endif
