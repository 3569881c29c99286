#ifndef WEFT_SQLITE_SHIM_H
#define WEFT_SQLITE_SHIM_H
#include <sqlite3.h>
/// SQLITE_TRANSIENT is a macro cast Swift cannot see.
static inline sqlite3_destructor_type weft_sqlite_transient(void) { return SQLITE_TRANSIENT; }

/// syncfs(2) flushes one file system; it is a GNU extension that Swift's Glibc module does not export.
/// (Here because this is the store's only C module.)
int syncfs(int fd);
static inline int weft_syncfs(int fd) { return syncfs(fd); }

/// mallopt(3)'s M_ARENA_MAX, from glibc's malloc.h, which Swift's Glibc module does not export (here for the same reason).
#if defined(__linux__)
#include <malloc.h>
static inline int weft_malloc_arena_max(int arenas) { return mallopt(M_ARENA_MAX, arenas); }
#endif
#endif
