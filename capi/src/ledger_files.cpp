// The ledger workflow across the C ABI (docs/ledger.md): blank templates,
// filled ledgers and liaison forms read from a file's bytes, a month's
// progress with the tasks past their 时间节点, and the chase list.
#include "barrier.hpp"
#include "plan_handle.hpp"

#include <zjcredit/ledger/chase.hpp>
#include <zjcredit/ledger/compliance.hpp>
#include <zjcredit/ledger/io.hpp>
#include <zjcredit/ledger/month.hpp>
#include <zjcredit/ledger/progress.hpp>
#include <zjcredit/ledger/read.hpp>

#include <optional>
#include <string>

using namespace zjcredit;
using namespace zjcredit::capi;

namespace {

ledger::template_options template_of(const plan::plan& p, const char* unit, const char* month) {
    ledger::template_options t;
    if (month != nullptr) t.month = ledger::parse_year_month(text_arg(month, "month"), "month");
    if (unit != nullptr) {
        const std::string name(text_arg(unit, "unit"));
        if (!ledger::files_ledger(p, name)) throw validation_error("unit", name, "does not file the monthly 工作台账");
        t.units = {name};
    }
    return t;
}

}  // namespace

extern "C" {

ZJC_API int32_t zjc_ledger_template_csv(const zjc_plan* plan, const char* unit, const char* month, char** out) {
    return guarded([&] {
        require(out, "out");
        const plan::plan& p = plan_or_default(plan);
        *out = new_string(ledger::blank_ledger_csv(p, template_of(p, unit, month)));
    });
}

ZJC_API int32_t zjc_ledger_template_xlsx(const zjc_plan* plan, const char* unit, const char* month,
                                         const char* path) {
    return guarded([&] {
        require(path, "path");
        const plan::plan& p = plan_or_default(plan);
        ledger::template_options t = template_of(p, unit, month);
        t.sheet_per_unit = true;
        ledger::write_blank_ledger_xlsx(std::string(text_arg(path, "path")), p, t);
    });
}

ZJC_API int32_t zjc_ledger_read(const zjc_plan* plan, const char* data, size_t size, const char* name, char** out) {
    return guarded([&] {
        require(out, "out");
        if (data == nullptr && size != 0) require(data, "data");
        const plan::plan& p = plan_or_default(plan);
        const std::string source = name == nullptr ? "ledger" : std::string(text_arg(name, "name"));
        *out = new_string(
            ledger::ledger_to_json(ledger::read_ledger_bytes(std::string(data == nullptr ? "" : data, size), source, p)));
    });
}

ZJC_API int32_t zjc_ledger_progress(const zjc_plan* plan, const char* ledger_json, const char* month,
                                   const char* as_of, char** out) {
    return guarded([&] {
        require(out, "out");
        const plan::plan& p = plan_or_default(plan);
        const ledger::year_month m = ledger::parse_year_month(text_arg(month, "month"), "month");
        ledger::require_reporting_months(p, m, m);
        const dates::date day = as_of == nullptr ? m.last_day() : dates::parse_date(text_arg(as_of, "as_of"), "as_of");
        const ledger::ledger_document doc = ledger::ledger_from_json(text_arg(ledger_json, "ledger"), p);
        const auto overdue = ledger::past_milestone(p, doc.submissions, day);
        *out = new_string(ledger::month_report_to_json(ledger::roll_up(p, doc.submissions, m), overdue, day));
    });
}

ZJC_API int32_t zjc_ledger_chase(const zjc_plan* plan, const char* ledger_json, const char* months, char** out) {
    return guarded([&] {
        require(out, "out");
        const plan::plan& p = plan_or_default(plan);
        const ledger::month_range r = ledger::parse_month_range(text_arg(months, "months"), "months");
        const ledger::ledger_document doc = ledger::ledger_from_json(text_arg(ledger_json, "ledger"), p);
        const ledger::period_compliance period = ledger::check_period(p, doc.submissions, r.first, r.last);
        const ledger::liaison_compliance liaison = ledger::check_liaison_forms(p, doc.liaison_forms);
        *out = new_string(ledger::chase_to_json(ledger::chase_list(p, period, &liaison)));
    });
}

}  // extern "C"
