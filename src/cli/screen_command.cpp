// `zjcredit screen`: the per-borrower subsidy over the files of many lenders
// (include/zjcredit/screen/screen.hpp), written as borrowers.csv,
// notification.csv (the list to publish), loans.csv, conflicts.csv and
// totals.csv into -o DIR, and as the five sheets of one --xlsx workbook.
#include "batch.hpp"
#include "command.hpp"
#include "output.hpp"
#include "results_xlsx.hpp"
#include "screen_register.hpp"

#include <zjcredit/dates/date.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/rules/first_loan_subsidy.hpp>
#include <zjcredit/rules/columns.hpp>
#include <zjcredit/rules/reason.hpp>
#include <zjcredit/screen/round.hpp>
#include <zjcredit/screen/screen.hpp>
#include <zjcredit/screen/tables.hpp>

#include <algorithm>
#include <array>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <span>
#include <sstream>
#include <string_view>
#include <utility>

namespace zjcredit::cli {
namespace {

std::string yuan(std::int64_t fen) { return money::to_string(money::amount::from_fen(fen)); }

std::string day_text(std::int32_t d) { return dates::detail::iso(dates::from_day_number(d)); }

/// One result of the screen: written as DIR/<file> and as a sheet of --xlsx.
struct result_table {
    std::string file;   ///< "borrowers.csv"
    std::string sheet;  ///< "借款人", "borrowers"
    std::vector<std::string> header;
    std::vector<std::size_t> money_columns;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> count_columns = {};  ///< written to the workbook as whole numbers
    std::vector<std::size_t> date_columns = {};   ///< written to the workbook as dates
    bool total_row = false;  ///< the last row is a 合计 row: bold in the workbook, its label not a count
};

/// notification.csv: the list to publish or send — the borrowers paid this
/// round (eligible, with an amount; under a budget, with an allocation; not
/// held for passing --borrower-limit), numbered, with what each is paid and
/// by which lenders, and a 合计 row; nothing a reader of a public list would
/// have to filter out (borrowers.csv has every borrower, paid or not).
result_table notification_list(const screen::screen_input& in, const screen::screen_result& r,
                               const std::vector<screen::limit_breach>& held, bool budget, bool en) {
    result_table t{"notification.csv", en ? "notification" : "公示名单",
                   en ? std::vector<std::string>{"no", "borrower_id", "borrower", "amount", "lenders"}
                      : std::vector<std::string>{"序号", "统一社会信用代码", "借款人", "贴息金额", "贷款机构"},
                   {3}, {}, {0}};
    t.total_row = true;
    if (budget) {
        t.header.emplace_back(en ? "allocated" : "分配金额");
        t.money_columns.push_back(5);
    }
    money::amount amount, allocated;  // checked sums
    std::size_t paid = 0;
    for (const auto& b : r.borrowers) {
        const std::string_view id = in.borrower_id[b.first_row];
        if (!b.eligible || b.amount == 0 || (budget && b.allocated == 0) ||
            std::any_of(held.begin(), held.end(), [&](const screen::limit_breach& h) { return h.borrower_id == id; }))
            continue;
        std::string lenders;
        for (const auto& share : b.lenders) lenders += (lenders.empty() ? "" : ";") + std::string(share.first);
        t.rows.push_back({std::to_string(++paid), std::string(id),
                          std::string(in.borrower[b.first_row]), yuan(b.amount), lenders});
        if (budget) t.rows.back().push_back(yuan(b.allocated));
        amount += money::amount::from_fen(b.amount);
        allocated += money::amount::from_fen(b.allocated);
    }
    t.rows.push_back({en ? "Total" : "合计", "", std::to_string(paid) + (!en ? " 户" : paid == 1 ? " borrower" : " borrowers"),
                      money::to_string(amount), ""});
    if (budget) t.rows.back().push_back(money::to_string(allocated));
    return t;
}

/// One CSV file (UTF-8 with BOM), written atomically into `dir`, or to stdout.
void write_csv(const std::optional<std::string>& dir, const result_table& t) {
    output out(dir ? std::optional<std::string>((std::filesystem::path(*dir) / t.file).string()) : std::nullopt);
    io::csv_writer csv(out.stream());
    csv.bom();
    csv.row(t.header);
    for (const auto& r : t.rows) csv.row(r);
    out.commit();
}

/// The tables as one workbook, with the parameters used on its 说明 sheet.
void write_xlsx(const std::string& path, const std::vector<result_table>& tables, bool en,
                const plan::first_loan_subsidy_parameters& params) {
    const std::vector<std::string> notes =
        en ? std::vector<std::string>{"borrowers: one row per borrower (统一社会信用代码) screened, paid or not, with why.",
                                      "notification: the borrowers paid, numbered, with a total: the list to publish or send.",
                                      "loans: every listing of every file, with its share of its borrower's subsidy.",
                                      "conflicts: listings held or not paid for review (docs/screen.md).",
                                      "totals: per lender, per borrower kind, in all, and counts per reason.",
                                      "The rule's parameters, as used:"}
           : std::vector<std::string>{"借款人：参与筛选的每户一行（统一社会信用代码），符合与否及原因。",
                                      "公示名单：获得贴息的借款人，编号并附合计，可直接公示或通知。",
                                      "贷款：各文件的每一笔报送，及其在该户贴息中的份额。",
                                      "冲突：暂缓或不予支付、待复核的报送（docs/screen.md）。",
                                      "合计：按贷款机构、按企业规模、总计，及各原因的笔数。",
                                      "本次计算所用参数："};
    xlsx_results book(path, tables.front().header, en, notes, rules::detail::subsidy_parameters_used(params));
    for (std::size_t k = 0; k < tables.size(); ++k) {
        if (k == 0)
            book.name_sheet(tables[k].sheet);
        else
            book.sheet(tables[k].sheet, tables[k].header);
        const result_table& t = tables[k];
        for (std::size_t i = 0; i < t.rows.size(); ++i) {
            const bool total = t.total_row && i + 1 == t.rows.size();
            book.row(t.rows[i], t.money_columns, total, total ? std::vector<std::size_t>{} : t.count_columns,
                     t.date_columns);
        }
    }
    book.commit();
}

/// The listings in error, on stderr: how many, where and why, and that
/// their borrowers are held. `listed_in` names the loans table written
/// (loans.csv, or the 贷款 sheet of the workbook): then the first few are
/// shown here; with none written, every one is.
void report_listings_in_error(const screen::screen_input& in, const screen::screen_result& r,
                              const plan::first_loan_subsidy_parameters& params, const screen::screen_options& so,
                              bool en, const std::optional<std::string>& listed_in) {
    if (r.totals.loans_in_error == 0) return;
    const std::size_t shown = listed_in ? 5 : r.totals.loans_in_error;
    std::cerr << "zjcredit: " << r.totals.loans_in_error
              << (en ? " listing(s) in error, not screened; a borrower with other listings is held "
                       "(borrower_listing_in_error) until it is corrected"
                     : " 笔报送有误，未参与筛选；涉及借款人的其他报送暂缓（borrower_listing_in_error），更正后重新筛选")
              << (!listed_in ? (en ? ":\n" : "：\n")
                  : en       ? "; " + *listed_in + " says why for each:\n"
                             : "；每笔的原因见 " + *listed_in + "：\n");
    std::size_t listed = 0;
    for (std::size_t i = 0; i < r.loans.size() && listed < shown; ++i)
        if (r.loans[i].status != rules::batch::status_ok) {
            std::cerr << "  " << screen::row_error_message(in, r, i, params, so) << "\n";
            ++listed;
        }
    if (r.totals.loans_in_error > shown)
        std::cerr << "  " << (en ? "… and " : "……另有 ") << r.totals.loans_in_error - shown << (en ? " more\n" : " 笔\n");
}

/// What a borrower_limit_exceeded conflict says.
std::string limit_breach_detail(const screen::limit_breach& b, bool en) {
    const std::string before = money::to_string(b.paid_before), now = money::to_string(b.this_round),
                      limit = money::to_string(b.limit), sum = money::to_string(b.paid_before + b.this_round);
    return en ? "borrower " + b.borrower + ": paid " + before + " before and " + now + " in this round, " + sum +
                    " in all, past the limit " + limit + "; held, not committed"
              : "借款人 " + b.borrower + "：此前已支付 " + before + " 元，本轮 " + now + " 元，累计 " + sum +
                    " 元，超过单户上限 " + limit + " 元；暂缓，不记入本轮";
}

/// The conflicts, on stderr: how many of each kind and where they are
/// listed, or, when they are not written anywhere (neither -o nor --xlsx),
/// each one's detail, so that a run to stdout does not pass over them in silence.
void report_conflicts(const screen::screen_input& in, const screen::screen_result& r,
                      std::span<const screen::limit_breach> breaches, bool en, const std::optional<std::string>& listed_in) {
    const std::size_t count = r.conflicts.size() + breaches.size();
    if (count == 0) return;
    std::map<std::string_view, std::size_t> kinds;
    for (const auto& c : r.conflicts) ++kinds[c.kind];
    if (!breaches.empty()) kinds["borrower_limit_exceeded"] += breaches.size();
    std::string by_kind;
    for (const auto& [kind, n] : kinds) by_kind += (by_kind.empty() ? "" : ", ") + std::string(kind) + " " + std::to_string(n);
    std::cerr << "zjcredit: " << count << (en ? " conflict(s) for review (" : " 项冲突待复核（") << by_kind
              << (en ? ")" : "）");
    if (listed_in) {
        std::cerr << (en ? "; listed in " : "，见 ") << *listed_in << "\n";
        return;
    }
    std::cerr << (en ? ":\n" : "：\n");
    for (const auto& c : r.conflicts) std::cerr << "  " << screen::conflict_detail(in, c, en) << "\n";
    for (const auto& b : breaches) std::cerr << "  " << limit_breach_detail(b, en) << "\n";
}

/// Whether `a` and `b` name the same file: as written, or as the file
/// system resolves them ("./甲.csv" and "甲.csv", or an absolute path).
bool same_file(const std::string& a, const std::string& b) {
    if (a == b) return true;
    std::error_code ec;
    return std::filesystem::equivalent(a, b, ec) && !ec;
}

/// The file FILE=VALUE (`given`, to `option`) names among `files`, and its
/// value: split at the last '=', since a path may hold one.
std::pair<screen::table_file&, std::string> file_named(std::vector<screen::table_file>& files, std::string_view option,
                                                       const std::string& given, std::string_view example) {
    const std::size_t eq = given.rfind('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == given.size())
        throw parse_error(std::string(option), given, "expected FILE=" + std::string(example));
    const std::string path = given.substr(0, eq);
    const auto file = std::find_if(files.begin(), files.end(), [&](const auto& f) { return same_file(f.path, path); });
    if (file == files.end()) {
        std::string screened;
        for (const auto& f : files) screened += (screened.empty() ? "" : ", ") + f.path;
        throw parse_error(std::string(option), given, "'" + path + "' is not one of the files to screen: " + screened);
    }
    return {*file, given.substr(eq + 1)};
}

/// The files to screen, each with its lender (the one --lender-of names for
/// it, else --lender) and its repayments (--repayments-of, or --repayments
/// when there is one file).
std::vector<screen::table_file> files_of(const options& o) {
    std::vector<screen::table_file> files;
    for (const auto& path : o.args) {
        // The same file twice would list each of its loans twice, as if two banks had sent it.
        for (const auto& f : files)
            if (same_file(f.path, path))
                throw parse_error("arguments", path, "names the file " + f.path + " again: give each file once");
        files.push_back({path, o.lender.value_or(""), false, ""});
    }
    for (const auto& given : o.lender_of) {
        auto [file, lender] = file_named(files, "--lender-of", given, "NAME, e.g. --lender-of 乙银行.csv=银行乙");
        if (file.lender_named_for_file)
            throw parse_error("--lender-of", given, "'" + file.path + "' has a lender named already");
        file.lender = lender;
        file.lender_named_for_file = true;
    }
    if (o.repayments) {
        // A repayment whose 借据号 its file does not list is refused, so one
        // repayments table cannot serve several banks' files.
        if (files.size() != 1)
            throw parse_error("--repayments", *o.repayments,
                              "with several files, name the file these repay: --repayments-of " + files.front().path +
                                  "=" + *o.repayments);
        files.front().repayments = *o.repayments;
    }
    for (const auto& given : o.repayments_of) {
        auto [file, repayments] =
            file_named(files, "--repayments-of", given, "REPAYMENTS, e.g. --repayments-of 乙银行.csv=乙银行还款.csv");
        if (!file.repayments.empty())
            throw parse_error("--repayments-of", given, "'" + file.path + "' has its repayments named already");
        file.repayments = repayments;
    }
    return files;
}

}  // namespace

int run_screen(const options& o) {
    if (o.args.empty())
        throw parse_error("arguments", "", "usage: zjcredit screen FILES... --period FROM..TO (zjcredit screen --help)");
    if (!o.period) throw parse_error("--period", "", "the screen needs the claim period: --period 2022-04-01..2022-06-30");
    const bool en = o.lang == "en";
    rules::table_options t = table_options_of(o);
    t.repayments.clear();  // each file's own (files_of)
    screen::screen_options so;
    if (o.budget) {
        so.budget = money::parse_amount(*o.budget);
        if (so.budget->is_negative()) throw validation_error("--budget", *o.budget, "must not be negative");
    }

    screen_register reg = read_screen_register(o);
    so.already_paid = std::move(reg.already_paid);

    screen::screen_table table = screen::read_screen_tables(files_of(o), t);
    const screen::screen_input in = table.input();
    const auto& params = selected_plan(o).first_loan_subsidy;
    const screen::screen_result r = screen::run_screen(in, params, so);
    const std::vector<screen::payment> payments = o.register_db ? screen::payments(in, r) : std::vector<screen::payment>{};
    const std::vector<screen::limit_breach> breaches = borrower_limit_breaches(o, reg, payments);
    const std::string yes = en ? "yes" : "是", no = en ? "no" : "否";

    std::vector<result_table> tables;
    // borrowers.csv: one row per borrower screened, paid or not, with why.
    tables.push_back({"borrowers.csv", en ? "borrowers" : "借款人",
                      en ? std::vector<std::string>{"borrower_id", "borrower", "amount", "lenders", "reasons", "eligible"}
                         : std::vector<std::string>{"统一社会信用代码", "借款人", "贴息金额", "贷款机构", "原因", "是否符合"},
                      {2}, {}});
    if (so.budget) {
        tables.back().header.emplace_back(en ? "allocated" : "分配金额");
        tables.back().money_columns.push_back(6);
    }
    tables.back().header.emplace_back(en ? "message" : "说明");  // the reasons in words, as loans.csv has them
    for (const auto& b : r.borrowers) {
        std::string lenders;
        for (const auto& [lender, fen] : b.lenders) lenders += (lenders.empty() ? "" : ";") + std::string(lender) + ":" + yuan(fen);
        tables.back().rows.push_back({std::string(in.borrower_id[b.first_row]), std::string(in.borrower[b.first_row]),
                                      yuan(b.amount), lenders, screen::reason_codes(b.reasons, b.screen_reasons),
                                      b.eligible ? yes : no});
        if (so.budget) tables.back().rows.back().push_back(yuan(b.allocated));
        tables.back().rows.back().push_back(screen::reason_texts(b.reasons, b.screen_reasons, en));
    }

    const std::size_t notification = tables.size();
    tables.push_back(notification_list(in, r, breaches, so.budget.has_value(), en));

    // loans.csv: every listing, in input order.
    const std::size_t loans_table = tables.size();
    tables.push_back({"loans.csv", en ? "loans" : "贷款",
                      en ? std::vector<std::string>{"source", "loan_id", "lender", "borrower_id", "borrower", "period_from",
                                                    "period_to", "eligible", "amount", "reasons", "message"}
                         : std::vector<std::string>{"来源", "借据号", "贷款机构", "统一社会信用代码", "借款人", "贴息起日",
                                                    "贴息止日", "是否符合", "贴息金额", "原因", "说明"},
                      {8}, {}, {}, {5, 6}});
    if (so.budget) {  // what each loan is paid: its share of its borrower's 分配金额
        tables.back().header.emplace_back(en ? "allocated" : "分配金额");
        tables.back().money_columns.push_back(11);
    }
    for (std::size_t i = 0; i < r.loans.size(); ++i) {
        const auto& l = r.loans[i];
        const bool error = l.status != rules::batch::status_ok;
        const bool paid = l.eligible && l.borrower != screen::no_borrower && r.borrowers[l.borrower].eligible;
        tables.back().rows.push_back(
            {table.where(i), std::string(in.loan_id[i]), std::string(in.lender[i]), std::string(in.borrower_id[i]),
             std::string(in.borrower[i]), error ? "" : day_text(in.loans.period_from[i]),
             error ? "" : day_text(in.loans.period_to[i]), paid ? yes : no, yuan(l.amount),
             screen::reason_codes(l.reasons, l.screen_reasons),
             error  ? screen::row_error_message(in, r, i, params, so)
             : paid ? screen::paid_listing_arithmetic(r, i, params, en)
                    : screen::listing_reason_texts(in, r, i, params, en)});
        if (so.budget) tables.back().rows.back().push_back(yuan(l.allocated));
    }

    const std::size_t conflicts_table = tables.size();
    tables.push_back({"conflicts.csv", en ? "conflicts" : "冲突",
                      en ? std::vector<std::string>{"kind", "borrower_id", "loan_id", "lenders", "detail"}
                         : std::vector<std::string>{"类型", "统一社会信用代码", "借据号", "贷款机构", "说明"},
                      {}, {}});
    for (const auto& c : r.conflicts) {
        std::string lenders;
        for (const auto l : c.lenders) lenders += (lenders.empty() ? "" : ";") + std::string(l);
        tables.back().rows.push_back({std::string(c.kind), std::string(c.borrower_id), std::string(c.loan_id), lenders,
                                      screen::conflict_detail(in, c, en)});
    }
    // --borrower-limit: listed for review and held, like the screen's own conflicts.
    for (const auto& b : breaches)
        tables.back().rows.push_back({"borrower_limit_exceeded", b.borrower_id, "", "", limit_breach_detail(b, en)});

    tables.push_back({"totals.csv", en ? "totals" : "合计",
                      en ? std::vector<std::string>{"group", "name", "borrowers", "loans", "amount", "allocated"}
                         : std::vector<std::string>{"分组", "名称", "借款人数", "贷款笔数", "贴息金额", "分配金额"},
                      {4, 5}, {}, {2, 3}});
    auto& totals = tables.back().rows;
    const auto tally_row = [&](std::string_view group, const screen::tally& x) {
        totals.push_back({std::string(group), x.key, std::to_string(x.borrowers), std::to_string(x.loans), yuan(x.amount),
                          yuan(x.allocated)});
    };
    for (const auto& x : r.totals.lenders) tally_row(en ? "lender" : "贷款机构", x);
    for (auto x : r.totals.kinds) {
        if (!en)
            if (const auto kind = plan::borrower_kind_from_string(x.key)) x.key = rules::detail::kind_zh(*kind);
        tally_row(en ? "borrower_kind" : "企业规模", x);
    }
    screen::tally all = r.totals.all;
    if (!en) all.key = "全部";
    tally_row(en ? "total" : "合计", all);
    // borrowers: empty for a reason, which is counted in loans only
    const auto count_row = [&](std::string_view group, std::string name, std::optional<std::size_t> borrowers,
                               std::size_t loans) {
        totals.push_back({std::string(group), std::move(name), borrowers ? std::to_string(*borrowers) : "",
                          std::to_string(loans), "", ""});
    };
    count_row(en ? "count" : "计数", en ? "eligible" : "符合", r.totals.borrowers_eligible, r.totals.loans_eligible);
    count_row(en ? "count" : "计数", en ? "not_eligible" : "不符合", r.totals.borrowers - r.totals.borrowers_eligible,
              r.totals.loans - r.totals.loans_eligible);
    // Listings in error are among the loans not eligible; their borrowers
    // are not counted when the listing was their only one (it names no
    // borrower the screen can trust), so they are counted here, in loans.
    if (r.totals.loans_in_error != 0)
        count_row(en ? "count" : "计数", en ? "in_error" : "其中报送有误", std::nullopt, r.totals.loans_in_error);
    // A reason's count, named in words with its code (loans.csv's 原因 column has the codes).
    for (const auto& [code, n] : r.totals.reasons) {
        const std::string words = screen::reason_texts(rules::reason_bit(code), screen::screen_reason_of(code), en);
        count_row(en ? "reason" : "原因", words.empty() ? code : words + (en ? " (" : "（") + code + (en ? ")" : "）"),
                  std::nullopt, n);
    }

    if (!so.budget) {  // 分配金额 only when a budget was shared
        tables.back().header.pop_back();
        tables.back().money_columns.pop_back();
        for (auto& row : totals) row.pop_back();
    }

    if (o.xlsx) write_xlsx(*o.xlsx, tables, en, params);
    if (o.output) {
        std::filesystem::create_directories(*o.output);
        for (const auto& x : tables) write_csv(o.output, x);
    } else if (!o.xlsx) {
        write_csv(std::nullopt, tables[notification]);  // the notification list to stdout
    }
    // Where a table was written, for stderr to point at: its file, or its sheet.
    const auto written_to = [&](std::size_t k) -> std::optional<std::string> {
        const result_table& x = tables[k];
        if (o.output) return (std::filesystem::path(*o.output) / x.file).string();
        if (o.xlsx) return *o.xlsx + (en ? " (sheet " + x.sheet + ")" : "（" + x.sheet + " 工作表）");
        return std::nullopt;
    };
    report_listings_in_error(in, r, params, so, en, written_to(loans_table));
    report_conflicts(in, r, breaches, en, written_to(conflicts_table));
    commit_or_dry_run(o, reg, payments, breaches, r.totals.loans_in_error, selected_plan(o));
    return r.totals.loans_in_error != 0 ? rows_rejected : ok;
}

}  // namespace zjcredit::cli
