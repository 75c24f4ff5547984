// zjcredit: the command-line shell over the library, for people and scripts.
#include "command.hpp"
#include "manual.hpp"

#include <zjcredit/error.hpp>
#include <zjcredit/version.hpp>

#include <algorithm>
#include <array>
#include <exception>
#include <iostream>
#include <sstream>

namespace zjcredit::cli {
namespace {

constexpr std::string_view program_summary = "the 2022 Zhanjiang credit plan (湛金函〔2022〕86号)";

constexpr std::string_view common_options = R"(
Common options:
  --plan FILE     use the plan in FILE (JSON) instead of the embedded 2022 plan
  -o, --output F  write to F atomically (temp file, then rename) instead of stdout;
                  stdout, too, gets the results only once they are complete
  --json          JSON output instead of CSV (UTF-8 with BOM) or text, for the
                  commands whose usage lists it
  --lang zh|en    language of text output (default zh)
  --encoding E    CSV input encoding: utf-8 or gb18030 (default: detected)
  --keep-going    (subsidy, reward) write rejected rows to FILE.rejects.csv or
                  --rejects F and go on; a run with none removes an old one
  -h, --help      this help
Exit status: 0 done, 1 rows rejected (--keep-going) or lint errors,
2 bad input or usage, 3 I/O failure, 4 internal error.
)";

// The one description of --set, with an example for the command's own rule.
#define SET_OPTION_HELP(example)                                                                \
    "  --set RULE.NAME=VALUE  override a parameter of the plan for this run (repeatable); the\n" \
    "                     receipts show the override and the plan's value (docs/sandbox.md),\n" \
    "                     e.g. --set " example "\n"

const std::array<command, 14> commands = {{
    {"plan", "the plan's measures, units, targets and deadlines",
     "usage: zjcredit plan [--plan FILE] [--json] [--lang zh|en]\n"
     "example: zjcredit plan --lang en\n",
     run_plan,
     {"--plan", "--output", "--json", "--lang"}},
    {"lint", "what the plan's text gets wrong",
     "usage: zjcredit lint [--plan FILE] [--json]\n"
     "example: zjcredit lint --json\n",
     run_lint,
     {"--plan", "--output", "--json", "--lang"}},
    {"words", "an amount in 大写",
     "usage: zjcredit words AMOUNT [--prefix]\n"
     "example: zjcredit words 1409.50      # 壹仟肆佰零玖元伍角\n",
     run_words,
     {"--prefix", "--output"}},
    {"subsidy", "first-loan interest subsidies (首贷贴息) for a file of loans",
     "usage: zjcredit subsidy FILE [--repayments FILE] [--period FROM..TO] [--rate-unit percent|fraction]\n"
     "                        [--columns FILE] [--sheet NAME] [--group-by COLUMN] [--xlsx OUT]\n"
     "                        [--keep-going [--rejects FILE]] [--json [--receipts]]\n"
     "FILE is a bank's table of loans, CSV (UTF-8 or GB18030) or .xlsx, with the columns of\n"
     "docs/columns.md in English or Chinese (借据号, 借款人, 企业规模, 首次申请日期, 是否通过融资平台申请,\n"
     "是否地方法人金融机构, 是否首贷, 利率(%), then 放款日期 and 放款金额 [结清日期], or 余额起日, 余额止日\n"
     "and 余额 one row per range); other columns are carried to the results. Or a JSON array of\n"
     "loan records (docs/records.md). Each loan is capped on its own (1000万 a day); for the cap\n"
     "per borrower across several loans and banks, and 首贷 claimed twice, use zjcredit screen.\n"
     "  --repayments FILE  repayments (借据号, 还款日期, 还款金额) of loans given by their drawdown\n"
     "  --period A..B      the claim period of every loan (else columns 贴息起日, 贴息止日)\n"
     "  --rate-unit U      unit of bare rates when the header gives none: percent or fraction\n"
     "  --columns FILE     your headers mapped to fields: JSON {\"客户号\": \"borrower_id\"} or 2-column CSV\n"
     "  --sheet NAME       the .xlsx sheet to read (default: the first)\n"
     "  --group-by COLUMN  subtotals per value of a result column (e.g. 经办机构)\n"
     "  --xlsx OUT         the results as a workbook too\n"
     SET_OPTION_HELP("first_loan_subsidy.balance_cap=500万")
     "example: zjcredit subsidy 贷款明细.xlsx --repayments 还款.csv --period 2022-04-01..2022-06-30 \\\n"
     "           --group-by 经办机构 -o 贴息.csv --xlsx 贴息.xlsx\n",
     run_subsidy,
     {"--plan", "--output", "--json", "--receipts", "--lang", "--encoding", "--keep-going", "--rejects", "--xlsx",
      "--columns", "--rate-unit", "--period", "--repayments", "--sheet", "--group-by", "--set"}},
    {"reward", "receivables-financing rewards (应收账款融资奖励)",
     "usage: zjcredit reward FILE [--group-by COLUMN] [--xlsx OUT] [--keep-going [--rejects FILE]]\n"
     "                       [--json [--receipts]]\n"
     "FILE is CSV (one row per financing; rows of one enterprise are consecutive) with the columns\n"
     "  core_enterprise, sme, amount, start, end, days, confirmed_on_platform\n"
     "(end or days) or a JSON array of receivables records (docs/records.md).\n"
     SET_OPTION_HELP("receivables_reward.reward_rate=0.5%")
     "example: zjcredit reward financings.csv\n",
     run_reward,
     {"--plan", "--output", "--json", "--receipts", "--lang", "--encoding", "--keep-going", "--rejects", "--xlsx",
      "--group-by", "--set"}},
    {"award", "staged listing awards (上市奖励)",
     "usage: zjcredit award FILE [--json [--receipts]]\n"
     "FILE is a JSON listing record or an array of them (docs/records.md).\n"
     SET_OPTION_HELP("listing_award.total_cap=800万")
     "example: zjcredit award company.json --json\n",
     run_award,
     {"--plan", "--output", "--json", "--receipts", "--lang", "--set"}},
    {"assess", "verdicts on the plan's targets from observed figures",
     "usage: zjcredit assess FILE [--plan FILE] [--unit U] [--json] [--lang zh|en] [--xlsx OUT]\n"
     "FILE is observations JSON (docs/assessment.md) or CSV with the columns\n"
     "  indicator, year_start, current, prior_year_total, as_of, source [, unit]\n"
     "A figure column may declare its unit in its header: current(亿元). Bare amounts are 元\n"
     "unless declared; one far too small for its target is refused. Figures are printed in the\n"
     "unit the target is stated in (250亿元 → 亿元); zjcredit plan lists the indicator ids.\n"
     "  --unit U        the unit of bare amounts no header or row declares: 亿元, 万元 or 元\n"
     "example: zjcredit assess 台账指标.csv --unit 亿元 --lang en\n",
     run_assess,
     {"--plan", "--output", "--json", "--lang", "--encoding", "--xlsx", "--unit"}},
    {"ledger", "the monthly 工作台账: templates, compliance, progress and whom to chase",
     "usage: zjcredit ledger template [--unit UNIT] [--month YYYY-MM] (--xlsx OUT | -o OUT.csv)\n"
     "       zjcredit ledger check FILE|DIR... (--months YYYY-MM..YYYY-MM | --month YYYY-MM) [--xlsx OUT] [--json]\n"
     "       zjcredit ledger progress FILE|DIR... --month YYYY-MM [--as-of YYYY-MM-DD] [--json]\n"
     "       zjcredit ledger chase FILE|DIR... --months YYYY-MM..YYYY-MM [--xlsx OUT] [--json]\n"
     "       zjcredit ledger FILE --month YYYY-MM   (the same as ledger check)\n"
     "template writes the blank ledger, pre-filled with each unit's tasks, the 进展情况 drop-down and\n"
     "the instructions: --xlsx OUT one workbook with a sheet per unit (one file per unit when OUT is a\n"
     "folder), -o OUT one CSV (likewise). FILE|DIR are the filled ledgers and liaison forms (附件2)\n"
     "the units sent: .xlsx (every sheet), CSV (UTF-8 or GB18030, title rows skipped) or JSON\n"
     "(docs/ledger.md); a folder stands for its .xlsx, .csv and .json files.\n"
     "  --unit UNIT        template: only this unit (name, alias or id)\n"
     "  --month M          the month (template: fills 月份; progress: the month rolled up)\n"
     "  --months A..B      check, chase: the months, within the plan's period (2022-09..2022-12)\n"
     "  --as-of DATE       progress: tasks past their 时间节点 on this day (default: the month's last day)\n"
     "  --xlsx OUT         the template, the compliance table or the chase list as a workbook\n"
     "check prints each unit's compliance per month (liaison forms first when given; their problems on\n"
     "stderr); progress the roll-ups per measure and per unit and the tasks past their 时间节点; chase\n"
     "each late or missing unit and task with the liaison's name, phone and e-mail.\n"
     "example: zjcredit ledger template --xlsx 工作台账模板.xlsx\n"
     "example: zjcredit ledger check 台账/ --months 2022-09..2022-12 --xlsx 报送情况.xlsx\n"
     "example: zjcredit ledger progress 台账/ --month 2022-10 --as-of 2022-11-01\n"
     "example: zjcredit ledger chase 台账/ --months 2022-09..2022-12 -o 催报清单.csv\n",
     run_ledger,
     {"--plan", "--output", "--json", "--lang", "--encoding", "--month", "--months", "--unit", "--as-of", "--xlsx"}},
    {"screen", "免申即享: the per-borrower subsidy over many lenders' files, with conflicts",
     "usage: zjcredit screen FILES... --period FROM..TO [--lender NAME] [--lender-of FILE=NAME]...\n"
     "                       [--repayments FILE | --repayments-of FILE=REPAYMENTS...]\n"
     "                       [--budget AMOUNT] [-o DIR] [--xlsx OUT]\n"
     "                       [--columns FILE] [--rate-unit percent|fraction] [--sheet NAME] [--lang zh|en]\n"
     "                       [--register DB [--commit] [--round ID] [--borrower-limit AMOUNT]]\n"
     "FILES are banks' tables of loans (as for `zjcredit subsidy`) with the columns 统一社会信用代码,\n"
     "借据号 and 贷款机构. Each borrower's eligible loans share one 1000万 cap a day, filled in order\n"
     "(first application, drawdown, loan_id), each part at its own rate; conflicts are listed.\n"
     "  --period A..B      the claim period of every loan\n"
     "  --lender NAME      the lender of files without a 贷款机构 column\n"
     "  --lender-of FILE=NAME  the lender of this one file (without a 贷款机构 column), for\n"
     "                     several banks' files at once; repeatable; for that file it wins over --lender\n"
     "  --repayments FILE  repayments (借据号, 还款日期, 还款金额) of the one file's loans given by\n"
     "                     their drawdown, as for subsidy\n"
     "  --repayments-of FILE=REPAYMENTS  the repayments of this one file's loans; repeatable\n"
     "  --budget AMOUNT    share this budget among the borrowers (largest remainder)\n"
     "  -o DIR             write borrowers.csv (every borrower, paid or not), notification.csv (the\n"
     "                     borrowers paid, with a total: the list to publish), loans.csv, conflicts.csv\n"
     "                     and totals.csv into DIR (without -o or --xlsx: notification.csv to stdout)\n"
     "  --xlsx OUT         the five tables as the sheets of one workbook\n"
     "  --columns FILE     your headers mapped to fields, as for subsidy\n"
     "  --rate-unit U      unit of bare rates: percent or fraction\n"
     "  --sheet NAME       the .xlsx sheet to read\n"
     "  --register DB      the payout register: loan-periods it has paid are not paid again\n"
     "                     (listed as already_paid); without --commit nothing is written; one\n"
     "                     that does not verify (zjcredit register verify) is refused\n"
     "  --commit           record this round's payments (under --budget, the allocations) in the\n"
     "                     register, in one transaction; the register must exist (register init)\n"
     "  --round ID         the round's id (default: the period and the time, PERIOD@YYYY-MM-DDTHH:MM:SSZ)\n"
     "  --borrower-limit AMOUNT  a borrower whose register total plus this round would pass\n"
     "                     AMOUNT is a borrower_limit_exceeded conflict, held (not committed)\n"
     "example: zjcredit screen 甲银行.xlsx 乙银行.csv --period 2022-04-01..2022-06-30 --budget 5000000 -o 筛选结果\n"
     "example: zjcredit screen 甲银行.xlsx 乙银行.csv --period 2022-04-01..2022-06-30 --register payouts.db --commit --round 2022Q2 --borrower-limit 500000 -o 筛选结果\n",
     run_screen,
     {"--plan", "--output", "--lang", "--encoding", "--columns", "--rate-unit", "--period", "--sheet", "--lender",
      "--lender-of", "--repayments", "--repayments-of", "--budget", "--xlsx", "--register", "--commit", "--round",
      "--borrower-limit"}},
    {"register", "the payout register: started, its hash chain checked, its rounds shown",
     "usage: zjcredit register init DB [--lang zh|en]\n"
     "       zjcredit register verify DB [--head HASH] [--json] [--lang zh|en]\n"
     "       zjcredit register show DB [--json] [--lang zh|en]\n"
     "DB is a payout register (SQLite, docs/register.md), written when a screened round is committed.\n"
     "  init    starts an empty register at a new path (screen --commit writes only to one that exists)\n"
     "  verify  recomputes every row's SHA-256 chain and each round's count and total; exit 0 only\n"
     "          when all of it checks, 2 with the first row that does not match named\n"
     "  --head HASH  verify: the last_hash printed at the last commit, kept outside the register;\n"
     "          a register whose head is another (its last round removed whole) fails\n"
     "  show    the rounds committed and what each borrower has been paid in all (exit 2, with the\n"
     "          fault named, when the register does not verify)\n"
     "example: zjcredit register init payouts.db\n"
     "         zjcredit register verify payouts.db\n"
     "         zjcredit register show payouts.db --json -o register.json\n",
     run_register,
     {"--output", "--json", "--lang", "--head"}},
    {"seek", "the exact goal seek: the largest parameter value a budget affords",
     "usage: zjcredit seek FILES... --parameter NAME --budget AMOUNT [--within FROM..TO] [--reach] [--json]\n"
     "                     [--period FROM..TO] [--columns FILE] [--rate-unit percent|fraction] [--sheet NAME]\n"
     "FILES are banks' tables of loans (as for `zjcredit subsidy`). The answer is exact at the parameter's\n"
     "step (1 分, the rate unit 10^-10, 1 day), found by guarded interpolation, with its certificate: the total\n"
     "at the answer and at the next step beyond it, both computed (docs/sandbox.md).\n"
     "  --parameter NAME   first_loan_subsidy.balance_cap, .rate_ceiling, .per_borrower_cap or\n"
     "                     .application_window.to\n"
     "  --budget AMOUNT    the largest value whose total stays within AMOUNT (with --reach: the total to reach)\n"
     "  --within A..B      search only this range, written as the parameter is (100万..1000万, 0.5%..1%)\n"
     "  --reach            the smallest value whose total reaches --budget instead\n"
     "  --json             {\"parameter\", \"value\", \"total\", \"next_value\", \"next_total\", \"evaluations\"}\n"
     "  --period A..B      the claim period of every loan (else columns 贴息起日, 贴息止日)\n"
     "  --columns FILE     your headers mapped to fields, as for subsidy\n"
     "  --rate-unit U      unit of bare rates: percent or fraction\n"
     "  --sheet NAME       the .xlsx sheet to read\n"
     SET_OPTION_HELP("first_loan_subsidy.rate_ceiling=0.8%")
     "example: zjcredit seek 贷款明细.xlsx --parameter first_loan_subsidy.balance_cap --budget 5000万 \\\n"
     "           --within 100万..1000万\n",
     run_seek,
     {"--plan", "--output", "--json", "--lang", "--encoding", "--columns", "--rate-unit", "--period", "--sheet",
      "--set", "--parameter", "--budget", "--within", "--reach"}},
    {"report", "one self-contained HTML report: targets with 预警, ledger compliance, subsidy totals",
     "usage: zjcredit report --observations FILE... [--ledger FILE...] [--months A..B]\n"
     "                       [--subsidies FILE] -o report.html [--lang en] [--json] [--xlsx OUT]\n"
     "Writes ONE HTML file (no network, no script, no external font; inline SVG charts; prints on A4):\n"
     "the headline (达成/预计达成/风险), each target with actual vs threshold in its stated unit, its\n"
     "monthly trend, projection to the deadline and 红黄绿 grade; with ledgers, the compliance grid\n"
     "(units x months) and the chase list; with subsidy results, their totals. FILE may be a folder.\n"
     "  --observations F  monthly observations (assess's CSV or JSON), one file per month; a folder\n"
     "                    stands for its .csv and .json files; repeatable, and further FILE arguments\n"
     "                    are observations too\n"
     "  --ledger F        filled ledgers and liaison forms (as ledger check reads them); repeatable\n"
     "  --months A..B     the months of the compliance grid (default: the period's first month to the\n"
     "                    latest month a ledger is for)\n"
     "  --subsidies F     the results of zjcredit subsidy (its CSV, as filed, or --json): their total\n"
     "                    and subtotals, checked against the file's own 合计 and 小计 rows\n"
     "  --unit U          the unit of bare amounts in the observations CSV: 亿元, 万元 or 元\n"
     "  --json            the same content as JSON (docs/report.md) instead of HTML\n"
     "  --xlsx OUT        the same content as a workbook too: targets, compliance, chase, subsidies\n"
     "example: zjcredit report --observations 指标/ --ledger 台账/ -o 月报.html\n"
     "example: zjcredit report --observations 指标/ --subsidies 贴息.csv --lang en --json -o report.json\n"
     "example: zjcredit report --observations 指标/ --ledger 台账/ -o 月报.html --xlsx 月报.xlsx\n",
     run_report,
     {"--plan", "--output", "--json", "--lang", "--encoding", "--unit", "--observations", "--ledger", "--months",
      "--subsidies", "--xlsx"}},
    {"whatif", "scenarios side by side: exact totals and differences from the plan as loaded",
     "usage: zjcredit whatif FILES... --scenario NAME:RULE.NAME=VALUE[,RULE.NAME=VALUE...] [--scenario ...]\n"
     "                       [--budget AMOUNT] [--json | --xlsx OUT] [--period FROM..TO] [--columns FILE]\n"
     "                       [--rate-unit percent|fraction] [--sheet NAME] [--lang zh|en]\n"
     "FILES are banks' tables of loans (as for `zjcredit subsidy`), read once; the baseline is the plan as\n"
     "loaded (with --plan and --set) and every scenario is the baseline with its first_loan_subsidy\n"
     "parameters overridden (docs/whatif.md). Per scenario, exactly: the total and its difference from the\n"
     "baseline, in all, per lender (贷款机构 column) and per borrower kind, with the loans that gain, lose,\n"
     "become eligible or become ineligible; the 10 largest changes go to --json and --xlsx.\n"
     "  --scenario S       NAME:RULE.NAME=VALUE[,...] (repeatable), values as for --set\n"
     "  --budget AMOUNT    the share of this budget each scenario uses (percent to 2 places, rounded once)\n"
     "  --json             every scenario with by_lender, by_borrower_kind and largest_changes\n"
     "  --xlsx OUT         the totals and the largest changes as two sheets of one workbook\n"
     "  --period A..B      the claim period of every loan (else columns 贴息起日, 贴息止日)\n"
     "  --columns FILE     your headers mapped to fields, as for subsidy\n"
     "  --rate-unit U      unit of bare rates: percent or fraction\n"
     "  --sheet NAME       the .xlsx sheet to read\n"
     SET_OPTION_HELP("first_loan_subsidy.rate_ceiling=0.8%")
     "example: zjcredit whatif 贷款明细.xlsx --budget 5000万 \\\n"
     "           --scenario 半额:first_loan_subsidy.balance_cap=500万,first_loan_subsidy.rate_ceiling=0.8% \\\n"
     "           --scenario 限时:first_loan_subsidy.application_window=2022-04-01..2022-05-31 --xlsx 沙盘.xlsx\n",
     run_whatif,
     {"--plan", "--output", "--json", "--lang", "--encoding", "--columns", "--rate-unit", "--period", "--sheet",
      "--set", "--scenario", "--budget", "--xlsx"}},
    {"allocate", "a budget shared among claims, pro rata to the 分 or first come first served",
     "usage: zjcredit allocate CLAIMS --budget AMOUNT [--method pro_rata|first_come --key COLUMN]\n"
     "                         [--json | --xlsx OUT] [--lang zh|en]\n"
     "CLAIMS is CSV with a claim id column (id, 编号, 申请编号) and an amount column (amount, 金额,\n"
     "申请金额). When the claims exceed the budget: pro_rata gives each its exact share cut to the 分 and\n"
     "the 分 left to the largest remainders; first_come pays in the order of --key (ties by id) while\n"
     "the budget lasts. Claims within the budget are paid in full. Rows are listed by id, then 合计.\n"
     "  --budget AMOUNT    the budget to share (not negative)\n"
     "  --method M         pro_rata (default) or first_come\n"
     "  --key COLUMN       first_come: the column that orders the claims (ISO times, padded numbers)\n"
     "  --json             the allocation with its receipt\n"
     "  --xlsx OUT         the allocation as a workbook too\n"
     "example: zjcredit allocate 申请.csv --budget 500万 --method first_come --key 申请时间\n",
     run_allocate,
     {"--plan", "--output", "--json", "--lang", "--encoding", "--budget", "--method", "--key", "--xlsx"}},
}};

void usage(std::ostream& out) {
    out << "zjcredit " ZJCREDIT_VERSION_STRING " — " << program_summary << "\n\n"
        << "usage: zjcredit COMMAND [options] [FILE]\n\nCommands:\n";
    for (const auto& c : commands) out << "  " << c.name << std::string(10 - c.name.size(), ' ') << c.summary << "\n";
    out << "\nzjcredit COMMAND --help shows a command's options and an example; zjcredit --version, the version.\n";
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
        // Hidden: what the build installs as zjcredit.1 and the bash completion.
        if (o.command == "--man" || o.command == "--completion") {
            const auto given = given_options(o);
            if (std::any_of(given.begin(), given.end(), [](const std::string& g) { return g != "--output"; }) ||
                o.args != (o.command == "--man" ? std::vector<std::string>{} : std::vector<std::string>{"bash"}))
                throw zjcredit::parse_error("arguments", o.command,
                                            "usage: zjcredit --man [-o FILE], zjcredit --completion bash [-o FILE]");
            const manual_source source{commands, common_options, program_summary};
            std::ostringstream text;
            if (o.command == "--man") write_man_page(text, source);
            else write_bash_completion(text, source);
            write_output(o, text.str());
            return ok;
        }
        for (const auto& c : commands) {
            if (c.name != o.command) continue;
            if (o.help) {
                std::cout << c.help << common_options;
                return ok;
            }
            for (const std::string& given : given_options(o))
                if (std::find(c.accepts.begin(), c.accepts.end(), given) == c.accepts.end())
                    throw zjcredit::parse_error("arguments", given,
                                                "does not apply to `zjcredit " + std::string(c.name) +
                                                    "`; zjcredit " + std::string(c.name) + " --help lists its options");
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
