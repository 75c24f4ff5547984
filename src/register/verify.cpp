// verify(): the chain and the rounds recomputed from what is stored, the
// first mismatch named. Rows are read as SQLite's text of their values, the
// same text the sqlite3 query of docs/register.md produces, so a value
// changed in any way (type included) changes the hash.
#include "register_impl.hpp"

#include <map>

namespace zjcredit::screen {

namespace {

struct round_tally {
    std::int64_t rows = 0;
    money::int128 total_fen = 0;  // wide: a hand-edited amount must not overflow the check
    std::string last_hash;
};

register_fault row_fault(const std::array<std::string, 13>& f, std::int64_t row_id, std::string what,
                         std::string what_zh) {
    return {row_id, f[1], f[4], f[6], std::move(what), std::move(what_zh)};
}

}  // namespace

verify_report payout_register::verify() const {
    detail::connection& db = impl_->db;
    verify_report report;
    report.head_hash = std::string(register_genesis_hash);

    std::map<std::string, round_tally> tallies;
    {
        detail::statement s(db, "SELECT " + detail::payout_select_list() + " FROM payouts ORDER BY row_id");
        std::string expected_prev(register_genesis_hash);
        std::int64_t previous_id = 0;
        while (s.step()) {
            std::array<std::string, 13> f;
            for (std::size_t i = 0; i < f.size(); ++i) f[i] = s.text(static_cast<int>(i));
            const std::int64_t row_id = s.integer(0);
            const std::string stored = s.text(13);
            ++report.rows_checked;
            if (f[12] != expected_prev) {
                report.first_fault =
                    previous_id == 0
                        ? row_fault(f, row_id, "prev_hash is not the chain's start (rows before it were removed)",
                                    "prev_hash 不是链的起点（此前的行被删除）")
                        : row_fault(f, row_id,
                                    "prev_hash does not match the row_hash of row " + std::to_string(previous_id) +
                                        " (a row was removed, inserted or reordered)",
                                    "prev_hash 与第 " + std::to_string(previous_id) +
                                        " 行的 row_hash 不符（有行被删除、插入或调换顺序）");
                return report;
            }
            if (sha256_hex(detail::canonical_text(f)) != stored) {
                report.first_fault = row_fault(f, row_id, "row_hash does not match the row's content (edited after commit)",
                                               "row_hash 与该行内容不符（写入后被改动）");
                return report;
            }
            round_tally& t = tallies[f[1]];
            t.rows += 1;
            t.total_fen += s.integer(10);
            t.last_hash = stored;
            expected_prev = stored;
            previous_id = row_id;
            report.head_hash = stored;
        }
    }

    detail::statement r(db, "SELECT round_id, row_count, total_fen, last_hash FROM rounds ORDER BY rowid");
    while (r.step()) {
        ++report.rounds_checked;
        const std::string id = r.text(0);
        const auto it = tallies.find(id);
        const round_tally t = it == tallies.end() ? round_tally{} : it->second;
        std::string what, what_zh;
        if (t.rows != r.integer(1)) {
            what = "the round records " + std::to_string(r.integer(1)) + " rows but the register holds " +
                   std::to_string(t.rows);
            what_zh = "该轮记载 " + std::to_string(r.integer(1)) + " 行，登记簿中却有 " + std::to_string(t.rows) + " 行";
        } else if (t.total_fen != r.integer(2)) {
            what = "the round's total_fen " + std::to_string(r.integer(2)) + " is not the sum of its rows";
            what_zh = "该轮的 total_fen " + std::to_string(r.integer(2)) + " 不等于其各行之和";
        } else if (t.rows > 0 && t.last_hash != r.text(3)) {
            what = "the round's last_hash is not its last row's row_hash";
            what_zh = "该轮的 last_hash 不是其最后一行的 row_hash";
        }
        if (!what.empty()) {
            report.first_fault = register_fault{0, id, "", "", what, what_zh};
            return report;
        }
        if (it != tallies.end()) tallies.erase(it);
    }
    if (!tallies.empty()) {
        const std::string& id = tallies.begin()->first;
        detail::statement s(db, "SELECT row_id, borrower_id, loan_id FROM payouts WHERE round_id = ?1 ORDER BY row_id");
        s.bind(1, id);
        s.step();
        report.first_fault =
            register_fault{s.integer(0), id, s.text(1), s.text(2), "the row's round is not in the rounds table",
                           "该行的轮次不在 rounds 表中"};
    }
    return report;
}

std::string describe(const register_fault& f) {
    if (f.row_id == 0) return "round " + f.round_id + ": " + f.what;
    return "row " + std::to_string(f.row_id) + " (borrower " + f.borrower_id + ", loan " + f.loan_id + ", round " +
           f.round_id + "): " + f.what;
}

void require_verified(const payout_register& reg) {
    const verify_report report = reg.verify();
    if (report.ok()) return;
    throw validation_error("register", reg.path().string(),
                           "does not verify, first fault at " + describe(*report.first_fault) +
                               ": nothing is screened against it or committed to it until it is restored "
                               "(zjcredit register verify names the fault)");
}

}  // namespace zjcredit::screen
