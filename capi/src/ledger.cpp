// Monthly ledger compliance across the C ABI (docs/ledger.md).
#include "barrier.hpp"
#include "plan_handle.hpp"

#include <zjcredit/ledger/compliance.hpp>
#include <zjcredit/ledger/io.hpp>
#include <zjcredit/ledger/month.hpp>

using namespace zjcredit;
using namespace zjcredit::capi;

extern "C" {

ZJC_API int32_t zjc_ledger_check(const zjc_plan* plan, const char* ledger_json, const char* month, char** out) {
    return guarded([&] {
        require(out, "out");
        const plan::plan& p = plan_or_default(plan);
        const ledger::month_range m = ledger::parse_month_range(text_arg(month, "month"), "month");
        const ledger::ledger_document doc = ledger::ledger_from_json(text_arg(ledger_json, "ledger"), p);
        const ledger::period_compliance result = ledger::check_period(p, doc.submissions, m.first, m.last);
        const ledger::liaison_compliance liaison = ledger::check_liaison_forms(p, doc.liaison_forms);
        *out = new_string(ledger::compliance_to_json(result, doc.liaison_forms.empty() ? nullptr : &liaison));
    });
}

}  // extern "C"
