/*
 * usage.c: printing a subcommand's usage strings (STYLE.md section 6).
 */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "util.h"

int usage_with(const char *const *usage, int status)
{
	FILE *f = status ? stderr : stdout;

	fprintf(f, "usage: %s\n", usage[0]);
	for (usage++; *usage; usage++)
		fprintf(f, "%s\n", *usage);
	return status;
}

int opt_value(int argc, char **argv, int *i, const char *name, const char **val)
{
	size_t len = strlen(name);
	const char *a = argv[*i];

	if (strncmp(a, name, len))
		return 0;
	if (a[len] == '=') {
		*val = a + len + 1;
		return 1;
	}
	if (a[len])
		return 0;
	if (*i + 1 >= argc) {
		error("option '%s' needs a value", name);
		return -1;
	}
	*val = argv[++*i];
	return 1;
}
