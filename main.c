/*
 * main.c: argv -> command table, nothing else.
 */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "util.h"

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *help;
};

static const struct command commands[] = {
	/* one row per subcommand, in the order --help lists them */
	{ "extract", cmd_extract, "print the triples of articles as JSON lines" },
	{ "ingest", cmd_ingest, "extract triples and store them, merged, in a database" },
	{ "export", cmd_export, "write the stored graph as GraphML, GEXF or JSON" },
	{ "query", cmd_query, "meetings, actors and the history between two actors" },
	{ "parse", cmd_parse, "tag and parse sentences into CoNLL-U" },
	{ NULL, NULL, NULL }
};

static int main_usage(int status)
{
	FILE *f = status ? stderr : stdout;
	size_t i;

	fprintf(f, "usage: entente <command> [<options>] [<args>]\n\ncommands:\n");
	for (i = 0; commands[i].name; i++)
		fprintf(f, "   %-9s %s\n", commands[i].name, commands[i].help);
	fprintf(f, "\nRun 'entente <command> --help' for a command's options.\n");
	return status;
}

int main(int argc, char **argv)
{
	size_t i;

	if (argc < 2)
		return main_usage(EXIT_USAGE);
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") ||
	    !strcmp(argv[1], "help"))
		return main_usage(EXIT_OK);
	for (i = 0; commands[i].name; i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].fn(argc - 1, argv + 1);
	error("unknown command '%s'", argv[1]);
	return main_usage(EXIT_USAGE);
}
