// The batch rules against the one-at-a-time rules, row by row.
//
// Loans and enterprises are generated with a fixed seed (splitmix64, so the
// data are the same on every platform and standard library): valid and
// eligible rows, every ineligibility, every validation error of the rule, the
// conversions the batch refuses (unknown codes, day numbers outside Boost's
// range, -2^63 分), balances around the cap, caps on the total, exact half-分
// ties under every rounding mode, and results past 64 bits. For every row the
// batch's status, amount, eligibility and reason bits must equal what
// receipt_for_row() (the record builder + first_loan_subsidy() /
// receivables_reward()) gives or throws.
#include <doctest/doctest.h>

#include "../splitmix.hpp"

#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/limits.hpp>
#include <zjcredit/money/amount.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/money/rate.hpp>
#include <zjcredit/plan/plan_2022.hpp>
#include <zjcredit/rules/batch.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace batch = zjcredit::rules::batch;
namespace rules = zjcredit::rules;
namespace plan = zjcredit::plan;
namespace money = zjcredit::money;
namespace dates = zjcredit::dates;

constexpr std::int64_t i64_min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t i64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t cap_fen = 10'000'000LL * 100;  // 1000万元
constexpr std::int64_t one_percent = 100'000'000;     // units of 1e-10

using zjcredit::testing::day;
using zjcredit::testing::rng;

// ---- loans --------------------------------------------------------------------------

struct loan_table {
    std::vector<std::uint8_t> kind;
    std::vector<std::int32_t> app;
    std::vector<std::uint8_t> flags;
    std::vector<std::int64_t> rate;
    std::vector<std::int32_t> pf;
    std::vector<std::int32_t> pt;
    std::vector<std::int64_t> offsets{0};
    std::vector<std::int32_t> from;
    std::vector<std::int32_t> to;
    std::vector<std::int64_t> balance;

    batch::loan_columns columns() const {
        return {kind, app, flags, rate, pf, pt, offsets, from, to, balance};
    }
    std::size_t size() const { return kind.size(); }
};

std::int64_t gen_balance(rng& r) {
    const auto p = r.range(0, 999);
    if (p < 120) {
        const std::int64_t special[] = {cap_fen, cap_fen + 1, cap_fen - 1, 0, 1, 2 * cap_fen, cap_fen * 50};
        return r.pick(special);
    }
    if (p < 220) return r.range(0, 2) * 10'000 * 100 * r.range(1, 700);
    if (p < 420) return r.range(0, 2 * cap_fen);
    if (p < 700) return r.range(0, 100'000'000);
    return r.range(0, 1'000'000) * 100;
}

