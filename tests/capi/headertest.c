/*
 * headertest.c — capi/zjcredit.h is self-contained strict C99.
 *
 * Compiled with -std=c99 -Wall -Wextra -Werror -pedantic (and
 * -Wstrict-prototypes): the header must include what it needs (stddef.h,
 * stdint.h), use no C++ or GNU-only syntax outside its ZJC_API guard, and
 * survive being included twice. Nothing else is included here on purpose.
 */
#include <zjcredit.h>
#include <zjcredit.h> /* the include guard */

/* C99 has no _Static_assert: a negative array size fails the build. */
#define HEADERTEST_ASSERT(name, cond) typedef char headertest_##name[(cond) ? 1 : -1]

HEADERTEST_ASSERT(ok_is_zero, ZJC_OK == 0);
HEADERTEST_ASSERT(codes_pinned, ZJC_EPARSE == -1 && ZJC_EVALIDATION == -2 && ZJC_EOVERFLOW == -3 &&
                                    ZJC_ENOTFOUND == -4 && ZJC_EIO == -5 && ZJC_EINVALID == -6 &&
                                    ZJC_ENOMEM == -7 && ZJC_EINTERNAL == -8);
HEADERTEST_ASSERT(rounding_pinned, ZJC_ROUND_HALF_UP == 0 && ZJC_ROUND_HALF_EVEN == 1 && ZJC_ROUND_DOWN == 2 &&
                                       ZJC_ROUND_UP == 3 && ZJC_ROUND_EXACT == -1);
HEADERTEST_ASSERT(format_pinned, ZJC_FORMAT_CANONICAL == 0 && ZJC_FORMAT_GROUPED == 1 && ZJC_FORMAT_WORDS == 2 &&
                                     ZJC_FORMAT_WORDS_PREFIX == 3);
HEADERTEST_ASSERT(version_number, ZJC_VERSION_NUMBER == ZJC_VERSION_MAJOR * 10000 + ZJC_VERSION_MINOR * 100 +
                                      ZJC_VERSION_PATCH);
HEADERTEST_ASSERT(abi_version, ZJC_ABI_VERSION >= 0);
HEADERTEST_ASSERT(int32_is_32_bits, sizeof(int32_t) == 4);
HEADERTEST_ASSERT(kinds_pinned, ZJC_KIND_SMALL == 0 && ZJC_KIND_MICRO == 1 && ZJC_KIND_INDIVIDUAL_BUSINESS == 2 &&
                                ZJC_KIND_MEDIUM == 3 && ZJC_KIND_LARGE == 4);
HEADERTEST_ASSERT(loan_flags_pinned, ZJC_LOAN_VIA_PLATFORM == 1 && ZJC_LOAN_LOCAL_LEGAL_PERSON_LENDER == 2 &&
                                         ZJC_LOAN_FIRST_LOAN == 4);
HEADERTEST_ASSERT(financing_flags_pinned, ZJC_FINANCING_CONFIRMED == 1 && ZJC_FINANCING_HAS_END == 2 &&
                                              ZJC_FINANCING_HAS_DAYS == 4);
HEADERTEST_ASSERT(reasons_pinned,
                  ZJC_REASON_APPLICATION_OUTSIDE_WINDOW == 1u && ZJC_REASON_BORROWER_KIND_NOT_ELIGIBLE == 2u &&
                      ZJC_REASON_NOT_VIA_PLATFORM == 4u && ZJC_REASON_LENDER_NOT_LOCAL_LEGAL_PERSON == 8u &&
                      ZJC_REASON_NOT_FIRST_LOAN == 16u && ZJC_REASON_PER_BORROWER_CAP_APPLIED == 32u &&
                      ZJC_REASON_BUDGET_CAP_APPLIED == 64u && ZJC_REASON_FINANCING_NOT_CONFIRMED == 256u &&
                      ZJC_REASON_FINANCING_OUTSIDE_WINDOW == 512u &&
                      ZJC_REASON_FINANCING_STRADDLES_WINDOW_END == 1024u &&
                      ZJC_REASON_FINANCING_DAYS_TRUNCATED == 2048u && ZJC_REASON_NO_ELIGIBLE_FINANCING == 4096u &&
                      ZJC_REASON_PER_ENTERPRISE_CAP_APPLIED == 8192u);
