// Loan events to balances (include/zjcredit/rules/loan_events.hpp). The
// input bytes are read as a loan: drawdown day and amount, repayments (day,
// amount), perhaps a settlement day, and a claim period, all near one
// another so that days coincide often. Property, whenever the events are
// accepted: the ranges cover the period exactly, in order, with no two
// equal neighbours, and each day's balance is, by a day-by-day loop here,
// 0 before the drawdown and from the settlement, else the drawdown less the
// repayments dated on or before that day, and never negative. Refused events
// must be refused with a zjcredit::error.
#include "fuzz_common.hpp"

#include <zjcredit/dates/date.hpp>
#include <zjcredit/rules/loan_events.hpp>

#include <cstdint>
#include <cstring>
#include <vector>

using namespace zjcredit;
using zjcredit::fuzz::accepts;
using bytes = zjcredit::fuzz::byte_reader;

namespace {


constexpr std::int32_t base_day = 19083;  // 2022-04-01

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    bytes in{data, size};
    rules::loan_events ev;
    const auto draw = base_day + static_cast<std::int32_t>(in.take(1) % 64);
    ev.drawdown_date = dates::from_day_number(draw);
    // Amounts of up to 2^24 分, sometimes 0 or "negative" (the top bit), to reach the errors too.
    const auto signed_amount = [&](std::uint64_t v) {
        const auto magnitude = static_cast<std::int64_t>(v & 0xFFFFFF);
        return money::amount::from_fen((v & 0x80000000U) != 0 ? -magnitude : magnitude);
    };
    ev.drawdown_amount = signed_amount(in.take(4));
    const auto count = in.take(1) % 9;
    for (std::uint64_t k = 0; k < count; ++k) {
        const auto day = base_day - 4 + static_cast<std::int32_t>(in.take(1) % 80);
        ev.repayments.push_back({dates::from_day_number(day), signed_amount(in.take(2))});
    }
    const std::uint64_t settle = in.take(1);
    if (settle & 1U) ev.settled = dates::from_day_number(base_day - 4 + static_cast<std::int32_t>(settle >> 1));
    const auto pf = base_day - 8 + static_cast<std::int32_t>(in.take(1) % 100);
    const auto pt = pf - 2 + static_cast<std::int32_t>(in.take(1) % 120);
    const rules::date_range period{dates::from_day_number(pf), dates::from_day_number(pt)};

    std::vector<rules::balance_range> got;
    if (!accepts([&] { got = rules::balances_from_events(ev, period); }, "balances_from_events")) return 0;

    // Accepted: the events were valid, so the period is not reversed.
    ZJC_FUZZ_CHECK(pf <= pt);
    ZJC_FUZZ_CHECK(!got.empty());
    std::int32_t next = pf;
    for (std::size_t i = 0; i < got.size(); ++i) {
        const auto& r = got[i];
        const std::int32_t from = dates::to_day_number(r.from);
        const std::int32_t to = dates::to_day_number(r.to);
        ZJC_FUZZ_CHECK(from == next, "ranges must follow one another from the period's start");
        ZJC_FUZZ_CHECK(to >= from);
        ZJC_FUZZ_CHECK(i == 0 || got[i - 1].balance != r.balance, "equal neighbours must be merged");
        ZJC_FUZZ_CHECK(!r.balance.is_negative());
        for (std::int32_t day = from; day <= to; ++day) {
            std::int64_t expected = 0;
            const bool settled = ev.settled && day >= dates::to_day_number(*ev.settled);
            if (day >= draw && !settled) {
                expected = ev.drawdown_amount.fen();
                for (const auto& p : ev.repayments)
                    if (dates::to_day_number(p.date) <= day) expected -= p.amount.fen();
            }
            ZJC_FUZZ_CHECK(r.balance.fen() == expected, "a day's balance differs from the day-by-day loop");
        }
        next = to + 1;
    }
    ZJC_FUZZ_CHECK(next == pt + 1, "the ranges must end on the period's last day");
    return 0;
}
