/*
 * capi_light_test.c — the entry points added in 0.2, from strict C99:
 * the light rule calls (zjc_first_loan_subsidy_amount,
 * zjc_receivables_reward_amount), zjc_plan_load_file, the day-number
 * conversions and zjc_reason_info.
 *
 * Expected values are worked by hand in the comments. Each function is also
 * called with NULL for every pointer (ZJC_EINVALID, the argument named, no
 * output written), and each light call with bad records, whose status, field
 * and message must be exactly those of the JSON call.
 *
 * Prints "capi_light_test: N passed, M failed" and exits non-zero on any failure.
 */
#define _POSIX_C_SOURCE 200809L

#include <zjcredit.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"

/* EXPECT_STATUS(call, status): the call returns `status`, and zjc_last_status() agrees. */
#define EXPECT_STATUS(call, status) expect_status_((call), (status), __LINE__, #call)
static void expect_status_(int32_t rc, int32_t status, int line, const char *what) {
    int ok = rc == status && zjc_last_status() == status;
    if (!ok)
        fprintf(stderr, "capi_light_test.c:%d: expected %s, got %s\n", line, zjc_status_name(status),
                zjc_status_name(rc));
    if (ok && status == ZJC_OK) ok = zjc_last_error()[0] == '\0' && zjc_last_error_field()[0] == '\0';
    if (ok && status != ZJC_OK) ok = zjc_last_error()[0] != '\0';
    record(ok, line, what);
}

/* A copy of a library string (the error record is replaced by the next call). */
static char *copy(const char *s) {
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p == NULL) abort();
    memcpy(p, s, n);
    return p;
}

/* ---- records ------------------------------------------------------------------- */

/*
 * Twelve monthly ranges over 2022 at 4.35% (capped at 1%), period the whole
 * year (365 days), basis 360, balance cap 10,000,000.00:
 *
 *   Jan 31 d ×  1,000,000.00 =  31,000,000.00
 *   Feb 28 d ×  2,000,000.00 =  56,000,000.00
 *   Mar 31 d ×  1,500,000.00 =  46,500,000.00
 *   Apr 30 d × 10,000,000.00 = 300,000,000.00   (12,000,000.00 capped)
 *   May 31 d ×    800,000.50 =  24,800,015.50
 *   Jun 30 d ×          0.00 =           0.00
 *   Jul 31 d ×  3,000,000.00 =  93,000,000.00
 *   Aug 31 d ×  2,500,000.00 =  77,500,000.00
 *   Sep 30 d ×  1,200,000.00 =  36,000,000.00
 *   Oct 31 d ×  1,000,000.00 =  31,000,000.00
 *   Nov 30 d ×    600,000.00 =  18,000,000.00
 *   Dec 31 d ×    400,000.00 =  12,400,000.00
 *                         sum = 726,200,015.50 元·days
 *
 * × 1% / 360 = 7,262,000.1550 / 360 = 20,172.222652… → 20,172.22 (half up):
 * 2,017,222 分. No cap bites (the balance cap is per day, not a reason), so
 * the reasons are 0.
 */
static const char k_loan12[] =
    "{\"borrower\": \"湛江市甲科技有限公司\", \"borrower_kind\": \"micro\","
    " \"first_application_date\": \"2022-04-01\", \"via_platform\": true,"
    " \"local_legal_person_lender\": true, \"first_loan\": true, \"annual_rate\": \"4.35%\", \"balances\": ["
    "{\"from\": \"2022-01-01\", \"to\": \"2022-01-31\", \"balance\": \"1000000.00\"},"
    "{\"from\": \"2022-02-01\", \"to\": \"2022-02-28\", \"balance\": \"2000000.00\"},"
    "{\"from\": \"2022-03-01\", \"to\": \"2022-03-31\", \"balance\": \"1500000.00\"},"
    "{\"from\": \"2022-04-01\", \"to\": \"2022-04-30\", \"balance\": \"12000000.00\"},"
    "{\"from\": \"2022-05-01\", \"to\": \"2022-05-31\", \"balance\": \"800000.50\"},"
    "{\"from\": \"2022-06-01\", \"to\": \"2022-06-30\", \"balance\": \"0.00\"},"
    "{\"from\": \"2022-07-01\", \"to\": \"2022-07-31\", \"balance\": \"3000000.00\"},"
    "{\"from\": \"2022-08-01\", \"to\": \"2022-08-31\", \"balance\": \"2500000.00\"},"
    "{\"from\": \"2022-09-01\", \"to\": \"2022-09-30\", \"balance\": \"1200000.00\"},"
    "{\"from\": \"2022-10-01\", \"to\": \"2022-10-31\", \"balance\": \"1000000.00\"},"
    "{\"from\": \"2022-11-01\", \"to\": \"2022-11-30\", \"balance\": \"600000.00\"},"
    "{\"from\": \"2022-12-01\", \"to\": \"2022-12-31\", \"balance\": \"400000.00\"}],"
    " \"period\": {\"from\": \"2022-01-01\", \"to\": \"2022-12-31\"}}";

