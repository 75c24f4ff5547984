// The what-if over scenarios (include/zjcredit/sandbox/whatif.hpp).
#include <zjcredit/sandbox/whatif.hpp>

#include "tables_json.hpp"

#include "../json/document.hpp"
#include "../json/reader.hpp"

#include <zjcredit/money/format.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/rules/columns.hpp>
#include <zjcredit/sandbox/tables.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace zjcredit::sandbox {

namespace {

constexpr std::string_view subsidy_rule = "first_loan_subsidy";
constexpr std::size_t kinds = 5;  // the batch's kind codes 0..4 (plan::borrower_kind)

money::int128 magnitude(money::int128 x) { return x < 0 ? -x : x; }

/// One loan's amount and eligibility under one plan.
struct evaluation_columns {
    std::vector<std::int64_t> amount;
    std::vector<std::uint8_t> eligible;
};

evaluation_columns evaluate(const rules::batch::loan_columns& c, const plan::plan& p, const std::string& scenario) {
    namespace batch = rules::batch;
    evaluation_columns e{std::vector<std::int64_t>(c.size()), std::vector<std::uint8_t>(c.size())};
    std::vector<std::int32_t> status(c.size());
    const batch::batch_summary s = batch::first_loan_subsidy_batch(c, {e.amount, status, e.eligible, {}}, p.first_loan_subsidy);
    if (s.errors != 0) {
        const auto bad = static_cast<std::size_t>(
            std::find_if(status.begin(), status.end(), [](std::int32_t x) { return x != batch::status_ok; }) -
            status.begin());
        throw validation_error("scenario", scenario,
                               "the rule refuses loans[" + std::to_string(bad) + "] under this scenario (" +
                                   std::to_string(s.errors) + " loans in all); every loan must be computed");
    }
    return e;
}

void count(group_totals& g, std::int64_t base, std::int64_t now, bool was_eligible, bool is_eligible) {
    g.baseline_fen += base;
    g.total_fen += now;
    ++g.loans;
    if (now > base) ++g.gain;
    if (now < base) ++g.lose;
    if (!was_eligible && is_eligible) ++g.become_eligible;
    if (was_eligible && !is_eligible) ++g.become_ineligible;
}

/// Whether change a is listed before b: the larger difference first, then the lower index.
bool before(const loan_change& a, const loan_change& b) {
    const money::int128 da = magnitude(money::int128(a.scenario_fen) - a.baseline_fen);
    const money::int128 db = magnitude(money::int128(b.scenario_fen) - b.baseline_fen);
    return da != db ? da > db : a.loan < b.loan;
}

}  // namespace

scenario scenario_from_text(std::string_view text, std::string_view field) {
    const std::string f(field);
    const auto colon = text.find(':');
    if (colon == std::string_view::npos)
        throw parse_error(f, std::string(text),
                          "expected NAME:rule.name=value[,rule.name=value...], e.g. "
                          "半额:first_loan_subsidy.balance_cap=500万");
    scenario s;
    s.name = std::string(text.substr(0, colon));
    if (s.name.empty()) throw parse_error(f, std::string(text), "the scenario has no name before ':'");
    std::vector<std::string> pieces;
    std::string_view rest = text.substr(colon + 1);
    while (true) {
        const auto comma = rest.find(',');
        const std::string piece(rest.substr(0, comma));
        // A piece without '=' continues the value before it ("small,micro", "1,000,000.00").
        if (piece.find('=') == std::string::npos && !pieces.empty()) pieces.back() += "," + piece;
        else pieces.push_back(piece);
        if (comma == std::string_view::npos) break;
        rest = rest.substr(comma + 1);
    }
    for (const std::string& piece : pieces) {
        try {
            s.settings.push_back(plan::parse_setting(piece));
        } catch (const error& e) {
            throw parse_error(f, std::string(text), e.detail());
        }
    }
    return s;
}

plan::plan plan_of(const plan::plan& base, const scenario& s, std::string_view field) {
    plan::plan p = base;
    for (const plan::setting& one : s.settings) {
        if (one.rule != subsidy_rule)
            throw validation_error(std::string(field), s.name + ":" + one.rule + "." + one.name + "=" + one.value,
                                   "a what-if computes the first-loan subsidy: only first_loan_subsidy.* "
                                   "parameters change it");
        p = plan::with_parameters(p, one.rule, {{one.name, one.value}}, s.name);
    }
    return p;
}

