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

std::string fault_text(const screen::register_fault& f, bool en) {
    std::ostringstream out;
    if (f.row_id != 0)
        out << (en ? "row " : "第 ") << f.row_id << (en ? " (borrower " : " 行（借款人 ") << f.borrower_id
            << (en ? ", loan " : "，借据 ") << f.loan_id << (en ? ", round " : "，轮次 ") << f.round_id
            << (en ? "): " : "）：");
    else
        out << (en ? "round " : "轮次 ") << f.round_id << (en ? ": " : "：");
    out << f.what;
    return out.str();
}

int run_verify(const options& o, const std::string& path) {
    const screen::verify_report report = payout_register::open(path, register_open::existing).verify();
    const bool en = o.lang == "en";
    if (o.json) {
        write_output(o, screen::verify_report_to_json(report));
    } else if (report.ok()) {
        std::ostringstream out;
        out << path << (en ? ": the chain checks: " : "：哈希链核对无误：") << report.rows_checked
            << (en ? " rows in " : " 行，") << report.rounds_checked << (en ? " rounds; head " : " 轮；链头 ")
            << report.head_hash << "\n";
        write_output(o, out.str());
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
