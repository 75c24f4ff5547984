// `zjcredit seek`: the exact goal seek (include/zjcredit/sandbox/seek.hpp)
// over banks' tables of loans read as `subsidy` reads them: the extreme
// value of a parameter that keeps the total within a budget (or, --reach,
// reaches it), with its certificate — the total there and one step beyond.
#include "batch.hpp"
#include "command.hpp"

#include <zjcredit/rules/batch.hpp>
#include <zjcredit/sandbox/tables.hpp>

#include <sstream>

namespace zjcredit::cli {

int run_seek(const options& o) {
    if (o.args.empty())
        throw parse_error("arguments", "",
                          "usage: zjcredit seek FILES... --parameter NAME --budget AMOUNT (zjcredit seek --help)");
    if (!o.parameter)
        throw parse_error("--parameter", "", "name the parameter to seek, e.g. --parameter first_loan_subsidy.balance_cap");
    if (!o.budget) throw parse_error("--budget", "", "give the budget (with --reach, the total to reach), e.g. --budget 5000万");
    const sandbox::seek_request request =
        sandbox::seek_request_from_text(*o.parameter, *o.budget, o.within, o.reach, "--");
    const plan::plan& p = selected_plan(o);
    const rules::table_options t = table_options_of(o);
    std::vector<rules::loan_table> tables;
    for (const auto& file : o.args) tables.push_back(rules::read_loan_table(file, t));
    const sandbox::loan_population population = sandbox::population_of(tables, p);
    const sandbox::seek_result r = sandbox::seek(population.columns(), p.first_loan_subsidy, request, "--");
    if (o.json) {
        write_output(o, sandbox::seek_result_json(r));
        return ok;
    }
    const bool en = o.lang == "en";
    const auto value = [&](std::int64_t v) { return sandbox::value_text(r.parameter, v); };
    const std::string target = money::to_string(request.target);
    std::ostringstream out;
    out << (en ? "parameter   " : "参数      ") << sandbox::name_of(r.parameter) << "\n";
    out << (request.reach ? (en ? "to reach    " : "目标总额  ") : (en ? "budget      " : "预算      ")) << target << "\n";
    out << (en ? "answer      " : "答案      ") << value(r.value) << (en ? "  total " : "  贴息合计 ")
        << rules::detail::fen_text(r.total_fen) << "\n";
    if (r.next_value)
        out << (en ? "next step   " : "下一步    ") << value(*r.next_value) << (en ? "  total " : "  贴息合计 ")
            << rules::detail::fen_text(*r.next_total_fen)
            << (request.reach ? (en ? "  (short of the total)\n" : "  （未达目标）\n")
                              : (en ? "  (over the budget)\n" : "  （超出预算）\n"));
    else
        out << (en ? "next step   none: the answer is the end of the range\n" : "下一步    无：答案已是范围的端点\n");
    out << (en ? "evaluations " : "计算次数  ") << r.evaluations.size() << "\n";
    write_output(o, out.str());
    return ok;
}

}  // namespace zjcredit::cli
