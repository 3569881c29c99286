#ifndef WEFT_FTS_RANK_H
#define WEFT_FTS_RANK_H
#include <sqlite3.h>

/// Registers `weft_rank(fts_table, idf...)` on a connection: FTS5's bm25 without its count.
///
/// FTS5's bm25 works out each phrase's inverse document frequency by matching the phrase
/// against every row first. For a word in most of a million posts, that count is almost all
/// of the search (58 ms of 59); for one phrase it changes no order at all, since every score is
/// multiplied by the same number. `weft_rank` is bm25's formula (k1 1.2, b 0.75, the same
/// document length and average) with the frequencies given as arguments, one per phrase of
/// the query, in order; a phrase without one weighs 1. Like bm25 it is negative: best first
/// when ordered ascending. `weft_row_count(fts_table)` is the table's row count, bm25's N.
/// Returns an SQLite result code.
int weft_register_rank(sqlite3 *db);

#endif
