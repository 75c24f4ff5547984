// zjcredit: the command-line shell over the library, for people and scripts.
#include "command.hpp"

#include <zjcredit/error.hpp>
#include <zjcredit/version.hpp>

#include <array>
#include <exception>
#include <iostream>

namespace zjcredit::cli {
namespace {

constexpr std::string_view common_options = R"(
Common options:
  --plan FILE     use the plan in FILE (JSON) instead of the embedded 2022 plan
  -o, --output F  write to F atomically (temp file, then rename) instead of stdout
  --json          JSON output instead of CSV (UTF-8 with BOM) or text
  --lang zh|en    language of text output (default zh)
  --encoding E    CSV input encoding: utf-8 or gb18030 (default: detected)
  --keep-going    (subsidy, reward) write rejected rows to FILE.rejects.csv or
                  --rejects F and go on; a run with none removes an old one
  -h, --help      this help
Exit status: 0 done, 1 rows rejected (--keep-going) or lint errors,
2 bad input or usage, 3 I/O failure, 4 internal error.
)";

const std::array<command, 8> commands = {{
    {"plan", "the plan's measures, units, targets and deadlines",
     "usage: zjcredit plan [--plan FILE] [--json] [--lang zh|en]\n"
     "example: zjcredit plan --lang en\n",
     run_plan},
    {"lint", "what the plan's text gets wrong",
     "usage: zjcredit lint [--plan FILE] [--json]\n"
     "example: zjcredit lint --json\n",
     run_lint},
    {"words", "an amount in 大写",
     "usage: zjcredit words AMOUNT [--prefix]\n"
     "example: zjcredit words 1409.50      # 壹仟肆佰零玖元伍角\n",
     run_words},
    {"subsidy", "first-loan interest subsidies (首贷贴息) for a file of loans",
     "usage: zjcredit subsidy FILE [--keep-going [--rejects FILE]] [--json [--receipts]]\n"
     "FILE is CSV (one row per balance range; rows of one loan are consecutive) with the columns\n"
     "  borrower, borrower_kind, first_application_date, via_platform, local_legal_person_lender,\n"
     "  first_loan, annual_rate, period_from, period_to, balance_from, balance_to, balance\n"
     "or a JSON array of loan records (docs/records.md). CSV may be UTF-8 (BOM or not) or GB18030.\n"
     "example: zjcredit subsidy loans.csv -o subsidies.csv\n",
     run_subsidy},
    {"reward", "receivables-financing rewards (应收账款融资奖励)",
     "usage: zjcredit reward FILE [--keep-going [--rejects FILE]] [--json [--receipts]]\n"
     "FILE is CSV (one row per financing; rows of one enterprise are consecutive) with the columns\n"
     "  core_enterprise, sme, amount, start, end, days, confirmed_on_platform\n"
     "(end or days) or a JSON array of receivables records (docs/records.md).\n"
     "example: zjcredit reward financings.csv\n",
     run_reward},
    {"award", "staged listing awards (上市奖励)",
     "usage: zjcredit award FILE [--json [--receipts]]\n"
     "FILE is a JSON listing record or an array of them (docs/records.md).\n"
     "example: zjcredit award company.json --json\n",
     run_award},
    {"assess", "verdicts on the plan's targets from observed figures",
     "usage: zjcredit assess FILE [--plan FILE] [--json] [--lang zh|en]\n"
     "FILE is observations JSON (docs/assessment.md) or CSV with the columns\n"
     "  indicator, year_start, current, prior_year_total, as_of, source\n"
     "example: zjcredit assess observations.csv --lang en\n",
     run_assess},
    {"ledger", "the monthly 工作台账: compliance with its deadline",
     "usage: zjcredit ledger FILE --month YYYY-MM [--xlsx OUT] [--json]\n"
     "FILE is a filled ledger (CSV or JSON, docs/ledger.md); prints each unit's compliance.\n"
     "example: zjcredit ledger ledger-2022-09.csv --month 2022-09 --xlsx compliance.xlsx\n",
     run_ledger},
}};

void usage(std::ostream& out) {
    out << "zjcredit " ZJCREDIT_VERSION_STRING " — the 2022 Zhanjiang credit plan (湛金函〔2022〕86号)\n\n"
        << "usage: zjcredit COMMAND [options] [FILE]\n\nCommands:\n";
    for (const auto& c : commands) out << "  " << c.name << std::string(10 - c.name.size(), ' ') << c.summary << "\n";
    out << "\nzjcredit COMMAND --help shows a command's options and an example.\n";
}

int status_for(const zjcredit::error& e) { return e.code() == errc::io ? io_failure : bad_input; }

}  // namespace
}  // namespace zjcredit::cli

int main(int argc, char** argv) {
    using namespace zjcredit::cli;
    try {
        const options o = parse_options(argc, argv);
        if (o.command.empty() || o.command == "help") {
            usage(o.command.empty() && !o.help ? std::cerr : std::cout);
            return o.command.empty() && !o.help ? bad_input : ok;
        }
        if (o.command == "--version" || o.command == "version") {
            std::cout << "zjcredit " ZJCREDIT_VERSION_STRING "\n";
            return ok;
        }
        for (const auto& c : commands) {
            if (c.name != o.command) continue;
            if (o.help) {
                std::cout << c.help << common_options;
                return ok;
            }
            return c.run(o);
        }
        std::cerr << "zjcredit: unknown command \"" << o.command << "\"\n";
        usage(std::cerr);
        return bad_input;
    } catch (const zjcredit::error& e) {
        std::cerr << "zjcredit: " << e.what() << "\n";
        return status_for(e);
    } catch (const std::bad_alloc&) {
        std::cerr << "zjcredit: out of memory\n";
        return internal;
    } catch (const std::exception& e) {
        std::cerr << "zjcredit: internal error: " << e.what() << "\n";
        return internal;
    }
}
