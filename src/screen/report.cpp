// The screen's totals, reason texts, row errors and payments (include/zjcredit/screen/screen.hpp).
#include "conflicts.hpp"

#include <zjcredit/dates/date.hpp>
#include <zjcredit/money/decimal.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/rules/arithmetic.hpp>
#include <zjcredit/rules/batch.hpp>
#include <zjcredit/rules/reason.hpp>
#include <zjcredit/screen/credit_code.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <unordered_map>

namespace zjcredit::screen {

namespace {

std::string_view kind_code(std::uint8_t kind) {
    return plan::to_string(static_cast<plan::borrower_kind>(kind));
}

}  // namespace

screen_totals total_of(const screen_result& r, const lender_ranks& lenders) {
    screen_totals t;
    t.all.key = "all";
    std::vector<tally> by_lender(lenders.names.size());
    std::array<tally, 256> kinds{};
    std::array<std::size_t, 32> rule_counts{};
    std::array<std::size_t, screen_reasons.size()> screen_counts{};
    // Each borrower's payment and kind in small arrays that stay in cache:
    // the loans below look their borrowers up in row order, which is no order.
    std::vector<std::uint8_t> borrower_paid(r.borrowers.size()), borrower_kind(r.borrowers.size());
    for (std::size_t b = 0; b < r.borrowers.size(); ++b) {
        borrower_paid[b] = r.borrowers[b].eligible ? 1 : 0;
        borrower_kind[b] = r.borrowers[b].kind;
    }
    t.loans = r.loans.size();
    for (std::size_t i = 0; i < r.loans.size(); ++i) {
        const loan_result& l = r.loans[i];
        if (l.status != rules::batch::status_ok) ++t.loans_in_error;
        const bool paid = l.eligible && l.borrower != no_borrower && borrower_paid[l.borrower] != 0;
        if (paid) {
            ++t.loans_eligible;
            tally& lt = by_lender[lenders.of_row[i]];
            ++lt.loans;
            lt.amount += l.amount;
            lt.allocated += l.allocated;  // what the lender's loans are paid (the amount, without a budget)
            ++kinds[borrower_kind[l.borrower]].loans;
            continue;
        }
        for (std::uint32_t bits = l.reasons; bits != 0; bits &= bits - 1) ++rule_counts[std::countr_zero(bits)];
        for (std::size_t k = 0; k < screen_reasons.size(); ++k)
            if ((l.screen_reasons & screen_reasons[k].bit) != 0) ++screen_counts[k];
    }
    // The shares name their lenders by views of lenders.names (run_screen):
    // found by address, without comparing texts.
    std::unordered_map<const char*, std::uint32_t> rank_at;
    for (std::uint32_t k = 0; k < lenders.names.size(); ++k) rank_at.emplace(lenders.names[k].data(), k);
    const auto rank = [&](std::string_view lender) {
        const auto it = rank_at.find(lender.data());
        return it != rank_at.end() && lenders.names[it->second].size() == lender.size() ? it->second
                                                                                          : lenders.rank_of(lender);
    };
    t.borrowers = r.borrowers.size();
    for (const auto& br : r.borrowers) {
        if (!br.eligible) continue;
        ++t.borrowers_eligible;
        for (const auto& [lender, amount] : br.lenders) ++by_lender[rank(lender)].borrowers;
        tally& kt = kinds[br.kind];
        ++kt.borrowers;
        kt.amount += br.amount;
        kt.allocated += br.allocated;
        t.all.amount += br.amount;
        t.all.allocated += br.allocated;
    }
    t.all.borrowers = t.borrowers_eligible;
    t.all.loans = t.loans_eligible;
    // Every lender screened, by rank (byte order of the names): a bank whose
    // claims were all refused is in the totals too, with 0, not missing.
    for (std::size_t k = 0; k < by_lender.size(); ++k) {
        if (lenders.names[k].empty()) continue;  // rows naming no lender are in error, counted there
        by_lender[k].key = std::string(lenders.names[k]);
        t.lenders.push_back(std::move(by_lender[k]));
    }
    for (std::size_t kind = 0; kind < kinds.size(); ++kind)
        if (kinds[kind].borrowers != 0) {
            kinds[kind].key = std::string(kind_code(static_cast<std::uint8_t>(kind)));
            t.kinds.push_back(std::move(kinds[kind]));
        }
    for (unsigned b = 0; b < 32; ++b)
        if (rule_counts[b] != 0) t.reasons.emplace_back(std::string(rules::batch::reason_code(1U << b)), rule_counts[b]);
    for (std::size_t k = 0; k < screen_reasons.size(); ++k)
        if (screen_counts[k] != 0) t.reasons.emplace_back(std::string(screen_reasons[k].code), screen_counts[k]);
    return t;
}

std::string reason_codes(std::uint32_t rule_bits, std::uint32_t screen_bits) {
    std::string out;
    for (unsigned b = 0; b < 32; ++b)
        if ((rule_bits >> b & 1U) != 0) out += (out.empty() ? "" : ";") + std::string(rules::batch::reason_code(1U << b));
    for (const auto& s : screen_reasons)
        if ((screen_bits & s.bit) != 0) out += (out.empty() ? "" : ";") + std::string(s.code);
    return out;
}

std::string reason_texts(std::uint32_t rule_bits, std::uint32_t screen_bits, bool en) {
    std::string out;
    const std::string sep = en ? "; " : "；";
    for (unsigned b = 0; b < 32; ++b)
        if ((rule_bits >> b & 1U) != 0)
            if (const rules::reason_info* info = rules::reason_of_bit(1U << b))
                out += (out.empty() ? "" : sep) + std::string(en ? info->text_en : info->text_zh);
    for (const auto& s : screen_reasons)
        if ((screen_bits & s.bit) != 0) out += (out.empty() ? "" : sep) + std::string(en ? s.en : s.zh);
    return out;
}

std::string listing_reason_texts(const screen_input& in, const screen_result& r, std::size_t i,
                                 const plan::first_loan_subsidy_parameters& params, bool en) {
    const loan_result& l = r.loans[i];
    constexpr std::uint32_t kind_bit = rules::reason_bit_of("borrower_kind_not_eligible");
    if ((l.reasons & kind_bit) == 0) return reason_texts(l.reasons, l.screen_reasons, en);
    // In bit order, as reason_texts: the reasons before the kind's, the kind named, then the rest.
    const auto kind = static_cast<plan::borrower_kind>(in.loans.borrower_kind[i]);
    const std::string before = reason_texts(l.reasons & (kind_bit - 1U), 0, en);
    const std::string after = reason_texts(l.reasons & ~((kind_bit << 1U) - 1U), l.screen_reasons, en);
    const std::string sep = en ? "; " : "；";
    return before + (before.empty() ? "" : sep) +
           (en ? rules::detail::kind_not_eligible_en(kind, params.eligible_kinds)
               : rules::detail::kind_not_eligible_zh(kind, params.eligible_kinds)) +
           (after.empty() ? "" : sep) + after;
}

std::string paid_listing_arithmetic(const screen_result& r, std::size_t i,
                                    const plan::first_loan_subsidy_parameters& params, bool en) {
    const loan_result& l = r.loans[i];
    if (!l.eligible || l.borrower == no_borrower || !r.borrowers[l.borrower].eligible) return {};
    const borrower_result& br = r.borrowers[l.borrower];
    const auto yuan = [](std::int64_t fen) { return money::to_string(money::amount::from_fen(fen)); };
    // The borrower's total as rounded once, before a cap on it (per_borrower_cap, the plan's budget).
    const money::int128 rounded = money::round_div(br.numerator, r.denominator, params.rounding);
    std::string out = en ? "balance-days within the borrower's cap " : "计入单户上限的积数 ";
    out += money::decimal(l.capped_sum, 2).to_string();
    if (l.cut_by_cap) {
        const std::string cap = money::to_string(params.balance_cap);
        // Worded as subsidy_arithmetic (rules/arithmetic.hpp) says a loan's
        // own cap; the only listing in its borrower's cap is said so too.
        if (br.cap_listings == 1)
            out += en ? " (daily balances above " + cap + " not counted)" : "（日余额超过 " + cap + " 元的部分不计）";
        else
            out += en ? " (the borrower's daily balances together above " + cap + " not counted, filled loan by loan in order)"
                      : "（该户各笔日余额合计超过 " + cap + " 元的部分不计，按填充顺序计入各笔）";
    }
    out += rules::detail::times_rate_text(l.capped_sum, l.rate_used, params, en);
    if (en)
        out += " yuan; the borrower's total, rounded " + std::string(money::rounding_en(params.rounding)) + " to the fen: " +
               rules::detail::fen_text(rounded);
    else
        out += " 元；该户合计" + std::string(money::rounding_zh(params.rounding)) + "到分为 " + rules::detail::fen_text(rounded) + " 元";
    if (rounded != br.amount) out += en ? ", capped: " + yuan(br.amount) + " paid" : "，受上限所限付 " + yuan(br.amount) + " 元";
    out += en ? "; this loan's share " + yuan(l.amount) : "，本笔分得 " + yuan(l.amount) + " 元";
    if (r.allocation) out += en ? "; allocated " + yuan(l.allocated) : "，预算分配 " + yuan(l.allocated) + " 元";
    return out;
}

std::string row_error_message(const screen_input& in, const screen_result& r, std::size_t i,
                              const plan::first_loan_subsidy_parameters& params, const screen_options& options) {
    if (i >= r.loans.size() || r.loans[i].status == rules::batch::status_ok) return {};
    if (!in.row_errors.empty() && !in.row_errors[i].empty()) return std::string(in.row_errors[i]);
    // Located where the listing was read when that is known (a table's file:line).
    const bool located = !in.source.empty();
    const std::string where = located ? std::string(in.source[i]) : "loans[" + std::to_string(i) + "]";
    try {
        const rules::loan_record loan = rules::batch::loan_record_for_row(in.loans, i, std::string(in.borrower[i]));
        (void)rules::first_loan_subsidy(loan, params, rules::reference_of(plan::plan_2022()));
    } catch (const error& e) {
        return where + " (loan_id " + std::string(in.loan_id[i]) + "): " + e.what();
    }
    const auto field = [&](std::string_view name) {
        if (in.locate) return in.locate(i, name);
        return where + (located ? ": " : ".") + std::string(name);
    };
    try {
        if (in.loan_id[i].empty()) throw validation_error(field("loan_id"), "", "must not be empty: the screen tells loans apart by it");
        if (in.lender[i].empty())
            throw validation_error(field("lender"), "",
                                   "must not be empty: name the lender in a column (贷款机构) or for the file (--lender)");
        if (in.borrower[i].empty()) throw validation_error(field("borrower"), "", "must not be empty");
        if (in.borrower_id[i].empty())
            throw validation_error(field("borrower_id"), "",
                                   "must not be empty: the screen keys borrowers by their 统一社会信用代码");
        if (!options.other_ids_declared) require_credit_code(in.borrower_id[i], field("borrower_id"));
    } catch (const error& e) {
        return e.what();
    }
    return where + ": refused";
}

std::vector<payment> payments(const screen_input& in, const screen_result& r) {
    std::vector<payment> out;
    for (const auto& br : r.borrowers) {
        if (!br.eligible) continue;
        for (std::size_t row : br.loans) {
            const loan_result& l = r.loans[row];
            // A loan whose share of a budget is 0 is recorded too (paid 0 for
            // the period): the round dealt with it, and a later one does not pay it.
            if (!l.eligible || l.amount == 0) continue;
            payment p;
            p.borrower_id = std::string(in.borrower_id[row]);
            p.borrower = std::string(in.borrower[br.first_row]);
            p.loan_id = std::string(in.loan_id[row]);
            p.lender = std::string(in.lender[row]);
            p.from = in.loans.period_from[row];
            p.to = in.loans.period_to[row];
            p.amount = l.allocated;
            const auto day = [](std::int32_t d) { return dates::detail::iso(dates::from_day_number(d)); };
            p.receipt = "rule=first_loan_subsidy_screen;borrower_id=" + p.borrower_id + ";loan_id=" + p.loan_id +
                        ";lender=" + p.lender + ";period=" + day(p.from) + ".." + day(p.to) +
                        ";capped_balance_days=" + money::decimal(l.capped_sum, 2).to_string() +
                        ";rate_used=" + money::to_string(money::rate::from_units(l.rate_used)) +
                        ";borrower_amount=" + money::to_string(money::amount::from_fen(br.amount));
            if (r.allocation)  // under a budget: the allocation and the loan's share of the amount it is cut from
                p.receipt += ";borrower_allocated=" + money::to_string(money::amount::from_fen(br.allocated)) +
                             ";loan_amount=" + money::to_string(money::amount::from_fen(l.amount));
            p.receipt += ";amount=" + money::to_string(money::amount::from_fen(p.amount));
            out.push_back(std::move(p));
        }
    }
    return out;
}

}  // namespace zjcredit::screen
