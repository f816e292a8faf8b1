/* driver.c: the SQLite workload of utils/test/sqlite-diff.sh.
 *
 * Built with the SQLite amalgamation (fetched by the script, never kept in
 * the repository) once by clang-19 + wasm-ld-19 and once through toyc's IR
 * backend; both modules must print the same bytes and exit with the same
 * status. Everything is deterministic: the data comes from our own PRNG,
 * and SQLite's temporary files, randomness and clock come from the
 * in-memory VFS below (registered as the default VFS), so nothing depends
 * on the host, and no file is ever touched.
 *
 * The sorts are set up to go through vdbesort.c: ORDER BY on expressions
 * no index covers, with a tiny PMA size (SQLITE_CONFIG_PMASZ) and cache so
 * the records are written out in many sorted runs (PMAs, in memvfs
 * "files") and merged back, and once more with temp_store=MEMORY, where
 * the whole list is sorted in memory (vdbeSorterSort/vdbeSorterMerge).
 * Every query prints its rows, or for the big ones a count, a checksum and
 * a sample, and the driver checks the sort order itself. Output ends with
 * the line "done"; any SQLite error ends it with status 1.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sqlite3.h"

/* ---- deterministic PRNG (xorshift64*) -------------------------------- */

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint64_t rng(void) {
    uint64_t x = rng_state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    rng_state = x;
    return x * 0x2545F4914F6CDD1Dull;
}

static uint32_t rng_below(uint32_t n) { return (uint32_t)(rng() >> 33) % n; }

/* ---- an in-memory VFS ------------------------------------------------ */

typedef struct MemFile {
    sqlite3_file base;
    unsigned char *data;
    sqlite3_int64 size, cap;
} MemFile;

static struct {
    int opens, closes, max_open, open_now;
    sqlite3_int64 bytes_written, bytes_read;
} vfs_stats;

static int mem_close(sqlite3_file *f) {
    MemFile *m = (MemFile *)f;
    free(m->data);
    m->data = 0;
    m->size = m->cap = 0;
    vfs_stats.closes++;
    vfs_stats.open_now--;
    return SQLITE_OK;
}

static int mem_read(sqlite3_file *f, void *buf, int amt, sqlite3_int64 off) {
    MemFile *m = (MemFile *)f;
    vfs_stats.bytes_read += amt;
    if (off >= m->size) {
        memset(buf, 0, (size_t)amt);
        return SQLITE_IOERR_SHORT_READ;
    }
    if (off + amt > m->size) {
        sqlite3_int64 have = m->size - off;
        memcpy(buf, m->data + off, (size_t)have);
        memset((char *)buf + have, 0, (size_t)(amt - have));
        return SQLITE_IOERR_SHORT_READ;
    }
    memcpy(buf, m->data + off, (size_t)amt);
    return SQLITE_OK;
}

static int mem_reserve(MemFile *m, sqlite3_int64 need) {
    if (need <= m->cap) return SQLITE_OK;
    sqlite3_int64 cap = m->cap ? m->cap : 4096;
    while (cap < need) cap *= 2;
    unsigned char *p = realloc(m->data, (size_t)cap);
    if (!p) return SQLITE_IOERR_NOMEM;
    memset(p + m->cap, 0, (size_t)(cap - m->cap));
    m->data = p;
    m->cap = cap;
    return SQLITE_OK;
}

static int mem_write(sqlite3_file *f, const void *buf, int amt, sqlite3_int64 off) {
    MemFile *m = (MemFile *)f;
    int rc = mem_reserve(m, off + amt);
    if (rc != SQLITE_OK) return rc;
    memcpy(m->data + off, buf, (size_t)amt);
    if (off + amt > m->size) m->size = off + amt;
    vfs_stats.bytes_written += amt;
    return SQLITE_OK;
}

static int mem_truncate(sqlite3_file *f, sqlite3_int64 size) {
    MemFile *m = (MemFile *)f;
    if (size < m->size) m->size = size;
    return SQLITE_OK;
}

static int mem_sync(sqlite3_file *f, int flags) { (void)f; (void)flags; return SQLITE_OK; }

static int mem_file_size(sqlite3_file *f, sqlite3_int64 *size) {
    *size = ((MemFile *)f)->size;
    return SQLITE_OK;
}

static int mem_lock(sqlite3_file *f, int lock) { (void)f; (void)lock; return SQLITE_OK; }

