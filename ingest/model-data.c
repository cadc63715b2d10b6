/*
 * model-data.c: the shipped model, models/en_ewt.model, embedded in the
 * binary at build time (the Makefile makes this object depend on it).
 */
__asm__(
	".section .rodata\n"
	".balign 64\n"
	".global parser_model_blob\n"
	"parser_model_blob:\n"
	".incbin \"models/en_ewt.model\"\n"
	".global parser_model_blob_end\n"
	"parser_model_blob_end:\n"
	".byte 0\n"
	".previous\n");
