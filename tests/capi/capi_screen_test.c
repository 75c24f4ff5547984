/*
 * capi_screen_test.c — zjc_screen_tables from strict C99: two banks' tables
 * of one borrower's loans, screened per borrower (单户), each value checked
 * against the rule worked by hand in the comments (docs/screen.md).
 *
 * Borrower 甲公司 (91440800MA4W00001F; check character F: Σ value × 3^(i-1)
 * mod 31 over the first 17 is 16, and 31 − 16 = 15 is F) has
 *   L1 at 银行甲: applied 2022-04-10, 800万 drawn 2022-04-10, 0.8%;
 *   L2 at 银行乙: applied 2022-04-20, 800万 drawn 2022-04-20, 4.35%
 *                 (used at the 1% ceiling).
 * Claim period 2022-04-01..06-30. L1 has a balance on 04-10..06-30 (21 + 31 +
 * 30 = 82 days), L2 on 04-20..06-30 (11 + 31 + 30 = 72 days). The cap,
 * 1000万 a day for the borrower, is filled in the order of first
 * application: L1 first (800万 every day), L2 the 200万 left on its 72 days.
 *   L1: 800万 × 82 × 0.8% ÷ 360 = 14,577.777…
 *   L2: 200万 × 72 × 1%  ÷ 360 =  4,000
 * The borrower: 18,577.777… rounded once (half up) = 18,577.78; split back
 * by largest remainder: floors 14,577.77 + 4,000.00 leave 1 分, to L1:
 * 14,577.78 and 4,000.00. (Each loan capped alone would have been paid
 * 14,577.78 + 16,000.00.)
 *
 * Prints "capi_screen_test: N passed, M failed" and exits non-zero on any failure.
 */
#define _POSIX_C_SOURCE 200809L

#include <zjcredit.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define HEADER "借据号,借款人,统一社会信用代码,企业规模,首次申请日期,是否通过融资平台申请,是否地方法人金融机构,是否首贷,利率(%),放款日期,放款金额"

/* 银行甲's table names its lender in a column; 银行乙's does not (given as "lender"). */
#define TABLES(code)                                                                                           \
    "[{\"name\": \"甲银行.csv\", \"text\": \"" HEADER ",贷款机构\\n"                                              \
    "L1,甲公司," code ",小型,2022-04-10,是,是,是,0.8,2022-04-10,8000000.00,银行甲\\n\"},"                            \
    " {\"name\": \"乙银行.csv\", \"lender\": \"银行乙\", \"text\": \"" HEADER "\\n"                                  \
    "L2,甲公司,91440800MA4W00001F,小型,2022-04-20,是,是,是,4.35,2022-04-20,8000000.00\\n\"}]"

static const char tables[] = TABLES("91440800MA4W00001F");
/* L1's code with its check character mistyped (G for F). */
static const char tables_bad_code[] = TABLES("91440800MA4W00001G");

/*
 * Entry `index` of the column `key` in the section `section` ("borrowers" or
 * "loans", whose values are objects of columns) of the result, copied into
 * buf as written ("\"18577.78\"", "true", "null"). Scalars only.
 */
static const char *column_item(const char *json, const char *section, const char *key, int index, char *buf,
                               size_t size) {
    char needle[64];
    const char *p;
    size_t n;
    int i;
    sprintf(needle, "\"%s\": {", section);
    p = strstr(json, needle);
    if (p == NULL) return NULL;
    sprintf(needle, "\"%s\": [", key);
    p = strstr(p, needle);
    if (p == NULL) return NULL;
    p += strlen(needle);
    for (i = 0; i <= index; ++i) {
        p += strspn(p, " \n,");
        if (*p == ']') return NULL;
        n = *p == '"' ? (size_t)(strchr(p + 1, '"') - p) + 1 : strcspn(p, ",\n]");
        if (i == index) {
            if (n >= size) return NULL;
            memcpy(buf, p, n);
            buf[n] = '\0';
            return buf;
        }
        p += n;
    }
    return NULL;
}

