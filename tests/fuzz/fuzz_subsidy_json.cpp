// The 首贷贴息 loan record (rules/json.hpp: loan_record_from_json,
// first_loan_subsidy_json). Properties, under the 2022 plan and a copy with
// per-borrower cap, budget and max_subsidy_days set: the record writes back
// to an equal record; the subsidy is never negative, 0 when not eligible,
// never above the per-borrower cap or the budget, and never above
// balance_cap × rate_ceiling × days / 360 (rounded up); the one-call JSON
// entry point agrees with the C++ path and a receipt is produced.
#include "fuzz_common.hpp"
#include "rule_plans.hpp"

#include <zjcredit/rules/json.hpp>

#include <limits>
#include <optional>

using namespace zjcredit;
using zjcredit::fuzz::accepts;
using zjcredit::fuzz::must;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    std::optional<rules::loan_record> record;
    if (!accepts([&] { record.emplace(rules::loan_record_from_json(text)); }, "loan_record_from_json")) return 0;
    must([&] {
        const std::string written = rules::to_json(*record);
        ZJC_FUZZ_CHECK(rules::loan_record_from_json(written) == *record, written);
    }, "loan record round trip");

    for (const plan::plan* p : fuzz::rule_plans()) {
        std::optional<rules::first_loan_subsidy_result> result;
        const bool ok = accepts([&] { result.emplace(rules::first_loan_subsidy(*record, *p)); }, "first_loan_subsidy");
        std::string one_call;
        const bool ok_json = accepts([&] { one_call = rules::first_loan_subsidy_json(text, *p); },
                                     "first_loan_subsidy_json");
        ZJC_FUZZ_CHECK(ok == ok_json, "the C++ rule and the JSON entry point disagree on success");
        if (!ok) continue;
        const auto& params = p->first_loan_subsidy;
        const std::int64_t fen = result->amount.fen();
        ZJC_FUZZ_CHECK(fen >= 0, money::to_string(result->amount));
        if (!result->eligible) ZJC_FUZZ_CHECK(fen == 0, money::to_string(result->amount));
        ZJC_FUZZ_CHECK(fen <= fuzz::min_cap(std::numeric_limits<std::int64_t>::max(), params.per_borrower_cap,
                                            params.budget),
                       money::to_string(result->amount));
        // Every day counts at most balance_cap at most rate_ceiling.
        money::int128 days = (record->period.to - record->period.from).days() + 1;
        if (params.max_subsidy_days && *params.max_subsidy_days < days) days = *params.max_subsidy_days;
        const money::int128 ceiling = std::min(params.rate_ceiling.units(), record->annual_rate.units());
        if (days > 0 && ceiling >= 0) {
            const money::int128 bound = fuzz::ceil_div(money::int128(params.balance_cap.fen()) * ceiling * days,
                                                  money::int128(10'000'000'000) * 360);
            ZJC_FUZZ_CHECK(fen <= bound, money::to_string(result->amount) + " above balance_cap × ceiling × days");
        }
        must([&] {
            const std::string json = rules::to_json(*result);
            ZJC_FUZZ_CHECK(json == one_call, "first_loan_subsidy_json differs from to_json(first_loan_subsidy())");
            ZJC_FUZZ_CHECK(!rules::to_json(result->receipt).empty());
        }, "subsidy result JSON");
    }
    return 0;
}
