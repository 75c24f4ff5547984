/*
 * capi_batch_test.c — the batch section of capi/zjcredit.h from strict C99.
 *
 * A few hundred loans and enterprises are generated with a fixed seed
 * (splitmix64: the same data everywhere): eligible and ineligible rows,
 * balances around the cap, every validation error a record can carry, and
 * rows no JSON record can express (unknown kind codes and flag bits, day
 * numbers outside 1400..9999, INT64_MIN 分). Under the embedded plan and
 * under one with a maximum subsidy period, caps and a budget, each row's
 * batch status, amount, eligibility and reason bits must equal what the
 * one-at-a-time JSON call (zjc_first_loan_subsidy / zjc_receivables_reward)
 * gives for the same record, and the row's receipt call must return that
 * call's text byte for byte (or its status).
 *
 * Then the structural errors: NULL arguments and columns, bad versions,
 * inconsistent counts, offsets that decrease, start below 0 or run past the
 * range columns, a NULL end / days column a financing needs: ZJC_EINVALID
 * naming the column, outputs untouched. And the edges: no rows, optional
 * outputs left out, a batch split in two.
 *
 * Prints "capi_batch_test: N passed, M failed" and exits non-zero on any failure.
 */
#include <zjcredit.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* EXPECT_INVALID(call, field): ZJC_EINVALID, a message, the field named (when not NULL). */
#define EXPECT_INVALID(call, field) expect_invalid_((call), (field), __LINE__, #call)
static void expect_invalid_(int32_t rc, const char *field, int line, const char *what) {
    int ok = rc == ZJC_EINVALID && zjc_last_status() == ZJC_EINVALID && zjc_last_error()[0] != '\0';
    if (ok && field != NULL && strcmp(zjc_last_error_field(), field) != 0) {
        fprintf(stderr, "capi_batch_test.c:%d: field is \"%s\", expected \"%s\"\n", line, zjc_last_error_field(),
                field);
        ok = 0;
    }
    if (rc != ZJC_EINVALID)
        fprintf(stderr, "capi_batch_test.c:%d: expected ZJC_EINVALID, got %s\n", line, zjc_status_name(rc));
    record(ok, line, what);
}

/* ---- data --------------------------------------------------------------------------- */

static uint64_t g_state;

