/*
 * phoenix-fuzzer.c: libFuzzer target for the PETRARCH/Phoenix dictionary
 * readers (kb_load_actors_buf, kb_load_agents_buf) and kb_match over the
 * result. The first byte chooses the reader.
 * Build: clang -fsanitize=fuzzer,address -I. tests/fuzz/phoenix-fuzzer.c \
 *        ingest/kb.c util.c ingest/triple.c -lcjson
 * Run with -close_fd_mask=2 to silence the bad-line messages.
 */
#include <stdint.h>
#include <string.h>

#include "ingest/kb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kb *kb;
	const char *tok[8];
	char words[8][16];
	struct kb_hit h;
	struct date d = { 2010, 6, 1 };
	size_t i;
	int n = 0;

	kb = kb_new();
	if (!kb || size < 1)
		goto out;
	if (data[0] & 1)
		kb_load_agents_buf(kb, "fuzz", (const char *)data + 1, size - 1);
	else
		kb_load_actors_buf(kb, "fuzz", (const char *)data + 1, size - 1);
	/* match the first words of the input against what it loaded */
	for (i = 1; i < size && n < 8;) {
		size_t k = 0;
		while (i < size && (data[i] == ' ' || data[i] == '_' || data[i] == '\n' || data[i] == '+'))
			i++;
		while (i < size && k < 15 && data[i] != ' ' && data[i] != '_' && data[i] != '\n')
			words[n][k++] = (char)data[i++];
		words[n][k] = '\0';
		if (k)
			tok[n] = words[n], n++;
		else
			break;
	}
	for (i = 0; i < (size_t)n; i++) {
		kb_match(kb, tok, n, (int)i, &d, &h);
		kb_match(kb, tok, n, (int)i, NULL, &h);
		kb_sector(kb, tok[i]);
	}
out:
	kb_free(kb);
	return 0;
}