/* An individual business (not an eligible kind) that did not apply via the
 * platform: exactly two failed checks, BORROWER_KIND_NOT_ELIGIBLE (0x2) and
 * NOT_VIA_PLATFORM (0x4); amount 0. */
static const char k_loan_two_failures[] =
    "{\"borrower\": \"个体户\", \"borrower_kind\": \"individual_business\","
    " \"first_application_date\": \"2022-05-10\", \"via_platform\": false,"
    " \"local_legal_person_lender\": true, \"first_loan\": true, \"annual_rate\": \"0.8%\","
    " \"balances\": [{\"from\": \"2022-05-10\", \"to\": \"2022-06-30\", \"balance\": \"50000.00\"}],"
    " \"period\": {\"from\": \"2022-05-10\", \"to\": \"2022-06-30\"}}";

/* 1% × (1,000,000 × 180 + 500,000 × 90) / 365 = 2,250,000 / 365 = 6164.383… → 6164.38: 616,438 分. */
static const char k_enterprise[] =
    "{\"core_enterprise\": \"湛江市丙集团有限公司\", \"financings\": ["
    "{\"sme\": \"湛江市乙贸易有限公司\", \"amount\": \"1000000.00\", \"start\": \"2022-03-01\","
    " \"end\": \"2022-08-28\", \"confirmed_on_platform\": true},"
    "{\"sme\": \"湛江市丁制造有限公司\", \"amount\": \"500000.00\", \"start\": \"2022-05-01\", \"days\": 90,"
    " \"confirmed_on_platform\": true}]}";

/* One financing not confirmed, one starting before the window (2022-01-01):
 * FINANCING_NOT_CONFIRMED (0x100) | FINANCING_OUTSIDE_WINDOW (0x200) |
 * NO_ELIGIBLE_FINANCING (0x1000); amount 0. */
static const char k_enterprise_none[] =
    "{\"core_enterprise\": \"丙\", \"financings\": ["
    "{\"sme\": \"乙\", \"amount\": \"100000.00\", \"start\": \"2022-03-01\", \"days\": 30,"
    " \"confirmed_on_platform\": false},"
    "{\"sme\": \"丁\", \"amount\": \"100000.00\", \"start\": \"2021-12-01\", \"days\": 30,"
    " \"confirmed_on_platform\": true}]}";