#define CHECK_ITEM(json, section, key, index, text) check_item_((json), (section), (key), (index), (text), __LINE__)
static void check_item_(const char *json, const char *section, const char *key, int index, const char *text,
                        int line) {
    char buf[512];
    const char *at = column_item(json, section, key, index, buf, sizeof buf);
    int ok = at != NULL && strcmp(at, text) == 0;
    if (!ok) fprintf(stderr, "capi_screen_test.c:%d: %s.%s[%d] is %s, expected %s\n", line, section, key, index,
                     safe(at), text);
    record(ok, line, key);
}

static void test_two_loans_share_one_cap(void) {
    char *out = NULL;
    CHECK(zjc_screen_tables(NULL, tables,
                            "{\"period\": \"2022-04-01..2022-06-30\", \"keep_all_first_loans\": true}",
                            &out) == ZJC_OK);
    if (out == NULL) return;
    CHECK_ITEM(out, "borrowers", "borrower_id", 0, "\"91440800MA4W00001F\"");
    CHECK_ITEM(out, "borrowers", "borrower", 0, "\"甲公司\"");
    CHECK_ITEM(out, "borrowers", "eligible", 0, "true");
    CHECK_ITEM(out, "borrowers", "amount", 0, "\"18577.78\"");
    CHECK_ITEM(out, "borrowers", "allocated", 0, "\"18577.78\"");
    CHECK(column_item(out, "borrowers", "amount", 1, (char[8]){0}, 8) == NULL); /* one borrower */
    /* The split: 14,577.78 to L1 (银行甲), 4,000.00 to L2 (银行乙); it sums to 18,577.78. */
    CHECK_ITEM(out, "loans", "loan_id", 0, "\"L1\"");
    CHECK_ITEM(out, "loans", "lender", 0, "\"银行甲\"");
    CHECK_ITEM(out, "loans", "source", 0, "\"甲银行.csv:2\"");
    CHECK_ITEM(out, "loans", "amount", 0, "\"14577.78\"");
    CHECK_ITEM(out, "loans", "rate_used", 0, "\"0.8%\"");
    /* 800万 × 82 days, in 元·days. */
    CHECK_ITEM(out, "loans", "capped_balance_days", 0, "\"656000000.00\"");
    CHECK_ITEM(out, "loans", "loan_id", 1, "\"L2\"");
    CHECK_ITEM(out, "loans", "lender", 1, "\"银行乙\"");
    CHECK_ITEM(out, "loans", "amount", 1, "\"4000.00\"");
    CHECK_ITEM(out, "loans", "rate_used", 1, "\"1%\"");
    /* 200万 × 72 days. */
    CHECK_ITEM(out, "loans", "capped_balance_days", 1, "\"144000000.00\"");
    /* L1's 800万 leaves L2 200万 of its 800万 from 04-20: cut by the cap; L1 never. */
    CHECK_ITEM(out, "loans", "cut_by_cap", 0, "false");
    CHECK_ITEM(out, "loans", "cut_by_cap", 1, "true");
    CHECK_ITEM(out, "loans", "error", 1, "null");
    CHECK_ITEM(out, "loans", "period_from", 1, "\"2022-04-01\"");
    /* Each lender's share, and the lenders' totals. */
    CHECK_HAS(out, "\"银行乙\": \"4000.00\"");
    CHECK_HAS(out, "\"银行甲\": \"14577.78\"");
    /* 首贷 at two lenders is listed even when both are kept. */
    CHECK_HAS(out, "\"kind\": \"first_loan_claimed_elsewhere\"");
    CHECK_HAS(strstr(out, "\"totals\""), "\"amount\": \"18577.78\"");
    CHECK_HAS(strstr(out, "\"totals\""), "\"loans_eligible\": 2");
    zjc_string_free(out);
}