std::vector<scenario_result> whatif(const rules::batch::loan_columns& c, const std::vector<std::string>& lender,
                                    const plan::plan& baseline, const std::vector<scenario>& scenarios,
                                    const whatif_options& options, std::string_view baseline_name) {
    if (options.budget && (options.budget->is_negative() || options.budget->is_zero()))
        throw validation_error("budget", money::to_string(*options.budget), "must be above zero");
    if (!lender.empty() && lender.size() != c.size())
        throw validation_error("lender", "", "has " + std::to_string(lender.size()) + " entries, expected " +
                                                 std::to_string(c.size()));
    std::set<std::string> names{std::string(baseline_name)};
    for (const scenario& s : scenarios) {
        if (s.name.empty()) throw validation_error("scenario", "", "a scenario needs a name");
        if (!names.insert(s.name).second)
            throw validation_error("scenario", s.name, "two scenarios (or a scenario and the baseline) have this name");
    }
    // The lenders as small numbers, in order of first appearance.
    std::vector<std::size_t> lender_id(lender.size());
    std::vector<std::string> lender_names;
    {
        std::map<std::string, std::size_t> ids;
        for (std::size_t i = 0; i < lender.size(); ++i) {
            const auto [it, added] = ids.emplace(lender[i], lender_names.size());
            if (added) lender_names.push_back(lender[i]);
            lender_id[i] = it->second;
        }
    }
    const evaluation_columns base = evaluate(c, baseline, std::string(baseline_name));
    const auto compare = [&](const std::string& name, const evaluation_columns& now) {
        scenario_result r;
        r.name = name;
        std::vector<group_totals> by_lender(lender_names.size());
        std::array<group_totals, kinds> by_kind{};
        for (std::size_t i = 0; i < c.size(); ++i) {
            const std::int64_t b = base.amount[i], a = now.amount[i];
            const bool was = base.eligible[i] != 0, is = now.eligible[i] != 0;
            count(r.all, b, a, was, is);
            if (!lender.empty()) count(by_lender[lender_id[i]], b, a, was, is);
            count(by_kind.at(c.borrower_kind[i]), b, a, was, is);
            if (a == b || options.largest == 0) continue;
            // Keep the largest changes as a heap whose top is the least of them.
            const loan_change change{i, b, a};
            if (r.largest.size() < options.largest) {
                r.largest.push_back(change);
                std::push_heap(r.largest.begin(), r.largest.end(), before);
            } else if (before(change, r.largest.front())) {
                std::pop_heap(r.largest.begin(), r.largest.end(), before);
                r.largest.back() = change;
                std::push_heap(r.largest.begin(), r.largest.end(), before);
            }
        }
        std::sort(r.largest.begin(), r.largest.end(), before);
        for (std::size_t k = 0; k < lender_names.size(); ++k) {
            by_lender[k].key = lender_names[k];
            r.by_lender.push_back(std::move(by_lender[k]));
        }
        for (std::size_t k = 0; k < kinds; ++k)
            if (by_kind[k].loans != 0) {
                by_kind[k].key = std::string(plan::to_string(static_cast<plan::borrower_kind>(k)));
                r.by_kind.push_back(std::move(by_kind[k]));
            }
        if (options.budget) {
            // total / budget × 100 % in hundredths, rounded half up once: ⌊(2 × total × 10⁴ + budget) / (2 × budget)⌋.
            const money::int128 budget = options.budget->fen();
            r.budget_share_bp = static_cast<std::int64_t>((2 * r.all.total_fen * 10000 + budget) / (2 * budget));
        }
        return r;
    };
    std::vector<scenario_result> out;
    out.push_back(compare(std::string(baseline_name), base));
    for (const scenario& s : scenarios) out.push_back(compare(s.name, evaluate(c, plan_of(baseline, s), s.name)));
    return out;
}

std::string percent_text(std::int64_t bp) {
    std::string digits = std::to_string(bp / 100) + ".";
    const std::int64_t hundredths = bp % 100;
    digits += static_cast<char>('0' + hundredths / 10);
    digits += static_cast<char>('0' + hundredths % 10);
    return digits + "%";
}

std::vector<std::string> lenders_of(const std::vector<rules::loan_table>& tables) {
    std::vector<std::string> out;
    bool any = false;
    for (const auto& t : tables) {
        std::optional<std::size_t> column;
        for (std::size_t k = 0; k < t.carried_header.size(); ++k)
            if (rules::field_of(t.carried_header[k], rules::loan_table_fields) == "lender") column = k;
        any = any || column.has_value();
        for (const auto& loan : t.loans) out.push_back(column ? loan.carried.at(*column) : std::string());
    }
    if (!any) out.clear();
    return out;
}

std::vector<loan_label> labels_of(const std::vector<rules::loan_table>& tables) {
    std::vector<loan_label> out;
    for (const auto& t : tables)
        for (const auto& loan : t.loans)
            out.push_back({t.source + ":" + (loan.lines.empty() ? "?" : std::to_string(loan.lines.front())),
                           loan.borrower, loan.loan_id});
    return out;
}

