/*
 * tagger.h: the part-of-speech tagger is reached through parser.h
 * (parser_tag() tags and lemmatises without parsing); this header only
 * names the tag set helpers the command line and the evaluator use.
 */
#ifndef ENTENTE_TAGGER_H
#define ENTENTE_TAGGER_H

#include "ingest/parser.h"

/* Number of joint UPOS+XPOS tags the model predicts. */
int tagger_ntags(const struct parser *p);

#endif