static uint64_t next_u64(void) {
    uint64_t z = (g_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* Uniform in [lo, hi]. */
static int64_t range(int64_t lo, int64_t hi) { return lo + (int64_t)(next_u64() % (uint64_t)(hi - lo + 1)); }

/* True with probability per_mille / 1000. */
static int chance(int per_mille) { return (int)(next_u64() % 1000) < per_mille; }

#define DAY_2022_01_01 18993
#define DAY_2022_04_01 19083
#define DAY_2022_06_30 19173
#define DAY_2023_06_30 19538
#define FIRST_DAY (-208188) /* 1400-01-01 */
#define LAST_DAY 2932896    /* 9999-12-31 */

/* "YYYY-MM-DD" of a day number (days since 1970-01-01; H. Hinnant's civil_from_days). */
static void iso_date(char *buf, size_t size, int32_t day) {
    long z = (long)day + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) ++y;
    snprintf(buf, size, "%04ld-%02ld-%02ld", y, m, d);
}

/* A growable text buffer. */
typedef struct {
    char *s;
    size_t len, cap;
} text;

static void put(text *t, const char *s) {
    size_t n = strlen(s);
    if (t->len + n + 1 > t->cap) {
        t->cap = (t->len + n + 1) * 2;
        t->s = (char *)realloc(t->s, t->cap);
        if (t->s == NULL) abort();
    }
    memcpy(t->s + t->len, s, n + 1);
    t->len += n;
}

static void put_amount(text *t, int64_t fen) {
    char *s = NULL;
    char buf[64];
    if (zjc_amount_format(&s, fen, ZJC_FORMAT_CANONICAL) != ZJC_OK) abort();
    sprintf(buf, "\"%s\"", s);
    zjc_string_free(s);
    put(t, buf);
}

static void put_date(text *t, int32_t day) {
    char buf[48];
    char d[40];
    iso_date(d, sizeof d, day);
    snprintf(buf, sizeof buf, "\"%s\"", d);
    put(t, buf);
}

/* A rate in units of 10^-10 as decimal text, "0.0435000000". */
static void put_rate(text *t, int64_t units) {
    char buf[64];
    sprintf(buf, "\"%lld.%010lld\"", (long long)(units / 10000000000LL), (long long)(units % 10000000000LL));
    put(t, buf);
}

/* ---- loans --------------------------------------------------------------------------- */

#define MAX_LOANS 400
#define MAX_RANGES (MAX_LOANS * 13)

static uint8_t L_kind[MAX_LOANS];
static int32_t L_app[MAX_LOANS];
static uint8_t L_flags[MAX_LOANS];
static int64_t L_rate[MAX_LOANS];
static int32_t L_pf[MAX_LOANS];
static int32_t L_pt[MAX_LOANS];
static int64_t L_off[MAX_LOANS + 1];
static int32_t L_from[MAX_RANGES];
static int32_t L_to[MAX_RANGES];
static int64_t L_bal[MAX_RANGES];
/* 1 when the row holds something no JSON record can express. */
static int L_nojson[MAX_LOANS];

static size_t generate_loans(size_t n) {
    size_t i, k = 0;
    for (i = 0; i < n; ++i) {
        int ranges = (int)range(1, 12);
        int32_t day = (int32_t)range(DAY_2022_04_01 - 40, DAY_2022_04_01 + 20);
        int j;
        L_nojson[i] = 0;
        L_kind[i] = (uint8_t)(chance(150) ? 2 : range(0, 1));
        if (chance(15)) {
            L_kind[i] = (uint8_t)range(3, 255);
            L_nojson[i] = 1;
        }
        L_app[i] = (int32_t)(chance(850) ? range(DAY_2022_04_01, DAY_2022_06_30) : range(DAY_2022_01_01, 19400));
        if (chance(10)) {
            L_app[i] = chance(500) ? FIRST_DAY - 1 : LAST_DAY + 1;
            L_nojson[i] = 1;
        }
        L_flags[i] = (uint8_t)(chance(700) ? 7 : range(0, 7));
        if (chance(10)) {
            L_flags[i] = (uint8_t)(L_flags[i] | (uint8_t)(8U << range(0, 4)));
            L_nojson[i] = 1;
        }
        switch ((int)range(0, 5)) {
            case 0: L_rate[i] = 435000000; break;           /* 4.35% */
            case 1: L_rate[i] = 50000000; break;            /* 0.5%: below the ceiling */
            case 2: L_rate[i] = 100000000; break;           /* 1% exactly */
            default: L_rate[i] = range(1, 9999999999LL); break;
        }
        if (chance(15)) L_rate[i] = chance(500) ? 0 : 10000000000LL; /* 0% or 100%: refused */
        if (chance(10)) ranges = 0;                                 /* an empty schedule */
        L_off[i] = (int64_t)k;
        for (j = 0; j < ranges; ++j) {
            int32_t len = (int32_t)range(1, 60);
            L_from[k] = day;
            L_to[k] = day + len - 1;
            switch ((int)range(0, 9)) {
                case 0: L_bal[k] = 0; break;
                case 1: L_bal[k] = 1000000000LL; break;                          /* the cap exactly */
                case 2: L_bal[k] = range(1000000001LL, 900000000000LL); break;    /* above the cap */
                case 3: L_bal[k] = range(1, 999); break;                          /* small: ties, roundings */
                default: L_bal[k] = range(1, 1000000000LL); break;
            }
            if (chance(8)) L_bal[k] = -range(1, 1000);            /* negative */
            if (chance(5)) L_to[k] = L_from[k] - 1;               /* reversed range */
            if (j > 0 && chance(8)) L_from[k] = L_to[k - 1];      /* overlaps the one before */
            if (chance(4)) {
                L_bal[k] = INT64_MIN;                             /* below the smallest amount */
                L_nojson[i] = 1;
            }
            if (chance(3)) {
                L_to[k] = LAST_DAY + 5;
                L_nojson[i] = 1;
            }
            day = L_to[k] + 1 + (chance(50) ? 3 : 0);             /* now and then a gap */
            ++k;
        }
        if (ranges > 0) {
            L_pf[i] = L_from[L_off[i]] + (int32_t)range(0, 10);
            L_pt[i] = L_to[k - 1] - (int32_t)range(0, 10);
            if (L_pt[i] < L_pf[i]) L_pt[i] = L_pf[i];
        } else {
            L_pf[i] = DAY_2022_04_01;
            L_pt[i] = DAY_2022_06_30;
        }
        if (chance(10)) {                                          /* reversed period */
            int32_t t = L_pf[i];
            L_pf[i] = L_pt[i] + 1;
            L_pt[i] = t;
        }
        if (chance(10)) L_pt[i] += 100;                             /* past the schedule */
        if (chance(5)) {
            L_pf[i] = FIRST_DAY - 3;
            L_nojson[i] = 1;
        }
    }
    L_off[n] = (int64_t)k;
    return k;
}

static zjc_loan_columns loan_columns(size_t n, size_t ranges) {
    zjc_loan_columns c;
    memset(&c, 0, sizeof c);
    c.version = ZJC_LOAN_COLUMNS_VERSION;
    c.count = n;
    c.borrower_kind = L_kind;
    c.first_application = L_app;
    c.flags = L_flags;
    c.annual_rate = L_rate;
    c.period_from = L_pf;
    c.period_to = L_pt;
    c.offsets = L_off;
    c.range_count = ranges;
    c.range_from = L_from;
    c.range_to = L_to;
    c.range_balance = L_bal;
    return c;
}

static const char *const k_kinds[] = {"small", "micro", "individual_business"};

/* The JSON record of loan i (L_nojson[i] == 0). */
static char *loan_json(size_t i) {
    text t = {NULL, 0, 0};
    char buf[128];
    int64_t k;
    sprintf(buf, "{\"borrower\": \"loans[%lu]\", \"borrower_kind\": \"%s\", \"first_application_date\": ",
            (unsigned long)i, k_kinds[L_kind[i]]);
    put(&t, buf);
    put_date(&t, L_app[i]);
    sprintf(buf, ", \"via_platform\": %s, \"local_legal_person_lender\": %s, \"first_loan\": %s, \"annual_rate\": ",
            (L_flags[i] & ZJC_LOAN_VIA_PLATFORM) ? "true" : "false",
            (L_flags[i] & ZJC_LOAN_LOCAL_LEGAL_PERSON_LENDER) ? "true" : "false",
            (L_flags[i] & ZJC_LOAN_FIRST_LOAN) ? "true" : "false");
    put(&t, buf);
    put_rate(&t, L_rate[i]);
    put(&t, ", \"balances\": [");
    for (k = L_off[i]; k < L_off[i + 1]; ++k) {
        if (k != L_off[i]) put(&t, ", ");
        put(&t, "{\"from\": ");
        put_date(&t, L_from[k]);
        put(&t, ", \"to\": ");
        put_date(&t, L_to[k]);
        put(&t, ", \"balance\": ");
        put_amount(&t, L_bal[k]);
        put(&t, "}");
    }
    put(&t, "], \"period\": {\"from\": ");
    put_date(&t, L_pf[i]);
    put(&t, ", \"to\": ");
    put_date(&t, L_pt[i]);
    put(&t, "}}");
    return t.s;
}

/* ---- a result's JSON, read back ------------------------------------------------------- */

static const struct {
    uint32_t bit;
    const char *code;
} k_reason_codes[] = {
    {ZJC_REASON_APPLICATION_OUTSIDE_WINDOW, "application_outside_window"},
    {ZJC_REASON_BORROWER_KIND_NOT_ELIGIBLE, "borrower_kind_not_eligible"},
    {ZJC_REASON_NOT_VIA_PLATFORM, "not_via_platform"},
    {ZJC_REASON_LENDER_NOT_LOCAL_LEGAL_PERSON, "lender_not_local_legal_person"},
    {ZJC_REASON_NOT_FIRST_LOAN, "not_first_loan"},
    {ZJC_REASON_PER_BORROWER_CAP_APPLIED, "per_borrower_cap_applied"},
    {ZJC_REASON_BUDGET_CAP_APPLIED, "budget_cap_applied"},
    {ZJC_REASON_FINANCING_NOT_CONFIRMED, "financing_not_confirmed"},
    {ZJC_REASON_FINANCING_OUTSIDE_WINDOW, "financing_outside_window"},
    {ZJC_REASON_FINANCING_STRADDLES_WINDOW_END, "financing_straddles_window_end"},
    {ZJC_REASON_FINANCING_DAYS_TRUNCATED, "financing_days_truncated"},
    {ZJC_REASON_NO_ELIGIBLE_FINANCING, "no_eligible_financing"},
    {ZJC_REASON_PER_ENTERPRISE_CAP_APPLIED, "per_enterprise_cap_applied"},
};

typedef struct {
    int eligible;
    int64_t amount;
    uint32_t reasons;
} parsed_result;

/* eligible, amount and the reason bits of a result's JSON text. */
static int parse_result(const char *json, parsed_result *r) {
    const char *a = strstr(json, "\"amount\": \"");
    char amount[64];
    size_t n = 0, i;
    const char *reasons_end;
    if (a == NULL) return 0;
    a += strlen("\"amount\": \"");
    while (a[n] != '"' && n + 1 < sizeof amount) {
        amount[n] = a[n];
        ++n;
    }
    amount[n] = '\0';
    if (zjc_amount_parse(&r->amount, amount, ZJC_ROUND_EXACT) != ZJC_OK) return 0;
    r->eligible = strstr(json, "\"eligible\": true") != NULL;
    /* Reasons come before the receipt (whose parameters never carry codes). */
    reasons_end = strstr(json, "\"receipt\"");
    r->reasons = 0;
    for (i = 0; i < sizeof k_reason_codes / sizeof k_reason_codes[0]; ++i) {
        char needle[96];
        const char *at;
        sprintf(needle, "\"code\": \"%s\"", k_reason_codes[i].code);
        at = strstr(json, needle);
        if (at != NULL && (reasons_end == NULL || at < reasons_end)) r->reasons |= k_reason_codes[i].bit;
    }
    return 1;
}

/* ---- plans ------------------------------------------------------------------------------ */

/* `s` with the first `from` replaced by `to` (a new malloc'd string). */
static char *replace(const char *s, const char *from, const char *to) {
    const char *at = strstr(s, from);
    size_t n;
    char *out;
    if (at == NULL) {
        fprintf(stderr, "capi_batch_test: \"%s\" not in the plan JSON\n", from);
        abort();
    }
    n = strlen(s) - strlen(from) + strlen(to);
    out = (char *)malloc(n + 1);
    if (out == NULL) abort();
    memcpy(out, s, (size_t)(at - s));
    strcpy(out + (at - s), to);
    strcat(out, at + strlen(from));
    return out;
}

/* The 2022 plan with a maximum subsidy period, caps, a budget, another
 * straddle policy and rounding: every branch of both rules. */
static zjc_plan *capped_plan(void) {
    zjc_plan *def = NULL, *p = NULL;
    char *json = NULL, *a, *b, *c;
    if (zjc_plan_default(&def) != ZJC_OK || zjc_plan_to_json(def, &json) != ZJC_OK) abort();
    a = replace(json, "\"balance_cap\": \"10000000.00\",",
                "\"balance_cap\": \"3000000.00\", \"max_subsidy_days\": 45, \"per_borrower_cap\": \"1500.00\", "
                "\"budget\": \"1400.00\",");
    b = replace(a, "\"reward_rate\": \"1%\",", "\"reward_rate\": \"1%\", \"per_enterprise_cap\": \"30000.00\",");
    c = replace(b, "\"straddle\": \"full_if_start_in_window\"", "\"straddle\": \"days_in_window\"");
    if (zjc_plan_load_json(&p, c, strlen(c)) != ZJC_OK) {
        fprintf(stderr, "capi_batch_test: the capped plan does not load: %s\n", zjc_last_error());
        abort();
    }
    zjc_string_free(json);
    free(a);
    free(b);
    free(c);
    zjc_plan_free(def);
    return p;
}

/* ---- loans: batch == one at a time ---------------------------------------------------- */

static int64_t O_amount[MAX_LOANS];
static int32_t O_status[MAX_LOANS];
static uint8_t O_eligible[MAX_LOANS];
static uint32_t O_reasons[MAX_LOANS];
static uint32_t O_freasons[MAX_RANGES];

static zjc_subsidy_outputs subsidy_outputs(size_t n) {
    zjc_subsidy_outputs o;
    memset(&o, 0, sizeof o);
    o.version = ZJC_SUBSIDY_OUTPUTS_VERSION;
    o.count = n;
    o.amount = O_amount;
    o.status = O_status;
    o.eligible = O_eligible;
    o.reasons = O_reasons;
    return o;
}

static void fill_outputs(void) {
    size_t i;
    for (i = 0; i < MAX_LOANS; ++i) {
        O_amount[i] = 0x5A5A5A5A;
        O_status[i] = 77;
        O_eligible[i] = 0xEE;
        O_reasons[i] = 0xDEADBEEFu;
    }
    for (i = 0; i < MAX_RANGES; ++i) O_freasons[i] = 0xDEADBEEFu;
}

static int outputs_untouched(size_t n) {
    size_t i;
    for (i = 0; i < n; ++i)
        if (O_amount[i] != 0x5A5A5A5A || O_status[i] != 77 || O_eligible[i] != 0xEE || O_reasons[i] != 0xDEADBEEFu)
            return 0;
    return 1;
}

static void compare_loans(const zjc_plan *plan, size_t n, const char *label) {
    size_t ranges = (size_t)L_off[n], i;
    zjc_loan_columns in = loan_columns(n, ranges);
    zjc_subsidy_outputs out = subsidy_outputs(n);
    int mismatches = 0, json_rows = 0, eligible = 0, errors = 0, capped = 0;
    fill_outputs();
    CHECK(zjc_first_loan_subsidy_batch(plan, &in, &out) == ZJC_OK);
    CHECK(zjc_last_error()[0] == '\0');
    for (i = 0; i < n; ++i) {
        char *receipt = NULL;
        int32_t rc_receipt = zjc_first_loan_subsidy_receipt(plan, &in, i, NULL, &receipt);
        int row_ok = 1;
        CHECK(O_status[i] == rc_receipt);
        if (O_status[i] != ZJC_OK) {
            ++errors;
            row_ok = O_amount[i] == 0 && O_eligible[i] == 0 && O_reasons[i] == 0 &&
                     (O_status[i] == ZJC_EVALIDATION || O_status[i] == ZJC_EOVERFLOW) && receipt == NULL;
        }
        eligible += O_eligible[i];
        capped += (O_reasons[i] & (ZJC_REASON_PER_BORROWER_CAP_APPLIED | ZJC_REASON_BUDGET_CAP_APPLIED)) != 0;
        if (!L_nojson[i]) {
            char *record_json = loan_json(i);
            char *result = NULL;
            int32_t rc = zjc_first_loan_subsidy(plan, record_json, &result);
            ++json_rows;
            row_ok = row_ok && rc == O_status[i];
            if (rc == ZJC_OK) {
                parsed_result r;
                row_ok = row_ok && parse_result(result, &r) && r.amount == O_amount[i] &&
                         r.eligible == O_eligible[i] && r.reasons == O_reasons[i];
                /* the receipt call gives the one-at-a-time text byte for byte */
                row_ok = row_ok && receipt != NULL && strcmp(receipt, result) == 0;
            }
            if (!row_ok && mismatches < 5)
                fprintf(stderr, "%s: loan %lu: batch status %d amount %lld eligible %d reasons %#x; json rc %d: %.300s\n%s\n",
                        label, (unsigned long)i, O_status[i], (long long)O_amount[i], O_eligible[i],
                        O_reasons[i], rc, result ? result : zjc_last_error(), record_json);
            zjc_string_free(result);
            free(record_json);
        } else {
            /* Not a record: the conversion refuses it, as building the record would. */
            row_ok = row_ok && O_status[i] != ZJC_OK;
        }
        mismatches += !row_ok;
        zjc_string_free(receipt);
    }
    CHECK(mismatches == 0);
    printf("%s: %lu loans (%lu ranges), %d through JSON, %d eligible, %d capped, %d in error, %d mismatches\n",
           label, (unsigned long)n, (unsigned long)ranges, json_rows, eligible, capped, errors, mismatches);
    /* the mix covers what it should */
    CHECK(eligible > 20 && errors > 20 && json_rows > 200 && (int)n - eligible - errors > 20);
}

/* ---- enterprises ------------------------------------------------------------------------ */

#define MAX_ENTERPRISES 300
#define MAX_FINANCINGS (MAX_ENTERPRISES * 7)

static int64_t E_off[MAX_ENTERPRISES + 1];
static int64_t F_amount[MAX_FINANCINGS];
static int32_t F_start[MAX_FINANCINGS];
static int32_t F_end[MAX_FINANCINGS];
static int64_t F_days[MAX_FINANCINGS];
static uint8_t F_flags[MAX_FINANCINGS];
static int E_nojson[MAX_ENTERPRISES];

static size_t generate_enterprises(size_t n) {
    size_t i, k = 0;
    for (i = 0; i < n; ++i) {
        int count = (int)range(0, 6), j;
        E_nojson[i] = 0;
        E_off[i] = (int64_t)k;
        for (j = 0; j < count; ++j) {
            F_amount[k] = chance(100) ? range(1, 999) : range(100000, 2000000000LL);
            if (chance(10)) F_amount[k] = -range(0, 100);
            if (chance(4)) {
                F_amount[k] = INT64_MIN;
                E_nojson[i] = 1;
            }
            F_start[k] = (int32_t)(chance(800) ? range(DAY_2022_01_01, DAY_2023_06_30) : range(18800, 19700));
            F_flags[k] = (uint8_t)(chance(850) ? ZJC_FINANCING_CONFIRMED : 0);
            F_end[k] = 0x7F7F7F7F; /* garbage where the bit is not set: never read */
            F_days[k] = -99999;
            if (chance(500)) {
                F_flags[k] |= ZJC_FINANCING_HAS_END;
                F_end[k] = F_start[k] + (int32_t)range(1, 400);
                if (chance(20)) F_end[k] = F_start[k] - (int32_t)range(0, 3); /* on or before start */
            } else {
                F_flags[k] |= ZJC_FINANCING_HAS_DAYS;
                F_days[k] = range(1, 400);
                if (chance(20)) F_days[k] = range(-2, 0);
                if (chance(5)) F_days[k] = 5000000; /* past 9999-12-31 */
            }
            if (chance(15)) { /* both or neither */
                if (F_flags[k] & ZJC_FINANCING_HAS_END) {
                    F_flags[k] |= ZJC_FINANCING_HAS_DAYS;
                    F_days[k] = range(1, 400);
                } else {
                    F_flags[k] &= (uint8_t)~ZJC_FINANCING_HAS_DAYS;
                }
            }
            if (chance(5)) {
                F_flags[k] |= 0x40;
                E_nojson[i] = 1;
            }
            if (chance(4)) {
                F_start[k] = LAST_DAY + 1;
                E_nojson[i] = 1;
            }
            ++k;
        }
    }
    E_off[n] = (int64_t)k;
    return k;
}

static zjc_financing_columns financing_columns(size_t n, size_t fins) {
    zjc_financing_columns c;
    memset(&c, 0, sizeof c);
    c.version = ZJC_FINANCING_COLUMNS_VERSION;
    c.count = n;
    c.offsets = E_off;
    c.financing_count = fins;
    c.amount = F_amount;
    c.start = F_start;
    c.end = F_end;
    c.days = F_days;
    c.flags = F_flags;
    return c;
}

static zjc_reward_outputs reward_outputs(size_t n, size_t fins) {
    zjc_reward_outputs o;
    memset(&o, 0, sizeof o);
    o.version = ZJC_REWARD_OUTPUTS_VERSION;
    o.count = n;
    o.amount = O_amount;
    o.status = O_status;
    o.eligible = O_eligible;
    o.reasons = O_reasons;
    o.financing_count = fins;
    o.financing_reasons = O_freasons;
    return o;
}

static char *enterprise_json(size_t i) {
    text t = {NULL, 0, 0};
    char buf[128];
    int64_t k;
    sprintf(buf, "{\"core_enterprise\": \"enterprises[%lu]\", \"financings\": [", (unsigned long)i);
    put(&t, buf);
    for (k = E_off[i]; k < E_off[i + 1]; ++k) {
        if (k != E_off[i]) put(&t, ", ");
        sprintf(buf, "{\"sme\": \"financings[%lld]\", \"amount\": ", (long long)k);
        put(&t, buf);
        put_amount(&t, F_amount[k]);
        put(&t, ", \"start\": ");
        put_date(&t, F_start[k]);
        if (F_flags[k] & ZJC_FINANCING_HAS_END) {
            put(&t, ", \"end\": ");
            put_date(&t, F_end[k]);
        }
        if (F_flags[k] & ZJC_FINANCING_HAS_DAYS) {
            sprintf(buf, ", \"days\": %lld", (long long)F_days[k]);
            put(&t, buf);
        }
        put(&t, (F_flags[k] & ZJC_FINANCING_CONFIRMED) ? ", \"confirmed_on_platform\": true}"
                                                       : ", \"confirmed_on_platform\": false}");
    }
    put(&t, "]}");
    return t.s;
}

static void compare_enterprises(const zjc_plan *plan, size_t n, const char *label) {
    size_t fins = (size_t)E_off[n], i;
    zjc_financing_columns in = financing_columns(n, fins);
    zjc_reward_outputs out = reward_outputs(n, fins);
    int mismatches = 0, json_rows = 0, eligible = 0, errors = 0;
    fill_outputs();
    CHECK(zjc_receivables_reward_batch(plan, &in, &out) == ZJC_OK);
    for (i = 0; i < n; ++i) {
        char *receipt = NULL;
        int32_t rc_receipt = zjc_receivables_reward_receipt(plan, &in, i, NULL, &receipt);
        int row_ok = O_status[i] == rc_receipt;
        int64_t k;
        uint32_t fin_bits = 0;
        for (k = E_off[i]; k < E_off[i + 1]; ++k) fin_bits |= O_freasons[k];
        if (O_status[i] != ZJC_OK) {
            ++errors;
            row_ok = row_ok && O_amount[i] == 0 && O_eligible[i] == 0 && O_reasons[i] == 0 && fin_bits == 0;
        } else {
            /* the per-financing bits are the row's financing bits */
            row_ok = row_ok && fin_bits == (O_reasons[i] & (ZJC_REASON_FINANCING_NOT_CONFIRMED |
                                                            ZJC_REASON_FINANCING_OUTSIDE_WINDOW |
                                                            ZJC_REASON_FINANCING_STRADDLES_WINDOW_END |
                                                            ZJC_REASON_FINANCING_DAYS_TRUNCATED));
        }
        eligible += O_eligible[i];
        if (!E_nojson[i]) {
            char *record_json = enterprise_json(i);
            char *result = NULL;
            int32_t rc = zjc_receivables_reward(plan, record_json, &result);
            ++json_rows;
            row_ok = row_ok && rc == O_status[i];
            if (rc == ZJC_OK) {
                parsed_result r;
                row_ok = row_ok && parse_result(result, &r) && r.amount == O_amount[i] &&
                         r.eligible == O_eligible[i] && r.reasons == O_reasons[i];
                row_ok = row_ok && receipt != NULL && strcmp(receipt, result) == 0;
            }
            if (!row_ok && mismatches < 5)
                fprintf(stderr, "%s: enterprise %lu: batch status %d amount %lld reasons %#x; json rc %d: %.300s\n%s\n",
                        label, (unsigned long)i, O_status[i], (long long)O_amount[i], O_reasons[i], rc,
                        result ? result : zjc_last_error(), record_json);
            zjc_string_free(result);
            free(record_json);
        } else {
            row_ok = row_ok && O_status[i] != ZJC_OK;
        }
        mismatches += !row_ok;
        zjc_string_free(receipt);
    }
    CHECK(mismatches == 0);
    printf("%s: %lu enterprises (%lu financings), %d through JSON, %d eligible, %d in error, %d mismatches\n",
           label, (unsigned long)n, (unsigned long)fins, json_rows, eligible, errors, mismatches);
    CHECK(eligible > 20 && errors > 20 && json_rows > 150 && (int)n - eligible - errors > 10);
}

/* ---- structure -------------------------------------------------------------------------- */

static void test_loan_structure(size_t n) {
    size_t ranges = (size_t)L_off[n];
    zjc_loan_columns in;
    zjc_subsidy_outputs out;
    char *s = NULL;
    int64_t saved;

#define RESET() (in = loan_columns(n, ranges), out = subsidy_outputs(n), fill_outputs())
    RESET();
    EXPECT_INVALID(zjc_first_loan_subsidy_batch(NULL, NULL, &out), NULL);
    CHECK(strstr(zjc_last_error(), "in must not be NULL") != NULL);
    EXPECT_INVALID(zjc_first_loan_subsidy_batch(NULL, &in, NULL), NULL);
    CHECK(strstr(zjc_last_error(), "out must not be NULL") != NULL);
    CHECK(outputs_untouched(n));

    in.version = 2;
    EXPECT_INVALID(zjc_first_loan_subsidy_batch(NULL, &in, &out), NULL);
    CHECK(strstr(zjc_last_error(), "ZJC_LOAN_COLUMNS_VERSION") != NULL);
    RESET();
    out.version = 0;
    EXPECT_INVALID(zjc_first_loan_subsidy_batch(NULL, &in, &out), NULL);
    RESET();
    out.count = n - 1;
    EXPECT_INVALID(zjc_first_loan_subsidy_batch(NULL, &in, &out), "count");

    /* each required column NULL */
    RESET(); in.borrower_kind = NULL;
    EXPECT_INVALID(zjc_first_loan_subsidy_batch(NULL, &in, &out), "borrower_kind");
    RESET(); in.first_application = NULL;
    EXPECT_INVALID(zjc_first_loan_subsidy_batch(NULL, &in, &out), "first_application");
    RESET(); in.flags = NULL;
    EXPECT_INVALID(zjc_first_loan_subsidy_batch(NULL, &in, &out), "flags");
    RESET(); in.annual_rate = NULL;
    EXPECT_INVALID(zjc_first_loan_subsidy_batch(NULL, &in, &out), "annual_rate");
    RESET(); in.period_from = NULL;
    EXPECT_INVALID(zjc_first_loan_subsidy_batch(NULL, &in, &out), "period_from");
    RESET(); in.period_to = NULL;
    EXPECT_INVALID(zjc_first_loan_subsidy_batch(NULL, &in, &out), "period_to");
    RESET(); in.offsets = NULL;
    EXPECT_INVALID(zjc_first_loan_subsidy_batch(NULL, &in, &out), "offsets");
    RESET(); in.range_from = NULL;
    EXPECT_INVALID(zjc_first_loan_subsidy_batch(NULL, &in, &out), "range_from");
    RESET(); in.range_to = NULL;
    EXPECT_INVALID(zjc_first_loan_subsidy_batch(NULL, &in, &out), "range_to");
    RESET(); in.range_balance = NULL;
    EXPECT_INVALID(zjc_first_loan_subsidy_batch(NULL, &in, &out), "range_balance");
    RESET(); out.amount = NULL;
    EXPECT_INVALID(zjc_first_loan_subsidy_batch(NULL, &in, &out), "amount (output)");
    RESET(); out.status = NULL;
    EXPECT_INVALID(zjc_first_loan_subsidy_batch(NULL, &in, &out), "status (output)");
    CHECK(outputs_untouched(n));

    /* the range columns shorter than the offsets say */
    RESET(); in.range_count = ranges - 1;
    EXPECT_INVALID(zjc_first_loan_subsidy_batch(NULL, &in, &out), NULL);
    CHECK(strstr(zjc_last_error(), "range_count") != NULL);
    CHECK(outputs_untouched(n));

    /* offsets: decreasing, negative, past the end */
    RESET();
    saved = L_off[5];
    L_off[5] = L_off[4] - 1;
    EXPECT_INVALID(zjc_first_loan_subsidy_batch(NULL, &in, &out), "offsets[5]");
    CHECK(strstr(zjc_last_error(), "must not decrease") != NULL);
    CHECK(outputs_untouched(n));
    L_off[5] = saved;
    saved = L_off[0];
    L_off[0] = -1;
    EXPECT_INVALID(zjc_first_loan_subsidy_batch(NULL, &in, &out), "offsets[0]");
    L_off[0] = saved;
    saved = L_off[n];
    L_off[n] = (int64_t)ranges + 1;
    EXPECT_INVALID(zjc_first_loan_subsidy_batch(NULL, &in, &out), NULL);
    L_off[n] = INT64_MAX;
    EXPECT_INVALID(zjc_first_loan_subsidy_batch(NULL, &in, &out), NULL);
    L_off[n] = saved;
    CHECK(outputs_untouched(n));
    /* a count no memory holds */
    RESET(); in.count = (size_t)-1; out.count = (size_t)-1;
    EXPECT_INVALID(zjc_first_loan_subsidy_batch(NULL, &in, &out), "count");

    /* receipts */
    RESET();
    EXPECT_INVALID(zjc_first_loan_subsidy_receipt(NULL, &in, n, NULL, &s), "row");
    CHECK(s == NULL);
    EXPECT_INVALID(zjc_first_loan_subsidy_receipt(NULL, NULL, 0, NULL, &s), NULL);
    EXPECT_INVALID(zjc_first_loan_subsidy_receipt(NULL, &in, 0, NULL, NULL), NULL);
    in.version = 9;
    EXPECT_INVALID(zjc_first_loan_subsidy_receipt(NULL, &in, 0, NULL, &s), NULL);
    RESET();
    saved = L_off[3];
    L_off[3] = L_off[2] - 1;
    EXPECT_INVALID(zjc_first_loan_subsidy_receipt(NULL, &in, 2, NULL, &s), "offsets[3]");
    L_off[3] = saved;
    CHECK(s == NULL);
#undef RESET
}

static void test_reward_structure(size_t n) {
    size_t fins = (size_t)E_off[n], k;
    zjc_financing_columns in;
    zjc_reward_outputs out;
    char *s = NULL;
    int64_t saved;
    size_t with_end = fins, with_days = fins;
    for (k = 0; k < fins && (with_end == fins || with_days == fins); ++k) {
        if ((F_flags[k] & ZJC_FINANCING_HAS_END) && with_end == fins) with_end = k;
        if ((F_flags[k] & ZJC_FINANCING_HAS_DAYS) && with_days == fins) with_days = k;
    }
    CHECK(with_end < fins && with_days < fins);

#define RESET() (in = financing_columns(n, fins), out = reward_outputs(n, fins), fill_outputs())
    RESET();
    EXPECT_INVALID(zjc_receivables_reward_batch(NULL, NULL, &out), NULL);
    EXPECT_INVALID(zjc_receivables_reward_batch(NULL, &in, NULL), NULL);
    in.version = 0;
    EXPECT_INVALID(zjc_receivables_reward_batch(NULL, &in, &out), NULL);
    RESET(); out.version = 7;
    EXPECT_INVALID(zjc_receivables_reward_batch(NULL, &in, &out), NULL);
    RESET(); out.count = n + 1;
    EXPECT_INVALID(zjc_receivables_reward_batch(NULL, &in, &out), "count");
    RESET(); out.financing_count = fins - 1;
    EXPECT_INVALID(zjc_receivables_reward_batch(NULL, &in, &out), "financing_count");
    RESET(); in.offsets = NULL;
    EXPECT_INVALID(zjc_receivables_reward_batch(NULL, &in, &out), "offsets");
    RESET(); in.amount = NULL;
    EXPECT_INVALID(zjc_receivables_reward_batch(NULL, &in, &out), "amount");
    RESET(); in.start = NULL;
    EXPECT_INVALID(zjc_receivables_reward_batch(NULL, &in, &out), "start");
    RESET(); in.flags = NULL;
    EXPECT_INVALID(zjc_receivables_reward_batch(NULL, &in, &out), "flags");
    RESET(); in.end = NULL;
    EXPECT_INVALID(zjc_receivables_reward_batch(NULL, &in, &out), "end");
    CHECK(strstr(zjc_last_error(), "ZJC_FINANCING_HAS_END") != NULL);
    RESET(); in.days = NULL;
    EXPECT_INVALID(zjc_receivables_reward_batch(NULL, &in, &out), "days");
    RESET(); in.financing_count = fins - 1; out.financing_count = fins - 1;
    EXPECT_INVALID(zjc_receivables_reward_batch(NULL, &in, &out), NULL);
    CHECK(outputs_untouched(n));
    RESET();
    saved = E_off[7];
    E_off[7] = E_off[6] - 1;
    EXPECT_INVALID(zjc_receivables_reward_batch(NULL, &in, &out), "offsets[7]");
    E_off[7] = saved;
    CHECK(outputs_untouched(n));

    /* receipts: the row's own needs */
    RESET();
    EXPECT_INVALID(zjc_receivables_reward_receipt(NULL, &in, n, NULL, &s), "row");
    EXPECT_INVALID(zjc_receivables_reward_receipt(NULL, &in, 0, NULL, NULL), NULL);
    in.end = NULL;
    {
        size_t row = 0;
        while (!(E_off[row] <= (int64_t)with_end && (int64_t)with_end < E_off[row + 1])) ++row;
        EXPECT_INVALID(zjc_receivables_reward_receipt(NULL, &in, row, NULL, &s), "end");
    }
    CHECK(s == NULL);
#undef RESET
}

/* ---- edges ---------------------------------------------------------------------------- */

static void test_edges(const zjc_plan *capped, size_t n) {
    size_t ranges = (size_t)L_off[n], i;
    zjc_loan_columns in, none;
    zjc_subsidy_outputs out, empty_out;
    zjc_financing_columns fnone;
    zjc_reward_outputs rnone;
    int64_t amount[MAX_LOANS];
    int32_t status[MAX_LOANS];
    int same = 1;
    char *named = NULL;

    /* no rows, every pointer NULL */
    memset(&none, 0, sizeof none);
    none.version = ZJC_LOAN_COLUMNS_VERSION;
    memset(&empty_out, 0, sizeof empty_out);
    empty_out.version = ZJC_SUBSIDY_OUTPUTS_VERSION;
    CHECK(zjc_first_loan_subsidy_batch(NULL, &none, &empty_out) == ZJC_OK);
    memset(&fnone, 0, sizeof fnone);
    fnone.version = ZJC_FINANCING_COLUMNS_VERSION;
    memset(&rnone, 0, sizeof rnone);
    rnone.version = ZJC_REWARD_OUTPUTS_VERSION;
    CHECK(zjc_receivables_reward_batch(NULL, &fnone, &rnone) == ZJC_OK);

    /* the full batch, then the optional outputs left out, then in two halves */
    in = loan_columns(n, ranges);
    out = subsidy_outputs(n);
    CHECK(zjc_first_loan_subsidy_batch(capped, &in, &out) == ZJC_OK);
    memcpy(amount, O_amount, sizeof amount);
    memcpy(status, O_status, sizeof status);
    fill_outputs();
    out.eligible = NULL;
    out.reasons = NULL;
    CHECK(zjc_first_loan_subsidy_batch(capped, &in, &out) == ZJC_OK);
    for (i = 0; i < n; ++i) same = same && O_amount[i] == amount[i] && O_status[i] == status[i];
    CHECK(same);
    CHECK(O_eligible[0] == 0xEE && O_reasons[0] == 0xDEADBEEFu); /* not written */
    fill_outputs();
    {
        size_t half = n / 2;
        zjc_loan_columns a = loan_columns(half, ranges), b = loan_columns(n - half, ranges);
        zjc_subsidy_outputs oa = subsidy_outputs(half), ob = subsidy_outputs(n - half);
        b.borrower_kind += half;
        b.first_application += half;
        b.flags += half;
        b.annual_rate += half;
        b.period_from += half;
        b.period_to += half;
        b.offsets += half; /* absolute indices into the same range columns */
        ob.amount += half;
        ob.status += half;
        ob.eligible += half;
        ob.reasons += half;
        CHECK(zjc_first_loan_subsidy_batch(capped, &a, &oa) == ZJC_OK);
        CHECK(zjc_first_loan_subsidy_batch(capped, &b, &ob) == ZJC_OK);
        same = 1;
        for (i = 0; i < n; ++i) same = same && O_amount[i] == amount[i] && O_status[i] == status[i];
        CHECK(same);
    }

    /* a receipt under a name */
    for (i = 0; i < n && status[i] != ZJC_OK; ++i) {
    }
    CHECK(i < n);
    CHECK(zjc_first_loan_subsidy_receipt(capped, &in, i, "湛江市甲科技有限公司", &named) == ZJC_OK);
    CHECK(named != NULL && strstr(named, "湛江市甲科技有限公司") != NULL);
    zjc_string_free(named);
}

/* A copy of n items of `size` bytes in a block of exactly that size (so
 * that a read past the end shows under valgrind or ASan). */
static void *exact(const void *src, size_t n, size_t size) {
    void *p = malloc(n * size == 0 ? 1 : n * size);
    if (p == NULL) abort();
    memcpy(p, src, n * size);
    return p;
}

/* The columns in exactly-sized blocks: a batch and every receipt read only
 * inside them; range columns one entry short are refused before any read. */
static void test_exact_blocks(size_t n) {
    size_t ranges = (size_t)L_off[n], i;
    zjc_loan_columns in = loan_columns(n, ranges);
    zjc_subsidy_outputs out;
    int64_t *amount = (int64_t *)malloc(n * sizeof(int64_t));
    int32_t *status = (int32_t *)malloc(n * sizeof(int32_t));
    int all_receipts = 1;
    in.borrower_kind = (const uint8_t *)exact(L_kind, n, 1);
    in.first_application = (const int32_t *)exact(L_app, n, 4);
    in.flags = (const uint8_t *)exact(L_flags, n, 1);
    in.annual_rate = (const int64_t *)exact(L_rate, n, 8);
    in.period_from = (const int32_t *)exact(L_pf, n, 4);
    in.period_to = (const int32_t *)exact(L_pt, n, 4);
    in.offsets = (const int64_t *)exact(L_off, n + 1, 8);
    in.range_from = (const int32_t *)exact(L_from, ranges, 4);
    in.range_to = (const int32_t *)exact(L_to, ranges, 4);
    in.range_balance = (const int64_t *)exact(L_bal, ranges, 8);
    memset(&out, 0, sizeof out);
    out.version = ZJC_SUBSIDY_OUTPUTS_VERSION;
    out.count = n;
    out.amount = amount;
    out.status = status;
    CHECK(zjc_first_loan_subsidy_batch(NULL, &in, &out) == ZJC_OK);
    for (i = 0; i < n; ++i) {
        char *s = NULL;
        int32_t rc = zjc_first_loan_subsidy_receipt(NULL, &in, i, NULL, &s);
        all_receipts = all_receipts && rc == status[i];
        zjc_string_free(s);
    }
    CHECK(all_receipts);
    free((void *)in.range_balance);
    in.range_balance = (const int64_t *)exact(L_bal, ranges - 1, 8);
    in.range_count = ranges - 1;
    EXPECT_INVALID(zjc_first_loan_subsidy_batch(NULL, &in, &out), NULL);
    free((void *)in.borrower_kind);
    free((void *)in.first_application);
    free((void *)in.flags);
    free((void *)in.annual_rate);
    free((void *)in.period_from);
    free((void *)in.period_to);
    free((void *)in.offsets);
    free((void *)in.range_from);
    free((void *)in.range_to);
    free((void *)in.range_balance);
    free(amount);
    free(status);
}

int main(void) {
    zjc_plan *capped = capped_plan();
    size_t loans = 360, enterprises = 260;

    g_state = 20220401u;
    generate_loans(loans);
    compare_loans(NULL, loans, "2022 plan");
    compare_loans(capped, loans, "capped plan");
    test_loan_structure(loans);
    test_edges(capped, loans);
    test_exact_blocks(loans);

    g_state = 20230630u;
    generate_enterprises(enterprises);
    compare_enterprises(NULL, enterprises, "2022 plan");
    compare_enterprises(capped, enterprises, "capped plan");
    test_reward_structure(enterprises);

    zjc_plan_free(capped);
    return check_summary("capi_batch_test");
}