static void test_first_loan_kept_by_the_first(void) {
    char *out = NULL;
    /*
     * By default the 首贷 first in the fill order (L1, applied 04-10) keeps
     * it; L2 is not paid. L1 alone: 800万 × 82 × 0.8% ÷ 360 = 14,577.777… → 14,577.78.
     */
    CHECK(zjc_screen_tables(NULL, tables, "{\"period\": \"2022-04-01..2022-06-30\"}", &out) == ZJC_OK);
    if (out == NULL) return;
    CHECK_ITEM(out, "borrowers", "amount", 0, "\"14577.78\"");
    CHECK_ITEM(out, "loans", "amount", 0, "\"14577.78\"");
    CHECK_ITEM(out, "loans", "eligible", 1, "false");
    CHECK_ITEM(out, "loans", "amount", 1, "\"0.00\"");
    CHECK_HAS(strstr(out, "\"loans\": {"), "\"first_loan_claimed_elsewhere\"");
    zjc_string_free(out);
}

static void test_budget(void) {
    char *out = NULL;
    /* One borrower claiming 18,577.78 under a budget of 10,000.00: allocated all of it. */
    CHECK(zjc_screen_tables(NULL, tables,
                            "{\"period\": \"2022-04-01..2022-06-30\", \"keep_all_first_loans\": true, "
                            "\"budget\": \"10000.00\"}",
                            &out) == ZJC_OK);
    if (out == NULL) return;
    CHECK_ITEM(out, "borrowers", "amount", 0, "\"18577.78\"");
    CHECK_ITEM(out, "borrowers", "allocated", 0, "\"10000.00\"");
    zjc_string_free(out);
}

static void test_listing_errors(void) {
    char *out = NULL;
    /*
     * A mistyped code is L1's own error, naming the field and quoting the code.
     * L1 is 甲公司's 首贷 (applied 04-10); without it L2 (applied 04-20) would
     * look like the 首贷 and be paid 16,000.00, so 甲公司 is held.
     */
    CHECK(zjc_screen_tables(NULL, tables_bad_code, "{\"period\": \"2022-04-01..2022-06-30\"}", &out) == ZJC_OK);
    if (out == NULL) return;
    CHECK_ITEM(out, "loans", "amount", 0, "\"0.00\"");
    CHECK_HAS(strstr(out, "\"error\": ["), "borrower_id");
    CHECK_HAS(strstr(out, "\"error\": ["), "91440800MA4W00001G");
    CHECK_HAS(strstr(out, "\"error\": ["), "should be F");
    CHECK_ITEM(out, "loans", "amount", 1, "\"0.00\"");
    CHECK_ITEM(out, "borrowers", "held", 0, "true");
    CHECK_HAS(strstr(out, "\"conflicts\""), "\"kind\": \"borrower_listing_in_error\"");
    CHECK_HAS(strstr(out, "\"totals\""), "\"loans_in_error\": 1");
    zjc_string_free(out);
}