/* Bad loans: each must fail the light call as it fails zjc_first_loan_subsidy(). */
static const char *const k_bad_loans[] = {
    "{",
    "",
    "[]",
    "{\"borrower\": 1}",
    /* balance not an amount */
    "{\"borrower\": \"a\", \"borrower_kind\": \"small\", \"first_application_date\": \"2022-04-01\","
    " \"via_platform\": true, \"local_legal_person_lender\": true, \"first_loan\": true,"
    " \"annual_rate\": \"4.35%\","
    " \"balances\": [{\"from\": \"2022-04-01\", \"to\": \"2022-06-30\", \"balance\": \"1,0x0.00\"}],"
    " \"period\": {\"from\": \"2022-04-01\", \"to\": \"2022-06-30\"}}",
    /* a JSON number where an amount belongs */
    "{\"borrower\": \"a\", \"borrower_kind\": \"small\", \"first_application_date\": \"2022-04-01\","
    " \"via_platform\": true, \"local_legal_person_lender\": true, \"first_loan\": true,"
    " \"annual_rate\": \"4.35%\","
    " \"balances\": [{\"from\": \"2022-04-01\", \"to\": \"2022-06-30\", \"balance\": 1000}],"
    " \"period\": {\"from\": \"2022-04-01\", \"to\": \"2022-06-30\"}}",
    /* an impossible date */
    "{\"borrower\": \"a\", \"borrower_kind\": \"small\", \"first_application_date\": \"2022-02-30\","
    " \"via_platform\": true, \"local_legal_person_lender\": true, \"first_loan\": true,"
    " \"annual_rate\": \"4.35%\","
    " \"balances\": [{\"from\": \"2022-04-01\", \"to\": \"2022-06-30\", \"balance\": \"1.00\"}],"
    " \"period\": {\"from\": \"2022-04-01\", \"to\": \"2022-06-30\"}}",
    /* overlapping ranges (a validation error of the rule) */
    "{\"borrower\": \"a\", \"borrower_kind\": \"small\", \"first_application_date\": \"2022-04-01\","
    " \"via_platform\": true, \"local_legal_person_lender\": true, \"first_loan\": true,"
    " \"annual_rate\": \"4.35%\","
    " \"balances\": [{\"from\": \"2022-04-01\", \"to\": \"2022-06-30\", \"balance\": \"100.00\"},"
    " {\"from\": \"2022-06-01\", \"to\": \"2022-07-30\", \"balance\": \"100.00\"}],"
    " \"period\": {\"from\": \"2022-04-01\", \"to\": \"2022-06-30\"}}",
    /* a period day outside the schedule */
    "{\"borrower\": \"a\", \"borrower_kind\": \"small\", \"first_application_date\": \"2022-04-01\","
    " \"via_platform\": true, \"local_legal_person_lender\": true, \"first_loan\": true,"
    " \"annual_rate\": \"4.35%\","
    " \"balances\": [{\"from\": \"2022-04-01\", \"to\": \"2022-06-30\", \"balance\": \"100.00\"}],"
    " \"period\": {\"from\": \"2022-04-01\", \"to\": \"2022-07-30\"}}",
    /* more 分 than an amount holds */
    "{\"borrower\": \"a\", \"borrower_kind\": \"small\", \"first_application_date\": \"2022-04-01\","
    " \"via_platform\": true, \"local_legal_person_lender\": true, \"first_loan\": true,"
    " \"annual_rate\": \"4.35%\","
    " \"balances\": [{\"from\": \"2022-04-01\", \"to\": \"2022-06-30\", \"balance\": \"100000000000000000\"}],"
    " \"period\": {\"from\": \"2022-04-01\", \"to\": \"2022-06-30\"}}",
};

static const char *const k_bad_enterprises[] = {
    "{",
    "{\"core_enterprise\": \"丙\"}",
    /* end before start */
    "{\"core_enterprise\": \"丙\", \"financings\": [{\"sme\": \"乙\", \"amount\": \"100.00\","
    " \"start\": \"2022-03-01\", \"end\": \"2022-02-01\", \"confirmed_on_platform\": true}]}",
    /* not an amount */
    "{\"core_enterprise\": \"丙\", \"financings\": [{\"sme\": \"乙\", \"amount\": \"一百块\","
    " \"start\": \"2022-03-01\", \"days\": 10, \"confirmed_on_platform\": true}]}",
    /* both end and days */
    "{\"core_enterprise\": \"丙\", \"financings\": [{\"sme\": \"乙\", \"amount\": \"100.00\","
    " \"start\": \"2022-03-01\", \"end\": \"2022-04-01\", \"days\": 31, \"confirmed_on_platform\": true}]}",
};

/* ---- the light calls ------------------------------------------------------------ */

#define FEN_SENTINEL ((int64_t)0x5A5A5A5A)
#define ELIGIBLE_SENTINEL 7
#define REASONS_SENTINEL 0xA5A5u

typedef int32_t (*json_rule)(const zjc_plan *, const char *, char **);
typedef int32_t (*light_rule)(const zjc_plan *, const char *, int64_t *, int32_t *, uint32_t *);

