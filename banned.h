/*
 * banned.h: functions that overflow buffers or keep hidden state, made
 * compile errors, as git's banned.h does. Included by util.h, so by every
 * module. Use snprintf(), struct strbuf and explicit lengths instead.
 */
#ifndef ENTENTE_BANNED_H
#define ENTENTE_BANNED_H

#define BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) BANNED(strncpy)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef strtok
#define strtok(x, y) BANNED(strtok)
#undef gets
#define gets(x) BANNED(gets)

#endif
