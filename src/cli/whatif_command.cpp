// `zjcredit whatif`: scenarios side by side (include/zjcredit/sandbox/whatif.hpp)
// over banks' tables of loans read as `subsidy` reads them: per scenario the
// exact total and its difference from the baseline, in all, per lender and
// per borrower kind, the loans that gain, lose, become eligible or
// ineligible, the share of --budget used, and the largest changes.
#include "batch.hpp"
#include "command.hpp"
#include "output.hpp"
#include "results_xlsx.hpp"

#include <zjcredit/money/format.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/rules/first_loan_subsidy.hpp>
#include <zjcredit/sandbox/tables.hpp>
#include <zjcredit/sandbox/whatif.hpp>

#include <array>

namespace zjcredit::cli {
namespace {

std::string fen(money::int128 v) { return rules::detail::fen_text(v); }

std::string kind_text(std::string_view key, bool en) {
    if (en) return std::string(key);
    const auto kind = plan::borrower_kind_from_string(key);
    return kind ? rules::detail::kind_zh(*kind) : std::string(key);
}

struct table {
    std::vector<std::string> header;
    std::vector<std::size_t> money_columns;
    std::vector<std::vector<std::string>> rows;
};

/// The totals: one row per scenario and group (all, each lender, each kind).
table totals_table(const std::vector<sandbox::scenario_result>& results, bool en) {
    table t;
    t.header = en ? std::vector<std::string>{"scenario", "group", "value", "loans", "baseline_total", "total",
                                             "difference", "gain", "lose", "become_eligible", "become_ineligible",
                                             "budget_share"}
                  : std::vector<std::string>{"方案", "分组", "分组值", "笔数", "基准贴息合计", "贴息合计",
                                             "与基准差额", "增加笔数", "减少笔数", "转为符合笔数", "转为不符合笔数",
                                             "预算使用率"};
    t.money_columns = {4, 5, 6};
    for (const auto& r : results) {
        const auto add = [&](std::string group, std::string value, const sandbox::group_totals& g, std::string share) {
            t.rows.push_back({r.name, std::move(group), std::move(value), std::to_string(g.loans), fen(g.baseline_fen),
                              fen(g.total_fen), fen(g.total_fen - g.baseline_fen), std::to_string(g.gain),
                              std::to_string(g.lose), std::to_string(g.become_eligible),
                              std::to_string(g.become_ineligible), std::move(share)});
        };
        add(en ? "all" : "合计", "", r.all, r.budget_share_bp ? sandbox::percent_text(*r.budget_share_bp) : "");
        for (const auto& g : r.by_lender) add(en ? "lender" : "贷款机构", g.key, g, "");
        for (const auto& g : r.by_kind) add(en ? "borrower_kind" : "企业规模", g.key.empty() ? "" : kind_text(g.key, en), g, "");
    }
    return t;
}

/// The largest changes of every scenario but the baseline.
table changes_table(const std::vector<sandbox::scenario_result>& results, const std::vector<sandbox::loan_label>& labels,
                    const std::vector<std::string>& lender, const rules::batch::loan_columns& c, bool en) {
    table t;
    t.header = en ? std::vector<std::string>{"scenario", "rank", "where", "borrower", "loan_id", "lender",
                                             "borrower_kind", "baseline", "scenario_amount", "difference"}
                  : std::vector<std::string>{"方案", "名次", "位置", "借款人", "借据号", "贷款机构", "企业规模",
                                             "基准贴息", "方案贴息", "差额"};
    t.money_columns = {7, 8, 9};
    for (std::size_t s = 1; s < results.size(); ++s)
        for (std::size_t k = 0; k < results[s].largest.size(); ++k) {
            const sandbox::loan_change& ch = results[s].largest[k];
            const auto kind = static_cast<plan::borrower_kind>(c.borrower_kind[ch.loan]);
            t.rows.push_back({results[s].name, std::to_string(k + 1), labels[ch.loan].where, labels[ch.loan].borrower,
                              labels[ch.loan].loan_id, lender.empty() ? "" : lender[ch.loan],
                              en ? std::string(plan::to_string(kind)) : rules::detail::kind_zh(kind),
                              fen(ch.baseline_fen), fen(ch.scenario_fen),
                              fen(money::int128(ch.scenario_fen) - ch.baseline_fen)});
        }
    return t;
}

void write_xlsx(const std::string& path, const table& totals, const table& changes, bool en,
                const plan::first_loan_subsidy_parameters& params) {
    const std::vector<std::string> notes =
        en ? std::vector<std::string>{"totals: per scenario (the baseline first), in all, per lender and per borrower "
                                      "kind, with the difference from the baseline (docs/whatif.md).",
                                      "largest changes: the loans whose subsidy changes most under each scenario.",
                                      "The baseline's parameters:"}
           : std::vector<std::string>{"合计：各方案（基准在前）的总额、按贷款机构、按企业规模，及与基准的差额（docs/whatif.md）。",
                                      "最大变动：各方案下贴息变动最大的贷款。",
                                      "基准所用参数："};
    xlsx_results book(path, totals.header, en, notes, rules::detail::subsidy_parameters_used(params));
    book.name_sheet(en ? "totals" : "合计");
    for (const auto& r : totals.rows) book.row(r, totals.money_columns, false);
    book.sheet(en ? "largest changes" : "最大变动", changes.header);
    for (const auto& r : changes.rows) book.row(r, changes.money_columns, false);
    book.commit();
}

}  // namespace

int run_whatif(const options& o) {
    if (o.args.empty())
        throw parse_error("arguments", "",
                          "usage: zjcredit whatif FILES... --scenario NAME:rule.name=value[,...] (zjcredit whatif --help)");
    if (o.scenario.empty())
        throw parse_error("--scenario", "",
                          "give at least one scenario, e.g. --scenario 半额:first_loan_subsidy.balance_cap=500万");
    std::vector<sandbox::scenario> scenarios;
    for (const std::string& text : o.scenario) scenarios.push_back(sandbox::scenario_from_text(text, "--scenario"));
    sandbox::whatif_options wo;
    if (o.budget) {
        try {
            wo.budget = money::parse_amount(*o.budget);
        } catch (const error& e) {
            throw parse_error("--budget", *o.budget, e.detail());
        }
        if (wo.budget->is_negative() || wo.budget->is_zero())
            throw validation_error("--budget", *o.budget, "must be above zero");
    }
    const plan::plan& p = selected_plan(o);
    // Every scenario's values are checked before the tables are read.
    for (const auto& s : scenarios) (void)sandbox::plan_of(p, s, "--scenario");
    const rules::table_options t = table_options_of(o);
    std::vector<rules::loan_table> tables;
    for (const auto& file : o.args) tables.push_back(rules::read_loan_table(file, t));
    const sandbox::loan_population population = sandbox::population_of(tables, p);
    const std::vector<std::string> lender = sandbox::lenders_of(tables);
    const std::vector<sandbox::loan_label> labels = sandbox::labels_of(tables);
    const bool en = o.lang == "en";
    const auto results = sandbox::whatif(population.columns(), lender, p, scenarios, wo, en || o.json ? "baseline" : "基准");
    if (o.json) {
        write_output(o, sandbox::whatif_json(results, population.columns(), lender, labels, wo.budget));
        return ok;
    }
    const table totals = totals_table(results, en);
    if (o.xlsx)
        write_xlsx(*o.xlsx, totals, changes_table(results, labels, lender, population.columns(), en), en,
                   p.first_loan_subsidy);
    output out(o.output);
    io::csv_writer csv(out.stream());
    csv.bom();
    csv.row(totals.header);
    for (const auto& r : totals.rows) csv.row(r);
    out.commit();
    return ok;
}

}  // namespace zjcredit::cli
