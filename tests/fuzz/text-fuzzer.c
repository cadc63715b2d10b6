/*
 * text-fuzzer.c: libFuzzer target for the text path before parsing: UTF-8
 * checks, the tokenizer and the sentence splitter. Build with `make fuzz`.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/sentence.h"
#include "ingest/token.h"
#include "ingest/utf8.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct token_list tl = TOKEN_LIST_INIT;
	static struct sentence_list sl = SENTENCE_LIST_INIT;
	struct strbuf sb = STRBUF_INIT;
	char *text = xstrndup((const char *)data, size);
	size_t bad, i;

	if (utf8_check(text, size, &bad) == 0) {
		tokenize(text, size, &tl);
		sentence_split(text, &tl, &sl);
		for (i = 0; i < sl.n; i++) {
			sentence_text(text, &sl.v[i], &sb);
			if (sl.v[i].first + sl.v[i].n > tl.n || sl.v[i].end > size)
				__builtin_trap();
		}
		for (i = 0; i < tl.n; i++)
			if (tl.v[i].off + tl.v[i].len > size || !tl.v[i].form[0])
				__builtin_trap();
	}
	sb_release(&sb);
	free(text);
	return 0;
}
