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
#include <limits>
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

/// One loan's change counted into `g` (the counts by lender, in memory).
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

/// A loan's gain, lose, become_eligible and become_ineligible (0 or 1 each)
/// as four 16-bit fields of one word: a block's loans (fewer than 2^16) add
/// up in one register without carrying from one field into the next.
/// `was` and `is` are the batch's eligible outputs, 0 or 1.
constexpr unsigned field_bits = 16;
constexpr std::uint64_t field_mask = (std::uint64_t{1} << field_bits) - 1;
static_assert(block_loans <= field_mask);

[[gnu::always_inline]] inline std::uint64_t packed(std::int64_t base, std::int64_t now, std::uint8_t was,
                                                   std::uint8_t is) {
    return std::uint64_t{now > base} | std::uint64_t{now < base} << field_bits |
           std::uint64_t{is > was} << (2 * field_bits) | std::uint64_t{was > is} << (3 * field_bits);
}

/// Adds the packed counts `w` and the difference `difference` to `g`.
void add(changes& g, std::uint64_t w, money::int128 difference) {
    g.difference_fen += difference;
    g.gain += w & field_mask;
    g.lose += (w >> field_bits) & field_mask;
    g.become_eligible += (w >> (2 * field_bits)) & field_mask;
    g.become_ineligible += (w >> (3 * field_bits)) & field_mask;
}

/// The block's loans grouped by kind, once a block for every scenario: a
/// scenario's comparison then runs over one kind at a time with its counts in
/// registers, instead of adding each loan to its kind's counters in memory
/// (a chain of loads and stores wherever loans of one kind follow each other).
struct kind_order {
    std::array<std::uint16_t, block_loans> loan{};  ///< the block's loans (index in the block), kind by kind
    std::array<std::size_t, kinds + 1> start{};     ///< kind k's loans are loan[start[k] .. start[k + 1] - 1]

    /// Every loan computed, so its kind is one of the five.
    explicit kind_order(std::span<const std::uint8_t> kind) {
        std::array<std::size_t, kinds> next{};
        for (const std::uint8_t k : kind) ++next[k];
        for (std::size_t k = 0; k < kinds; ++k) start[k + 1] = start[k] + next[k];
        std::copy_n(start.begin(), kinds, next.begin());
        for (std::size_t j = 0; j < kind.size(); ++j) loan[next[kind[j]]++] = static_cast<std::uint16_t>(j);
    }
};

/// One scenario's counts so far.
struct tally {
    std::array<changes, kinds> by_kind{};
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

/// The least |difference| that keep_if_large() has to look at: any change
/// while the heap is not full, then one no smaller than the least kept (an
/// equal one only to break the tie by index), none when none are wanted.
std::uint64_t threshold(const tally& t, std::size_t largest) {
    if (largest == 0) return std::numeric_limits<std::uint64_t>::max();  // above any |difference| (< 2^63)
    return t.largest.size() < largest ? 1 : t.least;
}

/// A scenario's outputs `now` over a block against the baseline's `base`,
/// counted into `t`. `order` groups the block's loans by kind, `lender` is
/// each loan's lender's number (or null: no lenders), `from` the block's
/// first loan. The largest changes do not depend on the order loans are
/// looked at in: the heap keeps the first `largest` under one total order.
void compare_block(tally& t, std::span<const std::int64_t> base, std::span<const std::uint8_t> base_eligible,
                   std::span<const std::int64_t> now, std::span<const std::uint8_t> now_eligible,
                   const kind_order& order, const std::size_t* lender, std::size_t from, std::size_t largest) {
    std::uint64_t least = threshold(t, largest);
    for (std::size_t k = 0; k < kinds; ++k) {
        // The difference in 64 bits while it fits (amounts are ≥ 0 and below
        // 2^63, so one loan's does), carried into 128 bits when it would not.
        std::int64_t difference = 0;
        money::int128 carried = 0;
        std::uint64_t counts = 0;
        for (std::size_t p = order.start[k]; p < order.start[k + 1]; ++p) {
            const std::size_t j = order.loan[p];
            const std::int64_t b = base[j], a = now[j];
            const std::int64_t d = a - b;
            if (std::int64_t sum = 0; __builtin_add_overflow(difference, d, &sum)) [[unlikely]] {
                carried += money::int128(difference) + d;
                difference = 0;
            } else {
                difference = sum;
            }
            counts += packed(b, a, base_eligible[j], now_eligible[j]);
            const std::uint64_t size = d < 0 ? 0 - static_cast<std::uint64_t>(d) : static_cast<std::uint64_t>(d);
            if (size >= least) [[unlikely]] {
                keep_if_large(t, {from + j, b, a}, largest);
                least = threshold(t, largest);
            }
        }
        add(t.by_kind[k], counts, carried + difference);
    }
    if (lender != nullptr)
        for (std::size_t j = 0; j < base.size(); ++j)
            count(t.by_lender[lender[j]], base[j], now[j], base_eligible[j] != 0, now_eligible[j] != 0);
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
    batch::check_input_columns(c);  // before blocks of the columns are taken
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
        const kind_order order(block.borrower_kind);
        for (std::size_t k = 0; k < kinds; ++k) {
            money::int128 total = 0;  // a block's amounts (each below 2^63) in registers
            for (std::size_t p = order.start[k]; p < order.start[k + 1]; ++p) total += base.amount[order.loan[p]];
            base_by_kind[k].baseline_fen += total;
            base_by_kind[k].loans += order.start[k + 1] - order.start[k];
        }
        if (!lender.empty())
            for (std::size_t j = 0; j < n; ++j) {
                group_totals& l = base_by_lender[lender_id[from + j]];
                l.baseline_fen += base.amount[j];
                ++l.loans;
            }
        for (std::size_t k = 1; k < prepared.size(); ++k) {
            if (same_as[k] != k) continue;
            const block_outputs& now = evaluated[k];
            const auto first = [&](const auto& v) { return std::span(v).first(n); };
            compare_block(tallies[k], first(base.amount), first(base.eligible), first(now.amount),
                          first(now.eligible), order, lender.empty() ? nullptr : lender_id.data() + from, from,
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
            const group_totals g = totals_of(base_by_kind[kind], t.by_kind[kind]);
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
        const std::optional<std::size_t> column = rules::find_carried(t, "lender");
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