/* The light call fails on `bad` exactly as the JSON call does, writing nothing. */
static void same_error(json_rule json, light_rule light, const char *bad, int line) {
    char *out = NULL;
    int64_t fen = FEN_SENTINEL;
    int32_t eligible = ELIGIBLE_SENTINEL;
    uint32_t reasons = REASONS_SENTINEL;
    int32_t want = json(NULL, bad, &out);
    char *want_message = copy(zjc_last_error());
    char *want_field = copy(zjc_last_error_field());
    int32_t got = light(NULL, bad, &fen, &eligible, &reasons);
    int ok = want != ZJC_OK && got == want && zjc_last_status() == want &&
             strcmp(zjc_last_error(), want_message) == 0 && strcmp(zjc_last_error_field(), want_field) == 0;
    if (!ok)
        fprintf(stderr,
                "capi_light_test.c:%d: on %.60s…\n    JSON call: %s \"%s\" field \"%s\"\n    light call: %s \"%s\" "
                "field \"%s\"\n",
                line, bad, zjc_status_name(want), want_message, want_field, zjc_status_name(got), zjc_last_error(),
                zjc_last_error_field());
    record(ok, line, "the light call fails as the JSON call does");
    record(fen == FEN_SENTINEL && eligible == ELIGIBLE_SENTINEL && reasons == REASONS_SENTINEL, line,
           "nothing written on failure");
    zjc_string_free(out);
    free(want_message);
    free(want_field);
}

/* NULL for each pointer but `plan`: ZJC_EINVALID naming it, nothing written. */
static void light_nulls(light_rule light, const char *good) {
    int64_t fen = FEN_SENTINEL;
    int32_t eligible = ELIGIBLE_SENTINEL;
    uint32_t reasons = REASONS_SENTINEL;
    EXPECT_STATUS(light(NULL, NULL, &fen, &eligible, &reasons), ZJC_EINVALID);
    CHECK_HAS(zjc_last_error(), "record");
    EXPECT_STATUS(light(NULL, good, NULL, &eligible, &reasons), ZJC_EINVALID);
    CHECK_HAS(zjc_last_error(), "out_fen");
    EXPECT_STATUS(light(NULL, good, &fen, NULL, &reasons), ZJC_EINVALID);
    CHECK_HAS(zjc_last_error(), "out_eligible");
    EXPECT_STATUS(light(NULL, good, &fen, &eligible, NULL), ZJC_EINVALID);
    CHECK_HAS(zjc_last_error(), "out_reasons");
    CHECK(fen == FEN_SENTINEL && eligible == ELIGIBLE_SENTINEL && reasons == REASONS_SENTINEL);
}

static void test_first_loan_subsidy_amount(void) {
    int64_t fen = FEN_SENTINEL;
    int32_t eligible = ELIGIBLE_SENTINEL;
    uint32_t reasons = REASONS_SENTINEL;
    size_t i;
    zjc_plan *plan = NULL;

    EXPECT_STATUS(zjc_first_loan_subsidy_amount(NULL, k_loan12, &fen, &eligible, &reasons), ZJC_OK);
    CHECK(fen == 2017222);
    CHECK(eligible == 1);
    CHECK(reasons == 0);

    /* An explicit plan handle gives the same (the embedded plan's parameters). */
    EXPECT_STATUS(zjc_plan_default(&plan), ZJC_OK);
    fen = 0;
    EXPECT_STATUS(zjc_first_loan_subsidy_amount(plan, k_loan12, &fen, &eligible, &reasons), ZJC_OK);
    CHECK(fen == 2017222);
    zjc_plan_free(plan);

    EXPECT_STATUS(zjc_first_loan_subsidy_amount(NULL, k_loan_two_failures, &fen, &eligible, &reasons), ZJC_OK);
    CHECK(fen == 0);
    CHECK(eligible == 0);
    CHECK(reasons == (ZJC_REASON_BORROWER_KIND_NOT_ELIGIBLE | ZJC_REASON_NOT_VIA_PLATFORM));

    for (i = 0; i < sizeof k_bad_loans / sizeof *k_bad_loans; ++i)
        same_error(zjc_first_loan_subsidy, zjc_first_loan_subsidy_amount, k_bad_loans[i], __LINE__);
    /* The fields those errors name, for two of them: the light call is not merely as vague as the other. */
    fen = FEN_SENTINEL;
    EXPECT_STATUS(zjc_first_loan_subsidy_amount(NULL, k_bad_loans[4], &fen, &eligible, &reasons), ZJC_EPARSE);
    CHECK_STR(zjc_last_error_field(), "balances[0].balance");
    CHECK_HAS(zjc_last_error(), "1,0x0.00");
    EXPECT_STATUS(zjc_first_loan_subsidy_amount(NULL, k_bad_loans[7], &fen, &eligible, &reasons), ZJC_EVALIDATION);
    CHECK_STR(zjc_last_error_field(), "balances[1]");

    light_nulls(zjc_first_loan_subsidy_amount, k_loan12);
}

