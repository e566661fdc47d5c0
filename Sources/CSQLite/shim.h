// SQLITE_TRANSIENT is a cast macro, which Swift does not import; expose it as a function.
#ifndef PAYBATCH_CSQLITE_SHIM_H
#define PAYBATCH_CSQLITE_SHIM_H
#include <sqlite3.h>

static inline sqlite3_destructor_type pb_sqlite_transient(void) { return SQLITE_TRANSIENT; }
#endif
