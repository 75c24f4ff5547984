// The 上市奖励 listing record (rules/json.hpp: listing_record_from_json,
// listing_award_json). Properties, under the 2022 plan and a copy with a
// smaller total cap: the record writes back to an equal record; the award is
// never negative, 0 when not eligible, never above total_cap − paid_amount
// (0 if negative), and equals the sum of the stages' payments, none of which
// exceeds its stage's award; the one-call JSON entry point agrees with the
// C++ path and a receipt is produced.
#include "fuzz_common.hpp"
#include "rule_plans.hpp"

#include <zjcredit/rules/json.hpp>

#include <optional>

using namespace zjcredit;
using zjcredit::fuzz::accepts;
using zjcredit::fuzz::must;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    std::optional<rules::listing_record> record;
    if (!accepts([&] { record.emplace(rules::listing_record_from_json(text)); }, "listing_record_from_json"))
        return 0;
    must([&] {
        const std::string written = rules::to_json(*record);
        ZJC_FUZZ_CHECK(rules::listing_record_from_json(written) == *record, written);
    }, "listing record round trip");

    for (const plan::plan* p : fuzz::rule_plans()) {
        std::optional<rules::listing_award_result> result;
        const bool ok = accepts([&] { result.emplace(rules::listing_award(*record, *p)); }, "listing_award");
        std::string one_call;
        const bool ok_json = accepts([&] { one_call = rules::listing_award_json(text, *p); }, "listing_award_json");
        ZJC_FUZZ_CHECK(ok == ok_json, "the C++ rule and the JSON entry point disagree on success");
        if (!ok) continue;
        const auto& params = p->listing_award;
        const std::int64_t fen = result->amount.fen();
        ZJC_FUZZ_CHECK(fen >= 0, money::to_string(result->amount));
        if (!result->eligible) ZJC_FUZZ_CHECK(fen == 0, money::to_string(result->amount));
        const std::int64_t room = record->paid_amount > params.total_cap
                                      ? 0
                                      : params.total_cap.fen() - record->paid_amount.fen();
        ZJC_FUZZ_CHECK(fen <= room, money::to_string(result->amount) + " above total_cap − paid_amount");
        money::int128 sum = 0;
        for (const auto& a : result->awards) {
            ZJC_FUZZ_CHECK(a.paid.fen() >= 0 && a.paid <= a.award, a.stage + ": " + money::to_string(a.paid));
            sum += a.paid.fen();
        }
        ZJC_FUZZ_CHECK(sum == fen, "the stages' payments do not add up to the amount");
        must([&] {
            const std::string json = rules::to_json(*result);
            ZJC_FUZZ_CHECK(json == one_call, "listing_award_json differs from to_json(listing_award())");
            ZJC_FUZZ_CHECK(!rules::to_json(result->receipt).empty());
        }, "award result JSON");
    }
    return 0;
}
