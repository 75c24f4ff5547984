// The payout register: rounds committed and read back, the hash chain, hand
// edits found by verify, files refused, concurrent writers.
//
// Expected hashes are SHA-256 of canonical text written out here by hand
// (docs/register.md), not built by the code under test; the SHA-256 itself
// is checked on FIPS 180-2's "abc" vector. Totals are summed by hand:
//   round 2022Q2: A 1200.00 (L1) + A 300.50 (L2) + B 99.99 (L3) = 1600.49
//   round 2022Q3: A 1210.00 (L1, next quarter)                  = 1210.00
//   borrower A: 1200.00 + 300.50 + 1210.00 = 2710.50; B: 99.99
#include <zjcredit/screen/register.hpp>
#include <zjcredit/screen/round.hpp>

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <atomic>
#include <fstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace zjcredit;
using namespace zjcredit::screen;

namespace {

std::filesystem::path fresh_path(const std::string& name) {
    static std::atomic<int> counter{0};
    const auto dir = std::filesystem::temp_directory_path() /
                     ("zjc-register-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir);
    return dir / name;
}

dates::date d(const char* text) { return dates::parse_date(text); }

payout make(std::string borrower, std::string name, std::string loan, std::string lender, const char* from,
            const char* to, std::int64_t fen, std::string digest = "") {
    return {std::move(borrower), std::move(name), std::move(loan), std::move(lender), d(from), d(to),
            money::amount::from_fen(fen), std::move(digest)};
}

const char* const borrower_a = "91440800MA4UJ8XX1K";
const char* const borrower_b = "91440800MA51B0XX2L";

std::vector<payout> round_q2() {
    return {make(borrower_a, "湛江甲公司", "L1", "湛江农商行", "2022-04-01", "2022-06-30", 120000, "sha256:aa"),
            make(borrower_a, "湛江甲公司", "L2", "湛江农商行", "2022-04-01", "2022-06-30", 30050),
            make(borrower_b, "湛江乙公司", "L3", "广东南粤银行", "2022-05-10", "2022-06-30", 9999)};
}

std::vector<payout> round_q3() {
    return {make(borrower_a, "湛江甲公司", "L1", "湛江农商行", "2022-07-01", "2022-09-30", 121000)};
}

/// Runs SQL on the file directly, as someone with sqlite3 would.
void edit_by_hand(const std::filesystem::path& path, const char* sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.string().c_str(), &db) == SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
    const std::string msg = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(db);
    REQUIRE_MESSAGE(rc == SQLITE_OK, msg);
}

std::string open_error(const std::filesystem::path& path, register_open mode = register_open::create) {
    try {
        payout_register::open(path, mode);
    } catch (const zjcredit::error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("sha256_hex is SHA-256 (FIPS 180-2, \"abc\")") {
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("two rounds committed, read back after re-opening, chained and verified") {
    const auto path = fresh_path("payouts.db");
    {
        auto reg = payout_register::open(path, register_open::create);
        const auto q2 = round_q2();
        const round_summary s = reg.commit_round({"2022Q2", "湛金函〔2022〕86号"}, q2);
        CHECK(s.rows == 3);
        CHECK(s.total.fen() == 160049);
    }
    auto reg = payout_register::open(path, register_open::existing);
    std::vector<paid_period> rows = reg.paid();
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].row_id == 1);
    CHECK(rows[0].loan_id == "L1");
    CHECK(rows[0].lender == "湛江农商行");
    CHECK(rows[0].amount.fen() == 120000);
    CHECK(rows[0].from == d("2022-04-01"));
    CHECK(rows[2].borrower_name == "湛江乙公司");
    CHECK(rows[0].committed_at.size() == 20);

    // Row 1's hash, from the canonical text of docs/register.md written out.
    const std::string text1 = "1\t2022Q2\t" + rows[0].committed_at +
                              "\t湛金函〔2022〕86号\t91440800MA4UJ8XX1K\t湛江甲公司\tL1\t湛江农商行\t"
                              "2022-04-01\t2022-06-30\t120000\tsha256:aa\t"
                              "0000000000000000000000000000000000000000000000000000000000000000\n";
    CHECK(rows[0].prev_hash == std::string(64, '0'));
    CHECK(rows[0].row_hash == sha256_hex(text1));
    const std::string text2 = "2\t2022Q2\t" + rows[0].committed_at +
                              "\t湛金函〔2022〕86号\t91440800MA4UJ8XX1K\t湛江甲公司\tL2\t湛江农商行\t"
                              "2022-04-01\t2022-06-30\t30050\t\t" + rows[0].row_hash + "\n";
    CHECK(rows[1].row_hash == sha256_hex(text2));
    CHECK(rows[2].prev_hash == rows[1].row_hash);

    const auto q3 = round_q3();
    reg.commit_round({"2022Q3", "湛金函〔2022〕86号"}, q3);
    rows = reg.paid();
    REQUIRE(rows.size() == 4);
    CHECK(rows[3].round_id == "2022Q3");
    CHECK(rows[3].prev_hash == rows[2].row_hash);

    const auto rounds = reg.rounds();
    REQUIRE(rounds.size() == 2);
    CHECK(rounds[0].round_id == "2022Q2");
    CHECK(rounds[0].total.fen() == 160049);
    CHECK(rounds[1].total.fen() == 121000);
    CHECK(rounds[1].last_hash == rows[3].row_hash);

    CHECK(reg.total_paid(borrower_a).fen() == 271050);
    CHECK(reg.total_paid(borrower_b).fen() == 9999);
    CHECK(reg.total_paid("nobody").fen() == 0);
    const auto totals = reg.totals();
    REQUIRE(totals.size() == 2);
    CHECK(totals[0].borrower_id == borrower_a);
    CHECK(totals[0].rows == 3);
    CHECK(totals[0].total.fen() == 271050);

    CHECK(reg.paid_for_loan("湛江农商行", "L1").size() == 2);
    CHECK(reg.paid_for_loan("广东南粤银行", "L1").empty());

    const verify_report v = reg.verify();
    CHECK(v.ok());
    CHECK(v.rows_checked == 4);
    CHECK(v.rounds_checked == 2);
    CHECK(v.head_hash == rows[3].row_hash);
}

TEST_CASE("a round is refused as a whole: its id again, a period paid before, an overlap inside it") {
    const auto path = fresh_path("payouts.db");
    auto reg = payout_register::open(path, register_open::create);
    const auto q2 = round_q2();
    reg.commit_round({"2022Q2", "v1"}, q2);

    CHECK_THROWS_WITH_AS(reg.commit_round({"2022Q2", "v1"}, round_q3()),
                         doctest::Contains("round_id: is already in the register"), validation_error);

    // The same loan again for a period that overlaps the paid one (06-30 is in both).
    std::vector<payout> again = {make(borrower_b, "湛江乙公司", "L9", "广东南粤银行", "2022-07-01", "2022-09-30", 5),
                                 make(borrower_a, "湛江甲公司", "L2", "湛江农商行", "2022-06-30", "2022-09-30", 7)};
    CHECK_THROWS_WITH_AS(reg.commit_round({"2022Q3", "v1"}, again),
                         doctest::Contains("payouts[1]: the period 2022-06-30..2022-09-30 overlaps "
                                           "2022-04-01..2022-06-30, already paid in round 2022Q2 (row 2)"),
                         validation_error);

    // Two payouts of one loan in one round whose periods overlap.
    std::vector<payout> twice = {make(borrower_a, "甲", "L5", "X", "2022-07-01", "2022-08-31", 1),
                                 make(borrower_a, "甲", "L5", "X", "2022-08-31", "2022-09-30", 1)};
    CHECK_THROWS_WITH_AS(reg.commit_round({"2022Q3", "v1"}, twice), doctest::Contains("overlaps payouts[0]"),
                         validation_error);
    // The same loan_id at another lender is another loan.
    std::vector<payout> other_lender = {make(borrower_a, "甲", "L2", "另一银行", "2022-04-01", "2022-06-30", 1)};
    CHECK_NOTHROW(reg.commit_round({"2022Q3", "v1"}, other_lender));

    CHECK(reg.paid().size() == 4);
    CHECK(reg.rounds().size() == 2);
    CHECK(reg.verify().ok());
}

TEST_CASE("payouts that break the rules are refused, naming the field") {
    auto reg = payout_register::open(fresh_path("payouts.db"), register_open::create);
    std::vector<payout> p = {make(borrower_a, "甲", "L1\nL2", "X", "2022-04-01", "2022-06-30", 1)};
    CHECK_THROWS_WITH_AS(reg.commit_round({"r", "v"}, p), doctest::Contains("payouts[0].loan_id: holds a control"),
                         parse_error);
    p = {make(borrower_a, "甲", "L1", "X", "2022-04-01", "2022-06-30", -1)};
    CHECK_THROWS_WITH_AS(reg.commit_round({"r", "v"}, p), doctest::Contains("payouts[0].amount: is negative"),
                         validation_error);
    p = {make(borrower_a, "甲", "L1", "X", "2022-07-01", "2022-06-30", 1)};
    CHECK_THROWS_WITH_AS(reg.commit_round({"r", "v"}, p), doctest::Contains("payouts[0].from: the period ends"),
                         validation_error);
    p = {make("", "甲", "L1", "X", "2022-04-01", "2022-06-30", 1)};
    CHECK_THROWS_WITH_AS(reg.commit_round({"r", "v"}, p), doctest::Contains("payouts[0].borrower_id: must not be empty"),
                         validation_error);
    CHECK_THROWS_WITH_AS(reg.commit_round({"", "v"}, {}), doctest::Contains("round_id: must not be empty"),
                         validation_error);
    CHECK(reg.rounds().empty());
}

TEST_CASE("an amount changed by hand fails verify, naming the row") {
    const auto path = fresh_path("payouts.db");
    {
        auto reg = payout_register::open(path, register_open::create);
        reg.commit_round({"2022Q2", "v1"}, round_q2());
        reg.commit_round({"2022Q3", "v1"}, round_q3());
    }
    edit_by_hand(path, "UPDATE payouts SET amount_fen = 30051 WHERE row_id = 2");
    const verify_report v = payout_register::open(path, register_open::existing).verify();
    REQUIRE_FALSE(v.ok());
    CHECK(v.first_fault->row_id == 2);
    CHECK(v.first_fault->borrower_id == borrower_a);
    CHECK(v.first_fault->loan_id == "L2");
    CHECK(v.first_fault->round_id == "2022Q2");
    CHECK(v.first_fault->what == "row_hash does not match the row's content (edited after commit)");
    CHECK(v.first_fault->what_zh == "row_hash 与该行内容不符（写入后被改动）");
    CHECK(verify_report_to_json(v).find("\"row_id\": 2") != std::string::npos);
    CHECK(verify_report_to_json(v).find("\"what_zh\": \"row_hash 与该行内容不符") != std::string::npos);
}

TEST_CASE("a register edited by hand takes no further round, and a screen does not read it") {
    const auto path = fresh_path("payouts.db");
    {
        auto reg = payout_register::open(path, register_open::create);
        reg.commit_round({"2022Q2", "v1"}, round_q2());
    }
    edit_by_hand(path, "UPDATE payouts SET amount_fen = 30051 WHERE row_id = 2");
    auto reg = payout_register::open(path, register_open::existing);
    const std::string fault =
        "does not verify, first fault at row 2 (borrower " + std::string(borrower_a) + ", loan L2, round 2022Q2): row_hash";
    CHECK_THROWS_WITH_AS(reg.commit_round({"2022Q3", "v1"}, round_q3()), doctest::Contains(fault.c_str()),
                         validation_error);
    CHECK(reg.rounds().size() == 1);  // nothing chained onto the edited row
    CHECK_THROWS_AS(require_verified(reg), validation_error);
    CHECK_THROWS_WITH_AS((void)already_paid_of(reg), doctest::Contains("does not verify"), validation_error);
}

TEST_CASE("an edit that recomputes the row's hash breaks the next row's link; a removed row too") {
    const auto path = fresh_path("payouts.db");
    {
        auto reg = payout_register::open(path, register_open::create);
        reg.commit_round({"2022Q2", "v1"}, round_q2());
    }
    // Row 2 deleted: row 3's prev_hash now points at nothing.
    edit_by_hand(path, "DELETE FROM payouts WHERE row_id = 2");
    const verify_report v = payout_register::open(path, register_open::existing).verify();
    REQUIRE_FALSE(v.ok());
    CHECK(v.first_fault->row_id == 3);
    CHECK(v.first_fault->loan_id == "L3");
    CHECK(v.first_fault->what.find("does not match the row_hash of row 1") != std::string::npos);
    CHECK(v.first_fault->what_zh == "prev_hash 与第 1 行的 row_hash 不符（有行被删除、插入或调换顺序）");
}

TEST_CASE("the last row removed is found by its round's count") {
    const auto path = fresh_path("payouts.db");
    {
        auto reg = payout_register::open(path, register_open::create);
        reg.commit_round({"2022Q2", "v1"}, round_q2());
    }
    edit_by_hand(path, "DELETE FROM payouts WHERE row_id = 3");
    const verify_report v = payout_register::open(path, register_open::existing).verify();
    REQUIRE_FALSE(v.ok());
    CHECK(v.first_fault->row_id == 0);
    CHECK(v.first_fault->round_id == "2022Q2");
    CHECK(v.first_fault->what == "the round records 3 rows but the register holds 2");
    CHECK(v.first_fault->what_zh == "该轮记载 3 行，登记簿中却有 2 行");
}

TEST_CASE("files that are not registers, and registers of a newer schema, are refused") {
    const auto text = fresh_path("notes.txt");
    std::ofstream(text) << "borrower_id,amount\n91440800MA4UJ8XX1K,1200.00\n" << std::string(200, 'x') << "\n";
    CHECK(open_error(text) == "register: is not a payout register (not a SQLite database) in \"" + text.string() + "\"");

    const auto other = fresh_path("other.db");
    edit_by_hand(other, "CREATE TABLE t(x)");
    CHECK(open_error(other).find("is a SQLite database but not a payout register (application_id 0") !=
          std::string::npos);

    const auto newer = fresh_path("newer.db");
    payout_register::open(newer, register_open::create);
    edit_by_hand(newer, "PRAGMA user_version = 2");
    CHECK(open_error(newer).find("is a payout register of schema version 2, newer than this zjcredit reads (1)") !=
          std::string::npos);

    CHECK(open_error(fresh_path("missing.db"), register_open::existing).find("no such file") != std::string::npos);
    const auto empty = fresh_path("empty.db");
    std::ofstream{empty};
    CHECK(open_error(empty, register_open::existing).find("is an empty database") != std::string::npos);
    // The same empty file becomes a register when asked to create one.
    CHECK(open_error(empty) == "");
    CHECK(payout_register::open(empty, register_open::existing).verify().ok());
}

TEST_CASE("two writers at once are serialised: each round's rows are contiguous") {
    const auto path = fresh_path("payouts.db");
    payout_register::open(path, register_open::create);  // created once, so both threads open a register
    constexpr int rows_per_round = 2000;
    auto round_of = [](int writer) {
        std::vector<payout> out;
        for (int i = 0; i < rows_per_round; ++i)
            out.push_back(make("B" + std::to_string(i), "n", "W" + std::to_string(writer) + "-" + std::to_string(i),
                               "X", "2022-04-01", "2022-06-30", 100 + i));
        return out;
    };
    std::vector<std::string> failures(4);
    std::vector<std::thread> writers;
    // Writers 0 and 1 commit different rounds; 2 and 3 the same round id.
    for (int w = 0; w < 4; ++w)
        writers.emplace_back([&, w] {
            try {
                const auto rows = round_of(w);
                commit_round(path, {w < 2 ? "R" + std::to_string(w) : std::string("R-same"), "v"}, rows);
            } catch (const zjcredit::error& e) {
                failures[static_cast<std::size_t>(w)] = e.what();
            }
        });
    for (auto& t : writers) t.join();
    CHECK(failures[0] == "");
    CHECK(failures[1] == "");
    // Exactly one of the two same-id writers got in.
    CHECK(((failures[2].empty()) != (failures[3].empty())));
    CHECK((failures[2] + failures[3]).find("is already in the register") != std::string::npos);

    auto reg = payout_register::open(path, register_open::existing);
    const auto rows = reg.paid();
    REQUIRE(rows.size() == 3 * rows_per_round);
    int changes = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) changes += rows[i].round_id != rows[i - 1].round_id;
    CHECK(changes == 2);
    CHECK(reg.verify().ok());
}
