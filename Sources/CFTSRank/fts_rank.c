// FTS5's bm25 without the count of matching rows it makes for every phrase first; see fts_rank.h.
// In C because an FTS5 auxiliary function is a C callback over FTS5's extension API, and the
// formula is bm25's own (sqlite/ext/fts5/fts5_aux.c), kept line for line so the two order alike.
#include "fts_rank.h"
#include <math.h>
#include <stdlib.h>

static void weft_rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
                      int nVal, sqlite3_value **apVal) {
    const double k1 = 1.2, b = 0.75;
    int nPhrase = api->xPhraseCount(fts);
    double stackFreq[16];
    double *freq = nPhrase <= 16 ? stackFreq : sqlite3_malloc64(sizeof(double) * (sqlite3_uint64)nPhrase);
    if (!freq) { sqlite3_result_error_nomem(ctx); return; }
    for (int i = 0; i < nPhrase; i++) freq[i] = 0;
    int nInst = 0;
    int rc = api->xInstCount(fts, &nInst);
    for (int i = 0; rc == SQLITE_OK && i < nInst; i++) {
        int phrase, column, offset;
        rc = api->xInst(fts, i, &phrase, &column, &offset);
        if (rc == SQLITE_OK && phrase >= 0 && phrase < nPhrase) freq[phrase] += 1.0;
    }
    // The average length, once per query: xRowCount and xColumnTotalSize read a record each time.
    double *avgdl = rc == SQLITE_OK ? api->xGetAuxdata(fts, 0) : 0;
    if (rc == SQLITE_OK && !avgdl) {
        sqlite3_int64 nRow = 0, nToken = 0;
        rc = api->xRowCount(fts, &nRow);
        if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &nToken);
        if (rc == SQLITE_OK) {
            avgdl = sqlite3_malloc64(sizeof(double));
            if (!avgdl) rc = SQLITE_NOMEM;
        }
        if (rc == SQLITE_OK) {
            *avgdl = nRow > 0 && nToken > 0 ? (double)nToken / (double)nRow : 1.0;
            rc = api->xSetAuxdata(fts, avgdl, sqlite3_free);
        }
    }
    int nTok = 0;
    if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &nTok);
    if (rc != SQLITE_OK) {
        if (freq != stackFreq) sqlite3_free(freq);
        sqlite3_result_error_code(ctx, rc);
        return;
    }
    double D = (double)nTok;
    double score = 0.0;
    for (int i = 0; i < nPhrase; i++) {
        double idf = i < nVal ? sqlite3_value_double(apVal[i]) : 1.0;
        score += idf * (freq[i] * (k1 + 1.0)) / (freq[i] + k1 * (1 - b + b * D / *avgdl));
    }
    if (freq != stackFreq) sqlite3_free(freq);
    sqlite3_result_double(ctx, -1.0 * score);
}

/// The number of rows in the table: bm25's N, for working out a frequency's weight.
static void weft_row_count(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
                           int nVal, sqlite3_value **apVal) {
    (void)nVal; (void)apVal;
    sqlite3_int64 nRow = 0;
    int rc = api->xRowCount(fts, &nRow);
    if (rc != SQLITE_OK) { sqlite3_result_error_code(ctx, rc); return; }
    sqlite3_result_int64(ctx, nRow);
}

/// The connection's FTS5 API, as FTS5's documentation asks it to be found.
static fts5_api *weft_fts5_api(sqlite3 *db) {
    fts5_api *api = 0;
    sqlite3_stmt *stmt = 0;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, 0) == SQLITE_OK) {
        sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", 0);
        sqlite3_step(stmt);
    }
    sqlite3_finalize(stmt);
    return api;
}

int weft_register_rank(sqlite3 *db) {
    fts5_api *api = weft_fts5_api(db);
    if (!api || api->iVersion < 2) return SQLITE_ERROR;
    int rc = api->xCreateFunction(api, "weft_rank", 0, weft_rank, 0);
    if (rc == SQLITE_OK) rc = api->xCreateFunction(api, "weft_row_count", 0, weft_row_count, 0);
    return rc;
}