namespace {

json::value group_json(const group_totals& g, std::string_view key_name) {
    json::value o = json::value::object();
    if (!key_name.empty()) o[std::string(key_name)] = g.key;
    o["total"] = rules::detail::fen_text(g.total_fen);
    o["baseline_total"] = rules::detail::fen_text(g.baseline_fen);
    o["difference"] = rules::detail::fen_text(g.total_fen - g.baseline_fen);
    o["loans"] = static_cast<std::int64_t>(g.loans);
    o["gain"] = static_cast<std::int64_t>(g.gain);
    o["lose"] = static_cast<std::int64_t>(g.lose);
    o["become_eligible"] = static_cast<std::int64_t>(g.become_eligible);
    o["become_ineligible"] = static_cast<std::int64_t>(g.become_ineligible);
    return o;
}

constexpr std::array<std::string_view, 3> whatif_option_keys{"scenarios", "budget", "largest"};

}  // namespace

std::string whatif_json(const std::vector<scenario_result>& results, const rules::batch::loan_columns& c,
                        const std::vector<std::string>& lender, const std::vector<loan_label>& labels,
                        const std::optional<money::amount>& budget) {
    json::value out = json::value::object();
    out["budget"] = budget ? json::value(money::to_string(*budget)) : json::value(nullptr);
    json::value list = json::value::array();
    for (const scenario_result& r : results) {
        json::value s = group_json(r.all, "");
        s["name"] = r.name;
        s["budget_share"] = r.budget_share_bp ? json::value(percent_text(*r.budget_share_bp)) : json::value(nullptr);
        json::value lenders = json::value::array();
        for (const auto& g : r.by_lender) lenders.push_back(group_json(g, "lender"));
        s["by_lender"] = std::move(lenders);
        json::value kinds_json = json::value::array();
        for (const auto& g : r.by_kind) kinds_json.push_back(group_json(g, "borrower_kind"));
        s["by_borrower_kind"] = std::move(kinds_json);
        json::value changes = json::value::array();
        for (const loan_change& ch : r.largest) {
            json::value one = json::value::object();
            one["where"] = labels.at(ch.loan).where;
            one["borrower"] = labels.at(ch.loan).borrower;
            one["loan_id"] = labels.at(ch.loan).loan_id;
            one["lender"] = lender.empty() ? json::value(nullptr) : json::value(lender.at(ch.loan));
            one["borrower_kind"] =
                std::string(plan::to_string(static_cast<plan::borrower_kind>(c.borrower_kind[ch.loan])));
            one["baseline"] = rules::detail::fen_text(ch.baseline_fen);
            one["scenario"] = rules::detail::fen_text(ch.scenario_fen);
            one["difference"] = rules::detail::fen_text(money::int128(ch.scenario_fen) - ch.baseline_fen);
            changes.push_back(std::move(one));
        }
        s["largest_changes"] = std::move(changes);
        list.push_back(std::move(s));
    }
    out["scenarios"] = std::move(list);
    return json::dump(out);
}

std::string whatif_tables_json(std::string_view tables_json, std::string_view options_json, const plan::plan& p) {
    auto [own, table_options] = detail::split_options(options_json, whatif_option_keys,
                                                      "a what-if needs at least {\"scenarios\": {\"name\": {...}}}");
    json::object_reader r(own, "");
    std::vector<scenario> scenarios;
    json::object_reader named = r.object("scenarios");
    for (const std::string& name : named.keys()) {
        json::object_reader values = named.object(name);
        scenario s;
        s.name = name;
        for (const std::string& key : values.keys()) {
            const std::string where = "scenarios." + name + "." + key;
            try {
                s.settings.push_back(plan::parse_setting(key + "=" + values.string(key)));
            } catch (const error& e) {
                throw parse_error(where, key, e.detail());
            }
        }
        values.finish();
        scenarios.push_back(std::move(s));
    }
    named.finish();
    whatif_options options;
    if (const auto budget = r.optional_string("budget")) {
        try {
            options.budget = money::parse_amount(*budget);
        } catch (const error& e) {
            throw parse_error("budget", *budget, e.detail());
        }
    }
    if (const auto largest = r.optional_integer("largest", 0, 1000000)) options.largest = static_cast<std::size_t>(*largest);
    r.finish();
    const std::vector<rules::loan_table> tables = detail::read_tables(tables_json, table_options);
    const loan_population population = population_of(tables, p);
    const std::vector<std::string> lender = lenders_of(tables);
    const auto results = whatif(population.columns(), lender, p, scenarios, options);
    return whatif_json(results, population.columns(), lender, labels_of(tables), options.budget);
}

}  // namespace zjcredit::sandbox
