/*
 * parser.h: part-of-speech tagging, lemmatisation and labelled dependency
 * parsing of tokenised English sentences (UD scheme), with an averaged-
 * perceptron tagger and an arc-hybrid transition parser trained on UD
 * English EWT. The model is embedded in the binary (parser_default()) or
 * read from a file (parser_load()).
 */
#ifndef ENTENTE_PARSER_H
#define ENTENTE_PARSER_H

enum upos { UPOS_ADJ, UPOS_ADP, UPOS_ADV, UPOS_AUX, UPOS_CCONJ, UPOS_DET, UPOS_INTJ,
	    UPOS_NOUN, UPOS_NUM, UPOS_PART, UPOS_PRON, UPOS_PROPN, UPOS_PUNCT,
	    UPOS_SCONJ, UPOS_SYM, UPOS_VERB, UPOS_X, UPOS_COUNT };

/* "NOUN" for UPOS_NOUN; "X" for anything out of range. */
const char *upos_name(int upos);
/* UPOS number of a name, -1 if unknown. */
int upos_from_name(const char *name);

struct parser;			/* opaque: model + scratch space */

/* The model shipped inside the binary (embedded at build time with an
 * .incbin), opened on first call and kept for the life of the process;
 * NULL with a message printed if it cannot be loaded. Not thread-safe.
 * Do not parser_free() it. */
struct parser *parser_default(void);

/* Read a model file. 0 and *out set, or -1 with a message naming the file
 * (missing, truncated, damaged, wrong version). Free with parser_free(). */
int parser_load(struct parser **out, const char *path);

/* Free a model from parser_load(); NULL and parser_default() are no-ops. */
void parser_free(struct parser *p);

/* Short description of a model: tags, relations, table sizes. */
const char *parser_info(const struct parser *p, char *buf, int bufsz);

/* The analysis of one sentence. All fields are public and hold n items,
 * index 0 = first token. Strings in xpos and deprel belong to the model and
 * live as long as it does; lemma strings belong to the parse. */
struct parse {
	int n;
	int *upos;		/* enum upos */
	const char **xpos;	/* Penn tag ("VBD", "MD", "NNP") */
	char **lemma;		/* "met" -> "meet", "ambassadors" -> "ambassador" */
	int *head;		/* 0 = root, else 1-based index of the head token */
	const char **deprel;	/* full UD relation: "nsubj:pass", "obl:tmod" */
	/* private scratch, reused across calls */
	int alloc;
	int *tag;		/* joint tag ids */
	char *lemma_buf;
	int lemma_alloc;
	void *scratch;
};

void parse_init(struct parse *ps);

/* Tag, lemmatise and parse n tokens (UTF-8, UD/PTB tokenisation: "do"
 * "n't", "Israel" "'s"). Reuses ps's memory across calls. 0 on success, -1
 * on error (n < 1 or n > PARSER_MAX_TOKENS, with a message). The result is
 * always a tree: one token has head 0, there are no cycles. The model is
 * only read, so threads may share one with a struct parse each. */
int parser_parse(struct parser *p, const char *const *forms, int n, struct parse *ps);

/* The same, told which tokens are proper names (proper[i] != 0, e.g. from
 * the actor knowledge base): those get the tag PROPN/NNP before parsing,
 * whatever the tagger said ("Moscow/RB" is a frequent error on news). */
int parser_parse_names(struct parser *p, const char *const *forms, int n,
		       const unsigned char *proper, struct parse *ps);

/* Tag and lemmatise only: head[] is all 0 and deprel[] all "_" */
int parser_tag(struct parser *p, const char *const *forms, int n, struct parse *ps);

/* Are head[0..n) (1-based heads, 0 = root) one tree: a single root and
 * every token reaching it? */
int parse_is_tree(const int *head, int n);

/* The head of the tokens [lo, hi) of a tree: the first whose head lies
 * outside them (lo if none). */
int parse_span_head(const struct parse *ps, int lo, int hi);

/* Frees what ps holds; ps may be initialised again. */
void parse_release(struct parse *ps);

#define PARSER_MAX_TOKENS 1000

#endif