static int mem_check_reserved(sqlite3_file *f, int *out) { (void)f; *out = 0; return SQLITE_OK; }

static int mem_file_control(sqlite3_file *f, int op, void *arg) {
    (void)f; (void)op; (void)arg;
    return SQLITE_NOTFOUND;
}

static int mem_sector_size(sqlite3_file *f) { (void)f; return 512; }

static int mem_device_characteristics(sqlite3_file *f) {
    (void)f;
    return SQLITE_IOCAP_ATOMIC | SQLITE_IOCAP_SAFE_APPEND | SQLITE_IOCAP_SEQUENTIAL |
           SQLITE_IOCAP_POWERSAFE_OVERWRITE;
}

static const sqlite3_io_methods mem_io = {
    .iVersion = 1,
    .xClose = mem_close,
    .xRead = mem_read,
    .xWrite = mem_write,
    .xTruncate = mem_truncate,
    .xSync = mem_sync,
    .xFileSize = mem_file_size,
    .xLock = mem_lock,
    .xUnlock = mem_lock,
    .xCheckReservedLock = mem_check_reserved,
    .xFileControl = mem_file_control,
    .xSectorSize = mem_sector_size,
    .xDeviceCharacteristics = mem_device_characteristics,
};

/* Only nameless (temporary) files: the database is ":memory:", so what
 * SQLite opens here are the sorter's PMAs, temp databases and statement
 * journals. A named file cannot be opened. */
static int mem_open(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *f, int flags, int *out_flags) {
    (void)vfs;
    MemFile *m = (MemFile *)f;
    memset(m, 0, sizeof *m);
    if (name && !(flags & SQLITE_OPEN_DELETEONCLOSE)) return SQLITE_CANTOPEN;
    m->base.pMethods = &mem_io;
    if (out_flags) *out_flags = flags;
    vfs_stats.opens++;
    if (++vfs_stats.open_now > vfs_stats.max_open) vfs_stats.max_open = vfs_stats.open_now;
    return SQLITE_OK;
}

static int mem_delete(sqlite3_vfs *vfs, const char *name, int sync_dir) {
    (void)vfs; (void)name; (void)sync_dir;
    return SQLITE_OK;
}

static int mem_access(sqlite3_vfs *vfs, const char *name, int flags, int *out) {
    (void)vfs; (void)name; (void)flags;
    *out = 0;
    return SQLITE_OK;
}

static int mem_full_pathname(sqlite3_vfs *vfs, const char *name, int n, char *out) {
    (void)vfs;
    sqlite3_snprintf(n, out, "%s", name);
    return SQLITE_OK;
}

static int mem_randomness(sqlite3_vfs *vfs, int n, char *out) {
    (void)vfs;
    uint64_t x = 0x0123456789ABCDEFull;
    for (int i = 0; i < n; i++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        out[i] = (char)(x >> 56);
    }
    return n;
}

static int mem_sleep(sqlite3_vfs *vfs, int us) { (void)vfs; return us; }

/* 2024-01-01 12:00:00 UTC, always. */
static int mem_current_time_int64(sqlite3_vfs *vfs, sqlite3_int64 *t) {
    (void)vfs;
    *t = (sqlite3_int64)24603110 * 8640000; /* julian day 2460311.0 in ms */
    return SQLITE_OK;
}

static int mem_current_time(sqlite3_vfs *vfs, double *t) {
    sqlite3_int64 ms;
    mem_current_time_int64(vfs, &ms);
    *t = ms / 86400000.0;
    return SQLITE_OK;
}

static int mem_get_last_error(sqlite3_vfs *vfs, int n, char *out) {
    (void)vfs;
    if (n > 0) out[0] = 0;
    return 0;
}

static sqlite3_vfs mem_vfs = {
    .iVersion = 2,
    .szOsFile = sizeof(MemFile),
    .mxPathname = 512,
    .zName = "memvfs",
    .xOpen = mem_open,
    .xDelete = mem_delete,
    .xAccess = mem_access,
    .xFullPathname = mem_full_pathname,
    .xRandomness = mem_randomness, /* no xDl*: no loadable extensions */
    .xSleep = mem_sleep,
    .xCurrentTime = mem_current_time,
    .xGetLastError = mem_get_last_error,
    .xCurrentTimeInt64 = mem_current_time_int64,
};

/* ---- helpers --------------------------------------------------------- */

static sqlite3 *db;

static void fail(const char *what) {
    printf("error: %s: %s (%d)\n", what, sqlite3_errmsg(db), sqlite3_extended_errcode(db));
    fflush(stdout);
    exit(1);
}