HEADERTEST_ASSERT(batch_versions, ZJC_LOAN_COLUMNS_VERSION == 1 && ZJC_SUBSIDY_OUTPUTS_VERSION == 1 &&
                                      ZJC_FINANCING_COLUMNS_VERSION == 1 && ZJC_REWARD_OUTPUTS_VERSION == 1);

/* Every declaration, taken as a pointer of the exact type it must keep. */
struct headertest_table {
    const char *(*version)(void);
    int32_t (*abi_version)(void);
    const char *(*status_name)(int32_t);
    const char *(*last_error)(void);
    const char *(*last_error_field)(void);
    int32_t (*last_status)(void);
    void (*string_free)(char *);
    int32_t (*amount_parse)(int64_t *, const char *, int32_t);
    int32_t (*amount_format)(char **, int64_t, int32_t);
    int32_t (*decimal_round)(char **, const char *, int32_t, int32_t);
    int32_t (*rate_parse)(int64_t *, const char *);
    int32_t (*plan_default)(zjc_plan **);
    int32_t (*plan_load_json)(zjc_plan **, const char *, size_t);
    void (*plan_free)(zjc_plan *);
    int32_t (*plan_to_json)(const zjc_plan *, char **);
    int32_t (*plan_lint)(const zjc_plan *, char **);
    int32_t (*plan_query)(const zjc_plan *, const char *, const char *, char **);
    int32_t (*first_loan_subsidy)(const zjc_plan *, const char *, char **);
    int32_t (*receivables_reward)(const zjc_plan *, const char *, char **);
    int32_t (*listing_award)(const zjc_plan *, const char *, char **);
    int32_t (*budget_allocate)(const zjc_plan *, const char *, char **);
    int32_t (*assess)(const zjc_plan *, const char *, char **);
    int32_t (*ledger_check)(const zjc_plan *, const char *, const char *, char **);
    int32_t (*first_loan_subsidy_batch)(const zjc_plan *, const zjc_loan_columns *, zjc_subsidy_outputs *);
    int32_t (*receivables_reward_batch)(const zjc_plan *, const zjc_financing_columns *, zjc_reward_outputs *);
    int32_t (*first_loan_subsidy_receipt)(const zjc_plan *, const zjc_loan_columns *, size_t, const char *, char **);
    int32_t (*receivables_reward_receipt)(const zjc_plan *, const zjc_financing_columns *, size_t, const char *,
                                          char **);
    int32_t (*plan_load_file)(zjc_plan **, const char *);
    int32_t (*first_loan_subsidy_amount)(const zjc_plan *, const char *, int64_t *, int32_t *, uint32_t *);
    int32_t (*receivables_reward_amount)(const zjc_plan *, const char *, int64_t *, int32_t *, uint32_t *);
    int32_t (*date_to_day_number)(int32_t *, const char *);
    int32_t (*date_from_day_number)(char **, int32_t);
    int32_t (*reason_info)(uint32_t, const char **, const char **, const char **);
};

static const struct headertest_table table = {
    zjc_version,        zjc_abi_version,     zjc_status_name,        zjc_last_error,
    zjc_last_error_field, zjc_last_status,   zjc_string_free,        zjc_amount_parse,
    zjc_amount_format,  zjc_decimal_round,   zjc_rate_parse,         zjc_plan_default,
    zjc_plan_load_json, zjc_plan_free,       zjc_plan_to_json,       zjc_plan_lint,
    zjc_plan_query,     zjc_first_loan_subsidy, zjc_receivables_reward, zjc_listing_award,
    zjc_budget_allocate, zjc_assess,         zjc_ledger_check,
    zjc_first_loan_subsidy_batch, zjc_receivables_reward_batch, zjc_first_loan_subsidy_receipt,
    zjc_receivables_reward_receipt, zjc_plan_load_file, zjc_first_loan_subsidy_amount,
    zjc_receivables_reward_amount, zjc_date_to_day_number, zjc_date_from_day_number, zjc_reason_info,
};

int main(void) {
    /* Linked against the library: the ABI the header names is the one loaded. */
    return table.abi_version() == ZJC_ABI_VERSION ? 0 : 1;
}
