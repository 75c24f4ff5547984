// rules::allocate_budget: sharing a budget among eligible claims that exceed
// it, exactly to the 分 (DESIGN.md §2 "Budgets").
//
// * When the claims together do not exceed the budget, every claim is paid
//   in full, whatever the method.
// * pro_rata (largest remainder, Hamilton's method, to the 分): claim i's
//   exact share is budget × claimed_i / total_claimed 分. Each claim first gets
//   the share cut down to whole 分; the 分 left over (fewer than the number of
//   claims) go one each to the claims with the largest cut-off remainders,
//   ties broken by claim id in byte order (ascending). The allocations sum to
//   the budget exactly and no claim gets more than it asked.
// * first_come_first_served: claims are served in order of `order_key`
//   (compared byte-wise, so write ISO 8601 timestamps like
//   "2022-04-03T09:15:00" or zero-padded sequence numbers), ties broken by
//   claim id in byte order; each is paid in full while the budget lasts, the
//   one that meets the end of the budget gets what is left, later ones 0.
// * The outcome depends only on the set of claims: allocations are listed by
//   claim id (byte order) whatever the input order. (The receipt lists the
//   inputs as given.)
// * Errors (validation_error naming the field): negative budget or claim,
//   empty or duplicate claim id, empty order_key under first_come_first_served;
//   overflow_error when the total claimed leaves the amount range.
#ifndef ZJCREDIT_RULES_BUDGET_HPP
#define ZJCREDIT_RULES_BUDGET_HPP

#include <zjcredit/error.hpp>
#include <zjcredit/money/amount.hpp>
#include <zjcredit/money/decimal.hpp>
#include <zjcredit/money/detail/checked.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/plan/plan.hpp>
#include <zjcredit/plan/plan_2022.hpp>
#include <zjcredit/rules/receipt.hpp>

#include <gsl/narrow>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::rules {

/// The rule's id, as receipts (receipt::rule) name it.
inline constexpr std::string_view budget_allocation_rule = "budget_allocation";

/// How a budget smaller than the claims is shared (see above).
enum class allocation_method {
    pro_rata,                 ///< largest remainder to the 分
    first_come_first_served,  ///< by order_key, then claim id
};

/// The enumerator's name ("pro_rata"), as the JSON record writes it.
constexpr std::string_view to_string(allocation_method m) noexcept {
    switch (m) {
        case allocation_method::pro_rata: return "pro_rata";
        case allocation_method::first_come_first_served: return "first_come_first_served";
    }
    return "pro_rata";
}

/// The method whose to_string() is `s`; nullopt for any other text.
constexpr std::optional<allocation_method> allocation_method_from_string(std::string_view s) noexcept {
    if (s == "pro_rata") return allocation_method::pro_rata;
    if (s == "first_come_first_served") return allocation_method::first_come_first_served;
    return std::nullopt;
}

/// One eligible claim on the budget.
struct claim {
    std::string id;         ///< unique; the tie-break key
    money::amount amount;   ///< ≥ 0
    std::string order_key;  ///< first_come_first_served only: when it came ("2022-04-03T09:15:00")

    /// Field by field.
    friend bool operator==(const claim&, const claim&) = default;
};

/// The JSON record "budget_request".
struct budget_request {
    money::amount budget;                                    ///< the money to share, ≥ 0
    allocation_method method = allocation_method::pro_rata;  ///< how, when the claims exceed it
    std::vector<claim> claims;                               ///< the eligible claims, ids unique

    /// Field by field.
    friend bool operator==(const budget_request&, const budget_request&) = default;
};

/// What one claim asked for and was given.
struct allocation {
    std::string id;           ///< the claim's id
    money::amount claimed;    ///< the claim's amount
    money::amount allocated;  ///< its share of the budget, ≤ claimed

    /// Field by field.
    friend bool operator==(const allocation&, const allocation&) = default;
};