static void exec(const char *sql) {
    char *err = 0;
    if (sqlite3_exec(db, sql, 0, 0, &err) != SQLITE_OK) {
        printf("error: exec %s: %s\n", sql, err ? err : "?");
        exit(1);
    }
}

static uint64_t fnv(uint64_t h, const void *p, size_t n) {
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) h = (h ^ s[i]) * 0x100000001B3ull;
    return h;
}

/* One column as text, the way the row printer shows it. */
static void column_text(sqlite3_stmt *st, int i, char *buf, size_t n) {
    switch (sqlite3_column_type(st, i)) {
    case SQLITE_NULL: snprintf(buf, n, "NULL"); break;
    case SQLITE_INTEGER: snprintf(buf, n, "%lld", (long long)sqlite3_column_int64(st, i)); break;
    case SQLITE_FLOAT: snprintf(buf, n, "%.17g", sqlite3_column_double(st, i)); break;
    case SQLITE_BLOB: {
        const unsigned char *b = sqlite3_column_blob(st, i);
        int len = sqlite3_column_bytes(st, i);
        size_t o = (size_t)snprintf(buf, n, "x'");
        for (int k = 0; k < len && o + 3 < n; k++) o += (size_t)snprintf(buf + o, n - o, "%02x", b[k]);
        snprintf(buf + o, n - o, "'");
        break;
    }
    default: snprintf(buf, n, "%s", (const char *)sqlite3_column_text(st, i)); break;
    }
}

enum { ALL = 0 };

/* Runs sql and prints "[label]", then every row (sample==ALL) or every
 * sample-th row, then the row count and a checksum over all rows. With
 * check_sorted 1 (-1) the first column must be non-decreasing
 * (non-increasing), NULLs aside: text and blobs in memcmp order (BINARY
 * collation), numbers in numeric order. */
static void query(const char *label, const char *sql, int sample, int check_sorted) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, 0) != SQLITE_OK) fail(label);
    printf("[%s]\n", label);
    uint64_t h = 0xCBF29CE484222325ull;
    long rows = 0, disorder = 0;
    char prev[512], cur[512];
    int prevn = 0, have_prev = 0; /* 1: prevd, 2: prev[0..prevn) */
    double prevd = 0;
    int rc, ncol = sqlite3_column_count(st);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        char line[4096];
        size_t o = 0;
        for (int i = 0; i < ncol; i++) {
            char cell[2048];
            column_text(st, i, cell, sizeof cell);
            o += (size_t)snprintf(line + o, sizeof line - o, "%s%s", i ? "|" : "", cell);
            if (o >= sizeof line) o = sizeof line - 1;
        }
        h = fnv(h, line, o + 1);
        if (check_sorted) {
            int t = sqlite3_column_type(st, 0);
            if (t == SQLITE_TEXT || t == SQLITE_BLOB) {
                int n = sqlite3_column_bytes(st, 0);
                const void *p = t == SQLITE_TEXT ? (const void *)sqlite3_column_text(st, 0) : sqlite3_column_blob(st, 0);
                if (n > (int)sizeof cur) n = sizeof cur;
                memcpy(cur, p, (size_t)n);
                if (have_prev == 2) {
                    int c = memcmp(prev, cur, (size_t)(n < prevn ? n : prevn));
                    if (c == 0) c = (prevn > n) - (prevn < n);
                    if (check_sorted * c > 0) disorder++;
                }
                memcpy(prev, cur, (size_t)n);
                prevn = n;
                have_prev = 2;
            } else if (t != SQLITE_NULL) {
                double d = sqlite3_column_double(st, 0);
                if (have_prev == 1 && check_sorted * (d - prevd) < 0) disorder++;
                prevd = d;
                have_prev = 1;
            }
        }
        if (sample == ALL || rows % sample == 0) printf("%s\n", line);
        rows++;
    }
    if (rc != SQLITE_DONE) fail(label);
    sqlite3_finalize(st);
    printf("rows=%ld checksum=%016llx", rows, (unsigned long long)h);
    if (check_sorted) printf(" order=%s", disorder ? "BAD" : "ok");
    printf("\n");
    if (disorder) printf("order violations: %ld\n", disorder);
}

