/*
 * lemma.h: the lemmatiser. Lemmas come from a lexicon built from the
 * training treebank and WordNet's exception lists (stored in the model),
 * then suffix rules by Penn tag for unknown words. parser_parse() fills
 * struct parse's lemma[] with it; this is the same function on its own.
 */
#ifndef ENTENTE_LEMMA_H
#define ENTENTE_LEMMA_H

#include <stddef.h>

#include "ingest/parser.h"

/* Lemma of 'form' tagged with Penn tag 'xpos', written NUL-terminated to
 * out[0..outsz). Returns the length; the result is cut at outsz - 1. */
size_t lemma_guess(const struct parser *p, const char *form, const char *xpos,
		   char *out, size_t outsz);

#endif
