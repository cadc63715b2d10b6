/*
 * reparse.h: parse a sentence again around what news sets off, when the
 * first parse got it wrong.
 *
 * Times and parenthetical phrases derail a greedy parser on news: "Last
 * week, Beijing imposed sanctions" comes out as one noun phrase,
 * "Brazil yesterday recalled" with "yesterday" as a second subject,
 * "Vladimir Putin, the Russian president, recognised ..." with the
 * apposition as the subject. reparse_sentence() cuts such a piece out,
 * parses the rest again, and hangs the piece back where it belongs:
 *   - a time before a comma at the start of the sentence: on the root;
 *   - a time between a noun and the verb after it: on that verb;
 *   - a time between a verb and its object ("said on Tuesday that"): on that verb;
 *   - a phrase set off by commas between a noun and a verb ("X, the Y
 *     minister, said"): an apposition of the noun; a participle ("led by
 *     ...") or relative clause ("which joined ...") its clause; a
 *     prepositional phrase ("in a notice dated ...") an oblique of the verb;
 *   - an attribution that closes the sentence (", a war monitor said."): a
 *     parataxis of the root, its noun phrase the subject of the saying.
 * A piece the first parse already hung right (a time as the oblique of a
 * verb in a sentence whose root is a verb; a noun that is the subject of
 * the verb after its phrase; an attribution no word of the clause hangs
 * on) is left alone: the second parse costs time.
 * Tokens keep the tags of the parse they took part in; a time gets its
 * inner relations from its tags, a phrase keeps those of the first parse.
 */
#ifndef ENTENTE_REPARSE_H
#define ENTENTE_REPARSE_H

#include "ingest/dates.h"
#include "ingest/parser.h"

struct reparse;

struct reparse *reparse_new(void);
void reparse_free(struct reparse *r);

/* ps is the parse of forms[0..n) (proper[]: the tokens known as names, as
 * for parser_parse_names()); tx[0..ntx) the sentence's temporal
 * expressions. Rewrites ps in place when something was cut and parsed
 * around; its lemma strings may then point into r, valid until the next
 * call. Returns how many tokens were cut, 0 when ps is unchanged. */
int reparse_sentence(struct reparse *r, struct parser *p, const char *const *forms,
		     const unsigned char *proper, int n, const struct timex *tx, int ntx,
		     struct parse *ps);

#endif
