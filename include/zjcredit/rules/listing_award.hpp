// rules::listing_award: the staged award for companies going public (上市奖励),
// measure 六 of 湛金函〔2022〕86号: 分阶段给予最高900万元奖励.
//
// The plan gives only the total (900万元 per company, "最高": the cap itself
// may be paid). The stage table (which stages, how much each) comes from the
// city's 《湛江市鼓励企业利用资本市场上市融资奖励办法》; the embedded 2022 plan
// ships a PLACEHOLDER table (辅导备案 200万, 申报受理 300万, 成功上市 400万),
// and every result then says so (stage_table_placeholder, and a notice). A
// plan file replaces the table.
//
// How a claim is decided (docs/records.md repeats this):
//
// * The record lists the stages reached, each with its date, in any order and
//   possibly with repeats, plus what was already paid: the stages paid before
//   (`paid_stages`) and the total paid before (`paid_amount`).
// * The claims are put in a canonical order — the stage table's order, then
//   date, earliest first — so the outcome never depends on the order given.
// * In that order each claim pays its stage's award, except: a stage listed in
//   paid_stages pays 0 (stage_already_paid); a stage already claimed earlier
//   in this record pays 0 (stage_repeated: the earliest-dated claim is the one
//   that counts); and nothing is paid past the total cap: the room left is
//   total_cap − paid_amount (0 if negative), each award takes at most what
//   is left, and a stage cut short or to 0 says total_cap_reached.
// * eligible = the claim pays more than 0.00; otherwise the reasons say why
//   (no_stage_claimed when no stage is listed).
// * Errors (validation_error naming the field): empty company, a stage id the
//   table does not have (stages[i].stage, paid_stages[i]), a special date, a
//   negative paid_amount; for the parameters: duplicate or empty stage ids,
//   negative awards or cap.
#ifndef ZJCREDIT_RULES_LISTING_AWARD_HPP
#define ZJCREDIT_RULES_LISTING_AWARD_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/money/amount.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/plan/parameters.hpp>
#include <zjcredit/plan/plan.hpp>
#include <zjcredit/plan/plan_2022.hpp>
#include <zjcredit/rules/reason.hpp>
#include <zjcredit/rules/receipt.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::rules {

/// The rule's id, as receipts (receipt::rule) and tasks (plan::task::rule) name it.
inline constexpr std::string_view listing_award_rule = "listing_award";

/// A stage the company reports having reached, and when.
struct stage_claim {
    std::string stage;  ///< a stage id of the table ("tutoring_filed")
    dates::date date;   ///< the day the stage was reached

    /// Field by field.
    friend bool operator==(const stage_claim&, const stage_claim&) = default;
};

/// A company's claim; the field names are those of the JSON record.
struct listing_record {
    std::string company;                   ///< the company's name or id; not empty
    std::vector<stage_claim> stages;       ///< the stages reached, any order, repeats allowed
    std::vector<std::string> paid_stages;  ///< stages paid by earlier claims
    money::amount paid_amount;             ///< total paid by earlier claims

    /// Field by field.
    friend bool operator==(const listing_record&, const listing_record&) = default;
};

/// The decision on one claimed stage.
struct stage_award {
    std::string stage;            ///< the stage id, as claimed
    std::string name;             ///< "辅导备案"
    dates::date date;             ///< the day the claim says the stage was reached
    money::amount award;          ///< the table's amount for the stage
    money::amount paid;           ///< what this claim pays for it
    std::vector<reason> reasons;  ///< why it pays less than `award`

    /// Field by field.
    friend bool operator==(const stage_award&, const stage_award&) = default;
};

/// The decision on a company's claim: each stage's award, the total and the receipt.
struct listing_award_result {
    bool eligible = false;             ///< the claim pays more than 0.00
    money::amount amount;              ///< total paid by this claim
    std::vector<stage_award> awards;   ///< in the canonical order (table order, then date)
    std::vector<reason> reasons;       ///< every stage's reasons, in that order
    bool stage_table_placeholder = false;  ///< the stage table is not from the city's 奖励办法 (stages_are_placeholder)
    std::vector<reason> notices;       ///< "stage_table_placeholder" when it is
    rules::receipt receipt;            ///< the inputs, parameters and steps that gave the amount

    /// Field by field.
    friend bool operator==(const listing_award_result&, const listing_award_result&) = default;
};

namespace detail {

inline std::string stage_ids(const std::vector<plan::listing_stage>& table) {
    std::vector<std::string> ids;
    for (const auto& s : table) ids.push_back(s.id);
    return join(ids, ", ");
}

inline std::size_t stage_position(const std::vector<plan::listing_stage>& table, const std::string& id,
                                  const std::string& field) {
    for (std::size_t i = 0; i < table.size(); ++i)
        if (table[i].id == id) return i;
    throw validation_error(field, id, "unknown stage (the stage table has: " + stage_ids(table) + ")");
}

inline void validate_parameters(const plan::listing_award_parameters& p) {
    if (p.total_cap.is_negative())
        throw validation_error("parameters.total_cap", money::to_string(p.total_cap), "must not be negative");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < p.stages.size(); ++i) {
        const std::string field = "parameters.stages" + index_text(i);
        if (p.stages[i].id.empty()) throw validation_error(field + ".id", "", "must not be empty");
        if (!seen.insert(p.stages[i].id).second)
            throw validation_error(field + ".id", p.stages[i].id, "duplicate stage id");
        if (p.stages[i].award.is_negative())
            throw validation_error(field + ".award", money::to_string(p.stages[i].award), "must not be negative");
    }
}

}  // namespace detail

