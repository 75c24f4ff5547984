// The reason table across the C ABI: each ZJC_REASON_* constant of the header
// is checked against the library's one table (rules::reason_table) at
// compile time, and zjc_reason_info() hands its codes and sentences out so
// the bindings need no copy of their own.
#include "barrier.hpp"

#include <zjcredit/rules/reason.hpp>

#include <cstdio>

using zjcredit::rules::reason_bit_of;

static_assert(ZJC_REASON_APPLICATION_OUTSIDE_WINDOW == reason_bit_of("application_outside_window"));
static_assert(ZJC_REASON_BORROWER_KIND_NOT_ELIGIBLE == reason_bit_of("borrower_kind_not_eligible"));
static_assert(ZJC_REASON_NOT_VIA_PLATFORM == reason_bit_of("not_via_platform"));
static_assert(ZJC_REASON_LENDER_NOT_LOCAL_LEGAL_PERSON == reason_bit_of("lender_not_local_legal_person"));
static_assert(ZJC_REASON_NOT_FIRST_LOAN == reason_bit_of("not_first_loan"));
static_assert(ZJC_REASON_PER_BORROWER_CAP_APPLIED == reason_bit_of("per_borrower_cap_applied"));
static_assert(ZJC_REASON_BUDGET_CAP_APPLIED == reason_bit_of("budget_cap_applied"));
static_assert(ZJC_REASON_FINANCING_NOT_CONFIRMED == reason_bit_of("financing_not_confirmed"));
static_assert(ZJC_REASON_FINANCING_OUTSIDE_WINDOW == reason_bit_of("financing_outside_window"));
static_assert(ZJC_REASON_FINANCING_STRADDLES_WINDOW_END == reason_bit_of("financing_straddles_window_end"));
static_assert(ZJC_REASON_FINANCING_DAYS_TRUNCATED == reason_bit_of("financing_days_truncated"));
static_assert(ZJC_REASON_NO_ELIGIBLE_FINANCING == reason_bit_of("no_eligible_financing"));
static_assert(ZJC_REASON_PER_ENTERPRISE_CAP_APPLIED == reason_bit_of("per_enterprise_cap_applied"));

namespace {

/// Every bit of the table, so that a bit added there without its
/// ZJC_REASON_* constant in the header fails the build below.
constexpr std::uint32_t table_bits() {
    std::uint32_t bits = 0;
    for (const auto& r : zjcredit::rules::reason_table) bits |= r.bit;
    return bits;
}

}  // namespace

static_assert(table_bits() ==
                  (ZJC_REASON_APPLICATION_OUTSIDE_WINDOW | ZJC_REASON_BORROWER_KIND_NOT_ELIGIBLE |
                   ZJC_REASON_NOT_VIA_PLATFORM | ZJC_REASON_LENDER_NOT_LOCAL_LEGAL_PERSON | ZJC_REASON_NOT_FIRST_LOAN |
                   ZJC_REASON_PER_BORROWER_CAP_APPLIED | ZJC_REASON_BUDGET_CAP_APPLIED |
                   ZJC_REASON_FINANCING_NOT_CONFIRMED | ZJC_REASON_FINANCING_OUTSIDE_WINDOW |
                   ZJC_REASON_FINANCING_STRADDLES_WINDOW_END | ZJC_REASON_FINANCING_DAYS_TRUNCATED |
                   ZJC_REASON_NO_ELIGIBLE_FINANCING | ZJC_REASON_PER_ENTERPRISE_CAP_APPLIED),
              "rules::reason_table has a bit without its ZJC_REASON_* constant in capi/zjcredit.h");

using namespace zjcredit;
using namespace zjcredit::capi;

extern "C" {

ZJC_API int32_t zjc_reason_info(uint32_t bit, const char** out_code, const char** out_text_zh,
                                const char** out_text_en) {
    return guarded([&] {
        require(out_code, "out_code");
        require(out_text_zh, "out_text_zh");
        require(out_text_en, "out_text_en");
        const rules::reason_info* r = rules::reason_of_bit(bit);
        if (r == nullptr) {
            char hex[16];
            std::snprintf(hex, sizeof hex, "0x%X", static_cast<unsigned>(bit));
            throw not_found_error("bit", hex, "no reason has this bit (a single ZJC_REASON_* bit is expected)");
        }
        // The table's texts are string literals: NUL-terminated, static storage.
        *out_code = r->code.data();
        *out_text_zh = r->text_zh.data();
        *out_text_en = r->text_en.data();
    });
}

}  // extern "C"
