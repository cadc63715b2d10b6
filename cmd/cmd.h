/*
 * cmd.h: the subcommands of ./entente, one file each under cmd/.
 * Each takes the arguments after its own name (argv[0] is the name) and
 * returns an exit code from enum exit_code (util.h).
 */
#ifndef ENTENTE_CMD_H
#define ENTENTE_CMD_H

int cmd_extract(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_parse(int argc, char **argv);






/* Print usage lines (NULL-terminated) to stdout when status == 0, else to
 * stderr; returns status. */
int usage_with(const char *const *usage, int status);

/* An option with a value, "--name value" or "--name=value", at argv[*i]:
 * returns 1 and sets *val (advancing *i past the value), 0 when argv[*i] is
 * not --name, -1 when the value is missing (message printed). */
int opt_value(int argc, char **argv, int *i, const char *name, const char **val);

#endif