/// A budget shared: the totals, each claim's allocation and the receipt.
struct allocation_result {
    allocation_method method = allocation_method::pro_rata;  ///< the method of the request
    money::amount budget;            ///< the budget of the request
    money::amount claimed;           ///< Σ claimed
    money::amount amount;            ///< Σ allocated (== min(budget, claimed))
    std::vector<allocation> allocations;  ///< by claim id, byte order
    rules::receipt receipt;          ///< the inputs as given and the steps of the sharing

    /// Field by field.
    friend bool operator==(const allocation_result&, const allocation_result&) = default;
};

/// Throws validation_error for a request that cannot be allocated.
inline void validate(const budget_request& request) {
    if (request.budget.is_negative())
        throw validation_error("budget", money::to_string(request.budget), "must not be negative");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < request.claims.size(); ++i) {
        const claim& c = request.claims[i];
        const std::string field = "claims" + detail::index_text(i);
        if (c.id.empty()) throw validation_error(field + ".id", "", "must not be empty");
        if (!ids.insert(c.id).second) throw validation_error(field + ".id", c.id, "duplicate claim id");
        if (c.amount.is_negative())
            throw validation_error(field + ".amount", money::to_string(c.amount), "must not be negative");
        if (request.method == allocation_method::first_come_first_served && c.order_key.empty())
            throw validation_error(field + ".order_key", "", "first_come_first_served needs an order_key");
    }
}