/// Throws validation_error for a record the rule cannot be applied to.
inline void validate(const listing_record& record, const plan::listing_award_parameters& params) {
    if (record.company.empty()) throw validation_error("company", "", "must not be empty");
    for (std::size_t i = 0; i < record.stages.size(); ++i) {
        const std::string field = "stages" + detail::index_text(i);
        (void)detail::stage_position(params.stages, record.stages[i].stage, field + ".stage");
        dates::detail::require_plain(record.stages[i].date, field + ".date");
    }
    for (std::size_t i = 0; i < record.paid_stages.size(); ++i)
        (void)detail::stage_position(params.stages, record.paid_stages[i], "paid_stages" + detail::index_text(i));
    if (record.paid_amount.is_negative())
        throw validation_error("paid_amount", money::to_string(record.paid_amount), "must not be negative");
}

/// Decides a listing-award claim under `params`; `ref` names the plan in the receipt.
inline listing_award_result listing_award(const listing_record& record, const plan::listing_award_parameters& params,
                                          const plan_reference& ref) {
    using dates::detail::iso;
    detail::validate_parameters(params);
    validate(record, params);

    listing_award_result out;
    receipt& rc = out.receipt;
    rc.rule = std::string(listing_award_rule);
    rc.rule_set_version = ref.rule_set_version;
    rc.plan_document = ref.document;
    out.stage_table_placeholder = params.stages_are_placeholder;

    std::vector<std::string> table_parts;
    for (const auto& s : params.stages) table_parts.push_back(s.id + "=" + money::to_string(s.award));
    // Whether the table is a placeholder is part of the stage table's source
    // unless the plan records a source of its own for it.
    const bool own_source = params.sources.count("stages_are_placeholder") != 0;
    parameter_use placeholder = detail::parameter(own_source ? "stages_are_placeholder" : "stages",
                                                  detail::bool_text(params.stages_are_placeholder), params.sources);
    placeholder.name = "stages_are_placeholder";
    rc.parameters = {
        detail::parameter("total_cap", money::to_string(params.total_cap), params.sources),
        detail::parameter("stages", detail::join(table_parts, ","), params.sources),
        placeholder,
    };

    rc.inputs = {{"company", record.company}};
    for (std::size_t i = 0; i < record.stages.size(); ++i) {
        const std::string p = "stages" + detail::index_text(i);
        rc.inputs.push_back({p + ".stage", record.stages[i].stage});
        rc.inputs.push_back({p + ".date", iso(record.stages[i].date)});
    }
    for (std::size_t i = 0; i < record.paid_stages.size(); ++i)
        rc.inputs.push_back({"paid_stages" + detail::index_text(i), record.paid_stages[i]});
    rc.inputs.push_back({"paid_amount", money::to_string(record.paid_amount)});

    if (params.stages_are_placeholder) {
        out.notices.push_back({"stage_table_placeholder",
                               "奖励阶段及金额为占位数据：方案只规定每家企业最高 900 万元，阶段表应以《湛江市鼓励企业利用资本市场上市融资奖励办法》为准",
                               "the stage table is a placeholder: the plan sets only the total cap; the stages and "
                               "amounts come from the city's award measures and should be loaded from a plan file"});
    }
    rc.steps.push_back({"stage_table", "note", std::nullopt,
                        {{"stages", detail::join(table_parts, ",")},
                         {"placeholder", detail::bool_text(params.stages_are_placeholder)}},
                        params.stages_are_placeholder ? "奖励阶段表为占位数据，非正式奖励办法" : "奖励阶段表来自方案文件",
                        params.stages_are_placeholder ? "the stage table is a placeholder, not the city's award measures"
                                                      : "the stage table comes from the plan file"});

    const bool over = record.paid_amount > params.total_cap;
    money::amount remaining = over ? money::amount() : params.total_cap - record.paid_amount;
    rc.steps.push_back({"remaining_cap", "compute", std::nullopt,
                        {{"total_cap", money::to_string(params.total_cap)},
                         {"paid_amount", money::to_string(record.paid_amount)},
                         {"remaining", money::to_string(remaining)}},
                        "累计奖励上限 " + money::to_string(params.total_cap) + " 元，已支付 " +
                            money::to_string(record.paid_amount) + " 元，尚可支付 " + money::to_string(remaining) + " 元",
                        "total cap " + money::to_string(params.total_cap) + ", already paid " +
                            money::to_string(record.paid_amount) + ", room left " + money::to_string(remaining)});

    // Canonical order: table position, then date. Equal keys are equal claims.
    struct keyed {
        std::size_t position;
        const stage_claim* claim;
    };
    std::vector<keyed> order;
    for (const auto& c : record.stages) order.push_back({detail::stage_position(params.stages, c.stage, "stage"), &c});
    std::stable_sort(order.begin(), order.end(), [](const keyed& a, const keyed& b) {
        if (a.position != b.position) return a.position < b.position;
        return a.claim->date < b.claim->date;
    });

    const std::set<std::string> paid_before(record.paid_stages.begin(), record.paid_stages.end());
    std::set<std::string> claimed;
    money::amount total;
    for (std::size_t k = 0; k < order.size(); ++k) {
        const plan::listing_stage& s = params.stages[order[k].position];
        const stage_claim& c = *order[k].claim;
        stage_award a{s.id, s.name, c.date, s.award, money::amount(), {}};
        std::string zh;
        std::string en;
        if (paid_before.count(s.id) != 0) {
            a.reasons.push_back({"stage_already_paid", "阶段“" + s.name + "”（" + s.id + "）已获奖励，不再支付",
                                 "stage " + s.id + " (" + s.name + ") was paid before and is not paid again"});
        } else if (!claimed.insert(s.id).second) {
            a.reasons.push_back({"stage_repeated",
                                 "阶段“" + s.name + "”（" + s.id + "）在本次申报中重复，只按最早日期的一次计",
                                 "stage " + s.id + " (" + s.name + ") is listed more than once; only its earliest "
                                 "claim counts"});
        } else {
            a.paid = std::min(s.award, remaining);
            remaining -= a.paid;
            if (a.paid < s.award)
                a.reasons.push_back({"total_cap_reached",
                                     "阶段“" + s.name + "”奖励 " + money::to_string(s.award) + " 元，受累计上限 " +
                                         money::to_string(params.total_cap) + " 元限制，只支付 " +
                                         money::to_string(a.paid) + " 元",
                                     "stage " + s.id + " award " + money::to_string(s.award) +
                                         " is cut to " + money::to_string(a.paid) + " by the total cap of " +
                                         money::to_string(params.total_cap)});
        }
        total += a.paid;
        const std::string id = "awards" + detail::index_text(k);
        std::vector<std::string> why_zh;
        std::vector<std::string> why_en;
        for (const auto& r : a.reasons) {
            why_zh.push_back(r.message_zh);
            why_en.push_back(r.message_en);
        }
        rc.steps.push_back(
            {id, a.reasons.empty() ? "check" : "cap", a.reasons.empty(),
             {{"stage", s.id},
              {"date", iso(c.date)},
              {"award", money::to_string(s.award)},
              {"paid", money::to_string(a.paid)},
              {"remaining", money::to_string(remaining)}},
             iso(c.date) + " 达到“" + s.name + "”，" +
                 (a.reasons.empty() ? "支付 " + money::to_string(a.paid) + " 元" : detail::join(why_zh, "；")),
             s.id + " reached on " + iso(c.date) + ": " +
                 (a.reasons.empty() ? "pays " + money::to_string(a.paid) : detail::join(why_en, "; "))});
        for (const auto& r : a.reasons) out.reasons.push_back(r);
        out.awards.push_back(std::move(a));
    }
    if (record.stages.empty())
        out.reasons.push_back({"no_stage_claimed", "本次申报未列出任何阶段", "the claim lists no stage"});

    out.amount = total;
    out.eligible = total.fen() > 0;
    rc.result = total;
    rc.steps.push_back({"total", "compute", std::nullopt,
                        {{"paid", money::to_string(total)}, {"remaining", money::to_string(remaining)}},
                        "本次支付合计 " + money::to_string(total) + " 元，累计上限尚余 " + money::to_string(remaining) + " 元",
                        "this claim pays " + money::to_string(total) + " in total; " + money::to_string(remaining) +
                            " of the total cap is left"});

    const std::string placeholder_zh =
        params.stages_are_placeholder ? "（注意：阶段表为占位数据，须以《湛江市鼓励企业利用资本市场上市融资奖励办法》为准）" : "";
    const std::string placeholder_en =
        params.stages_are_placeholder ? " (Note: the stage table is a placeholder until the city's award measures are "
                                        "loaded.)"
                                      : "";
    rc.explanation_zh = record.company + " 申报 " + std::to_string(record.stages.size()) +
                        " 个上市阶段，按阶段表逐项核定，每家企业累计不超过 " + money::to_string(params.total_cap) +
                        " 元（此前已支付 " + money::to_string(record.paid_amount) + " 元）；本次应付 " +
                        money::to_string(total) + " 元。" + placeholder_zh;
    rc.explanation_en = record.company + " claims " + std::to_string(record.stages.size()) +
                        " listing stages, each decided by the stage table, with at most " +
                        money::to_string(params.total_cap) + " per company in total (" +
                        money::to_string(record.paid_amount) + " paid before); this claim pays " +
                        money::to_string(total) + "." + placeholder_en;
    return out;
}

/// The award under a plan's parameters (the embedded 2022 plan by default).
inline listing_award_result listing_award(const listing_record& record, const plan::plan& p = plan::plan_2022()) {
    return listing_award(record, p.listing_award, reference_of(p));
}

}  // namespace zjcredit::rules

#endif
