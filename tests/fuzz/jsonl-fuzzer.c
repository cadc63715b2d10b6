/*
 * jsonl-fuzzer.c: libFuzzer target for the JSON-lines reader: any bytes
 * as an input file must give articles or reported errors, never a crash.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/reader.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int on_article(struct article *a, void *ctx)
{
	size_t *n = ctx;
	if (!a->text || strlen(a->text) != a->text_len || !a->id)
		__builtin_trap();
	(*n)++;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[] = "/tmp/entente-fuzz-XXXXXX.jsonl";
	int fd = mkstemps(path, 6);
	struct reader_opts o;
	size_t n = 0;
	char *paths[1];

	if (fd < 0)
		return 0;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		unlink(path);
		return 0;
	}
	close(fd);
	memset(&o, 0, sizeof(o));
	paths[0] = path;
	freopen("/dev/null", "w", stderr);
	reader_run(paths, 1, &o, on_article, &n, NULL);
	unlink(path);
	return 0;
}
