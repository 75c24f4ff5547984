/* capi_sandbox_test: zjc_plan_with_parameters from C99. Amounts worked by
 * hand: 1,000,000.00 元 for the 91 days 2022-04-01..06-30 at 4.35% under a
 * 1% ceiling is 1e6 x 91 x 1% / 360 = 2527.777.. -> 252778 分; under a cap of
 * 50万 it is 5e5 x 91 x 1% / 360 = 1263.888.. -> 126389 分. */
#include "check.h"

#include <zjcredit.h>

#include <string.h>

static const char k_loan[] =
    "{\"borrower\": \"湛江市甲科技有限公司\", \"borrower_kind\": \"small\","
    " \"first_application_date\": \"2022-04-01\", \"via_platform\": true,"
    " \"local_legal_person_lender\": true, \"first_loan\": true, \"annual_rate\": \"4.35%\","
    " \"balances\": [{\"from\": \"2022-04-01\", \"to\": \"2022-06-30\", \"balance\": \"1000000.00\"}],"
    " \"period\": {\"from\": \"2022-04-01\", \"to\": \"2022-06-30\"}}";

static int64_t subsidy_fen(const zjc_plan *plan) {
    int64_t fen = -1;
    int32_t eligible = 0;
    uint32_t reasons = 0;
    CHECK(zjc_first_loan_subsidy_amount(plan, k_loan, &fen, &eligible, &reasons) == ZJC_OK);
    return fen;
}

static void test_override(void) {
    zjc_plan *base = NULL;
    zjc_plan *cap = NULL;
    char *receipt = NULL;
    CHECK(zjc_plan_default(&base) == ZJC_OK);
    CHECK(zjc_plan_with_parameters(base, "{\"scenario\": \"cap50\", \"first_loan_subsidy\": {\"balance_cap\": \"50万\"}}",
                                   &cap) == ZJC_OK);
    CHECK(subsidy_fen(cap) == 126389);
    CHECK(subsidy_fen(base) == 252778); /* the original handle is untouched */
    CHECK(subsidy_fen(NULL) == 252778);
    CHECK(zjc_first_loan_subsidy(cap, k_loan, &receipt) == ZJC_OK);
    CHECK_HAS(receipt, "\"source\": \"override\"");
    CHECK_HAS(receipt, "\"scenario\": \"cap50\"");
    CHECK_HAS(receipt, "\"plan_value\": \"10000000.00\"");
    CHECK_HAS(receipt, "\"rule_set_version\": \"2022.1+override\"");
    zjc_string_free(receipt);
    zjc_plan_free(cap);
    zjc_plan_free(base);
}

static void test_errors(void) {
    zjc_plan *out = NULL;
    CHECK(zjc_plan_with_parameters(NULL, "{\"first_loan_subsidy\": {\"balance_kap\": \"1\"}}", &out) == ZJC_ENOTFOUND);
    CHECK_STR(zjc_last_error_field(), "first_loan_subsidy.balance_kap");
    CHECK_HAS(zjc_last_error(), "balance_cap");
    CHECK(zjc_plan_with_parameters(NULL, "{\"first_loan_subsidy\": {\"balance_cap\": \"1%\"}}", &out) == ZJC_EPARSE);
    CHECK_STR(zjc_last_error_field(), "first_loan_subsidy.balance_cap");
    CHECK(zjc_plan_with_parameters(
              NULL, "{\"first_loan_subsidy\": {\"application_window\": \"2022-06-30..2022-04-01\"}}", &out) ==
          ZJC_EVALIDATION);
    CHECK_STR(zjc_last_error_field(), "first_loan_subsidy.application_window");
    CHECK(zjc_plan_with_parameters(NULL, NULL, &out) == ZJC_EINVALID);
    CHECK(zjc_plan_with_parameters(NULL, "{}", NULL) == ZJC_EINVALID);
    CHECK(out == NULL);
}

int main(void) {
    test_override();
    test_errors();
    return check_summary("capi_sandbox_test");
}
