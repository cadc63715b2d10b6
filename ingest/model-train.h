/*
 * model-train.h: training a parser model from CoNLL-U treebanks (the
 * hidden 'entente parse --train' mode and the golden test use it).
 */
#ifndef ENTENTE_MODEL_TRAIN_H
#define ENTENTE_MODEL_TRAIN_H

struct train_opts {
	const char *train;	/* training treebank (CoNLL-U) */
	const char *dev;	/* development treebank: per-epoch scores, epoch choice */
	const char *wordnet;	/* directory of verb.exc etc., or NULL */
	const char *unlabeled;	/* news .jsonl for the word clusters, or NULL */
	const char *out;	/* model file to write */
	int tagger_epochs;	/* maximum; the best epoch on dev is kept */
	int parser_epochs;
	int folds;		/* jackknife folds for the parser's training tags; <2 = none */
	int stack;		/* train the stacked second tagger pass (needs folds) */
	int merge;		/* ship both tagger passes in one table */
	int lift;		/* lift non-projective training trees (else skip them) */
	unsigned long seed;
	unsigned min_count;	/* prune parser features seen in fewer updates */
	unsigned tagger_min_count;	/* the same for the tagger */
	double min_abs;		/* prune weights below this share of the largest */
	double tagger_min_abs;	/* the same for the tagger */
	int quiet;
};

void train_opts_init(struct train_opts *o);

/* Train and write o->out. 0 or -1 with a message. */
int parser_train(const struct train_opts *o);

#endif