static void test_receivables_reward_amount(void) {
    int64_t fen = FEN_SENTINEL;
    int32_t eligible = ELIGIBLE_SENTINEL;
    uint32_t reasons = REASONS_SENTINEL;
    size_t i;

    EXPECT_STATUS(zjc_receivables_reward_amount(NULL, k_enterprise, &fen, &eligible, &reasons), ZJC_OK);
    CHECK(fen == 616438);
    CHECK(eligible == 1);
    CHECK(reasons == 0);

    EXPECT_STATUS(zjc_receivables_reward_amount(NULL, k_enterprise_none, &fen, &eligible, &reasons), ZJC_OK);
    CHECK(fen == 0);
    CHECK(eligible == 0);
    CHECK(reasons == (ZJC_REASON_FINANCING_NOT_CONFIRMED | ZJC_REASON_FINANCING_OUTSIDE_WINDOW |
                      ZJC_REASON_NO_ELIGIBLE_FINANCING));

    for (i = 0; i < sizeof k_bad_enterprises / sizeof *k_bad_enterprises; ++i)
        same_error(zjc_receivables_reward, zjc_receivables_reward_amount, k_bad_enterprises[i], __LINE__);

    light_nulls(zjc_receivables_reward_amount, k_enterprise);
}

/* ---- zjc_plan_load_file ----------------------------------------------------------- */

static void write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "wb");
    if (f == NULL || fwrite(text, 1, strlen(text), f) != strlen(text) || fclose(f) != 0) {
        fprintf(stderr, "capi_light_test.c: cannot write %s\n", path);
        exit(2);
    }
}

static void test_plan_load_file(void) {
    char dir[] = "/tmp/capi_light_test.XXXXXX";
    char path[128], missing[128];
    char *want_json = NULL, *got_json = NULL;
    zjc_plan *def = NULL, *loaded = NULL, *untouched = (zjc_plan *)dir;
    static const char bad_plan[] = "{\"schema_version\": 1, \"document\": 5}";
    int32_t want;
    char *want_message, *want_field, *expected;

    if (mkdtemp(dir) == NULL) {
        record(0, __LINE__, "mkdtemp");
        return;
    }
    snprintf(path, sizeof path, "%s/plan.json", dir);
    snprintf(missing, sizeof missing, "%s/no-such-plan.json", dir);

    /* The embedded plan written out and read back is the same plan. */
    EXPECT_STATUS(zjc_plan_default(&def), ZJC_OK);
    EXPECT_STATUS(zjc_plan_to_json(def, &want_json), ZJC_OK);
    write_file(path, want_json);
    EXPECT_STATUS(zjc_plan_load_file(&loaded, path), ZJC_OK);
    CHECK(loaded != NULL);
    EXPECT_STATUS(zjc_plan_to_json(loaded, &got_json), ZJC_OK);
    CHECK(got_json != NULL && want_json != NULL && strcmp(got_json, want_json) == 0);
    zjc_string_free(got_json);
    zjc_string_free(want_json);
    zjc_plan_free(loaded);
    zjc_plan_free(def);

    /* A missing file: ZJC_EIO, the path (whole, and as the field) and the system's reason. */
    loaded = untouched;
    EXPECT_STATUS(zjc_plan_load_file(&loaded, missing), ZJC_EIO);
    CHECK_HAS(zjc_last_error(), missing);
    CHECK_HAS(zjc_last_error(), "No such file or directory");
    CHECK_STR(zjc_last_error_field(), missing);
    CHECK(loaded == untouched);

    /* A directory: ZJC_EIO, said so. */
    EXPECT_STATUS(zjc_plan_load_file(&loaded, dir), ZJC_EIO);
    CHECK_HAS(zjc_last_error(), "Is a directory");
    CHECK(loaded == untouched);

    /* Bad JSON in the file: the status and field of zjc_plan_load_json on the
     * same bytes, its message led by the path. */
    write_file(path, bad_plan);
    want = zjc_plan_load_json(&loaded, bad_plan, strlen(bad_plan));
    want_message = copy(zjc_last_error());
    want_field = copy(zjc_last_error_field());
    CHECK(want != ZJC_OK);
    CHECK(want_field[0] != '\0');
    EXPECT_STATUS(zjc_plan_load_file(&loaded, path), want);
    CHECK_STR(zjc_last_error_field(), want_field);
    expected = malloc(strlen(path) + 2 + strlen(want_message) + 1);
    if (expected == NULL) abort();
    sprintf(expected, "%s: %s", path, want_message);
    CHECK_STR(zjc_last_error(), expected);
    CHECK(loaded == untouched);
    free(expected);
    free(want_message);
    free(want_field);

    /* NULLs. */
    EXPECT_STATUS(zjc_plan_load_file(NULL, path), ZJC_EINVALID);
    CHECK_HAS(zjc_last_error(), "out");
    EXPECT_STATUS(zjc_plan_load_file(&loaded, NULL), ZJC_EINVALID);
    CHECK_HAS(zjc_last_error(), "path");
    CHECK(loaded == untouched);

    remove(path);
    rmdir(dir);
}