static void test_repayments_of_one_table(void) {
    /*
     * 甲银行's table names its own repayments table: 300万 of L1 repaid on
     * 06-01. L1: 800万 on 04-10..05-31 (52 days) and 500万 on 06-01..06-30
     * (30 days): (416,000,000 + 150,000,000) × 0.8% ÷ 360 = 12,577.777… →
     * 12,577.78; L2, at 乙银行, still loses its 首贷 to L1. The same
     * repayments given to 乙银行's table name a loan that table does not have.
     */
    char path[] = "/tmp/capi_screen_repaymentsXXXXXX";
    char tables_with[2048], tables_wrong[2048];
    char *out = NULL;
    FILE *f;
    const int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0) return;
    f = fdopen(fd, "w");
    fputs("借据号,还款日期,还款金额\nL1,2022-06-01,3000000.00\n", f);
    fclose(f);
    snprintf(tables_with, sizeof tables_with,
             "[{\"name\": \"甲银行.csv\", \"repayments\": \"%s\", \"text\": \"%s,贷款机构\\n"
             "L1,甲公司,91440800MA4W00001F,小型,2022-04-10,是,是,是,0.8,2022-04-10,8000000.00,银行甲\\n\"},"
             " {\"name\": \"乙银行.csv\", \"lender\": \"银行乙\", \"text\": \"%s\\n"
             "L2,甲公司,91440800MA4W00001F,小型,2022-04-20,是,是,是,4.35,2022-04-20,8000000.00\\n\"}]",
             path, HEADER, HEADER); /* HEADER holds a '%': an argument, not format text */
    CHECK(zjc_screen_tables(NULL, tables_with, "{\"period\": \"2022-04-01..2022-06-30\"}", &out) == ZJC_OK);
    if (out != NULL) {
        CHECK_ITEM(out, "borrowers", "amount", 0, "\"12577.78\"");
        CHECK_ITEM(out, "loans", "amount", 1, "\"0.00\"");
        zjc_string_free(out);
        out = NULL;
    }
    snprintf(tables_wrong, sizeof tables_wrong,
             "[{\"name\": \"乙银行.csv\", \"lender\": \"银行乙\", \"repayments\": \"%s\", \"text\": \"%s"
             "\\nL2,甲公司,91440800MA4W00001F,小型,2022-04-20,是,是,是,4.35,2022-04-20,8000000.00\\n\"}]",
             path, HEADER);
    CHECK(zjc_screen_tables(NULL, tables_wrong, "{\"period\": \"2022-04-01..2022-06-30\"}", &out) == ZJC_EVALIDATION);
    CHECK_HAS(zjc_last_error(), "a repayment of no loan");
    CHECK_HAS(zjc_last_error(), "\"L1\"");
    remove(path);
}

static void test_call_errors(void) {
    char *out = NULL;
    CHECK(zjc_screen_tables(NULL, NULL, NULL, &out) == ZJC_EINVALID);
    CHECK_HAS(zjc_last_error(), "tables_json");
    CHECK(zjc_screen_tables(NULL, tables, NULL, NULL) == ZJC_EINVALID);
    CHECK(zjc_screen_tables(NULL, "{}", NULL, &out) == ZJC_EPARSE);
    CHECK_STR(zjc_last_error_field(), "tables");
    /* Neither a 贷款机构 column nor "lender": the whole table is refused, by name. */
    CHECK(zjc_screen_tables(NULL, "[{\"name\": \"乙银行.csv\", \"text\": \"" HEADER "\\n\"}]",
                            "{\"period\": \"2022-04-01..2022-06-30\"}", &out) == ZJC_EPARSE);
    CHECK_HAS(zjc_last_error_field(), "乙银行.csv");
    CHECK_HAS(zjc_last_error(), "lender");
    CHECK(zjc_screen_tables(NULL, "[{\"text\": \"\", \"path\": \"x.csv\"}]", NULL, &out) == ZJC_EPARSE);
    CHECK_STR(zjc_last_error_field(), "tables[0]");
    CHECK(zjc_screen_tables(NULL, tables, "{\"budget\": \"-1.00\"}", &out) == ZJC_EVALIDATION);
    CHECK_STR(zjc_last_error_field(), "budget");
    CHECK(zjc_screen_tables(NULL, tables, "{\"fill_order\": \"random\"}", &out) == ZJC_EVALIDATION);
    CHECK_STR(zjc_last_error_field(), "fill_order");
    CHECK_HAS(zjc_last_error(), "\"random\"");
    CHECK(zjc_screen_tables(NULL, tables, "{\"budgte\": \"1.00\"}", &out) == ZJC_EPARSE);
    CHECK_HAS(zjc_last_error(), "budgte");
    CHECK(zjc_screen_tables(NULL, "[{\"path\": \"/nonexistent/甲银行.csv\"}]", NULL, &out) == ZJC_EIO);
    CHECK_HAS(zjc_last_error(), "/nonexistent/甲银行.csv");
    CHECK(out == NULL); /* nothing written on error */
}

int main(void) {
    test_two_loans_share_one_cap();
    test_first_loan_kept_by_the_first();
    test_budget();
    test_listing_errors();
    test_repayments_of_one_table();
    test_call_errors();
    return check_summary("capi_screen_test");
}
