// The 应收账款融资奖励 receivables record (rules/json.hpp:
// receivables_record_from_json, receivables_reward_json). Properties, under
// the 2022 plan and a copy with per-enterprise cap and budget set: the record
// writes back to an equal record; the reward is never negative, 0 when not
// eligible, never above the per-enterprise cap or the budget, and never above
// reward_rate × Σ amount × term days / 360 (rounded up); the one-call JSON
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
    std::optional<rules::receivables_record> record;
    if (!accepts([&] { record.emplace(rules::receivables_record_from_json(text)); },
                 "receivables_record_from_json"))
        return 0;
    must([&] {
        const std::string written = rules::to_json(*record);
        ZJC_FUZZ_CHECK(rules::receivables_record_from_json(written) == *record, written);
    }, "receivables record round trip");

    for (const plan::plan* p : fuzz::rule_plans()) {
        std::optional<rules::receivables_reward_result> result;
        const bool ok = accepts([&] { result.emplace(rules::receivables_reward(*record, *p)); }, "receivables_reward");
        std::string one_call;
        const bool ok_json = accepts([&] { one_call = rules::receivables_reward_json(text, *p); },
                                     "receivables_reward_json");
        ZJC_FUZZ_CHECK(ok == ok_json, "the C++ rule and the JSON entry point disagree on success");
        if (!ok) continue;
        const auto& params = p->receivables_reward;
        const std::int64_t fen = result->amount.fen();
        ZJC_FUZZ_CHECK(fen >= 0, money::to_string(result->amount));
        if (!result->eligible) ZJC_FUZZ_CHECK(fen == 0, money::to_string(result->amount));
        ZJC_FUZZ_CHECK(fen <= fuzz::min_cap(std::numeric_limits<std::int64_t>::max(), params.per_enterprise_cap,
                                            params.budget),
                       money::to_string(result->amount));
        // Σ amount × term days, skipped if it does not fit.
        money::int128 sum = 0;
        bool fits = params.reward_rate.units() >= 0;
        for (const auto& f : record->financings) {
            money::int128 days = f.days ? money::int128(*f.days) : (f.end ? money::int128((*f.end - f.start).days()) : 0);
            if (days < 0) days = 0;
            money::int128 term = 0;
            if (__builtin_mul_overflow(money::int128(f.amount.fen() < 0 ? 0 : f.amount.fen()), days, &term) ||
                __builtin_add_overflow(sum, term, &sum))
                fits = false;
        }
        money::int128 product = 0;
        if (fits && !__builtin_mul_overflow(sum, money::int128(params.reward_rate.units()), &product)) {
            const money::int128 bound = fuzz::ceil_div(product, money::int128(10'000'000'000) * 360);
            ZJC_FUZZ_CHECK(fen <= bound, money::to_string(result->amount) + " above rate × Σ amount × days");
        }
        must([&] {
            const std::string json = rules::to_json(*result);
            ZJC_FUZZ_CHECK(json == one_call, "receivables_reward_json differs from to_json(receivables_reward())");
            ZJC_FUZZ_CHECK(!rules::to_json(result->receipt).empty());
        }, "reward result JSON");
    }
    return 0;
}
