// `zjcredit register init|verify|show DB`: the payout register started,
// checked (its hash chain and rounds, docs/register.md) and shown.
#include "command.hpp"

#include <zjcredit/money/format.hpp>
#include <zjcredit/screen/register.hpp>

#include <filesystem>
#include <iostream>
#include <sstream>

namespace zjcredit::cli {

namespace {

using screen::payout_register;
using screen::register_open;

/// The fault in the run's language (the library's describe() is English).
std::string fault_text(const screen::register_fault& f, bool en) {
    if (en) return screen::describe(f);
    std::ostringstream out;
    if (f.row_id != 0)
        out << "第 " << f.row_id << " 行（借款人 " << f.borrower_id << "，借据 " << f.loan_id << "，轮次 " << f.round_id << "）：";
    else
        out << "轮次 " << f.round_id << "：";
    out << f.what_zh;
    return out.str();
}

int run_verify(const options& o, const std::string& path) {
    const screen::verify_report report = payout_register::open(path, register_open::existing).verify();
    const bool en = o.lang == "en";
    // A chain that checks may still have lost its last rounds whole (their
    // rows and rounds rows): only a head kept outside the register shows it.
    const bool head_differs = o.head && report.ok() && report.head_hash != *o.head;
    if (o.json) {
        write_output(o, screen::verify_report_to_json(report));
    } else if (report.ok() && !head_differs) {
        std::ostringstream out;
        out << path << (en ? ": the chain checks: " : "：哈希链核对无误：") << report.rows_checked
            << (en ? " rows in " : " 行，") << report.rounds_checked << (en ? " rounds; head " : " 轮；链头 ")
            << report.head_hash << "\n";
        write_output(o, out.str());
    }
    if (head_differs) {
        std::cerr << "zjcredit: register " << path
                  << (en ? ": the chain checks, but its head is " : "：哈希链自身无误，但链头为 ") << report.head_hash
                  << (en ? ", not the --head " : "，不是 --head 给出的 ") << *o.head
                  << (en ? ": rows committed after that head were removed (a round taken out whole), or this is "
                           "another register"
                         : "：该链头之后提交的行已被删除（整轮被移除），或这是另一本登记簿")
                  << "\n";
        return bad_input;
    }
    if (report.ok()) return ok;
    std::cerr << "zjcredit: register " << path << (en ? ": first fault at " : "：首个不符处 ")
              << fault_text(*report.first_fault, en) << "\n";
    return bad_input;
}

/// A new, empty register at `path`: the one way `screen --commit` finds one
/// to write to. A path that holds anything but an empty file is refused.
int run_init(const options& o, const std::string& path) {
    const bool en = o.lang == "en";
    std::error_code ec;
    if (std::filesystem::exists(path, ec) && !(std::filesystem::is_regular_file(path, ec) &&
                                               std::filesystem::file_size(path, ec) == 0))
        throw validation_error("DB", path,
                               "already exists: a register is started only once, at a new path (zjcredit register "
                               "show lists what one holds); nothing changed");
    (void)payout_register::open(path, register_open::create);
    write_output(o, path + (en ? ": a new payout register, empty\n" : "：新建的支付登记簿（空）\n"));
    return ok;
}

int run_show(const options& o, const std::string& path) {
    const payout_register reg = payout_register::open(path, register_open::existing);
    const bool en = o.lang == "en";
    // Shown either way (to look into a register is how a fault is found),
    // but a register that does not verify says so and exits as verify does.
    const screen::verify_report report = reg.verify();
    const auto warn = [&] {
        if (report.ok()) return ok;
        std::cerr << "zjcredit: register " << path
                  << (en ? " does not verify, the figures above are not to be trusted; first fault at "
                         : " 哈希链核对不符，以上数字不可采信；首个不符处 ")
                  << fault_text(*report.first_fault, en) << "\n";
        return bad_input;
    };
    if (o.json) {
        write_output(o, screen::register_summary_to_json(reg));
        return warn();
    }
    std::ostringstream out;
    // Marked in the text itself too: stdout saved to a file keeps the warning.
    if (!report.ok())
        out << (en ? "DOES NOT VERIFY: the figures below are not to be trusted; first fault at "
                   : "哈希链核对不符：以下数字不可采信；首个不符处 ")
            << fault_text(*report.first_fault, en) << "\n";
    out << (en ? "Rounds\n" : "轮次\n");
    std::int64_t rows = 0;
    money::amount total;
    for (const auto& r : reg.rounds()) {
        out << "  " << r.round_id << "  " << r.committed_at << "  " << r.plan_version << "  " << r.rows
            << (en ? " rows  " : " 行  ") << money::to_grouped_string(r.total) << (en ? " yuan" : " 元")
            << (en ? "  last_hash " : "  链头 ") << r.last_hash << "\n";
        rows += r.rows;
        total = total + r.total;
    }
    out << (en ? "Borrowers (cumulative)\n" : "借款人（累计）\n");
    for (const auto& b : reg.totals())
        out << "  " << b.borrower_id << "  " << b.borrower_name << "  " << b.rows << (en ? " rows  " : " 行  ")
            << money::to_grouped_string(b.total) << (en ? " yuan" : " 元") << "\n";
    out << (en ? "Total: " : "合计：") << rows << (en ? " rows, " : " 行，") << money::to_grouped_string(total)
        << (en ? " yuan\n" : " 元\n");
    write_output(o, out.str());
    return warn();
}

}  // namespace

int run_register(const options& o) {
    if (o.args.size() != 2 || (o.args[0] != "init" && o.args[0] != "verify" && o.args[0] != "show"))
        throw parse_error("arguments", o.args.empty() ? "" : o.args[0],
                          "usage: zjcredit register init DB | zjcredit register verify DB | zjcredit register show DB "
                          "[--json]");
    if (o.args[0] == "init") return run_init(o, o.args[1]);
    return o.args[0] == "verify" ? run_verify(o, o.args[1]) : run_show(o, o.args[1]);
}

}  // namespace zjcredit::cli