/* EXPLAIN of sql must contain opcode (e.g. "SorterOpen"). */
static void expect_opcode(const char *sql, const char *opcode) {
    char *x = sqlite3_mprintf("EXPLAIN %s", sql);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, x, -1, &st, 0) != SQLITE_OK) fail("explain");
    int found = 0;
    while (sqlite3_step(st) == SQLITE_ROW)
        if (strcmp((const char *)sqlite3_column_text(st, 1), opcode) == 0) found = 1;
    sqlite3_finalize(st);
    sqlite3_free(x);
    printf("plan uses %s: %s\n", opcode, found ? "yes" : "NO");
}

static void sort_query(const char *label, const char *sql, int sample, int dir) {
    expect_opcode(sql, "SorterOpen");
    int opens = vfs_stats.opens;
    sqlite3_int64 written = vfs_stats.bytes_written;
    query(label, sql, sample, dir);
    printf("temp files opened=%d bytes written=%lld\n", vfs_stats.opens - opens,
           (long long)(vfs_stats.bytes_written - written));
}

/* ---- the workload ---------------------------------------------------- */

#define NROWS 5000

static const char *const syllables[] = {
    "ab", "ka", "zu", "qz", "ri", "mo", "ne", "te", "lo", "x_y", "pa", "Ab", "ee", "%", "ü", "sh",
};

static void make_name(char *buf, int max) {
    int len = (int)rng_below(12);
    if (rng_below(10) == 0) len += 20; /* some long ones */
    int o = 0;
    for (int i = 0; i < len && o < max - 8; i++) {
        const char *s = syllables[rng_below(sizeof syllables / sizeof *syllables)];
        size_t n = strlen(s);
        memcpy(buf + o, s, n);
        o += (int)n;
    }
    buf[o] = 0;
}

static void populate(void) {
    exec("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, score REAL, data BLOB, grp INTEGER)");
    exec("CREATE INDEX t_grp ON t(grp)");
    exec("CREATE TABLE g(grp INTEGER PRIMARY KEY, label TEXT NOT NULL, weight REAL)");

    sqlite3_stmt *st;
    exec("BEGIN");
    if (sqlite3_prepare_v2(db, "INSERT INTO g VALUES(?1, ?2, ?3)", -1, &st, 0) != SQLITE_OK) fail("prepare g");
    for (int i = 0; i < 40; i += 1 + (i % 3 == 2)) { /* a few groups are missing */
        char label[32];
        snprintf(label, sizeof label, "group-%02d", i);
        sqlite3_bind_int(st, 1, i);
        sqlite3_bind_text(st, 2, label, -1, SQLITE_TRANSIENT);
        sqlite3_bind_double(st, 3, i / 7.0);
        if (sqlite3_step(st) != SQLITE_DONE) fail("insert g");
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);

    if (sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO t(id, name, score, data, grp) VALUES(?, ?, ?, ?, ?)", -1, &st, 0) !=
        SQLITE_OK)
        fail("prepare t");
    int inserted = 0, ignored = 0;
    for (int i = 0; i < NROWS; i++) {
        char name[256];
        unsigned char blob[64];
        sqlite3_int64 key = (sqlite3_int64)(rng() >> 44); /* 20-bit keys: some collide */
        if (i % 97 == 0) key = -key;
        make_name(name, sizeof name);
        sqlite3_bind_int64(st, 1, key);
        if (rng_below(50) == 0)
            sqlite3_bind_null(st, 2);
        else
            sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
        if (rng_below(40) == 0)
            sqlite3_bind_null(st, 3);
        else
            sqlite3_bind_double(st, 3, ((double)(int64_t)(rng() % 2000001) - 1000000) / 1000.0 * (1 + rng_below(3)));
        int bl = (int)rng_below(sizeof blob + 1);
        for (int k = 0; k < bl; k++) blob[k] = (unsigned char)rng();
        if (bl == 0)
            sqlite3_bind_null(st, 4);
        else
            sqlite3_bind_blob(st, 4, blob, bl, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 5, (int)rng_below(37));
        if (sqlite3_step(st) != SQLITE_DONE) fail("insert t");
        if (sqlite3_changes(db))
            inserted++;
        else
            ignored++;
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
    }
    sqlite3_finalize(st);
    exec("COMMIT");
    printf("inserted=%d ignored=%d\n", inserted, ignored);
}

