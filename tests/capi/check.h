/*
 * check.h — the tiny assertion library of the C ABI tests (strict C99,
 * header-only: each test is one translation unit). Counts are kept under a
 * mutex, so threads may assert too; a failure prints its file and line, the
 * assertion, and the thread's error record.
 *
 *     CHECK(cond)                       one assertion
 *     CHECK_STR(actual, expected)       string equality, NULL-safe
 *     CHECK_HAS(haystack, needle)       substring, NULL-safe
 *     return check_summary("capi_test");  prints "NAME: N passed, M failed"
 */
#ifndef ZJCREDIT_TESTS_CAPI_CHECK_H
#define ZJCREDIT_TESTS_CAPI_CHECK_H

#include <zjcredit.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int g_passed = 0;
static int g_failed = 0;
static pthread_mutex_t g_count_lock = PTHREAD_MUTEX_INITIALIZER;

static inline const char *safe(const char *s) { return s == NULL ? "(NULL)" : s; }

/* At most this many failures are printed; all are counted. */
#define CHECK_MAX_PRINTED 40

static inline int record_at(int ok, const char *file, int line, const char *what) {
    pthread_mutex_lock(&g_count_lock);
    if (ok) {
        ++g_passed;
    } else if (++g_failed <= CHECK_MAX_PRINTED) {
        fprintf(stderr, "%s:%d: FAILED: %s\n    last status %s, error \"%s\", field \"%s\"\n", file, line, what,
                zjc_status_name(zjc_last_status()), safe(zjc_last_error()), safe(zjc_last_error_field()));
    }
    pthread_mutex_unlock(&g_count_lock);
    return ok;
}

#define record(ok, line, what) record_at((ok), __FILE__, (line), (what))

#define CHECK(cond) record((cond) != 0, __LINE__, #cond)

#define CHECK_STR(actual, expected) check_str_((actual), (expected), __FILE__, __LINE__, #actual)
static inline int check_str_(const char *actual, const char *expected, const char *file, int line, const char *what) {
    int ok = actual != NULL && strcmp(actual, expected) == 0;
    if (!ok) fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", file, line, what, safe(actual), expected);
    return record_at(ok, file, line, what);
}

#define CHECK_HAS(haystack, needle) check_has_((haystack), (needle), __FILE__, __LINE__, #haystack " contains " #needle)
static inline int check_has_(const char *haystack, const char *needle, const char *file, int line, const char *what) {
    int ok = haystack != NULL && strstr(haystack, needle) != NULL;
    if (!ok) fprintf(stderr, "%s:%d: \"%.400s\" lacks \"%s\"\n", file, line, safe(haystack), needle);
    return record_at(ok, file, line, what);
}

/* Prints "name: N passed, M failed" (the closing line ctest's log shows);
 * the exit status of the test. */
static inline int check_summary(const char *name) {
    printf("%s: %d passed, %d failed\n", name, g_passed, g_failed);
    return g_failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif
