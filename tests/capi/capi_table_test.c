/*
 * capi_table_test.c — zjc_subsidy_table from strict C99: a bank's loans
 * table as its core system exports it (GB18030 CSV, CRLF, Chinese headers,
 * loans by their drawdown and settlement), each row's amount checked against
 * the value worked by hand in the comments.
 *
 * The rule (湛金函〔2022〕86号, docs/rules.md): subsidy = 积数 × min(rate, 1%)
 * ÷ 360, rounded half up to the 分; 积数 = the sum of the end-of-day balances
 * over the claim period, a balance counting from its drawdown day and not
 * on its settlement day (算头不算尾). Claim period 2022-04-01..2022-06-30:
 * 30 + 31 + 30 = 91 days.
 *
 * Prints "capi_table_test: N passed, M failed" and exits non-zero on any failure.
 */
#define _POSIX_C_SOURCE 200809L

#include <zjcredit.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* GB18030 bytes (octal escapes), each line's text in the comment above it. */
static const char loans_gb18030[] =
    /* 借据号,借款人,企业规模,首次申请日期,是否通过融资平台申请,是否地方法人金融机构,是否首贷,利率(%),放款日期,放款金额,结清日期 */
    "\275\350\276\335\272\305,\275\350\277\356\310\313,\306\363\322\265\271\346\304\243,\312\327\264\316\311\352\307"
    "\353\310\325\306\332,\312\307\267\361\315\250\271\375\310\332\327\312\306\275\314\250\311\352\307\353,\312\307"
    "\267\361\265\330\267\275\267\250\310\313\275\360\310\332\273\372\271\271,\312\307\267\361\312\327\264\373,\300"
    "\373\302\312(%),\267\305\277\356\310\325\306\332,\267\305\277\356\275\360\266\356,\275\341\307\345\310\325\306"
    "\332\r\n"
    /* JJ001,甲公司,小型,2022-04-01,是,是,是,4.35,2022-04-01,"1,000,000.00", */
    "JJ001,\274\327\271\253\313\276,\320\241\320\315,2022-04-01,\312\307,\312\307,\312\307,4.35,2022-04-01,"
    "\"1,000,000.00\",\r\n"
    /* JJ002,乙公司,微型,2022/4/1,是,是,是,4.35,20220501,2000000.00,2022-06-01 */
    "JJ002,\322\322\271\253\313\276,\316\242\320\315,2022/4/1,\312\307,\312\307,\312\307,4.35,20220501,2000000.00,"
    "2022-06-01\r\n"
    /* JJ003,丙公司,中型,2022-04-01,是,是,是,4.35,2022-04-01,1000000.00, */
    "JJ003,\261\373\271\253\313\276,\326\320\320\315,2022-04-01,\312\307,\312\307,\312\307,4.35,2022-04-01,"
    "1000000.00,\r\n";

/* The same header with a bare 利率 (no unit), and one loan at 0.8. */
static const char bare_rate_gb18030[] =
    /* 借据号,借款人,企业规模,首次申请日期,是否通过融资平台申请,是否地方法人金融机构,是否首贷,利率,放款日期,放款金额 */
    "\275\350\276\335\272\305,\275\350\277\356\310\313,\306\363\322\265\271\346\304\243,\312\327\264\316\311\352\307"
    "\353\310\325\306\332,\312\307\267\361\315\250\271\375\310\332\327\312\306\275\314\250\311\352\307\353,\312\307"
    "\267\361\265\330\267\275\267\250\310\313\275\360\310\332\273\372\271\271,\312\307\267\361\312\327\264\373,\300"
    "\373\302\312,\267\305\277\356\310\325\306\332,\267\305\277\356\275\360\266\356\r\n"
    /* JJ004,丁公司,小型,2022-04-01,是,是,是,0.8,2022-05-16,900000.00 */
    "JJ004,\266\241\271\253\313\276,\320\241\320\315,2022-04-01,\312\307,\312\307,\312\307,0.8,2022-05-16,900000.00"
    "\r\n";

/*
 * Where the value of `key` starts in row `row` (0-based) of the result
 * JSON: after `"key":` and any spaces. Each row object begins with its
 * "cells" key (the JSON's own order); a key's quotes are never inside a
 * string, where they would be escaped. NULL when absent.
 */
static const char *row_value(const char *json, int row, const char *key) {
    char needle[64];
    const char *p = strstr(json, "\"rows\""), *next;
    int i;
    if (p == NULL) return NULL;
    for (i = 0; i <= row; ++i) {
        p = strstr(p + 1, "\"cells\"");
        if (p == NULL) return NULL;
    }
    next = strstr(p + 1, "\"cells\"");
    sprintf(needle, "\"%s\":", key);
    p = strstr(p, needle);
    if (p == NULL || (next != NULL && p > next)) return NULL;
    p += strlen(needle);
    return p + strspn(p, " \n");
}

/* Whether the value at `at` starts with `text`. */
static int starts(const char *at, const char *text) { return at != NULL && strncmp(at, text, strlen(text)) == 0; }