static void c_printf_checks(void) {
    static const double vals[] = {0.0, -0.0, 1.0 / 3, 2.5, -2.5, 0.0005, 1e-7, 123456789.987654321,
                                  1e300, -1e-300, 4503599627370497.0, 0.1 + 0.2};
    printf("[sqlite3_mprintf]\n");
    for (size_t i = 0; i < sizeof vals / sizeof *vals; i++) {
        char *s = sqlite3_mprintf("%.3f|%e|%g|%!.15g|%10.2f|%-8.1f|%.0f", vals[i], vals[i], vals[i], vals[i],
                                  vals[i], vals[i], vals[i]);
        printf("%s\n", s);
        sqlite3_free(s);
    }
    char *s = sqlite3_mprintf("%d|%lld|%x|%5s|%q|%Q|%Q|%w|%c%c", -42, (long long)-9007199254740993LL, 0xBEEFu, "ab",
                              "it's", "it's", (char *)0, "a\"b", 'o', 'k');
    printf("%s\n", s);
    sqlite3_free(s);
}

int main(void) {
    /* Small PMAs: sorts of a few hundred KiB are written out in many runs. */
    if (sqlite3_config(SQLITE_CONFIG_PMASZ, 2u) != SQLITE_OK) {
        printf("error: SQLITE_CONFIG_PMASZ\n");
        return 1;
    }
    if (sqlite3_vfs_register(&mem_vfs, 1) != SQLITE_OK) {
        printf("error: vfs register\n");
        return 1;
    }
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "memvfs") != SQLITE_OK) {
        printf("error: open\n");
        return 1;
    }
    printf("sqlite %s\n", sqlite3_libversion());
    exec("PRAGMA cache_size=2");
    exec("PRAGMA temp_store=FILE");

    populate();
    query("totals", "SELECT count(*), count(name), count(score), count(data), sum(length(name)), "
                    "printf('%.3f', total(score)), sum(length(data)), min(id), max(id) FROM t",
          ALL, 0);
    query("integrity", "PRAGMA integrity_check", ALL, 0);

    /* The external sorter: text keys (vdbeSorterCompareText), with PMAs. */
    sort_query("order by name",
               "SELECT name, id, printf('%.3f', score), hex(data) FROM t ORDER BY name, id", ALL, 1);
    /* Numeric expression keys (vdbeSorterCompare / CompareInt). */
    sort_query("order by expr real",
               "SELECT score * 3 - id % 11 AS k, id, name FROM t ORDER BY k DESC, id", 50, -1);
    sort_query("order by expr int", "SELECT (id * 7919) % 10007 AS k, id, grp FROM t ORDER BY k, id", 50, 1);
    sort_query("order by blob", "SELECT data, id FROM t WHERE data IS NOT NULL ORDER BY data, id", 50, 1);

    /* Same sorts, all in memory: the whole record list goes through
     * vdbeSorterSort's merges at once. */
    exec("PRAGMA temp_store=MEMORY");
    sort_query("order by name (memory)",
               "SELECT name, id, printf('%.3f', score), hex(data) FROM t ORDER BY name, id", 100, 1);
    sort_query("order by expr real (memory)",
               "SELECT score * 3 - id % 11 AS k, id, name FROM t ORDER BY k DESC, id", 100, -1);
    sort_query("order by lower(name) desc (memory)",
               "SELECT lower(name) AS k, length(name), id FROM t ORDER BY k DESC, id DESC", 100, -1);
    exec("PRAGMA temp_store=FILE");

    query("group by", "SELECT grp, count(*), sum(id % 1000), printf('%.4f', avg(score)), min(name), "
                      "printf('%.2f', max(score)), group_concat(substr(name, 1, 2), ',') "
                      "FROM (SELECT * FROM t ORDER BY id) GROUP BY grp ORDER BY grp",
          ALL, 0);
    query("group by having", "SELECT length(name) AS l, count(*), printf('%.3f', avg(score)) FROM t "
                             "GROUP BY l HAVING count(*) > 20 ORDER BY count(*) DESC, l",
          ALL, 0);
    query("join", "SELECT g.label, count(t.id), printf('%.2f', sum(t.score * g.weight)), "
                  "printf('%.3f', min(t.score)) FROM g LEFT JOIN t ON t.grp = g.grp "
                  "GROUP BY g.grp ORDER BY g.label",
          ALL, 0);
    query("join missing", "SELECT t.grp, count(*) FROM t LEFT JOIN g USING (grp) WHERE g.label IS NULL "
                          "GROUP BY t.grp ORDER BY t.grp",
          ALL, 0);
    query("like ab%", "SELECT id, name FROM t WHERE name LIKE 'ab%' ORDER BY id", 25, 1);
    query("like escape", "SELECT id, name FROM t WHERE name LIKE '%x\\_y%qz%' ESCAPE '\\' ORDER BY id", ALL, 1);
    query("like percent", "SELECT count(*), min(id), max(id) FROM t WHERE name LIKE '%!%%' ESCAPE '!'", ALL, 0);
    query("glob", "SELECT count(*) FROM t WHERE name GLOB '*[kz]u*'", ALL, 0);
    query("subquery", "SELECT id, name, printf('%.3f', score) FROM t "
                      "WHERE score > (SELECT avg(score) FROM t) + 900 "
                      "AND grp IN (SELECT grp FROM g WHERE label LIKE '%1%') ORDER BY id",
          ALL, 1);
    query("correlated", "SELECT g.grp, (SELECT name FROM t WHERE t.grp = g.grp ORDER BY score DESC, id LIMIT 1), "
                        "(SELECT count(*) FROM t WHERE t.grp = g.grp AND t.score < 0) FROM g ORDER BY g.grp",
          ALL, 0);
    query("window", "SELECT grp, id, rank() OVER (PARTITION BY grp ORDER BY score DESC, id) AS r, "
                    "printf('%.3f', sum(score) OVER (PARTITION BY grp ORDER BY id ROWS 2 PRECEDING)) "
                    "FROM t WHERE grp < 3 ORDER BY grp, r",
          10, 0);
    query("cte", "WITH RECURSIVE c(n, f) AS (SELECT 1, 1.0 UNION ALL SELECT n + 1, f * (n + 1) FROM c WHERE n < 25) "
                 "SELECT n, printf('%.3f', f), printf('%e', f), printf('%g', 1.0 / n) FROM c",
          ALL, 0);
    query("printf", "SELECT id, printf('%.3f|%8.2e|%-10g|%+d|%05.1f|%s', score, score, score / 7, grp, "
                    "score / 1000, quote(data)) FROM t ORDER BY id LIMIT 40",
          ALL, 1);
    query("casts", "SELECT CAST('  12.50e1xyz' AS REAL), CAST(3.99 AS INTEGER), CAST(-3.99 AS INTEGER), "
                   "round(2.5), round(-2.5), round(1234.5678, 2), 7 / 2, 7 % -3, -7 / 2.0, "
                   "9223372036854775807 + 1, abs(-9223372036854775807), 1e308 * 10, hex(zeroblob(3)), "
                   "typeof(1e0), '10' + 5, instr('hello', 'll'), substr('abcdef', -3, 2), "
                   "replace('aXbXc', 'X', '--'), trim('  x  '), unicode('ü'), char(72, 105)",
          ALL, 0);

    exec("BEGIN");
    exec("UPDATE t SET score = score * 1.5 + 1, name = upper(name) WHERE grp % 3 = 0 AND score IS NOT NULL");
    printf("updated=%d\n", sqlite3_changes(db));
    exec("DELETE FROM t WHERE id % 5 = 0 OR score < -1400");
    printf("deleted=%d\n", sqlite3_changes(db));
    exec("UPDATE t SET data = NULL WHERE length(data) > 60");
    printf("updated blobs=%d\n", sqlite3_changes(db));
    exec("COMMIT");
    exec("SAVEPOINT sp; DELETE FROM t WHERE grp = 1; ROLLBACK TO sp; RELEASE sp");

    query("after totals", "SELECT count(*), sum(length(name)), printf('%.3f', total(score)), "
                          "printf('%.6f', avg(score)), min(id), max(id) FROM t",
          ALL, 0);
    query("after integrity", "PRAGMA integrity_check", ALL, 0);
    sort_query("after order by name", "SELECT name, id, printf('%.3f', score) FROM t ORDER BY name, id", 20, 1);
    query("after group by", "SELECT grp, count(*), printf('%.3f', avg(score)), max(name) FROM t "
                            "GROUP BY grp ORDER BY grp",
          ALL, 0);
    sort_query("distinct", "SELECT DISTINCT substr(name, 1, 3) AS p FROM t ORDER BY p", ALL, 1);

    c_printf_checks();

    sqlite3_close(db);
    printf("vfs: opens=%d closes=%d max open=%d written=%lld read=%lld\n", vfs_stats.opens, vfs_stats.closes,
           vfs_stats.max_open, (long long)vfs_stats.bytes_written, (long long)vfs_stats.bytes_read);
    printf("done\n");
    return 0;
}
