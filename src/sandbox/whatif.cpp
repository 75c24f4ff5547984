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
#include <exception>
#include <map>
#include <set>
#include <span>

namespace zjcredit::sandbox {

namespace {

constexpr std::string_view subsidy_rule = "first_loan_subsidy";
constexpr std::size_t kinds = 5;  // the batch's kind codes 0..4 (plan::borrower_kind)

money::int128 magnitude(money::int128 x) { return x < 0 ? -x : x; }

/// Loans evaluated at a time. Every plan (the baseline and each scenario)
/// is evaluated over one block before the next, so the block's balance
/// ranges (about 200 KB at 12 ranges a loan) are read from memory once and
/// from cache for the other plans, and the outputs are a block's worth,
/// allocated once, instead of a whole population's per plan.
constexpr std::size_t block_loans = 1024;

/// The input half of rules::batch::check_columns: the columns fit together
/// (the same validation_error naming the column), so that blocks of them can
/// be taken.
void check_inputs(const rules::batch::loan_columns& c) {
    namespace d = rules::batch::detail;
    const std::size_t n = c.size();
    d::require_size(c.first_application.size(), n, "first_application");
    d::require_size(c.flags.size(), n, "flags");
    d::require_size(c.annual_rate.size(), n, "annual_rate");
    d::require_size(c.period_from.size(), n, "period_from");
    d::require_size(c.period_to.size(), n, "period_to");
    const std::size_t ranges = d::check_offsets(c.offsets, n, "offsets");
    d::require_at_least(c.range_from.size(), ranges, "range_from");
    d::require_at_least(c.range_to.size(), ranges, "range_to");
    d::require_at_least(c.range_balance.size(), ranges, "range_balance");
}

/// Loans from .. from + n - 1 of `c` (their ranges stay where the offsets say).
rules::batch::loan_columns block_of(const rules::batch::loan_columns& c, std::size_t from, std::size_t n) {
    rules::batch::loan_columns b = c;
    b.borrower_kind = c.borrower_kind.subspan(from, n);
    b.first_application = c.first_application.subspan(from, n);
    b.flags = c.flags.subspan(from, n);
    b.annual_rate = c.annual_rate.subspan(from, n);
    b.period_from = c.period_from.subspan(from, n);
    b.period_to = c.period_to.subspan(from, n);
    b.offsets = c.offsets.subspan(from, n + 1);
    return b;
}

/// One plan's outputs over the current block, and the loans it refused so far.
struct block_outputs {
    std::vector<std::int64_t> amount = std::vector<std::int64_t>(block_loans);
    std::vector<std::uint8_t> eligible = std::vector<std::uint8_t>(block_loans);
    std::size_t refused = 0;    ///< loans in error so far
    std::size_t first_bad = 0;  ///< the first of them (population index)

    /// Evaluates `p` over `block`, whose first loan is loan `from`; `status` has block_loans entries.
    void run(const rules::batch::loan_columns& block, std::size_t from, const rules::batch::prepared_subsidy& p,
             std::vector<std::int32_t>& status) {
        namespace batch = rules::batch;
        const std::size_t n = block.size();
        const std::span<std::int32_t> st = std::span(status).first(n);
        const batch::batch_summary s = batch::first_loan_subsidy_batch(
            block, {std::span(amount).first(n), st, std::span(eligible).first(n), {}}, p);
        if (s.errors == 0) return;
        if (refused == 0)
            first_bad = from + static_cast<std::size_t>(
                                   std::find_if(st.begin(), st.end(), [](std::int32_t x) { return x != batch::status_ok; }) -
                                   st.begin());
        refused += s.errors;
    }