/* ---- dates ------------------------------------------------------------------------- */

static void test_dates(void) {
    int32_t day = 12345;
    char *s = NULL;

    /* 1970-01-01 is 0; 2022-04-01 is 19083 (the header's example); 1969-12-31 is -1. */
    EXPECT_STATUS(zjc_date_to_day_number(&day, "1970-01-01"), ZJC_OK);
    CHECK(day == 0);
    EXPECT_STATUS(zjc_date_to_day_number(&day, "2022-04-01"), ZJC_OK);
    CHECK(day == 19083);
    EXPECT_STATUS(zjc_date_to_day_number(&day, "1969-12-31"), ZJC_OK);
    CHECK(day == -1);
    /* 2000-01-01 is 10957 (30 years, 7 of them leap: 30 × 365 + 7); Feb 29 is 31 + 28 days later: 11016. */
    EXPECT_STATUS(zjc_date_to_day_number(&day, "2000年2月29日"), ZJC_OK);
    CHECK(day == 11016);
    EXPECT_STATUS(zjc_date_to_day_number(&day, "２０２２/4/1"), ZJC_OK);
    CHECK(day == 19083);
    /* The ends of the range. */
    EXPECT_STATUS(zjc_date_to_day_number(&day, "1400-01-01"), ZJC_OK);
    CHECK(day == -208188);
    EXPECT_STATUS(zjc_date_to_day_number(&day, "9999-12-31"), ZJC_OK);
    CHECK(day == 2932896);

    /* Bad text: ZJC_EPARSE, field "date", the text quoted; nothing written. */
    day = 12345;
    EXPECT_STATUS(zjc_date_to_day_number(&day, "2022-02-30"), ZJC_EPARSE);
    CHECK_STR(zjc_last_error_field(), "date");
    CHECK_HAS(zjc_last_error(), "2022-02-30");
    CHECK_HAS(zjc_last_error(), "has no day 30");
    EXPECT_STATUS(zjc_date_to_day_number(&day, "2022-4/1"), ZJC_EPARSE);
    CHECK_STR(zjc_last_error_field(), "date");
    EXPECT_STATUS(zjc_date_to_day_number(&day, ""), ZJC_EPARSE);
    CHECK(day == 12345);
    EXPECT_STATUS(zjc_date_to_day_number(NULL, "2022-04-01"), ZJC_EINVALID);
    CHECK_HAS(zjc_last_error(), "out_day");
    EXPECT_STATUS(zjc_date_to_day_number(&day, NULL), ZJC_EINVALID);
    CHECK_HAS(zjc_last_error(), "text");
    CHECK(day == 12345);

    EXPECT_STATUS(zjc_date_from_day_number(&s, 19083), ZJC_OK);
    CHECK_STR(s, "2022-04-01");
    zjc_string_free(s);
    EXPECT_STATUS(zjc_date_from_day_number(&s, 11016), ZJC_OK);
    CHECK_STR(s, "2000-02-29");
    zjc_string_free(s);
    EXPECT_STATUS(zjc_date_from_day_number(&s, -208188), ZJC_OK);
    CHECK_STR(s, "1400-01-01");
    zjc_string_free(s);
    EXPECT_STATUS(zjc_date_from_day_number(&s, 2932896), ZJC_OK);
    CHECK_STR(s, "9999-12-31");
    zjc_string_free(s);
    s = NULL;
    EXPECT_STATUS(zjc_date_from_day_number(&s, 2932897), ZJC_EVALIDATION);
    CHECK_STR(zjc_last_error_field(), "day_number");
    CHECK_HAS(zjc_last_error(), "2932897");
    EXPECT_STATUS(zjc_date_from_day_number(&s, -208189), ZJC_EVALIDATION);
    CHECK(s == NULL);
    EXPECT_STATUS(zjc_date_from_day_number(NULL, 0), ZJC_EINVALID);
    CHECK_HAS(zjc_last_error(), "out");
}