/// Allocates `request.budget` among its claims; `ref` names the plan in the receipt.
inline allocation_result allocate_budget(const budget_request& request,
                                         const plan_reference& ref = reference_of(plan::plan_2022())) {
    using money::int128;
    namespace ck = money::detail;
    validate(request);

    allocation_result out;
    out.method = request.method;
    out.budget = request.budget;
    receipt& rc = out.receipt;
    rc.rule = std::string(budget_allocation_rule);
    rc.rule_set_version = ref.rule_set_version;
    rc.plan_document = ref.document;
    rc.parameters = {
        detail::request_parameter("budget", money::to_string(request.budget), "the budget to share, as requested"),
        detail::request_parameter("method", std::string(to_string(request.method)), "the method, as requested"),
        parameter_use{"tie_break",
                      request.method == allocation_method::pro_rata ? "remainder desc, then claim id (byte order)"
                                                                    : "order_key, then claim id (byte order)",
                      std::string(plan::zjcredit_default_clause), false,
                      "DESIGN.md §2 Budgets: deterministic under reordering of ties"},
    };
    rc.inputs = {{"budget", money::to_string(request.budget)}, {"method", std::string(to_string(request.method))}};
    for (std::size_t i = 0; i < request.claims.size(); ++i) {
        const std::string p = "claims" + detail::index_text(i);
        rc.inputs.push_back({p + ".id", request.claims[i].id});
        rc.inputs.push_back({p + ".amount", money::to_string(request.claims[i].amount)});
        if (!request.claims[i].order_key.empty()) rc.inputs.push_back({p + ".order_key", request.claims[i].order_key});
    }

    // Claims by id: the order of the result.
    std::vector<const claim*> by_id;
    for (const auto& c : request.claims) by_id.push_back(&c);
    std::sort(by_id.begin(), by_id.end(), [](const claim* a, const claim* b) { return a->id < b->id; });

    int128 total = 0;
    for (const auto* c : by_id) total = ck::checked_add<int128>(total, c->amount.fen(), "total claimed");
    if (total > INT64_MAX)
        throw overflow_error("claims", money::decimal(total, 2).to_string(),
                             "the claims total more than the largest amount (92233720368547758.07)");
    out.claimed = money::amount::from_fen(static_cast<std::int64_t>(total));
    const int128 budget = request.budget.fen();
    const bool enough = total <= budget;
    rc.steps.push_back({"total", "check", enough,
                        {{"budget", money::to_string(request.budget)},
                         {"claimed", money::to_string(out.claimed)},
                         {"claims", std::to_string(request.claims.size())}},
                        "预算 " + money::to_string(request.budget) + " 元，申请合计 " + money::to_string(out.claimed) +
                            " 元（" + std::to_string(request.claims.size()) + " 笔）" +
                            (enough ? "，预算足够，全额支付" : "，超过预算，需要分配"),
                        "budget " + money::to_string(request.budget) + ", claimed " + money::to_string(out.claimed) +
                            " in " + std::to_string(request.claims.size()) + " claims" +
                            (enough ? ": the budget suffices, every claim is paid in full"
                                    : ": the claims exceed the budget and are allocated")});

    std::vector<int128> given(by_id.size(), 0);
    std::string how_zh;
    std::string how_en;
    if (enough) {
        for (std::size_t k = 0; k < by_id.size(); ++k) given[k] = by_id[k]->amount.fen();
        how_zh = "预算足够，每笔全额支付。";
        how_en = "The budget suffices; every claim is paid in full.";
    } else if (request.method == allocation_method::pro_rata) {
        std::vector<int128> remainder(by_id.size(), 0);
        int128 handed = 0;
        for (std::size_t k = 0; k < by_id.size(); ++k) {
            const int128 share = ck::checked_mul<int128>(budget, by_id[k]->amount.fen(), "pro-rata share");
            given[k] = share / total;
            remainder[k] = share % total;
            handed += given[k];
        }
        const int128 left = budget - handed;  // 0 ≤ left < number of claims with a remainder
        std::vector<std::size_t> rank(by_id.size());
        for (std::size_t k = 0; k < rank.size(); ++k) rank[k] = k;
        std::sort(rank.begin(), rank.end(), [&](std::size_t a, std::size_t b) {
            if (remainder[a] != remainder[b]) return remainder[a] > remainder[b];
            return by_id[a]->id < by_id[b]->id;
        });
        std::vector<bool> extra(by_id.size(), false);
        std::vector<std::string> extra_ids;
        for (int128 j = 0; j < left; ++j) {
            const std::size_t k = rank[gsl::narrow<std::size_t>(j)];
            extra[k] = true;
            ++given[k];
            extra_ids.push_back(by_id[k]->id);
        }
        for (std::size_t k = 0; k < by_id.size(); ++k) {
            const claim& c = *by_id[k];
            const int128 share = budget * c.amount.fen();
            const exact_value quota = detail::exact_yuan(share, total);
            const std::string quota_text = quota.decimal + (quota.decimal_exact ? "" : "…");
            rc.steps.push_back(
                {"allocations" + detail::index_text(k), "compute", std::nullopt,
                 {{"id", c.id},
                  {"claimed", money::to_string(c.amount)},
                  {"share", quota.numerator + "/" + quota.denominator},
                  {"share_decimal", quota.decimal},
                  {"floor", detail::fen_text(given[k] - (extra[k] ? 1 : 0))},
                  {"remainder", money::detail::to_string(remainder[k]) + "/" + money::detail::to_string(total)},
                  {"extra_fen", extra[k] ? "1" : "0"},
                  {"allocated", detail::fen_text(given[k])}},
                 c.id + "：" + money::to_string(request.budget) + " × " + money::to_string(c.amount) + " ÷ " +
                     money::to_string(out.claimed) + " = " + quota_text + " 元，取整 " +
                     detail::fen_text(given[k] - (extra[k] ? 1 : 0)) + " 元" + (extra[k] ? "，按余数加 1 分" : "") +
                     "，分配 " + detail::fen_text(given[k]) + " 元",
                 c.id + ": " + money::to_string(request.budget) + " × " + money::to_string(c.amount) + " / " +
                     money::to_string(out.claimed) + " = " + quota_text + ", cut to " +
                     detail::fen_text(given[k] - (extra[k] ? 1 : 0)) + (extra[k] ? ", plus 1 fen by remainder" : "") +
                     ", allocated " + detail::fen_text(given[k])});
        }
        rc.steps.push_back({"largest_remainder", "round", std::nullopt,
                            {{"fen_left", money::detail::to_string(left)}, {"given_to", detail::join(extra_ids, ",")}},
                            "取整后剩余 " + money::detail::to_string(left) +
                                " 分，按余数从大到小（余数相同按申请编号字节序）各加 1 分" +
                                (extra_ids.empty() ? "" : "：" + detail::join(extra_ids, "、")),
                            money::detail::to_string(left) +
                                " fen left after cutting, one each by largest remainder (ties by claim id)" +
                                (extra_ids.empty() ? "" : ": " + detail::join(extra_ids, ", "))});
        how_zh = "按比例分配（最大余数法到分）：每笔先取 预算 × 申请额 ÷ 申请合计 的整分部分，剩余 " +
                 money::detail::to_string(left) + " 分按余数从大到小逐分分配，余数相同按申请编号字节序，合计恰为预算。";
        how_en = "Pro rata by largest remainder to the fen: each claim first gets budget × claimed / total cut to "
                 "the fen; the " +
                 money::detail::to_string(left) +
                 " fen left go one each to the largest remainders, ties by claim id; the sum is the budget exactly.";
    } else {
        std::vector<std::size_t> served(by_id.size());
        for (std::size_t k = 0; k < served.size(); ++k) served[k] = k;
        std::sort(served.begin(), served.end(), [&](std::size_t a, std::size_t b) {
            if (by_id[a]->order_key != by_id[b]->order_key) return by_id[a]->order_key < by_id[b]->order_key;
            return by_id[a]->id < by_id[b]->id;
        });
        int128 left = budget;
        for (std::size_t n = 0; n < served.size(); ++n) {
            const std::size_t k = served[n];
            const claim& c = *by_id[k];
            const int128 before = left;
            given[k] = std::min<int128>(c.amount.fen(), left);
            left -= given[k];
            rc.steps.push_back({"served" + detail::index_text(n), given[k] < c.amount.fen() ? "cap" : "compute",
                                given[k] < c.amount.fen() ? std::optional<bool>(true) : std::nullopt,
                                {{"id", c.id},
                                 {"order_key", c.order_key},
                                 {"claimed", money::to_string(c.amount)},
                                 {"budget_before", detail::fen_text(before)},
                                 {"allocated", detail::fen_text(given[k])},
                                 {"budget_after", detail::fen_text(left)}},
                                "第 " + std::to_string(n + 1) + " 位 " + c.id + "（" + c.order_key + "）申请 " +
                                    money::to_string(c.amount) + " 元，分配 " + detail::fen_text(given[k]) +
                                    " 元，预算余 " + detail::fen_text(left) + " 元",
                                "#" + std::to_string(n + 1) + " " + c.id + " (" + c.order_key + ") claims " +
                                    money::to_string(c.amount) + ", gets " + detail::fen_text(given[k]) + ", " +
                                    detail::fen_text(left) + " left"});
        }
        how_zh = "先到先得：按 order_key（字节序，相同时按申请编号）依次全额支付，预算不足的一笔支付剩余部分，其后为 0。";
        how_en = "First come, first served: by order_key (byte order, then claim id), each paid in full while the "
                 "budget lasts; the claim that meets its end gets what is left, later ones nothing.";
    }

    int128 sum = 0;
    for (std::size_t k = 0; k < by_id.size(); ++k) {
        out.allocations.push_back({by_id[k]->id, by_id[k]->amount, money::amount::from_fen(static_cast<std::int64_t>(given[k]))});
        sum += given[k];
    }
    out.amount = money::amount::from_fen(static_cast<std::int64_t>(sum));
    rc.result = out.amount;
    rc.explanation_zh = "预算 " + money::to_string(request.budget) + " 元，" + std::to_string(request.claims.size()) +
                        " 笔申请合计 " + money::to_string(out.claimed) + " 元。" + how_zh + "分配合计 " +
                        money::to_string(out.amount) + " 元。";
    rc.explanation_en = "Budget " + money::to_string(request.budget) + "; " + std::to_string(request.claims.size()) +
                        " claims total " + money::to_string(out.claimed) + ". " + how_en + " Allocated " +
                        money::to_string(out.amount) + " in total.";
    return out;
}

}  // namespace zjcredit::rules

#endif
