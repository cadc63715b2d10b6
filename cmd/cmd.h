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

#endif
