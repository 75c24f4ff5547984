/*
 * capi_test.c — the C ABI (capi/zjcredit.h) exercised from strict C99.
 *
 * Every entry point is called with good input (checking the result), with
 * NULL for each of its pointer arguments (ZJC_EINVALID and a message naming
 * the argument), and with malformed input (the documented status, a message
 * naming the field or quoting the text, zjc_last_error_field() where the
 * error concerns a field). After every success zjc_last_error() must be ""
 * (never NULL); after every failure the `out` argument must be untouched.
 * A last part runs two threads to show zjc_last_error() is per thread.
 *
 * Prints "capi_test: N passed, M failed" and exits non-zero on any failure.
 */
#define _POSIX_C_SOURCE 200809L

#include <zjcredit.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* Leaves an error behind, so that a following success must clear it. */
static void dirty(void) {
    int32_t rc = zjc_amount_parse(NULL, "1", ZJC_ROUND_EXACT);
    (void)rc;
}

/*
 * EXPECT_OK(call): the call returns ZJC_OK, and the thread's error record is
 * clean: zjc_last_status() == ZJC_OK, zjc_last_error() and
 * zjc_last_error_field() are "" and never NULL. dirty() runs first so a
 * stale message from an earlier failure would show.
 */
#define EXPECT_OK(call)                          \
    do {                                         \
        int32_t rc_;                             \
        dirty();                                 \
        rc_ = (call);                            \
        expect_ok_(rc_, __LINE__, #call);        \
    } while (0)
static void expect_ok_(int32_t rc, int line, const char *what) {
    const char *msg = zjc_last_error();
    const char *field = zjc_last_error_field();
    int ok = rc == ZJC_OK && zjc_last_status() == ZJC_OK && msg != NULL && msg[0] == '\0' && field != NULL &&
             field[0] == '\0';
    if (!ok) fprintf(stderr, "capi_test.c:%d: expected ZJC_OK, got %s\n", line, zjc_status_name(rc));
    record(ok, line, what);
}

/*
 * EXPECT_FAIL(call, status, needle, field): the call returns `status`,
 * zjc_last_status() agrees, zjc_last_error() is non-empty and contains
 * `needle` (when not NULL), and zjc_last_error_field() equals `field` (when
 * not NULL; never NULL itself).
 */
#define EXPECT_FAIL(call, status, needle, field) \
    do {                                         \
        int32_t rc_ = (call);                    \
        expect_fail_(rc_, (status), (needle), (field), __LINE__, #call); \
    } while (0)
static void expect_fail_(int32_t rc, int32_t status, const char *needle, const char *field, int line,
                         const char *what) {
    const char *msg = zjc_last_error();
    const char *got_field = zjc_last_error_field();
    int ok = 1;
    if (rc != status || zjc_last_status() != status) {
        fprintf(stderr, "capi_test.c:%d: expected %s, got %s (last status %s)\n", line, zjc_status_name(status),
                zjc_status_name(rc), zjc_status_name(zjc_last_status()));
        ok = 0;
    }
    if (msg == NULL || msg[0] == '\0') {
        fprintf(stderr, "capi_test.c:%d: zjc_last_error() is empty after a failure\n", line);
        ok = 0;
    } else if (needle != NULL && strstr(msg, needle) == NULL) {
        fprintf(stderr, "capi_test.c:%d: message \"%s\" does not mention \"%s\"\n", line, msg, needle);
        ok = 0;
    }
    if (got_field == NULL) {
        fprintf(stderr, "capi_test.c:%d: zjc_last_error_field() is NULL\n", line);
        ok = 0;
    } else if (field != NULL && strcmp(got_field, field) != 0) {
        fprintf(stderr, "capi_test.c:%d: field is \"%s\", expected \"%s\"\n", line, got_field, field);
        ok = 0;
    }
    record(ok, line, what);
}

/* An out-pointer value no call may write on failure. */
static char g_sentinel_storage[] = "sentinel";
#define SENTINEL (g_sentinel_storage)
#define FEN_SENTINEL ((int64_t)0x5A5A5A5A)

/* Frees *s and resets it to the sentinel. */
static void reset(char **s) {
    if (*s != SENTINEL) zjc_string_free(*s);
    *s = SENTINEL;
}

/* Number of non-overlapping occurrences of `needle` in `haystack`. */
static int count_of(const char *haystack, const char *needle) {
    int n = 0;
    size_t len = strlen(needle);
    const char *p = haystack;
    if (haystack == NULL) return -1;
    while ((p = strstr(p, needle)) != NULL) {
        ++n;
        p += len;
    }
    return n;
}

/* True when, after the first `anchor`, the next `"key": ` is followed by `value`. */
static int value_after(const char *json, const char *anchor, const char *key, const char *value) {
    char pattern[128];
    const char *p = json == NULL ? NULL : strstr(json, anchor);
    if (p == NULL) return 0;
    snprintf(pattern, sizeof pattern, "\"%s\": ", key);
    p = strstr(p, pattern);
    if (p == NULL) return 0;
    p += strlen(pattern);
    return strncmp(p, value, strlen(value)) == 0;
}

/* ---- records ------------------------------------------------------------------ */

/* 1,000,000.00 every day 2022-04-01..06-30 (91 days) at 4.35%, capped at 1%:
 * 1e6 × 1% × 91 / 360 = 2527.777… → 2527.78 (half up). */
static const char k_loan[] =
    "{\"borrower\": \"湛江市甲科技有限公司\", \"borrower_kind\": \"small\","
    " \"first_application_date\": \"2022-04-01\", \"via_platform\": true,"
    " \"local_legal_person_lender\": true, \"first_loan\": true, \"annual_rate\": \"4.35%\","
    " \"balances\": [{\"from\": \"2022-04-01\", \"to\": \"2022-06-30\", \"balance\": \"1000000.00\"}],"
    " \"period\": {\"from\": \"2022-04-01\", \"to\": \"2022-06-30\"}}";

/* The same loan, not a first loan: a result (eligible false), not an error. */
static const char k_loan_not_first[] =
    "{\"borrower\": \"湛江市甲科技有限公司\", \"borrower_kind\": \"small\","
    " \"first_application_date\": \"2022-04-01\", \"via_platform\": true,"
    " \"local_legal_person_lender\": true, \"first_loan\": false, \"annual_rate\": \"4.35%\","
    " \"balances\": [{\"from\": \"2022-04-01\", \"to\": \"2022-06-30\", \"balance\": \"1000000.00\"}],"
    " \"period\": {\"from\": \"2022-04-01\", \"to\": \"2022-06-30\"}}";

static const char k_loan_bad_amount[] =
    "{\"borrower\": \"a\", \"borrower_kind\": \"small\", \"first_application_date\": \"2022-04-01\","
    " \"via_platform\": true, \"local_legal_person_lender\": true, \"first_loan\": true,"
    " \"annual_rate\": \"4.35%\","
    " \"balances\": [{\"from\": \"2022-04-01\", \"to\": \"2022-06-30\", \"balance\": \"1,0x0.00\"}],"
    " \"period\": {\"from\": \"2022-04-01\", \"to\": \"2022-06-30\"}}";

static const char k_loan_bad_rate[] =
    "{\"borrower\": \"a\", \"borrower_kind\": \"small\", \"first_application_date\": \"2022-04-01\","
    " \"via_platform\": true, \"local_legal_person_lender\": true, \"first_loan\": true,"
    " \"annual_rate\": \"4.3%5\","
    " \"balances\": [{\"from\": \"2022-04-01\", \"to\": \"2022-06-30\", \"balance\": \"1000000.00\"}],"
    " \"period\": {\"from\": \"2022-04-01\", \"to\": \"2022-06-30\"}}";

static const char k_loan_overlap[] =
    "{\"borrower\": \"a\", \"borrower_kind\": \"small\", \"first_application_date\": \"2022-04-01\","
    " \"via_platform\": true, \"local_legal_person_lender\": true, \"first_loan\": true,"
    " \"annual_rate\": \"4.35%\","
    " \"balances\": [{\"from\": \"2022-04-01\", \"to\": \"2022-06-30\", \"balance\": \"100.00\"},"
    " {\"from\": \"2022-06-01\", \"to\": \"2022-07-30\", \"balance\": \"100.00\"}],"
    " \"period\": {\"from\": \"2022-04-01\", \"to\": \"2022-06-30\"}}";

static const char k_loan_overflow[] =
    "{\"borrower\": \"a\", \"borrower_kind\": \"small\", \"first_application_date\": \"2022-04-01\","
    " \"via_platform\": true, \"local_legal_person_lender\": true, \"first_loan\": true,"
    " \"annual_rate\": \"4.35%\","
    " \"balances\": [{\"from\": \"2022-04-01\", \"to\": \"2022-06-30\", \"balance\": \"100000000000000000\"}],"
    " \"period\": {\"from\": \"2022-04-01\", \"to\": \"2022-06-30\"}}";

static const char k_loan_number[] =
    "{\"borrower\": \"a\", \"borrower_kind\": \"small\", \"first_application_date\": \"2022-04-01\","
    " \"via_platform\": true, \"local_legal_person_lender\": true, \"first_loan\": true,"
    " \"annual_rate\": \"4.35%\","
    " \"balances\": [{\"from\": \"2022-04-01\", \"to\": \"2022-06-30\", \"balance\": 1000}],"
    " \"period\": {\"from\": \"2022-04-01\", \"to\": \"2022-06-30\"}}";

/* 1% × (1,000,000 × 180 + 500,000 × 90) / 365 = 6164.383… → 6164.38. */
static const char k_enterprise[] =
    "{\"core_enterprise\": \"湛江市丙集团有限公司\", \"financings\": ["
    "{\"sme\": \"湛江市乙贸易有限公司\", \"amount\": \"1000000.00\", \"start\": \"2022-03-01\","
    " \"end\": \"2022-08-28\", \"confirmed_on_platform\": true},"
    "{\"sme\": \"湛江市丁制造有限公司\", \"amount\": \"500000.00\", \"start\": \"2022-05-01\", \"days\": 90,"
    " \"confirmed_on_platform\": true}]}";

static const char k_enterprise_reversed[] =
    "{\"core_enterprise\": \"丙\", \"financings\": [{\"sme\": \"乙\", \"amount\": \"100.00\","
    " \"start\": \"2022-03-01\", \"end\": \"2022-02-01\", \"confirmed_on_platform\": true}]}";

static const char k_enterprise_bad_amount[] =
    "{\"core_enterprise\": \"丙\", \"financings\": [{\"sme\": \"乙\", \"amount\": \"一百块\","
    " \"start\": \"2022-03-01\", \"days\": 10, \"confirmed_on_platform\": true}]}";

/* Room 9,000,000 − 3,000,000 paid: tutoring_filed 2,000,000 + listed 4,000,000. */
static const char k_company[] =
    "{\"company\": \"湛江市戊股份有限公司\", \"stages\": ["
    "{\"stage\": \"listed\", \"date\": \"2023-06-20\"}, {\"stage\": \"tutoring_filed\", \"date\": \"2022-03-01\"}],"
    " \"paid_stages\": [\"application_accepted\"], \"paid_amount\": \"3000000.00\"}";

static const char k_company_bad_stage[] =
    "{\"company\": \"戊\", \"stages\": [{\"stage\": \"ipo\", \"date\": \"2023-06-20\"}]}";

static const char k_budget[] =
    "{\"budget\": \"100.00\", \"method\": \"pro_rata\", \"claims\": ["
    "{\"id\": \"C\", \"amount\": \"100.00\"}, {\"id\": \"A\", \"amount\": \"100.00\"},"
    " {\"id\": \"B\", \"amount\": \"100.00\"}]}";

static const char k_budget_bad_method[] =
    "{\"budget\": \"100.00\", \"method\": \"lottery\", \"claims\": []}";

static const char k_budget_duplicate[] =
    "{\"budget\": \"100.00\", \"method\": \"pro_rata\", \"claims\": ["
    "{\"id\": \"A\", \"amount\": \"1.00\"}, {\"id\": \"A\", \"amount\": \"2.00\"}]}";

static const char k_budget_bad_budget[] =
    "{\"budget\": \"一百\", \"method\": \"pro_rata\", \"claims\": []}";

static const char k_observations[] =
    "{\"schema_version\": 1, \"as_of\": \"2022-12-31\", \"observations\": ["
    "{\"indicator\": \"sme_credit_loan_balance\", \"year_start\": \"230亿\", \"current\": \"251亿\","
    " \"source\": \"人民银行湛江市中心支行\"}]}";

static const char k_observations_bad_figure[] =
    "{\"schema_version\": 1, \"as_of\": \"2022-12-31\", \"observations\": ["
    "{\"indicator\": \"sme_credit_loan_balance\", \"current\": \"25x\", \"source\": \"人行\"}]}";

static const char k_observations_unknown_key[] =
    "{\"schema_version\": 1, \"as_of\": \"2022-12-31\", \"observations\": ["
    "{\"indicator\": \"sme_credit_loan_balance\", \"curent\": \"251亿\", \"source\": \"人行\"}]}";

/* 2022-09-25 is a Sunday: due Monday 09-26. commerce on time, pbc 2 days late. */
static const char k_ledger[] =
    "{\"schema_version\": 1, \"kind\": \"zjcredit.ledger\", \"submissions\": ["
    "{\"unit\": \"commerce\", \"month\": \"2022-09\", \"received\": \"2022-09-26\","
    " \"entries\": [{\"task\": \"m3.fx_facilitation\", \"status\": \"done\"}]},"
    "{\"unit\": \"人行\", \"month\": \"2022-09\", \"received\": \"2022-09-28\","
    " \"entries\": [{\"task\": \"m3.fx_facilitation\", \"status\": \"in_progress\"}]}]}";

static const char k_ledger_unknown_unit[] =
    "{\"schema_version\": 1, \"kind\": \"zjcredit.ledger\", \"submissions\": ["
    "{\"unit\": \"火星局\", \"month\": \"2022-09\", \"received\": \"2022-09-26\", \"entries\": []}]}";

static const char k_ledger_bad_status[] =
    "{\"schema_version\": 1, \"kind\": \"zjcredit.ledger\", \"submissions\": ["
    "{\"unit\": \"commerce\", \"month\": \"2022-09\", \"received\": \"2022-09-26\","
    " \"entries\": [{\"task\": \"m3.fx_facilitation\", \"status\": \"finished\"}]}]}";

/* ---- version, status names, strings ------------------------------------------- */

static void test_version(void) {
    char expected[32];
    snprintf(expected, sizeof expected, "%d.%d.%d", ZJC_VERSION_MAJOR, ZJC_VERSION_MINOR, ZJC_VERSION_PATCH);
    dirty();
    CHECK_STR(zjc_version(), expected);
    CHECK_STR(zjc_last_error(), "");
    CHECK(zjc_last_status() == ZJC_OK);
    CHECK(ZJC_VERSION_NUMBER == ZJC_VERSION_MAJOR * 10000 + ZJC_VERSION_MINOR * 100 + ZJC_VERSION_PATCH);
    dirty();
    CHECK(zjc_abi_version() == ZJC_ABI_VERSION);
    CHECK_STR(zjc_last_error(), "");
    CHECK(zjc_version() == zjc_version()); /* static storage */
}

static void test_status_names(void) {
    CHECK_STR(zjc_status_name(ZJC_OK), "ZJC_OK");
    CHECK_STR(zjc_status_name(ZJC_EPARSE), "ZJC_EPARSE");
    CHECK_STR(zjc_status_name(ZJC_EVALIDATION), "ZJC_EVALIDATION");
    CHECK_STR(zjc_status_name(ZJC_EOVERFLOW), "ZJC_EOVERFLOW");
    CHECK_STR(zjc_status_name(ZJC_ENOTFOUND), "ZJC_ENOTFOUND");
    CHECK_STR(zjc_status_name(ZJC_EIO), "ZJC_EIO");
    CHECK_STR(zjc_status_name(ZJC_EINVALID), "ZJC_EINVALID");
    CHECK_STR(zjc_status_name(ZJC_ENOMEM), "ZJC_ENOMEM");
    CHECK_STR(zjc_status_name(ZJC_EINTERNAL), "ZJC_EINTERNAL");
    CHECK_STR(zjc_status_name(1), "ZJC_UNKNOWN");
    CHECK_STR(zjc_status_name(-9), "ZJC_UNKNOWN");
    CHECK_STR(zjc_status_name(INT32_MIN), "ZJC_UNKNOWN");
    /* The pinned numbers. */
    CHECK(ZJC_OK == 0 && ZJC_EPARSE == -1 && ZJC_EVALIDATION == -2 && ZJC_EOVERFLOW == -3);
    CHECK(ZJC_ENOTFOUND == -4 && ZJC_EIO == -5 && ZJC_EINVALID == -6 && ZJC_ENOMEM == -7 && ZJC_EINTERNAL == -8);
}

static void test_error_record(void) {
    /* A fresh thread state and after successes: "" and never NULL. */
    EXPECT_OK(zjc_abi_version() == ZJC_ABI_VERSION ? ZJC_OK : ZJC_EINTERNAL);
    CHECK(zjc_last_error() != NULL);
    CHECK(zjc_last_error_field() != NULL);
    /* The message stays until this thread's next call. */
    EXPECT_FAIL(zjc_rate_parse(NULL, "1%"), ZJC_EINVALID, "out_units", "");
    CHECK_HAS(zjc_last_error(), "NULL");
    CHECK_HAS(zjc_last_error(), "out_units"); /* reading it twice does not clear it */
    /* The free functions accept NULL. */
    zjc_string_free(NULL);
    zjc_plan_free(NULL);
    CHECK(1);
}

/* ---- amounts ---------------------------------------------------------------------- */

static void test_amount_parse(void) {
    int64_t fen = FEN_SENTINEL;
    EXPECT_OK(zjc_amount_parse(&fen, "2.2亿元", ZJC_ROUND_EXACT));
    CHECK(fen == 22000000000LL);
    EXPECT_OK(zjc_amount_parse(&fen, "1,234.56", ZJC_ROUND_EXACT));
    CHECK(fen == 123456);
    EXPECT_OK(zjc_amount_parse(&fen, "１２３４．５６", ZJC_ROUND_EXACT));
    CHECK(fen == 123456);
    EXPECT_OK(zjc_amount_parse(&fen, "3亿4500万", ZJC_ROUND_EXACT));
    CHECK(fen == 34500000000LL);
    EXPECT_OK(zjc_amount_parse(&fen, "人民币1000万元", ZJC_ROUND_EXACT));
    CHECK(fen == 1000000000LL);
    EXPECT_OK(zjc_amount_parse(&fen, "92233720368547758.07", ZJC_ROUND_EXACT));
    CHECK(fen == INT64_MAX);
    EXPECT_OK(zjc_amount_parse(&fen, "-0.01", ZJC_ROUND_EXACT));
    CHECK(fen == -1);

    /* Digits below the 分: each rounding mode. */
    EXPECT_OK(zjc_amount_parse(&fen, "1.005", ZJC_ROUND_HALF_UP));
    CHECK(fen == 101);
    EXPECT_OK(zjc_amount_parse(&fen, "1.005", ZJC_ROUND_HALF_EVEN));
    CHECK(fen == 100);
    EXPECT_OK(zjc_amount_parse(&fen, "1.015", ZJC_ROUND_HALF_EVEN));
    CHECK(fen == 102);
    EXPECT_OK(zjc_amount_parse(&fen, "1.009", ZJC_ROUND_DOWN));
    CHECK(fen == 100);
    EXPECT_OK(zjc_amount_parse(&fen, "1.001", ZJC_ROUND_UP));
    CHECK(fen == 101);
    EXPECT_OK(zjc_amount_parse(&fen, "-1.005", ZJC_ROUND_HALF_UP));
    CHECK(fen == -101);
    EXPECT_OK(zjc_amount_parse(&fen, "-1.009", ZJC_ROUND_DOWN));
    CHECK(fen == -100);

    /* Errors: out untouched, the text quoted, the field set. */
    fen = FEN_SENTINEL;
    EXPECT_FAIL(zjc_amount_parse(&fen, "1.005", ZJC_ROUND_EXACT), ZJC_EPARSE, "1.005", "amount");
    EXPECT_FAIL(zjc_amount_parse(&fen, "12abc", ZJC_ROUND_EXACT), ZJC_EPARSE, "12abc", "amount");
    EXPECT_FAIL(zjc_amount_parse(&fen, "", ZJC_ROUND_EXACT), ZJC_EPARSE, "empty", "amount");
    EXPECT_FAIL(zjc_amount_parse(&fen, "1e30", ZJC_ROUND_HALF_UP), ZJC_EPARSE, "1e30", "amount");
    EXPECT_FAIL(zjc_amount_parse(&fen, "99999999999999999999", ZJC_ROUND_EXACT), ZJC_EOVERFLOW,
                "99999999999999999999", "amount");
    EXPECT_FAIL(zjc_amount_parse(&fen, "-92233720368547758.08", ZJC_ROUND_EXACT), ZJC_EOVERFLOW, "out of range",
                "amount");
    EXPECT_FAIL(zjc_amount_parse(&fen, "1.00", 42), ZJC_EINVALID, "rounding", NULL);
    CHECK_HAS(zjc_last_error(), "42");
    EXPECT_FAIL(zjc_amount_parse(&fen, "1.00", -2), ZJC_EINVALID, "rounding", NULL);
    CHECK(fen == FEN_SENTINEL);

    /* NULL arguments. */
    EXPECT_FAIL(zjc_amount_parse(NULL, "1.00", ZJC_ROUND_EXACT), ZJC_EINVALID, "out_fen", NULL);
    EXPECT_FAIL(zjc_amount_parse(&fen, NULL, ZJC_ROUND_EXACT), ZJC_EINVALID, "text", NULL);
    CHECK(fen == FEN_SENTINEL);
}

static void test_amount_format(void) {
    char *s = SENTINEL;
    EXPECT_OK(zjc_amount_format(&s, 123456, ZJC_FORMAT_CANONICAL));
    CHECK_STR(s, "1234.56");
    reset(&s);
    EXPECT_OK(zjc_amount_format(&s, -5, ZJC_FORMAT_CANONICAL));
    CHECK_STR(s, "-0.05");
    reset(&s);
    EXPECT_OK(zjc_amount_format(&s, -123456789, ZJC_FORMAT_GROUPED));
    CHECK_STR(s, "-1,234,567.89");
    reset(&s);
    EXPECT_OK(zjc_amount_format(&s, 123456, ZJC_FORMAT_WORDS));
    CHECK_STR(s, "壹仟贰佰叁拾肆元伍角陆分");
    reset(&s);
    EXPECT_OK(zjc_amount_format(&s, 140950, ZJC_FORMAT_WORDS));
    CHECK_STR(s, "壹仟肆佰零玖元伍角");
    reset(&s);
    EXPECT_OK(zjc_amount_format(&s, 123456, ZJC_FORMAT_WORDS_PREFIX));
    CHECK_STR(s, "人民币壹仟贰佰叁拾肆元伍角陆分");
    reset(&s);
    EXPECT_OK(zjc_amount_format(&s, 100, ZJC_FORMAT_WORDS_PREFIX));
    CHECK_STR(s, "人民币壹元整");
    reset(&s);
    EXPECT_OK(zjc_amount_format(&s, 0, ZJC_FORMAT_WORDS));
    CHECK_STR(s, "零元整");
    reset(&s);
    EXPECT_OK(zjc_amount_format(&s, 999999999999999999LL, ZJC_FORMAT_WORDS));
    CHECK_HAS(s, "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿");
    reset(&s);

    EXPECT_FAIL(zjc_amount_format(&s, -1, ZJC_FORMAT_WORDS), ZJC_EVALIDATION, "-0.01", "amount");
    EXPECT_FAIL(zjc_amount_format(&s, 1000000000000000000LL, ZJC_FORMAT_WORDS_PREFIX), ZJC_EOVERFLOW,
                "10000000000000000.00", "amount");
    EXPECT_FAIL(zjc_amount_format(&s, 1, 4), ZJC_EINVALID, "style", NULL);
    EXPECT_FAIL(zjc_amount_format(&s, 1, -1), ZJC_EINVALID, "style", NULL);
    CHECK(s == SENTINEL);
    EXPECT_FAIL(zjc_amount_format(NULL, 1, ZJC_FORMAT_CANONICAL), ZJC_EINVALID, "out", NULL);
}

static void test_decimal_round(void) {
    char *s = SENTINEL;
    EXPECT_OK(zjc_decimal_round(&s, "2.675", 2, ZJC_ROUND_HALF_UP));
    CHECK_STR(s, "2.68");
    reset(&s);
    EXPECT_OK(zjc_decimal_round(&s, "2.665", 2, ZJC_ROUND_HALF_EVEN));
    CHECK_STR(s, "2.66");
    reset(&s);
    EXPECT_OK(zjc_decimal_round(&s, "2.675", 2, ZJC_ROUND_HALF_EVEN));
    CHECK_STR(s, "2.68");
    reset(&s);
    EXPECT_OK(zjc_decimal_round(&s, "2.669", 2, ZJC_ROUND_DOWN));
    CHECK_STR(s, "2.66");
    reset(&s);
    EXPECT_OK(zjc_decimal_round(&s, "2.661", 2, ZJC_ROUND_UP));
    CHECK_STR(s, "2.67");
    reset(&s);
    EXPECT_OK(zjc_decimal_round(&s, "-2.675", 2, ZJC_ROUND_HALF_UP));
    CHECK_STR(s, "-2.68");
    reset(&s);
    EXPECT_OK(zjc_decimal_round(&s, "1.5", 3, ZJC_ROUND_HALF_UP));
    CHECK_STR(s, "1.500");
    reset(&s);
    EXPECT_OK(zjc_decimal_round(&s, "2.2亿", 0, ZJC_ROUND_HALF_UP));
    CHECK_STR(s, "220000000");
    reset(&s);
    EXPECT_OK(zjc_decimal_round(&s, "4.35%", 4, ZJC_ROUND_HALF_UP));
    CHECK_STR(s, "0.0435");
    reset(&s);

    EXPECT_FAIL(zjc_decimal_round(&s, "x2", 2, ZJC_ROUND_HALF_UP), ZJC_EPARSE, "x2", "value");
    EXPECT_FAIL(zjc_decimal_round(&s, "1e40", 2, ZJC_ROUND_HALF_UP), ZJC_EPARSE, "1e40", "value");
    EXPECT_FAIL(zjc_decimal_round(&s, "99999999999999999999999", 18, ZJC_ROUND_HALF_UP), ZJC_EOVERFLOW, NULL, NULL);
    EXPECT_FAIL(zjc_decimal_round(&s, "1.5", 19, ZJC_ROUND_HALF_UP), ZJC_EINVALID, "places", NULL);
    EXPECT_FAIL(zjc_decimal_round(&s, "1.5", -1, ZJC_ROUND_HALF_UP), ZJC_EINVALID, "places", NULL);
    EXPECT_FAIL(zjc_decimal_round(&s, "1.5", 2, ZJC_ROUND_EXACT), ZJC_EINVALID, "rounding", NULL);
    EXPECT_FAIL(zjc_decimal_round(&s, "1.5", 2, 7), ZJC_EINVALID, "rounding", NULL);
    CHECK(s == SENTINEL);

    EXPECT_FAIL(zjc_decimal_round(NULL, "1.5", 2, ZJC_ROUND_HALF_UP), ZJC_EINVALID, "out", NULL);
    EXPECT_FAIL(zjc_decimal_round(&s, NULL, 2, ZJC_ROUND_HALF_UP), ZJC_EINVALID, "value", NULL);
    CHECK(s == SENTINEL);
}

static void test_rate_parse(void) {
    int64_t units = FEN_SENTINEL;
    EXPECT_OK(zjc_rate_parse(&units, "4.35%"));
    CHECK(units == 435000000);
    EXPECT_OK(zjc_rate_parse(&units, "0.0435"));
    CHECK(units == 435000000);
    EXPECT_OK(zjc_rate_parse(&units, "1%"));
    CHECK(units == 100000000);

    units = FEN_SENTINEL;
    EXPECT_FAIL(zjc_rate_parse(&units, "4.3%5"), ZJC_EPARSE, "\"4.3%5\" at position 4", "rate");
    EXPECT_FAIL(zjc_rate_parse(&units, "abc"), ZJC_EPARSE, "abc", "rate");
    EXPECT_FAIL(zjc_rate_parse(&units, "99999999999999999999%"), ZJC_EOVERFLOW, "99999999999999999999%", "rate");
    CHECK(units == FEN_SENTINEL);

    EXPECT_FAIL(zjc_rate_parse(NULL, "1%"), ZJC_EINVALID, "out_units", NULL);
    EXPECT_FAIL(zjc_rate_parse(&units, NULL), ZJC_EINVALID, "text", NULL);
    CHECK(units == FEN_SENTINEL);
}

/* ---- the plan --------------------------------------------------------------------- */

static void test_plan(void) {
    zjc_plan *plan = NULL;
    zjc_plan *loaded = NULL;
    zjc_plan *untouched = (zjc_plan *)(void *)SENTINEL;
    char *json = SENTINEL;
    char *again = SENTINEL;
    char *s = SENTINEL;

    EXPECT_OK(zjc_plan_default(&plan));
    CHECK(plan != NULL);
    EXPECT_FAIL(zjc_plan_default(NULL), ZJC_EINVALID, "out", NULL);
    if (plan == NULL) return;

    /* to_json -> load_json -> to_json is byte-identical. */
    EXPECT_OK(zjc_plan_to_json(plan, &json));
    CHECK(json != SENTINEL && json != NULL && strlen(json) > 1000);
    CHECK_HAS(json, "\"schema_version\": 2");
    CHECK_HAS(json, "湛金函〔2022〕86号");
    EXPECT_OK(zjc_plan_load_json(&loaded, json, strlen(json)));
    CHECK(loaded != NULL);
    if (loaded != NULL) {
        EXPECT_OK(zjc_plan_to_json(loaded, &again));
        CHECK_STR(again, json);
        reset(&again);
    }
    /* `len` is honoured: a truncated document is malformed JSON. */
    EXPECT_FAIL(zjc_plan_load_json(&untouched, json, strlen(json) / 2), ZJC_EPARSE, "malformed JSON", "plan");
    EXPECT_FAIL(zjc_plan_load_json(&untouched, json, 0), ZJC_EPARSE, NULL, "plan");
    EXPECT_FAIL(zjc_plan_load_json(&untouched, "{", 1), ZJC_EPARSE, "malformed JSON", "plan");
    EXPECT_FAIL(zjc_plan_load_json(&untouched, "{}", 2), ZJC_EPARSE, "schema_version", "schema_version");
    EXPECT_FAIL(zjc_plan_load_json(&untouched, "[1, 2]", 6), ZJC_EPARSE, NULL, NULL);
    CHECK(untouched == (zjc_plan *)(void *)SENTINEL);
    EXPECT_FAIL(zjc_plan_load_json(NULL, json, strlen(json)), ZJC_EINVALID, "out", NULL);
    EXPECT_FAIL(zjc_plan_load_json(&untouched, NULL, 10), ZJC_EINVALID, "json", NULL);
    CHECK(untouched == (zjc_plan *)(void *)SENTINEL);
    reset(&json);

    EXPECT_FAIL(zjc_plan_to_json(NULL, &s), ZJC_EINVALID, "plan", NULL);
    EXPECT_FAIL(zjc_plan_to_json(plan, NULL), ZJC_EINVALID, "out", NULL);
    CHECK(s == SENTINEL);

    /* lint: the 2022 plan has 5 findings. */
    EXPECT_OK(zjc_plan_lint(plan, &s));
    CHECK(count_of(s, "\"code\": ") == 5);
    CHECK_HAS(s, "\"unit_not_addressed\"");
    CHECK_HAS(s, "\"attachment_missing\"");
    reset(&s);
    EXPECT_FAIL(zjc_plan_lint(NULL, &s), ZJC_EINVALID, "plan", NULL);
    EXPECT_FAIL(zjc_plan_lint(plan, NULL), ZJC_EINVALID, "out", NULL);
    CHECK(s == SENTINEL);

    /* queries */
    EXPECT_OK(zjc_plan_query(plan, "measures_led_by", "人行", &s));
    CHECK_HAS(s, "\"id\": \"m2\"");
    CHECK_HAS(s, "\"id\": \"m3\"");
    CHECK(count_of(s, "\"number\": ") == 2);
    reset(&s);
    EXPECT_OK(zjc_plan_query(plan, "measures", NULL, &s));
    CHECK_HAS(s, "\"id\": \"m1\"");
    CHECK_HAS(s, "\"id\": \"m6\"");
    reset(&s);
    EXPECT_OK(zjc_plan_query(plan, "units", "ignored", &s));
    CHECK_HAS(s, "\"id\": \"pbc_zhanjiang\"");
    reset(&s);
    EXPECT_OK(zjc_plan_query(plan, "targets", NULL, &s));
    CHECK_HAS(s, "sme_credit_loans");
    reset(&s);
    EXPECT_OK(zjc_plan_query(plan, "deadlines", NULL, &s));
    CHECK_HAS(s, "monthly_ledger");
    reset(&s);
    EXPECT_OK(zjc_plan_query(plan, "ledger_units", NULL, &s));
    CHECK_HAS(s, "\"id\": \"commerce\"");
    reset(&s);
    EXPECT_OK(zjc_plan_query(plan, "unit", "人行", &s));
    CHECK_HAS(s, "\"id\": \"pbc_zhanjiang\"");
    reset(&s);
    EXPECT_OK(zjc_plan_query(plan, "measures_responsible", "commerce", &s));
    CHECK_HAS(s, "\"id\": \"m3\"");
    reset(&s);
    EXPECT_OK(zjc_plan_query(plan, "units_of", "m3", &s));
    CHECK_HAS(s, "\"id\": \"commerce\"");
    reset(&s);
    EXPECT_OK(zjc_plan_query(plan, "targets_of", "m1", &s));
    CHECK(s != SENTINEL && s != NULL && s[0] == '[');
    reset(&s);

    EXPECT_FAIL(zjc_plan_query(plan, "measures_led_by", "火星局", &s), ZJC_ENOTFOUND, "火星局", "unit");
    EXPECT_FAIL(zjc_plan_query(plan, "unit", "nobody", &s), ZJC_ENOTFOUND, "nobody", "unit");
    EXPECT_FAIL(zjc_plan_query(plan, "units_of", "m99", &s), ZJC_ENOTFOUND, "m99", "measure");
    EXPECT_FAIL(zjc_plan_query(plan, "everything", NULL, &s), ZJC_ENOTFOUND, "everything", "query");
    CHECK(s == SENTINEL);
    EXPECT_FAIL(zjc_plan_query(NULL, "units", NULL, &s), ZJC_EINVALID, "plan", NULL);
    EXPECT_FAIL(zjc_plan_query(plan, NULL, NULL, &s), ZJC_EINVALID, "query", NULL);
    EXPECT_FAIL(zjc_plan_query(plan, "units", NULL, NULL), ZJC_EINVALID, "out", NULL);
    EXPECT_FAIL(zjc_plan_query(plan, "unit", NULL, &s), ZJC_EINVALID, "arg", NULL);
    EXPECT_FAIL(zjc_plan_query(plan, "measures_led_by", NULL, &s), ZJC_EINVALID, "arg", NULL);
    EXPECT_FAIL(zjc_plan_query(plan, "measures_responsible", NULL, &s), ZJC_EINVALID, "arg", NULL);
    EXPECT_FAIL(zjc_plan_query(plan, "units_of", NULL, &s), ZJC_EINVALID, "arg", NULL);
    EXPECT_FAIL(zjc_plan_query(plan, "targets_of", NULL, &s), ZJC_EINVALID, "arg", NULL);
    CHECK(s == SENTINEL);

    /* A loaded plan gives the rules the same answers as the embedded one. */
    if (loaded != NULL) {
        char *from_default = SENTINEL;
        char *from_loaded = SENTINEL;
        EXPECT_OK(zjc_first_loan_subsidy(plan, k_loan, &from_default));
        EXPECT_OK(zjc_first_loan_subsidy(loaded, k_loan, &from_loaded));
        CHECK_STR(from_loaded, from_default);
        reset(&from_default);
        reset(&from_loaded);
    }

    zjc_plan_free(loaded);
    zjc_plan_free(plan);
}

/* ---- the rules ---------------------------------------------------------------------- */

typedef int32_t (*rule_fn)(const zjc_plan *, const char *, char **);

/* The NULL checks every rule shares: plan NULL is allowed, record and out are not. */
static void rule_nulls(rule_fn rule, const char *good, const char *name) {
    char *s = SENTINEL;
    char *with_null_plan = SENTINEL;
    zjc_plan *plan = NULL;
    EXPECT_FAIL(rule(NULL, NULL, &s), ZJC_EINVALID, "NULL", NULL);
    EXPECT_FAIL(rule(NULL, good, NULL), ZJC_EINVALID, "out", NULL);
    EXPECT_FAIL(rule(NULL, NULL, NULL), ZJC_EINVALID, "NULL", NULL);
    if (!CHECK(s == SENTINEL)) fprintf(stderr, "    (rule %s)\n", name);
    /* NULL plan: the embedded 2022 plan, the same as an explicit handle. */
    EXPECT_OK(rule(NULL, good, &with_null_plan));
    EXPECT_OK(zjc_plan_default(&plan));
    EXPECT_OK(rule(plan, good, &s));
    if (!CHECK_STR(s, with_null_plan)) fprintf(stderr, "    (rule %s)\n", name);
    reset(&s);
    reset(&with_null_plan);
    zjc_plan_free(plan);
}

static void test_first_loan_subsidy(void) {
    char *s = SENTINEL;
    EXPECT_OK(zjc_first_loan_subsidy(NULL, k_loan, &s));
    CHECK_HAS(s, "\"eligible\": true");
    CHECK_HAS(s, "\"amount\": \"2527.78\"");
    CHECK_HAS(s, "\"reasons\": []");
    CHECK_HAS(s, "\"rule\": \"first_loan_subsidy\"");
    CHECK_HAS(s, "\"rounding\": \"half_up\"");
    CHECK(value_after(s, "\"unrounded\": {", "numerator", "\"22750\"")); /* 元: 1e6 × 1% × 91/360 */
    CHECK(value_after(s, "\"unrounded\": {", "denominator", "\"9\""));
    CHECK(value_after(s, "\"unrounded\": {", "decimal", "\"2527.777777777777\""));
    reset(&s);
    EXPECT_OK(zjc_first_loan_subsidy(NULL, k_loan_not_first, &s));
    CHECK_HAS(s, "\"eligible\": false");
    CHECK_HAS(s, "\"amount\": \"0.00\"");
    CHECK_HAS(s, "\"not_first_loan\"");
    reset(&s);

    EXPECT_FAIL(zjc_first_loan_subsidy(NULL, "{", &s), ZJC_EPARSE, "malformed JSON", NULL);
    EXPECT_FAIL(zjc_first_loan_subsidy(NULL, "", &s), ZJC_EPARSE, NULL, NULL);
    EXPECT_FAIL(zjc_first_loan_subsidy(NULL, "{\"borrower\": 1}", &s), ZJC_EPARSE, "borrower", "borrower");
    EXPECT_FAIL(zjc_first_loan_subsidy(NULL, k_loan_bad_amount, &s), ZJC_EPARSE, "1,0x0.00", "balances[0].balance");
    EXPECT_FAIL(zjc_first_loan_subsidy(NULL, k_loan_bad_rate, &s), ZJC_EPARSE, "4.3%5", "annual_rate");
    EXPECT_FAIL(zjc_first_loan_subsidy(NULL, k_loan_number, &s), ZJC_EPARSE, NULL, "balances[0].balance");
    EXPECT_FAIL(zjc_first_loan_subsidy(NULL, k_loan_overlap, &s), ZJC_EVALIDATION, "overlaps", "balances[1]");
    EXPECT_FAIL(zjc_first_loan_subsidy(NULL, k_loan_overflow, &s), ZJC_EOVERFLOW, NULL, "balances[0].balance");
    CHECK(s == SENTINEL);
    rule_nulls(zjc_first_loan_subsidy, k_loan, "zjc_first_loan_subsidy");
}

static void test_receivables_reward(void) {
    char *s = SENTINEL;
    EXPECT_OK(zjc_receivables_reward(NULL, k_enterprise, &s));
    CHECK_HAS(s, "\"eligible\": true");
    CHECK_HAS(s, "\"amount\": \"6164.38\"");
    CHECK_HAS(s, "\"rule\": \"receivables_reward\"");
    reset(&s);
    EXPECT_OK(zjc_receivables_reward(NULL, "{\"core_enterprise\": \"丙\", \"financings\": []}", &s));
    CHECK_HAS(s, "\"eligible\": false");
    CHECK_HAS(s, "no_eligible_financing");
    reset(&s);

    EXPECT_FAIL(zjc_receivables_reward(NULL, "[]", &s), ZJC_EPARSE, "array", NULL);
    EXPECT_FAIL(zjc_receivables_reward(NULL, "{\"core_enterprise\": \"丙\"", &s), ZJC_EPARSE, "malformed JSON", NULL);
    EXPECT_FAIL(zjc_receivables_reward(NULL, k_enterprise_bad_amount, &s), ZJC_EPARSE, "一百块",
                "financings[0].amount");
    EXPECT_FAIL(zjc_receivables_reward(NULL, k_enterprise_reversed, &s), ZJC_EVALIDATION, NULL, "financings[0].end");
    CHECK(s == SENTINEL);
    rule_nulls(zjc_receivables_reward, k_enterprise, "zjc_receivables_reward");
}

static void test_listing_award(void) {
    char *s = SENTINEL;
    EXPECT_OK(zjc_listing_award(NULL, k_company, &s));
    CHECK_HAS(s, "\"eligible\": true");
    CHECK_HAS(s, "\"amount\": \"6000000.00\"");
    CHECK_HAS(s, "\"stage_table_placeholder\": true");
    CHECK(value_after(s, "\"stage\": \"tutoring_filed\"", "paid", "\"2000000.00\""));
    CHECK(value_after(s, "\"stage\": \"listed\"", "paid", "\"4000000.00\""));
    reset(&s);

    EXPECT_FAIL(zjc_listing_award(NULL, "{\"company\": ", &s), ZJC_EPARSE, "malformed JSON", NULL);
    EXPECT_FAIL(zjc_listing_award(NULL, k_company_bad_stage, &s), ZJC_EVALIDATION, "ipo", "stages[0].stage");
    EXPECT_FAIL(zjc_listing_award(NULL, "{\"company\": \"戊\", \"stages\": [], \"paid_amount\": \"多\"}", &s),
                ZJC_EPARSE, "多", "paid_amount");
    CHECK(s == SENTINEL);
    rule_nulls(zjc_listing_award, k_company, "zjc_listing_award");
}

static void test_budget_allocate(void) {
    char *s = SENTINEL;
    EXPECT_OK(zjc_budget_allocate(NULL, k_budget, &s));
    CHECK_HAS(s, "\"method\": \"pro_rata\"");
    CHECK_HAS(s, "\"amount\": \"100.00\"");
    CHECK_HAS(s, "\"claimed\": \"300.00\"");
    CHECK(value_after(s, "\"id\": \"A\"", "allocated", "\"33.34\""));
    CHECK(value_after(s, "\"id\": \"B\"", "allocated", "\"33.33\""));
    CHECK(value_after(s, "\"id\": \"C\"", "allocated", "\"33.33\""));
    reset(&s);

    EXPECT_FAIL(zjc_budget_allocate(NULL, "{", &s), ZJC_EPARSE, "malformed JSON", NULL);
    EXPECT_FAIL(zjc_budget_allocate(NULL, k_budget_bad_method, &s), ZJC_EPARSE, "lottery", "method");
    EXPECT_FAIL(zjc_budget_allocate(NULL, k_budget_bad_budget, &s), ZJC_EPARSE, "一百", "budget");
    EXPECT_FAIL(zjc_budget_allocate(NULL, k_budget_duplicate, &s), ZJC_EVALIDATION, NULL, "claims[1].id");
    CHECK(s == SENTINEL);
    rule_nulls(zjc_budget_allocate, k_budget, "zjc_budget_allocate");
}

/* ---- assessment and the ledger --------------------------------------------------------- */

static void test_assess(void) {
    char *s = SENTINEL;
    char *with_null_plan = SENTINEL;
    zjc_plan *plan = NULL;
    EXPECT_OK(zjc_assess(NULL, k_observations, &s));
    CHECK_HAS(s, "\"schema_version\": 1");
    CHECK(value_after(s, "\"target\": \"sme_credit_loans\"", "status", "\"met\""));
    CHECK(value_after(s, "\"target\": \"sme_credit_loans\"", "margin", "\"100000000.00\""));
    CHECK(value_after(s, "\"target\": \"inclusive_sme_growth\"", "status", "\"not_assessable\""));

    EXPECT_OK(zjc_plan_default(&plan));
    EXPECT_OK(zjc_assess(plan, k_observations, &with_null_plan));
    CHECK_STR(with_null_plan, s);
    reset(&s);
    reset(&with_null_plan);

    EXPECT_FAIL(zjc_assess(plan, "{", &s), ZJC_EPARSE, "malformed JSON", "observations");
    EXPECT_FAIL(zjc_assess(plan, k_observations_bad_figure, &s), ZJC_EPARSE, "25x", "observations[0].current");
    EXPECT_FAIL(zjc_assess(plan, k_observations_unknown_key, &s), ZJC_EPARSE, NULL, "observations[0].curent");
    EXPECT_FAIL(zjc_assess(plan, "{\"schema_version\": 2, \"as_of\": \"2022-12-31\", \"observations\": []}", &s),
                ZJC_EVALIDATION, "2", "schema_version");
    CHECK(s == SENTINEL);

    EXPECT_FAIL(zjc_assess(plan, NULL, &s), ZJC_EINVALID, "observations", NULL);
    EXPECT_FAIL(zjc_assess(plan, k_observations, NULL), ZJC_EINVALID, "out", NULL);
    EXPECT_FAIL(zjc_assess(NULL, NULL, NULL), ZJC_EINVALID, "NULL", NULL);
    CHECK(s == SENTINEL);
    zjc_plan_free(plan);
}

static void test_ledger_check(void) {
    char *s = SENTINEL;
    char *with_plan = SENTINEL;
    zjc_plan *plan = NULL;
    EXPECT_OK(zjc_ledger_check(NULL, k_ledger, "2022-09", &s));
    CHECK_HAS(s, "\"kind\": \"zjcredit.ledger.compliance\"");
    CHECK_HAS(s, "\"due\": \"2022-09-26\"");
    CHECK(value_after(s, "\"unit\": \"commerce\"", "status", "\"on_time\""));
    CHECK(value_after(s, "\"unit\": \"pbc_zhanjiang\"", "status", "\"late\""));
    CHECK(value_after(s, "\"unit\": \"pbc_zhanjiang\"", "days_late", "2"));
    CHECK(value_after(s, "\"counts\": {", "missing", "16"));

    EXPECT_OK(zjc_plan_default(&plan));
    EXPECT_OK(zjc_ledger_check(plan, k_ledger, "2022-09", &with_plan));
    CHECK_STR(with_plan, s);
    reset(&s);
    reset(&with_plan);

    EXPECT_FAIL(zjc_ledger_check(plan, k_ledger, "2022-13", &s), ZJC_EPARSE, "2022-13", "month");
    EXPECT_FAIL(zjc_ledger_check(plan, k_ledger, "September", &s), ZJC_EPARSE, "September", "month");
    EXPECT_FAIL(zjc_ledger_check(plan, "{", "2022-09", &s), ZJC_EPARSE, "malformed JSON", "ledger");
    EXPECT_FAIL(zjc_ledger_check(plan, k_ledger_bad_status, "2022-09", &s), ZJC_EPARSE, "finished",
                "submissions[0].entries[0].status");
    EXPECT_FAIL(zjc_ledger_check(plan, k_ledger_unknown_unit, "2022-09", &s), ZJC_ENOTFOUND, "火星局",
                "submissions[0].unit");
    CHECK(s == SENTINEL);

    EXPECT_FAIL(zjc_ledger_check(plan, NULL, "2022-09", &s), ZJC_EINVALID, "ledger", NULL);
    EXPECT_FAIL(zjc_ledger_check(plan, k_ledger, NULL, &s), ZJC_EINVALID, "month", NULL);
    EXPECT_FAIL(zjc_ledger_check(plan, k_ledger, "2022-09", NULL), ZJC_EINVALID, "out", NULL);
    EXPECT_FAIL(zjc_ledger_check(NULL, NULL, NULL, NULL), ZJC_EINVALID, "NULL", NULL);
    CHECK(s == SENTINEL);
    zjc_plan_free(plan);
}

/* ---- threads ------------------------------------------------------------------------------ */

enum { k_rounds = 200 };

struct thread_arg {
    const char *tag;        /* quoted in this thread's errors */
    const char *other_tag;  /* the other thread's */
    int clears;             /* this thread succeeds in phase 2, the other does not */
    const zjc_plan *shared; /* one plan handle shared by both threads */
    pthread_barrier_t *barrier;
};

static void *thread_main(void *p) {
    const struct thread_arg *a = (const struct thread_arg *)p;
    char text[64];
    char *s = NULL;
    int64_t fen = 0;
    int round;
    for (round = 0; round < k_rounds; ++round) {
        snprintf(text, sizeof text, "%s-%d", a->tag, round);
        /* Phase 1: both threads fail, each with its own text. */
        EXPECT_FAIL(zjc_amount_parse(&fen, text, ZJC_ROUND_EXACT), ZJC_EPARSE, text, "amount");
        pthread_barrier_wait(a->barrier);
        /* The other thread has failed too by now: each still sees its own. */
        CHECK_HAS(zjc_last_error(), text);
        CHECK(strstr(zjc_last_error(), a->other_tag) == NULL);
        pthread_barrier_wait(a->barrier);
        /* Phase 2: one thread succeeds (on the shared plan); the other's error stays. */
        if (a->clears) {
            EXPECT_OK(zjc_plan_query(a->shared, "measures_led_by", "人行", &s));
            zjc_string_free(s);
            s = NULL;
        }
        pthread_barrier_wait(a->barrier);
        if (a->clears) {
            CHECK_STR(zjc_last_error(), "");
        } else {
            CHECK_HAS(zjc_last_error(), text);
            CHECK(zjc_last_status() == ZJC_EPARSE);
        }
        pthread_barrier_wait(a->barrier);
    }
    return NULL;
}

static void test_threads(void) {
    pthread_barrier_t barrier;
    pthread_t t1, t2;
    zjc_plan *plan = NULL;
    struct thread_arg a1, a2;
    EXPECT_OK(zjc_plan_default(&plan));
    if (plan == NULL) return;
    CHECK(pthread_barrier_init(&barrier, NULL, 2) == 0);
    a1.tag = "alpha";
    a1.other_tag = "omega";
    a1.clears = 1;
    a1.shared = plan;
    a1.barrier = &barrier;
    a2.tag = "omega";
    a2.other_tag = "alpha";
    a2.clears = 0;
    a2.shared = plan;
    a2.barrier = &barrier;
    CHECK(pthread_create(&t1, NULL, thread_main, &a1) == 0);
    CHECK(pthread_create(&t2, NULL, thread_main, &a2) == 0);
    CHECK(pthread_join(t1, NULL) == 0);
    CHECK(pthread_join(t2, NULL) == 0);
    pthread_barrier_destroy(&barrier);
    zjc_plan_free(plan);
}

int main(void) {
    test_version();
    test_status_names();
    test_error_record();
    test_amount_parse();
    test_amount_format();
    test_decimal_round();
    test_rate_parse();
    test_plan();
    test_first_loan_subsidy();
    test_receivables_reward();
    test_listing_award();
    test_budget_allocate();
    test_assess();
    test_ledger_check();
    test_threads();
    return check_summary("capi_test");
}
