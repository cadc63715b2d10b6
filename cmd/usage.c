/*
 * usage.c: printing a subcommand's usage strings (STYLE.md section 6).
 */
#include <stdio.h>

#include "cmd/cmd.h"

int usage_with(const char *const *usage, int status)
{
	FILE *f = status ? stderr : stdout;

	fprintf(f, "usage: %s\n", usage[0]);
	for (usage++; *usage; usage++)
		fprintf(f, "%s\n", *usage);
	return status;
}