std::int64_t gen_rate(rng& r) {
    const auto p = r.range(0, 999);
    if (p < 300) {
        const std::int64_t special[] = {99'000'000, one_percent, 101'000'000, 435'000'000, 365'000'000,
                                        50'000'000, 1, 9'999'999'999};
        return r.pick(special);
    }
    if (p < 700) return r.range(1, 2'399) * 1'000'000;
    return r.range(1, 1'000'000'000);
}

/// Whether some loans run over Boost's whole date range, and with what balances.
enum class long_span { none, overflow, modest, large };

/// Appends one random loan. `basis` is the basis of the parameters it will
/// meet (for exact half-分 ties).
void gen_loan(rng& r, loan_table& t, int basis, long_span span) {
    std::uint8_t kind = r.chance(450) ? batch::kind_small : r.chance(850) ? batch::kind_micro : batch::kind_individual_business;
    std::int32_t app = static_cast<std::int32_t>(r.range(day(2022, 3, 20), day(2022, 7, 10)));
    if (r.chance(80)) {
        const std::int32_t edges[] = {day(2022, 3, 31), day(2022, 4, 1), day(2022, 6, 30), day(2022, 7, 1)};
        app = r.pick(edges);
    }
    std::uint8_t flags = 0;
    if (r.chance(930)) flags |= batch::loan_via_platform;
    if (r.chance(930)) flags |= batch::loan_local_legal_person_lender;
    if (r.chance(930)) flags |= batch::loan_first_loan;
    std::int64_t rate = gen_rate(r);

    struct range {
        std::int32_t from, to;
        std::int64_t bal;
    };
    std::vector<range> rs;
    std::int32_t d = static_cast<std::int32_t>(r.range(day(2022, 3, 1), day(2022, 8, 1)));
    const auto k = r.range(1, 14);
    for (std::int64_t i = 0; i < k; ++i) {
        if (!rs.empty() && r.chance(150)) d += static_cast<std::int32_t>(r.range(1, 9));  // a gap
        const std::int64_t lens[] = {1, 1, r.range(1, 14), r.range(1, 119)};
        const auto len = static_cast<std::int32_t>(r.pick(lens));
        rs.push_back({d, d + len - 1, gen_balance(r)});
        d += len;
    }
    // an exact half-分 tie: one day whose subsidy is k + 1/2 分 (rate 1%)
    if (r.chance(40)) {
        rate = one_percent;
        const std::int64_t unit = basis == 365 ? 36'500 : 36'000;
        rs = {{rs[0].from, rs[0].from, unit * r.range(0, 27'000) + unit / 2}};
    }
    // the period: a covered run, inside one contiguous block
    std::vector<std::pair<std::int32_t, std::int32_t>> blocks;
    for (const auto& x : rs) {
        if (!blocks.empty() && blocks.back().second + 1 == x.from)
            blocks.back().second = x.to;
        else
            blocks.emplace_back(x.from, x.to);
    }
    const auto blk = blocks[r.next() % blocks.size()];
    auto pf = static_cast<std::int32_t>(r.range(blk.first, blk.second));
    auto pt = static_cast<std::int32_t>(r.range(pf, blk.second));
    if (r.chance(500)) {
        pf = blk.first;
        pt = blk.second;
    }
    if (r.chance(30)) pt = rs.back().to + static_cast<std::int32_t>(r.range(1, 4));  // past the schedule
    if (r.chance(20)) pf = rs.front().from - 1;                                     // before it

    // schedules over Boost's whole range: huge balances (results past 64
    // bits) or modest ones (maximum subsidy periods running into 9999-12-31)
    if (span != long_span::none && r.chance(span == long_span::overflow ? 60 : 200)) {
        const auto start = static_cast<std::int32_t>(batch::first_day_number + r.range(0, 2));
        const std::int64_t bal = span == long_span::overflow ? r.range(i64_max / 4, i64_max)
                                 : span == long_span::large  ? r.range(std::int64_t{1} << 39, std::int64_t{1} << 52)
                                                             : r.range(1, 1'000'000'000'000);
        rs = {{start, batch::last_day_number, bal}};
        if (r.chance(100)) rs.back().to = batch::last_day_number + 1;  // one day past 9999-12-31
        pf = static_cast<std::int32_t>(r.range(start, start + 1000));
        pt = r.chance(500) ? batch::last_day_number
                           : static_cast<std::int32_t>(r.range(batch::last_day_number - 1000, batch::last_day_number));
        rate = r.range(one_percent, 9'999'999'999);
        app = static_cast<std::int32_t>(r.range(day(2022, 4, 1), day(2022, 6, 30)));
    }

    // injected errors, one at most
    const auto e = r.range(0, 999);
    const auto pick_range = [&]() -> range& { return rs[r.next() % rs.size()]; };
    if (e < 10 && rs.size() > 1) {
        rs[1].from = rs[0].to;  // overlap by a day
    } else if (e < 20 && rs.size() > 1) {
        std::swap(rs[0], rs[1]);  // out of order
    } else if (e < 30) {
        pick_range().bal = -r.range(1, 1'000'000);  // negative balance
    } else if (e < 40) {
        const std::int64_t bad[] = {0, -one_percent, 10'000'000'000, 10'000'000'001, i64_min, i64_max};
        rate = r.pick(bad);
    } else if (e < 45) {
        auto& x = pick_range();
        if (x.from != x.to) std::swap(x.from, x.to);  // reversed range
    } else if (e < 50) {
        std::swap(pf, pt);  // reversed period (when pf != pt)
    } else if (e < 53) {
        rs.clear();  // empty schedule
    } else if (e < 58) {
        const std::int32_t bad_days[] = {batch::first_day_number - 1, batch::last_day_number + 1,
                                         std::numeric_limits<std::int32_t>::min(),
                                         std::numeric_limits<std::int32_t>::max()};
        switch (r.range(0, 4)) {
            case 0: app = r.pick(bad_days); break;
            case 1: pf = r.pick(bad_days); break;
            case 2: pt = r.pick(bad_days); break;
            case 3: pick_range().from = r.pick(bad_days); break;
            default: pick_range().to = r.pick(bad_days); break;
        }
    } else if (e < 62) {
        pick_range().bal = i64_min;  // below money::amount::min(): overflow when read
    } else if (e < 64) {
        kind = static_cast<std::uint8_t>(r.range(3, 255));
    } else if (e < 66) {
        flags = static_cast<std::uint8_t>(flags | (1U << r.range(3, 7)));
    } else if (e < 70 && rs.size() > 1) {
        // a validation error AND a conversion error later: conversion wins
        rs[0].bal = -1;
        rs.back().bal = i64_min;
    } else if (e < 74) {
        // two conversion errors: the first in column order wins
        const std::int32_t bad_day = r.chance(500) ? batch::last_day_number + 1 : batch::first_day_number - 1;
        auto& x = pick_range();
        switch (r.range(0, 4)) {
            case 0: x.to = bad_day; x.bal = i64_min; break;              // validation (to before balance)
            case 1: rs.front().bal = i64_min; rs.back().from = bad_day; break;  // overflow, unless one range
            case 2: x.bal = i64_min; pt = bad_day; break;                 // overflow (ranges before period)
            case 3: app = bad_day; x.bal = i64_min; break;                // validation
            default: rs.front().bal = i64_min; rate = 0; break;           // overflow beats the rule's validation
        }
    }

    t.kind.push_back(kind);
    t.app.push_back(app);
    t.flags.push_back(flags);
    t.rate.push_back(rate);
    t.pf.push_back(pf);
    t.pt.push_back(pt);
    for (const auto& x : rs) {
        t.from.push_back(x.from);
        t.to.push_back(x.to);
        t.balance.push_back(x.bal);
    }
    t.offsets.push_back(static_cast<std::int64_t>(t.from.size()));
}

std::string describe_loan(const loan_table& t, std::size_t i) {
    std::ostringstream o;
    o << "loan " << i << ": kind " << int(t.kind[i]) << " app " << t.app[i] << " flags " << int(t.flags[i])
      << " rate " << t.rate[i] << " period " << t.pf[i] << ".." << t.pt[i] << " ranges";
    for (auto j = t.offsets[i]; j < t.offsets[i + 1]; ++j) {
        const auto k = static_cast<std::size_t>(j);
        o << " [" << t.from[k] << ".." << t.to[k] << " " << t.balance[k] << "]";
    }
    return o.str();
}

struct outcome {
    std::int32_t status = 0;
    std::int64_t amount = 0;
    bool eligible = false;
    std::uint32_t reasons = 0;
    std::vector<std::uint32_t> financing_reasons;  // reward only
};

/// Compares every row; returns the number of mismatches (each reported once).
/// What the generated rows covered, so a generator change cannot quietly stop testing a case.
struct coverage {
    std::size_t rows = 0;
    std::size_t errors = 0;
    std::size_t eligible = 0;
    std::size_t validation = 0;
    std::size_t overflow = 0;
    std::size_t ties = 0;  ///< exact value k + 1/2 分 (denominator 200 in 元)
    std::uint32_t reason_bits = 0;
};

void tally(coverage& cov, const outcome& want) {
    ++cov.rows;
    cov.errors += want.status != 0 ? 1 : 0;
    cov.eligible += want.eligible ? 1 : 0;
    cov.validation += want.status == static_cast<std::int32_t>(zjcredit::errc::validation) ? 1 : 0;
    cov.overflow += want.status == static_cast<std::int32_t>(zjcredit::errc::overflow) ? 1 : 0;
    cov.reason_bits |= want.reasons;
}

std::size_t compare_loans(const loan_table& t, const plan::first_loan_subsidy_parameters& params, coverage& cov) {
    const rules::plan_reference ref{"test", "test"};
    const std::size_t n = t.size();
    std::vector<std::int64_t> amount(n, -1);
    std::vector<std::int32_t> status(n, -1);
    std::vector<std::uint8_t> eligible(n, 9);
    std::vector<std::uint32_t> reasons(n, 0xFFFFFFFF);
    const auto summary = batch::first_loan_subsidy_batch(t.columns(), {amount, status, eligible, reasons}, params);
    CHECK(summary.rows == n);
    CHECK(summary.ok + summary.errors == n);

    std::size_t mismatches = 0;
    std::size_t errors = 0;
    std::size_t elig = 0;
    money::int128 total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        outcome want;
        try {
            const auto r = batch::receipt_for_row(t.columns(), i, params, ref);
            want.amount = r.amount.fen();
            want.eligible = r.eligible;
            want.reasons = batch::reason_bits(r.reasons);
            CHECK(r.receipt.result == r.amount);
            if (r.receipt.unrounded && r.receipt.unrounded->denominator == "200") ++cov.ties;
        } catch (const zjcredit::error& e) {
            want.status = static_cast<std::int32_t>(e.code());
        }
        tally(cov, want);
        errors += want.status != 0 ? 1 : 0;
        elig += want.eligible ? 1 : 0;
        total += want.amount;
        // the row function alone agrees with the batch
        const auto row = batch::first_loan_subsidy_row(t.columns(), i, batch::prepare(params));
        const bool same = status[i] == want.status && amount[i] == want.amount &&
                          (eligible[i] != 0) == want.eligible && reasons[i] == want.reasons &&
                          row.status == status[i] && row.amount == amount[i] && row.reasons == reasons[i];
        if (!same) {
            if (++mismatches <= 10)
                FAIL_CHECK(describe_loan(t, i) << "\n  batch: status " << status[i] << " amount " << amount[i]
                                               << " eligible " << int(eligible[i]) << " reasons " << reasons[i]
                                               << "\n  one-at-a-time: status " << want.status << " amount "
                                               << want.amount << " eligible " << want.eligible << " reasons "
                                               << want.reasons);
        }
    }
    CHECK(summary.errors == errors);
    CHECK(summary.eligible == elig);
    CHECK(summary.total_fen == total);
    return mismatches;
}

// ---- enterprises -----------------------------------------------------------------

struct financing_table {
    std::vector<std::int64_t> offsets{0};
    std::vector<std::int64_t> amount;
    std::vector<std::int32_t> start;
    std::vector<std::int32_t> end;
    std::vector<std::int64_t> days;
    std::vector<std::uint8_t> flags;

    batch::financing_columns columns() const { return {offsets, amount, start, end, days, flags}; }
    std::size_t size() const { return offsets.size() - 1; }
};

void gen_enterprise(rng& r, financing_table& t, int basis, bool huge) {
    const auto k = r.chance(50) ? 0 : r.range(1, 8);
    for (std::int64_t i = 0; i < k; ++i) {
        std::int64_t amount = r.chance(500) ? r.range(1, 100'000'000) * 100 : r.range(1, 10'000'000'000);
        auto start = static_cast<std::int32_t>(r.range(day(2021, 10, 1), day(2023, 9, 30)));
        if (r.chance(100)) {
            const std::int32_t edges[] = {day(2021, 12, 31), day(2022, 1, 1), day(2023, 6, 30), day(2023, 7, 1)};
            start = r.pick(edges);
        }
        const std::int64_t terms[] = {1, 2, 90, 180, 365};
        std::int64_t term = r.chance(100) ? r.pick(terms) : r.range(1, 400);
        // terms ending around the window end (2023-06-30 / 07-01)
        if (r.chance(80)) {
            start = static_cast<std::int32_t>(r.range(day(2023, 3, 1), day(2023, 6, 30)));
            term = day(2023, 7, 1) - start + r.range(-1, 1);
            if (term < 1) term = 1;
        }
        std::uint8_t flags = r.chance(900) ? batch::financing_confirmed : 0;
        std::int32_t end_day = 0;
        std::int64_t days = 0;
        if (r.chance(500)) {
            flags |= batch::financing_has_end;
            end_day = static_cast<std::int32_t>(start + term);
        } else {
            flags |= batch::financing_has_days;
            days = term;
        }
        // ties: amount × days ≡ basis·50 (mod basis·100): exactly half a 分
        if (k == 1 && r.chance(300)) {
            const std::int64_t unit = basis * 100;
            amount = unit * r.range(0, 1'000'000) + unit / 2;
            start = day(2022, 5, 1);
            flags = static_cast<std::uint8_t>(batch::financing_confirmed | batch::financing_has_days);
            days = 1;
        }
        if (huge && r.chance(100)) amount = r.range(i64_max / 2, i64_max);

        const auto e = r.range(0, 999);
        if (e < 10) {
            amount = -r.range(0, 1000);  // not above 0
        } else if (e < 15) {
            amount = i64_min;  // overflow when read
        } else if (e < 20) {
            flags |= batch::financing_has_end | batch::financing_has_days;  // both
            end_day = static_cast<std::int32_t>(start + term);
            days = term;
        } else if (e < 25) {
            flags = static_cast<std::uint8_t>(flags & ~(batch::financing_has_end | batch::financing_has_days));
        } else if (e < 30) {
            flags = static_cast<std::uint8_t>((flags & ~batch::financing_has_days) | batch::financing_has_end);
            end_day = start - static_cast<std::int32_t>(r.range(0, 3));  // end on or before start
        } else if (e < 35) {
            flags = static_cast<std::uint8_t>((flags & ~batch::financing_has_end) | batch::financing_has_days);
            const std::int64_t bad[] = {0, -1, i64_min, batch::last_day_number - start + 1,
                                        batch::last_day_number - start, i64_max};
            days = r.pick(bad);  // under a day, or ending past 9999-12-31 (one of them just fits)
        } else if (e < 40) {
            const std::int32_t bad_days[] = {batch::first_day_number - 1, batch::last_day_number + 1,
                                             std::numeric_limits<std::int32_t>::min()};
            if (r.chance(500)) {
                start = r.pick(bad_days);
            } else {
                flags = static_cast<std::uint8_t>((flags & ~batch::financing_has_days) | batch::financing_has_end);
                end_day = r.pick(bad_days);
            }
        } else if (e < 42) {
            flags = static_cast<std::uint8_t>(flags | (1U << r.range(3, 7)));
        } else if (e < 46) {
            // two conversion errors in one financing: column order (flags, amount, start, end) decides
            const std::int32_t bad_day = batch::last_day_number + 1;
            switch (r.range(0, 2)) {
                case 0: amount = i64_min; start = bad_day; break;  // overflow
                case 1:
                    amount = i64_min;
                    flags = static_cast<std::uint8_t>(flags | (1U << 5));  // validation
                    break;
                default:
                    amount = i64_min;
                    flags = static_cast<std::uint8_t>((flags & ~batch::financing_has_days) | batch::financing_has_end);
                    end_day = bad_day;  // overflow
                    break;
            }
        }
        t.amount.push_back(amount);
        t.start.push_back(start);
        t.end.push_back(end_day);
        t.days.push_back(days);
        t.flags.push_back(flags);
    }
    t.offsets.push_back(static_cast<std::int64_t>(t.amount.size()));
}

std::string describe_enterprise(const financing_table& t, std::size_t i) {
    std::ostringstream o;
    o << "enterprise " << i << ":";
    for (auto k = t.offsets[i]; k < t.offsets[i + 1]; ++k) {
        const auto j = static_cast<std::size_t>(k);
        o << " [amount " << t.amount[j] << " start " << t.start[j] << " end " << t.end[j] << " days " << t.days[j]
          << " flags " << int(t.flags[j]) << "]";
    }
    return o.str();
}

/// The per-financing bits of a one-at-a-time result, from the "financings[j]: "
/// prefix of each financing's English message.
std::vector<std::uint32_t> per_financing_bits(const std::vector<rules::reason>& reasons, std::size_t count) {
    std::vector<std::uint32_t> bits(count, 0);
    for (const auto& r : reasons) {
        if (r.message_en.rfind("financings[", 0) != 0) continue;
        const auto close = r.message_en.find(']');
        const auto j = static_cast<std::size_t>(std::stoul(r.message_en.substr(11, close - 11)));
        if (j < count) bits[j] |= batch::reason_bit(r.code);
    }
    return bits;
}

std::size_t compare_enterprises(const financing_table& t, const plan::receivables_reward_parameters& params,
                                coverage& cov) {
    const rules::plan_reference ref{"test", "test"};
    const std::size_t n = t.size();
    std::vector<std::int64_t> amount(n, -1);
    std::vector<std::int32_t> status(n, -1);
    std::vector<std::uint8_t> eligible(n, 9);
    std::vector<std::uint32_t> reasons(n, 0xFFFFFFFF);
    std::vector<std::uint32_t> fin_reasons(t.amount.size(), 0xFFFFFFFF);
    const auto summary =
        batch::receivables_reward_batch(t.columns(), {amount, status, eligible, reasons, fin_reasons}, params);
    CHECK(summary.rows == n);

    std::size_t mismatches = 0;
    std::size_t errors = 0;
    std::size_t elig = 0;
    money::int128 total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto b = static_cast<std::size_t>(t.offsets[i]);
        const auto count = static_cast<std::size_t>(t.offsets[i + 1]) - b;
        outcome want;
        want.financing_reasons.assign(count, 0);
        try {
            const auto r = batch::receipt_for_row(t.columns(), i, params, ref);
            want.amount = r.amount.fen();
            want.eligible = r.eligible;
            want.reasons = batch::reason_bits(r.reasons);
            want.financing_reasons = per_financing_bits(r.reasons, count);
            if (r.receipt.unrounded && r.receipt.unrounded->denominator == "200") ++cov.ties;
        } catch (const zjcredit::error& e) {
            want.status = static_cast<std::int32_t>(e.code());
        }
        tally(cov, want);
        errors += want.status != 0 ? 1 : 0;
        elig += want.eligible ? 1 : 0;
        total += want.amount;
        bool same = status[i] == want.status && amount[i] == want.amount && (eligible[i] != 0) == want.eligible &&
                    reasons[i] == want.reasons;
        for (std::size_t j = 0; j < count; ++j) same = same && fin_reasons[b + j] == want.financing_reasons[j];
        if (!same) {
            if (++mismatches <= 10)
                FAIL_CHECK(describe_enterprise(t, i)
                           << "\n  batch: status " << status[i] << " amount " << amount[i] << " eligible "
                           << int(eligible[i]) << " reasons " << reasons[i] << "\n  one-at-a-time: status "
                           << want.status << " amount " << want.amount << " eligible " << want.eligible
                           << " reasons " << want.reasons);
        }
    }
    CHECK(summary.errors == errors);
    CHECK(summary.eligible == elig);
    CHECK(summary.total_fen == total);
    return mismatches;
}

money::amount yuan(std::string_view s) { return money::parse_amount(s); }

/// The parameter sets the generated rows meet.
std::vector<plan::first_loan_subsidy_parameters> subsidy_variants() {
    const auto base = plan::plan_2022().first_loan_subsidy;
    std::vector<plan::first_loan_subsidy_parameters> v{base};
    auto p = base;
    p.rounding = money::rounding::half_even;
    p.basis = dates::day_basis::actual_365;
    p.max_subsidy_days = 30;
    p.per_borrower_cap = yuan("500.00");
    v.push_back(p);
    p = base;
    p.rounding = money::rounding::down;
    p.eligible_kinds = {plan::borrower_kind::small, plan::borrower_kind::micro,
                        plan::borrower_kind::individual_business};
    p.budget = yuan("800.00");
    p.per_borrower_cap = yuan("2000.00");
    v.push_back(p);
    p = base;
    p.rounding = money::rounding::up;
    p.balance_cap = money::amount::max();
    p.rate_ceiling = money::rate::from_units(99 * one_percent);
    p.max_subsidy_days = 1;
    v.push_back(p);
    p = base;
    p.rounding = money::rounding::half_up;
    p.rate_ceiling = money::rate::from_units(3 * one_percent);
    p.application_window = dates::window(dates::date(2022, 5, 1), dates::date(2022, 5, 31));
    p.eligible_kinds = {plan::borrower_kind::micro};
    p.max_subsidy_days = 10'000'000;  // past 9999-12-31
    p.budget = yuan("0.00");
    v.push_back(p);
    p = base;
    // 1400-01-01 + 3,141,085 days is 10000-01-01: the maximum period is cut at 9999-12-31
    p.max_subsidy_days = 3'141'086;
    p.balance_cap = money::amount::max();
    v.push_back(p);
    // balance caps at and past 2^40 分, where the batch's sum goes from 64 to
    // 128 bits (2^40 分 × 3,141,085 days < 2^62; 2^50 × that is not)
    p = base;
    p.balance_cap = money::amount::from_fen(std::int64_t{1} << 40);
    v.push_back(p);
    p.balance_cap = money::amount::from_fen((std::int64_t{1} << 40) + 1);
    v.push_back(p);
    p.balance_cap = money::amount::from_fen(std::int64_t{1} << 50);
    p.rounding = money::rounding::half_even;
    v.push_back(p);
    return v;
}

std::vector<plan::receivables_reward_parameters> reward_variants() {
    const auto base = plan::plan_2022().receivables_reward;
    std::vector<plan::receivables_reward_parameters> v{base};
    auto p = base;
    p.straddle = plan::straddle_policy::days_in_window;
    p.rounding = money::rounding::half_even;
    p.per_enterprise_cap = yuan("1000.00");
    v.push_back(p);
    p = base;
    p.straddle = plan::straddle_policy::exclude;
    p.require_platform_confirmation = false;
    p.rounding = money::rounding::down;
    p.budget = yuan("300.00");
    v.push_back(p);
    p = base;
    p.rounding = money::rounding::up;
    p.basis = dates::day_basis::actual_360;
    p.reward_rate = money::rate::from_units(i64_max / 3);  // numerators past 128 bits
    v.push_back(p);
    return v;
}

}  // namespace

TEST_CASE("batch subsidy equals the one-at-a-time rule on every generated loan") {
    const auto variants = subsidy_variants();
    rng r(20220913);
    coverage cov;
    for (std::size_t v = 0; v < variants.size(); ++v) {
        CAPTURE(v);
        loan_table t;
        const std::size_t n = v == 0 ? 16'000 : v >= 6 ? 1'500 : 3'000;
        const int basis = dates::denominator(variants[v].basis);
        const long_span span = v == 3   ? long_span::overflow
                               : v == 5 ? long_span::modest
                               : v >= 6 ? long_span::large
                                        : long_span::none;
        for (std::size_t i = 0; i < n; ++i) gen_loan(r, t, basis, span);
        CHECK(compare_loans(t, variants[v], cov) == 0);
    }
    MESSAGE("loans compared: " << cov.rows << " (eligible " << cov.eligible << ", validation errors "
                               << cov.validation << ", overflow errors " << cov.overflow << ", half-fen ties " << cov.ties << ")");
    CHECK(cov.rows >= 20'000);
    // the mix is what it is meant to be
    CHECK(cov.eligible > cov.rows / 3);
    CHECK(cov.validation > cov.rows / 50);
    CHECK(cov.overflow > 50);
    CHECK(cov.ties > 100);
    CHECK(cov.errors == cov.validation + cov.overflow);
    for (const auto bit : {batch::reason_application_outside_window, batch::reason_borrower_kind_not_eligible,
                           batch::reason_not_via_platform, batch::reason_lender_not_local_legal_person,
                           batch::reason_not_first_loan, batch::reason_per_borrower_cap_applied,
                           batch::reason_budget_cap_applied})
        CHECK_MESSAGE((cov.reason_bits & bit) != 0, batch::reason_code(bit));
}

TEST_CASE("batch reward equals the one-at-a-time rule on every generated enterprise") {
    const auto variants = reward_variants();
    rng r(20230630);
    coverage cov;
    for (std::size_t v = 0; v < variants.size(); ++v) {
        CAPTURE(v);
        financing_table t;
        const std::size_t n = v == 0 ? 14'000 : 3'000;
        const int basis = dates::denominator(variants[v].basis);
        for (std::size_t i = 0; i < n; ++i) gen_enterprise(r, t, basis, v == 3);
        CHECK(compare_enterprises(t, variants[v], cov) == 0);
    }
    MESSAGE("enterprises compared: " << cov.rows << " (eligible " << cov.eligible << ", validation errors "
                                     << cov.validation << ", overflow errors " << cov.overflow << ", half-fen ties " << cov.ties << ")");
    CHECK(cov.rows >= 20'000);
    CHECK(cov.eligible > cov.rows / 2);
    CHECK(cov.validation > cov.rows / 50);
    CHECK(cov.overflow > 50);
    CHECK(cov.ties > 100);
    CHECK(cov.errors == cov.validation + cov.overflow);
    for (const auto bit : {batch::reason_financing_not_confirmed, batch::reason_financing_outside_window,
                           batch::reason_financing_straddles_window_end, batch::reason_financing_days_truncated,
                           batch::reason_no_eligible_financing, batch::reason_per_enterprise_cap_applied,
                           batch::reason_budget_cap_applied})
        CHECK_MESSAGE((cov.reason_bits & bit) != 0, batch::reason_code(bit));
}

TEST_CASE("records at and past limits::max_record_items agree with the one-at-a-time rule") {
    constexpr std::int64_t n = static_cast<std::int64_t>(zjcredit::limits::max_record_items);
    const std::int32_t first = day(1800, 1, 1);
    // loans: n one-day ranges (valid); n + 1 (validation); n + 1 with a
    // balance of -2^63 (overflow: converting it fails before the count is looked at)
    loan_table loans;
    for (const std::int64_t count : {n, n + 1, n + 1}) {
        loans.kind.push_back(batch::kind_micro);
        loans.app.push_back(day(2022, 4, 1));
        loans.flags.push_back(batch::loan_flags_all);
        loans.rate.push_back(one_percent);
        for (std::int64_t k = 0; k < count; ++k) {
            loans.from.push_back(first + static_cast<std::int32_t>(k));
            loans.to.push_back(first + static_cast<std::int32_t>(k));
            loans.balance.push_back(100);
        }
        loans.pf.push_back(first);
        loans.pt.push_back(first + static_cast<std::int32_t>(count) - 1);
        loans.offsets.push_back(static_cast<std::int64_t>(loans.from.size()));
    }
    loans.balance.back() = i64_min;
    coverage cov;
    CHECK(compare_loans(loans, plan::plan_2022().first_loan_subsidy, cov) == 0);
    CHECK(cov.rows == 3);
    CHECK(cov.validation == 1);
    CHECK(cov.overflow == 1);

    financing_table firms;
    for (const std::int64_t count : {n, n + 1, n + 1}) {
        for (std::int64_t k = 0; k < count; ++k) {
            firms.amount.push_back(100);
            firms.start.push_back(day(2022, 3, 1));
            firms.end.push_back(0);
            firms.days.push_back(30);
            firms.flags.push_back(batch::financing_confirmed | batch::financing_has_days);
        }
        firms.offsets.push_back(static_cast<std::int64_t>(firms.amount.size()));
    }
    firms.amount.back() = i64_min;
    coverage firm_cov;
    CHECK(compare_enterprises(firms, plan::plan_2022().receivables_reward, firm_cov) == 0);
    CHECK(firm_cov.rows == 3);
    CHECK(firm_cov.validation == 1);
    CHECK(firm_cov.overflow == 1);
}

TEST_CASE("the example of docs/records.md through the batch, with its receipt on request") {
    const std::vector<std::uint8_t> kind{batch::kind_small};
    const std::vector<std::int32_t> app{day(2022, 4, 1)};
    const std::vector<std::uint8_t> flags{batch::loan_flags_all};
    const std::vector<std::int64_t> rate{435'000'000};
    const std::vector<std::int32_t> pf{day(2022, 4, 1)};
    const std::vector<std::int32_t> pt{day(2022, 7, 1)};
    const std::vector<std::int64_t> offsets{0, 2};
    const std::vector<std::int32_t> from{day(2022, 4, 1), day(2022, 7, 1)};
    const std::vector<std::int32_t> to{day(2022, 6, 30), day(2022, 7, 1)};
    const std::vector<std::int64_t> bal{100'000'000, 0};
    const batch::loan_columns c{kind, app, flags, rate, pf, pt, offsets, from, to, bal};
    std::vector<std::int64_t> amount(1);
    std::vector<std::int32_t> status(1);
    const auto s = batch::first_loan_subsidy_batch(c, {amount, status, {}, {}}, plan::plan_2022().first_loan_subsidy);
    CHECK(status[0] == batch::status_ok);
    CHECK(amount[0] == 252'778);  // 1,000,000.00 × 91 × 1% / 360 = 2527.777… → 2527.78
    CHECK(s.eligible == 1);
    CHECK(s.total_fen == 252'778);

    const auto r = batch::receipt_for_row(c, 0, plan::plan_2022(), "湛江市甲科技有限公司");
    CHECK(r.amount.fen() == 252'778);
    CHECK(r.receipt.rule == "first_loan_subsidy");
    CHECK(r.receipt.inputs[0].value == "湛江市甲科技有限公司");
    CHECK(batch::receipt_for_row(c, 0).receipt.inputs[0].value == "loans[0]");
    CHECK_THROWS_AS(batch::receipt_for_row(c, 1), zjcredit::validation_error);
}

TEST_CASE("columns that do not fit together are the only exceptions") {
    const std::vector<std::uint8_t> kind{0, 0};
    const std::vector<std::int32_t> d2{0, 0};
    const std::vector<std::uint8_t> flags{0, 0};
    const std::vector<std::int64_t> rate{1, 1};
    const std::vector<std::int64_t> offsets{0, 1, 1};
    const std::vector<std::int64_t> bad_offsets{0, 1, 0};
    const std::vector<std::int32_t> r1{0};
    const std::vector<std::int64_t> b1{0};
    std::vector<std::int64_t> amount(2);
    std::vector<std::int32_t> status(2);
    std::vector<std::int64_t> amount1(1);
    const auto params = batch::prepare(plan::plan_2022().first_loan_subsidy);

    const batch::loan_columns ok{kind, d2, flags, rate, d2, d2, offsets, r1, r1, b1};
    CHECK_NOTHROW(batch::first_loan_subsidy_batch(ok, {amount, status, {}, {}}, params));
    CHECK(status[0] == batch::status_ok);
    CHECK(status[1] == static_cast<std::int32_t>(zjcredit::errc::validation));  // empty schedule: a row error

    batch::loan_columns c = ok;
    c.offsets = bad_offsets;
    CHECK_THROWS_AS(batch::first_loan_subsidy_batch(c, {amount, status, {}, {}}, params), zjcredit::validation_error);
    c = ok;
    c.offsets = std::span<const std::int64_t>(offsets).first(2);
    CHECK_THROWS_AS(batch::first_loan_subsidy_batch(c, {amount, status, {}, {}}, params), zjcredit::validation_error);
    c = ok;
    c.range_balance = {};
    CHECK_THROWS_AS(batch::first_loan_subsidy_batch(c, {amount, status, {}, {}}, params), zjcredit::validation_error);
    CHECK_THROWS_AS(batch::first_loan_subsidy_batch(ok, {amount1, status, {}, {}}, params), zjcredit::validation_error);

    // no rows at all
    const batch::loan_columns none{};
    const auto s = batch::first_loan_subsidy_batch(none, {}, params);
    CHECK(s.rows == 0);

    // parameters the rule refuses: the rule's own error
    auto p = plan::plan_2022().first_loan_subsidy;
    p.max_subsidy_days = 0;
    CHECK_THROWS_AS(batch::prepare(p), zjcredit::validation_error);
    auto q = plan::plan_2022().receivables_reward;
    q.budget = money::amount::from_fen(-1);
    CHECK_THROWS_AS(batch::prepare(q), zjcredit::validation_error);

    // a financing with an end but no end column
    const std::vector<std::int64_t> f_offsets{0, 1};
    const std::vector<std::int64_t> f_amount{100};
    const std::vector<std::int32_t> f_start{day(2022, 5, 1)};
    const std::vector<std::int64_t> f_days{30};
    const std::vector<std::uint8_t> f_flags{batch::financing_confirmed | batch::financing_has_end};
    std::vector<std::int64_t> ra(1);
    std::vector<std::int32_t> rs(1);
    const batch::financing_columns f{f_offsets, f_amount, f_start, {}, f_days, f_flags};
    CHECK_THROWS_AS(batch::receivables_reward_batch(f, {ra, rs, {}, {}, {}}, plan::plan_2022().receivables_reward),
                    zjcredit::validation_error);
    const std::vector<std::uint8_t> f_flags_days{batch::financing_confirmed | batch::financing_has_days};
    const batch::financing_columns g{f_offsets, f_amount, f_start, {}, f_days, f_flags_days};
    const auto gs = batch::receivables_reward_batch(g, {ra, rs, {}, {}, {}}, plan::plan_2022().receivables_reward);
    CHECK(rs[0] == batch::status_ok);
    CHECK(ra[0] == 0);  // 1.00 × 30 days × 1% / 365 = 0.0082 分 → 0.00
    CHECK(gs.eligible == 1);
}

TEST_CASE("reason bits name the codes of docs/records.md") {
    // The bits are pinned (ZJC_REASON_* of capi/zjcredit.h, REASON_BITS of the Python binding).
    CHECK(batch::reason_application_outside_window == 0x0001U);
    CHECK(batch::reason_borrower_kind_not_eligible == 0x0002U);
    CHECK(batch::reason_not_via_platform == 0x0004U);
    CHECK(batch::reason_lender_not_local_legal_person == 0x0008U);
    CHECK(batch::reason_not_first_loan == 0x0010U);
    CHECK(batch::reason_per_borrower_cap_applied == 0x0020U);
    CHECK(batch::reason_budget_cap_applied == 0x0040U);
    CHECK(batch::reason_financing_not_confirmed == 0x0100U);
    CHECK(batch::reason_financing_outside_window == 0x0200U);
    CHECK(batch::reason_financing_straddles_window_end == 0x0400U);
    CHECK(batch::reason_financing_days_truncated == 0x0800U);
    CHECK(batch::reason_no_eligible_financing == 0x1000U);
    CHECK(batch::reason_per_enterprise_cap_applied == 0x2000U);
    std::uint32_t seen = 0;
    std::vector<std::string_view> codes;
    for (const auto& r : rules::reason_table) {
        CHECK(std::find(codes.begin(), codes.end(), r.code) == codes.end());
        codes.push_back(r.code);
        CHECK(!r.text_zh.empty());
        CHECK(!r.text_en.empty());
        CHECK(batch::reason_bit(r.code) == r.bit);
        if (r.bit == 0) continue;
        CHECK((r.bit & (r.bit - 1)) == 0);  // one bit each
        CHECK((seen & r.bit) == 0);
        seen |= r.bit;
        CHECK(batch::reason_code(r.bit) == r.code);
    }
    CHECK(codes.size() == 18);  // the 18 codes of docs/records.md §7
    CHECK(batch::reason_bit("stage_repeated") == 0);
    CHECK(batch::reason_bit("not_a_code") == 0);
    CHECK(batch::reason_code(0) == "");
    CHECK(rules::reason_texts(batch::reason_not_via_platform | batch::reason_not_first_loan, true, "；") ==
          "未依托广东省中小企业融资平台申请；不是借款人的首次贷款");
}