#define CHECK_VALUE(json, row, key, text) check_value_((json), (row), (key), (text), __LINE__)
static void check_value_(const char *json, int row, const char *key, const char *text, int line) {
    const char *at = row_value(json, row, key);
    int ok = starts(at, text);
    if (!ok) fprintf(stderr, "capi_table_test.c:%d: row %d %s is %.60s, expected %s\n", line, row, key, safe(at), text);
    record(ok, line, key);
}

static void test_drawdowns_and_settlement(void) {
    char *out = NULL;
    const char *total;
    CHECK(zjc_subsidy_table(NULL, loans_gb18030, sizeof loans_gb18030 - 1, "loans.csv",
                            "{\"period\": \"2022-04-01..2022-06-30\"}", &out) == ZJC_OK);
    if (out == NULL) return;
    /* The cells come back as UTF-8: the file was read as GB18030. */
    CHECK_VALUE(out, 0, "cells", "[\n        \"甲公司\",\n        \"JJ001\"");
    /*
     * JJ001: 1,000,000.00 drawn 2022-04-01, never repaid: 1,000,000 on each
     * of the 91 days, 积数 91,000,000; rate 4.35%, capped at 1%:
     * 91,000,000 × 1% ÷ 360 = 2,527.777… → 2527.78.
     */
    CHECK_VALUE(out, 0, "eligible", "true");
    CHECK_VALUE(out, 0, "amount", "\"2527.78\"");
    CHECK_VALUE(out, 0, "reasons", "[]");
    CHECK_VALUE(out, 0, "error", "null");
    /*
     * JJ002: 2,000,000.00 drawn 2022-05-01, settled 2022-06-01: 05-01..05-31
     * is 31 days (the settlement day does not accrue), 积数 62,000,000;
     * × 1% ÷ 360 = 1,722.222… → 1722.22.
     */
    CHECK_VALUE(out, 1, "eligible", "true");
    CHECK_VALUE(out, 1, "amount", "\"1722.22\"");
    CHECK_VALUE(out, 1, "error", "null");
    /* JJ003: 中型 (medium) is read and is not eligible under the 2022 plan: 0.00. */
    CHECK_VALUE(out, 2, "eligible", "false");
    CHECK_VALUE(out, 2, "amount", "\"0.00\"");
    CHECK_VALUE(out, 2, "reasons", "[\n        \"borrower_kind_not_eligible\"\n      ]");
    CHECK_VALUE(out, 2, "error", "null");
    CHECK(row_value(out, 3, "cells") == NULL); /* three loans, three rows */
    /* Total: 2527.78 + 1722.22 = 4250.00, two loans eligible. */
    total = strstr(out, "\"total\": ");
    CHECK(starts(total, "\"total\": \"4250.00\""));
    CHECK_HAS(total, "\"eligible\": 2");
    zjc_string_free(out);
}

static void test_declared_rate_unit(void) {
    char *out = NULL;
    /*
     * JJ004 under a bare 利率, declared percent: 0.8 is 0.8%, under the 1%
     * ceiling, so 0.8% is used. 900,000.00 drawn 2022-05-16: 05-16..05-31 is
     * 16 days and June 30, 46 days; 积数 900,000 × 46 = 41,400,000;
     * × 0.8% = 331,200; ÷ 360 = 920.00 exactly.
     */
    CHECK(zjc_subsidy_table(NULL, bare_rate_gb18030, sizeof bare_rate_gb18030 - 1, "bare.csv",
                            "{\"rate_unit\": \"percent\", \"period\": \"2022-04-01..2022-06-30\"}", &out) == ZJC_OK);
    if (out != NULL) {
        CHECK_VALUE(out, 0, "eligible", "true");
        CHECK_VALUE(out, 0, "amount", "\"920.00\"");
        CHECK_HAS(strstr(out, "\"total\""), "\"total\": \"920.00\"");
        zjc_string_free(out);
    }
    /* Undeclared, the bare 0.8 is refused on its row, quoting it; the call succeeds. */
    out = NULL;
    CHECK(zjc_subsidy_table(NULL, bare_rate_gb18030, sizeof bare_rate_gb18030 - 1, "bare.csv",
                            "{\"period\": \"2022-04-01..2022-06-30\"}", &out) == ZJC_OK);
    if (out != NULL) {
        const char *error = row_value(out, 0, "error");
        CHECK(starts(error, "\"bare.csv:2: 利率 (annual_rate): "));  /* the header as the bank wrote it */
        CHECK_HAS(error, "in \\\"0.8\\\"");
        CHECK_HAS(error, "--rate-unit");
        CHECK_VALUE(out, 0, "amount", "\"0.00\"");
        CHECK_HAS(strstr(out, "\"total\""), "\"total\": \"0.00\"");
        zjc_string_free(out);
    }
}

int main(void) {
    test_drawdowns_and_settlement();
    test_declared_rate_unit();
    return check_summary("capi_table_test");
}
