// The compiled part of the C++ API: JSON, CSV and .xlsx I/O, target zjcredit::io.
#include <zjcredit/ledger/io.hpp>
#include <zjcredit/plan/plan_2022.hpp>
#include <zjcredit/rules/json.hpp>

#include <fstream>
#include <iostream>
#include <string>

int main() {
    // A 1,000,000.00 元 first loan at 4.35% held for the 30 days of April 2022;
    // the rate is capped at the 1% ceiling: 1,000,000 × 30 × 1% / 360 =
    // 833.333… 元, rounded half-up to 833.33 元 (docs/records.md §2).
    const std::string result = zjcredit::rules::first_loan_subsidy_json(R"({
      "borrower": "湛江市甲科技有限公司", "borrower_kind": "small",
      "first_application_date": "2022-04-01", "via_platform": true,
      "local_legal_person_lender": true, "first_loan": true, "annual_rate": "4.35%",
      "balances": [{"from": "2022-04-01", "to": "2022-04-30", "balance": "1,000,000.00"}],
      "period": {"from": "2022-04-01", "to": "2022-04-30"}
    })");
    std::cout << result;
    if (result.find("\"eligible\": true") == std::string::npos ||
        result.find("\"amount\": \"833.33\"") == std::string::npos)
        return 1;

    // The blank 工作台账 of the 2022 plan as .xlsx (libxlsxwriter): a zip file.
    zjcredit::ledger::write_blank_ledger_xlsx("ledger.xlsx", zjcredit::plan::plan_2022());
    std::ifstream xlsx("ledger.xlsx", std::ios::binary);
    std::string magic(4, '\0');
    xlsx.read(magic.data(), 4);
    std::cout << "ledger.xlsx written\n";
    return magic == std::string("PK\x03\x04", 4) ? 0 : 1;
}