    /// Throws when the plan refused a loan: every loan must be computed.
    void require_all(const std::string& scenario) const {
        if (refused == 0) return;
        throw validation_error("scenario", scenario,
                               "the rule refuses loans[" + std::to_string(first_bad) + "] under this scenario (" +
                                   std::to_string(refused) + " loans in all); every loan must be computed");
    }
};

/// What a scenario changes in a group. The group's loans and baseline total
/// are the baseline's, the same for every scenario, so they are counted once;
/// a scenario adds its differences. (Amounts are ≥ 0 and below 2^63, so a
/// loan's difference fits 64 bits.)
struct changes {
    money::int128 difference_fen = 0;
    std::size_t gain = 0;
    std::size_t lose = 0;
    std::size_t become_eligible = 0;
    std::size_t become_ineligible = 0;
};

/// Branch-free: most loans of a scenario change the same way as their neighbours or not at all.
[[gnu::always_inline]] inline void count(changes& g, std::int64_t base, std::int64_t now, bool was_eligible,
                                         bool is_eligible) {
    g.difference_fen += now - base;
    g.gain += now > base ? 1U : 0U;
    g.lose += now < base ? 1U : 0U;
    g.become_eligible += !was_eligible && is_eligible ? 1U : 0U;
    g.become_ineligible += was_eligible && !is_eligible ? 1U : 0U;
}

/// A group's totals: the baseline's group `base` under a scenario's `c`.
group_totals totals_of(const group_totals& base, const changes& c) {
    group_totals g = base;
    g.total_fen = base.baseline_fen + c.difference_fen;
    g.gain = c.gain;
    g.lose = c.lose;
    g.become_eligible = c.become_eligible;
    g.become_ineligible = c.become_ineligible;
    return g;
}

/// One scenario's counts so far.
struct tally {
    /// By kind, loans with even and with odd indices apart: two chains of
    /// additions to memory, not one, where loans of one kind come in a row.
    std::array<std::array<changes, kinds>, 2> by_kind{};
    std::vector<changes> by_lender;
    std::vector<loan_change> largest;  ///< a heap whose top is the least of them
    std::uint64_t least = 0;           ///< |difference| of the heap's top once it is full
};

/// Whether change a is listed before b: the larger difference first, then the lower index.
bool before(const loan_change& a, const loan_change& b) {
    const money::int128 da = magnitude(money::int128(a.scenario_fen) - a.baseline_fen);
    const money::int128 db = magnitude(money::int128(b.scenario_fen) - b.baseline_fen);
    return da != db ? da > db : a.loan < b.loan;
}

/// The parameters' values without where they come from: two plans with
/// the same values compute the same amounts.
plan::first_loan_subsidy_parameters values_of(plan::first_loan_subsidy_parameters p) {
    p.sources.clear();
    return p;
}

/// Keeps `change` among the `largest` largest changes of `t`.
void keep_if_large(tally& t, const loan_change& change, std::size_t largest) {
    if (t.largest.size() < largest) {
        t.largest.push_back(change);
        std::push_heap(t.largest.begin(), t.largest.end(), before);
    } else if (before(change, t.largest.front())) {
        std::pop_heap(t.largest.begin(), t.largest.end(), before);
        t.largest.back() = change;
        std::push_heap(t.largest.begin(), t.largest.end(), before);
    }
    if (t.largest.size() == largest)
        t.least = static_cast<std::uint64_t>(
            magnitude(money::int128(t.largest.front().scenario_fen) - t.largest.front().baseline_fen));
}

/// A scenario's outputs `now` over a block against the baseline's `base`,
/// counted into `t`. `kind` is each loan's kind, `lender` its lender's
/// number (read only With_lender), `from` the block's first loan.
template <bool With_lender>
void compare_block(tally& t, std::span<const std::int64_t> base, std::span<const std::uint8_t> base_eligible,
                   std::span<const std::int64_t> now, std::span<const std::uint8_t> now_eligible,
                   std::span<const std::uint8_t> kind, const std::size_t* lender, std::size_t from,
                   std::size_t largest) {
    const std::size_t n = kind.size();
    for (std::size_t j = 0; j < n; ++j) {
        const std::int64_t b = base[j], a = now[j];
        const bool was = base_eligible[j] != 0, is = now_eligible[j] != 0;
        count(t.by_kind[j & 1U][kind[j]], b, a, was, is);
        if constexpr (With_lender) count(t.by_lender[lender[j]], b, a, was, is);
        // |a - b| < 2^63; a change no larger than the least kept is looked at only to break a tie.
        const std::int64_t d = a - b;
        const auto size = static_cast<std::uint64_t>(d < 0 ? -d : d);
        if (d != 0 && largest != 0 && (t.largest.size() < largest || size >= t.least)) keep_if_large(t, {from + j, b, a}, largest);
    }
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
    namespace batch = rules::batch;
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
    // The plans in the order they are evaluated, the baseline first. A
    // scenario that cannot be made or prepared is refused once every plan
    // before it has been found to compute every loan, as if each were
    // evaluated over the whole population in turn.
    std::vector<std::string> plan_names{std::string(baseline_name)};
    std::vector<plan::first_loan_subsidy_parameters> parameters{values_of(baseline.first_loan_subsidy)};
    std::vector<batch::prepared_subsidy> prepared{batch::prepare(parameters.front())};
    check_inputs(c);
    std::exception_ptr unprepared;
    try {
        for (const scenario& s : scenarios) {
            plan_names.push_back(s.name);
            parameters.push_back(values_of(plan_of(baseline, s).first_loan_subsidy));
            prepared.push_back(batch::prepare(parameters.back()));
        }
    } catch (...) {
        unprepared = std::current_exception();
    }
    // A plan whose parameters are an earlier plan's has that plan's outputs
    // and comparison (a scenario that sets what the plan already has, say):
    // it is not evaluated again.
    std::vector<std::size_t> same_as(prepared.size());
    for (std::size_t k = 0; k < prepared.size(); ++k)
        same_as[k] = static_cast<std::size_t>(std::find(parameters.begin(), parameters.end(), parameters[k]) -
                                              parameters.begin());

    std::vector<block_outputs> evaluated(prepared.size());
    std::vector<tally> tallies(prepared.size());
    for (tally& t : tallies) t.by_lender.resize(lender_names.size());
    std::array<group_totals, kinds> base_by_kind{};
    std::vector<group_totals> base_by_lender(lender_names.size());
    std::vector<std::int32_t> status(block_loans);
    bool refused = false;  // a plan refused a loan: only the errors are still wanted
    for (std::size_t from = 0; from < c.size(); from += block_loans) {
        const batch::loan_columns block = block_of(c, from, std::min(block_loans, c.size() - from));
        const std::size_t n = block.size();
        for (std::size_t k = 0; k < prepared.size(); ++k) {
            if (same_as[k] != k) continue;
            evaluated[k].run(block, from, prepared[k], status);
            refused = refused || evaluated[k].refused != 0;
        }
        if (refused) continue;
        // Every loan computed: its kind is one of the five.
        const block_outputs& base = evaluated.front();
        for (std::size_t j = 0; j < n; ++j) {
            group_totals& g = base_by_kind[block.borrower_kind[j]];
            g.baseline_fen += base.amount[j];
            ++g.loans;
            if (!lender.empty()) {
                group_totals& l = base_by_lender[lender_id[from + j]];
                l.baseline_fen += base.amount[j];
                ++l.loans;
            }
        }
        for (std::size_t k = 1; k < prepared.size(); ++k) {
            if (same_as[k] != k) continue;
            const block_outputs& now = evaluated[k];
            const auto first = [&](const auto& v) { return std::span(v).first(n); };
            if (lender.empty())
                compare_block<false>(tallies[k], first(base.amount), first(base.eligible), first(now.amount),
                                     first(now.eligible), block.borrower_kind, nullptr, from, options.largest);
            else
                compare_block<true>(tallies[k], first(base.amount), first(base.eligible), first(now.amount),
                                    first(now.eligible), block.borrower_kind, lender_id.data() + from, from,
                                    options.largest);
        }
    }
    for (std::size_t k = 0; k < prepared.size(); ++k) evaluated[same_as[k]].require_all(plan_names[k]);
    if (unprepared) std::rethrow_exception(unprepared);
    for (std::size_t k = 0; k < prepared.size(); ++k)
        if (same_as[k] != k) tallies[k] = tallies[same_as[k]];

    std::vector<scenario_result> out;
    for (std::size_t k = 0; k < prepared.size(); ++k) {
        tally& t = tallies[k];
        scenario_result r;
        r.name = plan_names[k];
        r.largest = std::move(t.largest);
        std::sort(r.largest.begin(), r.largest.end(), before);
        for (std::size_t l = 0; l < lender_names.size(); ++l) {
            r.by_lender.push_back(totals_of(base_by_lender[l], t.by_lender[l]));
            r.by_lender.back().key = lender_names[l];
        }
        for (std::size_t kind = 0; kind < kinds; ++kind) {
            changes both = t.by_kind[0][kind];
            const changes& odd = t.by_kind[1][kind];
            both.difference_fen += odd.difference_fen;
            both.gain += odd.gain;
            both.lose += odd.lose;
            both.become_eligible += odd.become_eligible;
            both.become_ineligible += odd.become_ineligible;
            const group_totals g = totals_of(base_by_kind[kind], both);
            // Every loan has one of the five kinds, so the kinds add up to all.
            r.all.baseline_fen += g.baseline_fen;
            r.all.total_fen += g.total_fen;
            r.all.loans += g.loans;
            r.all.gain += g.gain;
            r.all.lose += g.lose;
            r.all.become_eligible += g.become_eligible;
            r.all.become_ineligible += g.become_ineligible;
            if (g.loans != 0) {
                r.by_kind.push_back(g);
                r.by_kind.back().key = std::string(plan::to_string(static_cast<plan::borrower_kind>(kind)));
            }
        }
        if (options.budget) {
            // total / budget × 100 % in hundredths, rounded half up once: ⌊(2 × total × 10⁴ + budget) / (2 × budget)⌋.
            const money::int128 budget = options.budget->fen();
            r.budget_share_bp = static_cast<std::int64_t>((2 * r.all.total_fen * 10000 + budget) / (2 * budget));
        }
        out.push_back(std::move(r));
    }
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
        // Refused here, not only by whatif(), so that the error quotes the text as written.
        if (options.budget->is_negative() || options.budget->is_zero())
            throw validation_error("budget", *budget, "must be above zero");
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
