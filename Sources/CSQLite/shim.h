#ifndef WEFT_SQLITE_SHIM_H
#define WEFT_SQLITE_SHIM_H
#include <sqlite3.h>
/// SQLITE_TRANSIENT is a macro cast Swift cannot see.
static inline sqlite3_destructor_type weft_sqlite_transient(void) { return SQLITE_TRANSIENT; }
#endif