/* ---- reasons ----------------------------------------------------------------------- */

static void test_reason_info(void) {
    const char *code = NULL, *zh = NULL, *en = NULL;
    const char *unset = "unset";
    uint32_t bit;
    int found = 0;

    EXPECT_STATUS(zjc_reason_info(ZJC_REASON_NOT_FIRST_LOAN, &code, &zh, &en), ZJC_OK);
    CHECK_STR(code, "not_first_loan");
    CHECK_STR(zh, "不是借款人的首次贷款");
    CHECK(en != NULL && en[0] != '\0');
    EXPECT_STATUS(zjc_reason_info(ZJC_REASON_PER_ENTERPRISE_CAP_APPLIED, &code, &zh, &en), ZJC_OK);
    CHECK_STR(code, "per_enterprise_cap_applied");
    EXPECT_STATUS(zjc_reason_info(ZJC_REASON_APPLICATION_OUTSIDE_WINDOW, &code, &zh, &en), ZJC_OK);
    CHECK_STR(code, "application_outside_window");

    /* Exactly the 13 ZJC_REASON_* bits of the header answer, each with texts. */
    for (bit = 1; bit != 0; bit <<= 1) {
        int32_t rc = zjc_reason_info(bit, &code, &zh, &en);
        if (rc == ZJC_OK) {
            ++found;
            CHECK(code != NULL && zh != NULL && en != NULL && code[0] && zh[0] && en[0]);
        } else {
            CHECK(rc == ZJC_ENOTFOUND);
        }
    }
    CHECK(found == 13);

    /* 0, two bits, and a bit no reason has (0x80): ZJC_ENOTFOUND, outputs untouched. */
    code = zh = en = unset;
    EXPECT_STATUS(zjc_reason_info(0, &code, &zh, &en), ZJC_ENOTFOUND);
    EXPECT_STATUS(zjc_reason_info(ZJC_REASON_NOT_VIA_PLATFORM | ZJC_REASON_NOT_FIRST_LOAN, &code, &zh, &en),
                  ZJC_ENOTFOUND);
    EXPECT_STATUS(zjc_reason_info(0x80u, &code, &zh, &en), ZJC_ENOTFOUND);
    CHECK_HAS(zjc_last_error(), "0x80");
    CHECK(code == unset && zh == unset && en == unset);

    EXPECT_STATUS(zjc_reason_info(ZJC_REASON_NOT_FIRST_LOAN, NULL, &zh, &en), ZJC_EINVALID);
    CHECK_HAS(zjc_last_error(), "out_code");
    EXPECT_STATUS(zjc_reason_info(ZJC_REASON_NOT_FIRST_LOAN, &code, NULL, &en), ZJC_EINVALID);
    CHECK_HAS(zjc_last_error(), "out_text_zh");
    EXPECT_STATUS(zjc_reason_info(ZJC_REASON_NOT_FIRST_LOAN, &code, &zh, NULL), ZJC_EINVALID);
    CHECK_HAS(zjc_last_error(), "out_text_en");
    CHECK(code == unset && zh == unset && en == unset);
}

int main(void) {
    test_first_loan_subsidy_amount();
    test_receivables_reward_amount();
    test_plan_load_file();
    test_dates();
    test_reason_info();
    return check_summary("capi_light_test");
}
