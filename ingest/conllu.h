/*
 * conllu.h: a bounded reader for CoNLL-U files (Universal Dependencies),
 * one sentence at a time, and the writer of the ten-column format.
 */
#ifndef ENTENTE_CONLLU_H
#define ENTENTE_CONLLU_H

#include <stddef.h>
#include <stdio.h>

#define CONLLU_MAX_TOKENS 1000	/* longer sentences are an error */
#define CONLLU_MAX_LINE 65536	/* longer lines are an error */

/* One sentence; fields are private to the reader's buffers and stay valid
 * until the next conllu_next() call. Multiword ranges ("1-2") and empty
 * nodes ("1.1") are skipped; index 0 is the first word. */
struct conllu_sent {
	int n;			/* number of words */
	const char **form;	/* column 2 */
	const char **lemma;	/* column 3 */
	const char **upos;	/* column 4 */
	const char **xpos;	/* column 5 */
	int *head;		/* column 7, -1 when "_" */
	const char **deprel;	/* column 8 */
	const char *sent_id;	/* "# sent_id = ..." value or NULL */
	const char *text;	/* "# text = ..." value or NULL */
	size_t line;		/* line number of the first line of the sentence */
	/* private */
	int alloc;
	char *buf;
	size_t buf_alloc;
};

/* A reader over a whole NUL-terminated buffer 'data' of 'len' bytes, which
 * the caller keeps alive; 'name' is used in messages. */
struct conllu_reader {
	const char *name;
	const char *p;		/* data */
	size_t len;		/* bytes in data */
	size_t off;		/* read offset */
	size_t line;		/* current line number (1-based) */
	int errors;		/* malformed sentences met so far */
};

void conllu_reader_init(struct conllu_reader *r, const char *name,
			const char *data, size_t len);
void conllu_sent_init(struct conllu_sent *s);
void conllu_sent_release(struct conllu_sent *s);

/* Read the next sentence into 's'. Returns 1 when a sentence was read, 0 at
 * the end of input, -1 when a sentence was malformed: a message naming the
 * file and line has been printed, the sentence is skipped, and the caller
 * may call again to continue with the next one. */
int conllu_next(struct conllu_reader *r, struct conllu_sent *s);

/* Write one sentence of n words in CoNLL-U: ID FORM LEMMA UPOS XPOS _ HEAD
 * DEPREL _ _; NULL strings are written as "_". sent_id/text may be NULL. */
void conllu_write(FILE *f, const char *sent_id, const char *text, int n,
		  const char *const *form, const char *const *lemma,
		  const char *const *upos, const char *const *xpos,
		  const int *head, const char *const *deprel);

#endif
