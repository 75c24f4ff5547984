// `zjcredit ledger FILE --month YYYY-MM`: each unit's compliance with the
// monthly 工作台账 deadline, from a filled ledger (CSV or JSON).
#include "command.hpp"

#include "../io/csv.hpp"

#include <zjcredit/ledger/compliance.hpp>
#include <zjcredit/ledger/io.hpp>
#include <zjcredit/ledger/month.hpp>

#include <vector>

namespace zjcredit::cli {

int run_ledger(const options& o) {
    const plan::plan& p = selected_plan(o);
    if (!o.month) throw parse_error("--month", "", "required: the month to check, as YYYY-MM");
    const ledger::year_month month = ledger::parse_year_month(*o.month, "--month");
    const std::string& file = input_file(o);
    // A ledger filled in Excel on a Chinese Windows machine is GB18030. JSON
    // is UTF-8 (docs/ledger.md) and is not transcoded unless --encoding says
    // so: bytes that are not UTF-8 are an error, never read as GB18030.
    std::string text = read_file(file);
    const bool is_json = looks_like_json(text);
    if (!is_json || o.encoding) text = io::text_to_utf8(text, file, input_encoding(o));
    const std::vector<ledger::submission> submissions =
        is_json ? ledger::ledger_from_json(text, p).submissions
                : ledger::read_ledger_csv(text, p, {.source = file, .received = std::nullopt, .month = month});
    const ledger::month_compliance result = ledger::check_month(p, submissions, month);
    const std::vector<ledger::month_compliance> months{result};
    if (o.xlsx) ledger::write_compliance_xlsx(*o.xlsx, months);
    if (o.json) {
        write_output(o, ledger::compliance_to_json(ledger::check_period(p, submissions, month, month)));
    } else {
        write_output(o, ledger::compliance_csv(months));
    }
    return ok;
}

}  // namespace zjcredit::cli
