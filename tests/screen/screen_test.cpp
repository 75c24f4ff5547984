// The screen on hand-worked cases (expected values worked from the rule's
// text, not from the code): two loans of one borrower at 800万 each share the
// one 1000万 cap, in the fill order, each part at its own rate used.
#include <zjcredit/dates/date.hpp>
#include <zjcredit/plan/plan_2022.hpp>
#include <zjcredit/screen/screen.hpp>

#include <doctest/doctest.h>

#include <cctype>

#include <string>
#include <vector>

using namespace zjcredit;
namespace batch = rules::batch;

namespace {

std::int32_t day(unsigned short y, unsigned short m, unsigned short d) { return dates::to_day_number(dates::date(y, m, d)); }

constexpr std::int64_t wan = 1'000'000;  // 1万元 in 分

/// A population of loans built row by row (owns the columns).
struct population {
    std::vector<std::uint8_t> kind, flags;
    std::vector<std::int32_t> application, period_from, period_to, range_from, range_to;
    std::vector<std::int64_t> rate, offsets{0}, balance;
    std::vector<std::string> loan_id_s, borrower_id_s, borrower_s, lender_s;
    std::vector<std::string_view> loan_id, borrower_id, borrower, lender;

    struct range {
        std::int32_t from, to;
        std::int64_t balance;
    };
    /// A small enterprise's loan via the platform from a local lender; rate in units of 10^-10.
    void add(std::string id, std::string code, std::string name, std::string bank, std::int32_t app,
             std::int64_t annual_rate, std::vector<range> ranges, bool first_loan = true,
             std::int32_t from = day(2022, 4, 1), std::int32_t to = day(2022, 6, 30)) {
        kind.push_back(batch::kind_small);
        flags.push_back(static_cast<std::uint8_t>(batch::loan_via_platform | batch::loan_local_legal_person_lender |
                                                  (first_loan ? batch::loan_first_loan : 0)));
        application.push_back(app);
        rate.push_back(annual_rate);
        period_from.push_back(from);
        period_to.push_back(to);
        for (const auto& r : ranges) {
            range_from.push_back(r.from);
            range_to.push_back(r.to);
            balance.push_back(r.balance);
        }
        offsets.push_back(static_cast<std::int64_t>(balance.size()));
        loan_id_s.push_back(std::move(id));
        borrower_id_s.push_back(std::move(code));
        borrower_s.push_back(std::move(name));
        lender_s.push_back(std::move(bank));
    }
    screen::screen_input input() {
        loan_id.assign(loan_id_s.begin(), loan_id_s.end());
        borrower_id.assign(borrower_id_s.begin(), borrower_id_s.end());
        borrower.assign(borrower_s.begin(), borrower_s.end());
        lender.assign(lender_s.begin(), lender_s.end());
        screen::screen_input in;
        in.loans = {kind, application, flags, rate, period_from, period_to, offsets, range_from, range_to, balance};
        in.loan_id = loan_id;
        in.borrower_id = borrower_id;
        in.borrower = borrower;
        in.lender = lender;
        return in;
    }
};

const std::string code_a = "91440800MA4W00001F";
const std::string code_b = "91440800MA4W00002J";

/// Borrower A: L1 at 甲 (applied 04-10, 800万 from 04-10, 0.8%), L2 at 乙
/// (applied 04-20, 800万 from 04-20, 4.35%, used at the 1% ceiling).
population two_loans(std::string id1 = "L1", std::string id2 = "L2") {
    population p;
    p.add(id1, code_a, "甲公司", "银行甲", day(2022, 4, 10), 80'000'000,
          {{day(2022, 4, 1), day(2022, 4, 9), 0}, {day(2022, 4, 10), day(2022, 6, 30), 800 * wan}});
    p.add(id2, code_a, "甲公司", "银行乙", day(2022, 4, 20), 435'000'000,
          {{day(2022, 4, 1), day(2022, 4, 19), 0}, {day(2022, 4, 20), day(2022, 6, 30), 800 * wan}});
    return p;
}

const plan::first_loan_subsidy_parameters& params() { return plan::plan_2022().first_loan_subsidy; }

/// One balance held every day of the second quarter (91 days).
std::vector<population::range> whole_quarter(std::int64_t balance) { return {{day(2022, 4, 1), day(2022, 6, 30), balance}}; }

}  // namespace

TEST_CASE("screen: two loans of 800万 share the 1000万 cap, filled in order, each at its own rate") {
    population p = two_loans();
    screen::screen_options o;
    o.keep_all_first_loans = true;  // both lenders' 首贷 kept: the split to two lenders
    const auto r = screen::run_screen(p.input(), params(), o);
    REQUIRE(r.borrowers.size() == 1);
    const auto& b = r.borrowers[0];
    CHECK(b.eligible);
    // 04-10..04-19, 10 days: L1 800万. 04-20..06-30, 72 days: L1 800万 first,
    // L2 the 200万 left. L1: 800万 × 82 × 0.8% / 360 = 14,577.777…;
    // L2: 200万 × 72 × 1% / 360 = 4,000. Together 18,577.777…, rounded once: 18,577.78.
    CHECK(b.amount == 1'857'778);
    CHECK(r.loans[0].capped_sum == std::int64_t{800 * wan} * 82);
    CHECK(r.loans[1].capped_sum == std::int64_t{200 * wan} * 72);
    // Split: floors 14,577.77 and 4,000.00 leave 1 分, to L1 (remainder 0.777… 分).
    CHECK(r.loans[0].amount == 1'457'778);
    CHECK(r.loans[1].amount == 400'000);
    CHECK(r.loans[0].amount + r.loans[1].amount == b.amount);
    REQUIRE(b.lenders.size() == 2);
    CHECK(b.lenders[0].first == "银行乙");  // by name, byte order
    CHECK(b.lenders[0].second == 400'000);
    CHECK(b.lenders[1].first == "银行甲");
    CHECK(b.lenders[1].second == 1'457'778);
    // Each loan's 说明: its balance-days within the cap × its rate ÷ 360, the
    // borrower's total rounded once, its share (800万 × 82 = 656,000,000.00;
    // 200万 × 72 = 144,000,000.00).
    CHECK(screen::paid_listing_arithmetic(r, 0, params(), false) ==
          "计入单户上限的积数 656000000.00 × 0.8% ÷ 360 = 14577.777777… 元；该户合计四舍五入到分为 18577.78 元，本笔分得 "
          "14577.78 元");
    CHECK(screen::paid_listing_arithmetic(r, 1, params(), true) ==
          "balance-days within the borrower's cap 144000000.00 (the borrower's daily balances together above "
          "10000000.00 not counted, filled loan by loan in order) × 1% / 360 = 4000 yuan; the borrower's total, rounded "
          "half up to the fen: 18577.78; this loan's share 4000.00");
    // L2 got 200万 of its 800万 from 04-20 on: cut by the cap; L1 never was.
    CHECK_FALSE(r.loans[0].cut_by_cap);
    CHECK(r.loans[1].cut_by_cap);
    CHECK(b.cap_listings == 2);
    // The conflict is listed even when both are kept.
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].kind == "first_loan_claimed_elsewhere");
    CHECK(r.totals.all.amount == 1'857'778);
    CHECK(r.totals.lenders.size() == 2);
}

TEST_CASE("screen: a listing's 说明 names a cap on its borrower's total") {
    population p = two_loans();
    screen::screen_options o;
    o.keep_all_first_loans = true;
    plan::first_loan_subsidy_parameters capped = params();
    capped.per_borrower_cap = money::amount::from_fen(1'000'000);  // 10,000.00 a borrower
    const auto r = screen::run_screen(p.input(), capped, o);
    // 18,577.78 capped at 10,000.00, split by the exact parts 656,000,000 × 0.8%
    // = 5,248,000 and 144,000,000 × 1% = 1,440,000: L1 10,000 × 5,248,000 ÷
    // 6,688,000 = 7,846.88995…, L2 2,153.11004…: floors leave 1 分, to L1.
    CHECK(r.borrowers[0].amount == 1'000'000);
    CHECK(r.loans[0].amount == 784'689);
    CHECK(r.loans[1].amount == 215'311);
    CHECK(screen::paid_listing_arithmetic(r, 0, capped, true) ==
          "balance-days within the borrower's cap 656000000.00 × 0.8% / 360 = 14577.777777… yuan; the borrower's total, "
          "rounded half up to the fen: 18577.78, capped: 10000.00 paid; this loan's share 7846.89");
    CHECK(screen::paid_listing_arithmetic(r, 1, capped, false) ==
          "计入单户上限的积数 144000000.00（该户各笔日余额合计超过 10000000.00 元的部分不计，按填充顺序计入各笔） × 1% ÷ 360 = "
          "4000 元；该户合计四舍五入到分为 18577.78 元，受上限所限付 10000.00 元，"
          "本笔分得 2153.11 元");
}

TEST_CASE("screen: a borrower's only loan above the cap is said cut in its own words") {
    // 1200万 held the whole quarter (91 days), 0.8%: 1000万 a day counts.
    // 10,000,000.00 × 91 = 910,000,000.00 元·days; × 0.8% ÷ 360 = 20,222.222…
    population p;
    p.add("L1", code_a, "甲公司", "银行甲", day(2022, 4, 1), 80'000'000, whole_quarter(1200 * wan));
    // A second listing of the borrower that is not its first loan: not in the cap.
    p.add("L2", code_a, "甲公司", "银行乙", day(2022, 4, 1), 80'000'000, whole_quarter(100 * wan), false);
    const auto r = screen::run_screen(p.input(), params());
    REQUIRE(r.borrowers.size() == 1);
    CHECK(r.borrowers[0].cap_listings == 1);
    CHECK(r.loans[0].cut_by_cap);
    CHECK_FALSE(r.loans[1].cut_by_cap);
    CHECK(r.borrowers[0].amount == 2'022'222);
    CHECK(screen::paid_listing_arithmetic(r, 0, params(), false) ==
          "计入单户上限的积数 910000000.00（日余额超过 10000000.00 元的部分不计） × 0.8% ÷ 360 = 20222.222222… 元；"
          "该户合计四舍五入到分为 20222.22 元，本笔分得 20222.22 元");
    CHECK(screen::paid_listing_arithmetic(r, 0, params(), true) ==
          "balance-days within the borrower's cap 910000000.00 (daily balances above 10000000.00 not counted) × 0.8% "
          "/ 360 = 20222.222222… yuan; the borrower's total, rounded half up to the fen: 20222.22; this loan's share "
          "20222.22");
}

TEST_CASE("screen: the fill order is a parameter") {
    // By loan_id with L2 named "A2" first: 04-20..06-30 L2 takes 800万, L1 200万;
    // 04-10..04-19 L1 800万. L1: (800万 × 10 + 200万 × 72) × 0.8% / 360 = 4,977.777…;
    // L2: 800万 × 72 × 1% / 360 = 16,000. Total 20,977.777… → 20,977.78.
    population p = two_loans("B1", "A2");
    screen::screen_options o;
    o.keep_all_first_loans = true;
    o.order = screen::fill_order::loan_id;
    const auto r = screen::run_screen(p.input(), params(), o);
    CHECK(r.borrowers[0].amount == 2'097'778);
    CHECK(r.loans[0].amount == 497'778);
    CHECK(r.loans[1].amount == 1'600'000);
}

TEST_CASE("screen: 首贷 at two lenders is a conflict naming both; the first in order keeps it") {
    population p = two_loans();
    const auto r = screen::run_screen(p.input(), params());
    REQUIRE(r.conflicts.size() == 1);
    const auto& c = r.conflicts[0];
    CHECK(c.kind == "first_loan_claimed_elsewhere");
    CHECK(c.borrower_id == code_a);
    CHECK(c.lenders == std::vector<std::string_view>{"银行甲", "银行乙"});
    CHECK(screen::conflict_detail(p.input(), c, true).find("银行甲") != std::string::npos);
    CHECK(screen::conflict_detail(p.input(), c, true).find("银行乙") != std::string::npos);
    CHECK_FALSE(r.loans[1].eligible);
    CHECK(r.loans[1].screen_reasons == screen::reason_claimed_elsewhere);
    // L1 alone: 800万 × 82 × 0.8% / 360 = 14,577.777… → 14,577.78.
    CHECK(r.borrowers[0].amount == 1'457'778);
    CHECK(r.loans[0].amount == 1'457'778);
    CHECK(r.totals.loans_eligible == 1);
    CHECK(r.totals.reasons == std::vector<std::pair<std::string, std::size_t>>{{"first_loan_claimed_elsewhere", 1}});
}

TEST_CASE("screen: a loan listed twice counts once; overlapping claim periods are held; paid periods are not paid again") {
    population p;
    const auto full = whole_quarter(100 * wan);
    p.add("L1", code_a, "甲公司", "银行甲", day(2022, 4, 1), 100'000'000, full);
    p.add("L1", code_a, "甲公司", "银行甲", day(2022, 4, 1), 100'000'000, full);
    // Borrower B: its loan for Q2 and again for 05-01..07-31: overlapping.
    p.add("M1", code_b, "乙公司", "银行乙", day(2022, 4, 1), 100'000'000, full);
    p.add("M1", code_b, "乙公司", "银行乙", day(2022, 4, 1), 100'000'000,
          {{day(2022, 5, 1), day(2022, 7, 31), 100 * wan}}, true, day(2022, 5, 1), day(2022, 7, 31));
    auto r = screen::run_screen(p.input(), params());
    // A: 100万 × 91 days × 1% / 360 = 2,527.777… → 2,527.78, once.
    CHECK(r.borrowers[0].amount == 252'778);
    CHECK(r.loans[1].screen_reasons == screen::reason_listed_twice);
    CHECK_FALSE(r.borrowers[1].eligible);
    CHECK(r.loans[2].screen_reasons == screen::reason_periods_overlap);
    CHECK(r.loans[3].screen_reasons == screen::reason_periods_overlap);
    REQUIRE(r.conflicts.size() == 2);
    CHECK(r.conflicts[0].kind == "loan_listed_twice");
    CHECK(r.conflicts[1].kind == "claim_periods_overlap");

    // A round replayed against what was paid: nothing is paid twice.
    screen::screen_options o;
    for (const auto& pay : screen::payments(p.input(), r)) o.already_paid.push_back({pay.lender, pay.loan_id, pay.from, pay.to, pay.borrower_id});
    CHECK(o.already_paid.size() == 1);
    r = screen::run_screen(p.input(), params(), o);
    CHECK(r.totals.all.amount == 0);
    CHECK(r.loans[0].screen_reasons == screen::reason_already_paid);
}

TEST_CASE("screen: a loan already paid keeps its room in the borrower's cap; the loans paid now share the rest") {
    // A002: 600万 all quarter, 3.85% (used at 1%), paid in an earlier round.
    // A003: 500万 from 05-16 to 06-15 (31 days), 0.5%. On those days the two
    // hold 1100万: A002 keeps its 600万 (it was paid on it), A003 has 400万:
    // 400万 × 31 × 0.5% ÷ 360 = 1,722.222… → 1,722.22 (not 500万 × 31 × 0.5%
    // ÷ 360 = 2,152.78, which would pay the borrower on 1100万 a day).
    population p;
    p.add("A002", code_a, "甲公司", "银行甲", day(2022, 4, 1), 385'000'000, {{day(2022, 4, 1), day(2022, 6, 30), 600 * wan}});
    p.add("A003", code_a, "甲公司", "银行甲", day(2022, 5, 10), 50'000'000,
          {{day(2022, 4, 1), day(2022, 5, 15), 0}, {day(2022, 5, 16), day(2022, 6, 15), 500 * wan},
           {day(2022, 6, 16), day(2022, 6, 30), 0}});
    screen::screen_options o;
    o.already_paid.push_back({"银行甲", "A002", day(2022, 4, 1), day(2022, 6, 30), code_a});
    const auto in = p.input();
    const auto r = screen::run_screen(in, params(), o);
    REQUIRE(r.borrowers.size() == 1);
    CHECK(r.borrowers[0].eligible);
    CHECK(r.borrowers[0].amount == 172'222);
    CHECK(r.loans[0].screen_reasons == screen::reason_already_paid);
    CHECK(r.loans[0].amount == 0);
    CHECK(r.loans[0].capped_sum == 0);
    CHECK(r.loans[1].capped_sum == std::int64_t{400 * wan} * 31);
    CHECK(r.loans[1].amount == 172'222);
    // Both in one round: 600万 × 91 × 1% ÷ 360 = 15,166.666… and the same
    // 1,722.222…: 16,888.888… → 16,888.89, rounded once.
    const auto both = screen::run_screen(in, params());
    CHECK(both.borrowers[0].amount == 1'688'889);
}

TEST_CASE("screen: a borrower whose loan paid for these days is not listed is held: its room in the cap is not known") {
    population p;  // A003 alone; A002 (at the same bank, paid for the quarter) is not in the files
    p.add("A003", code_a, "甲公司", "银行甲", day(2022, 5, 10), 50'000'000,
          {{day(2022, 4, 1), day(2022, 5, 15), 0}, {day(2022, 5, 16), day(2022, 6, 15), 500 * wan},
           {day(2022, 6, 16), day(2022, 6, 30), 0}});
    screen::screen_options o;
    o.already_paid.push_back({"银行甲", "A002", day(2022, 4, 1), day(2022, 6, 30), code_a});
    const auto in = p.input();
    const auto r = screen::run_screen(in, params(), o);
    CHECK_FALSE(r.borrowers[0].eligible);
    CHECK(r.borrowers[0].held);
    CHECK(r.loans[0].screen_reasons == screen::reason_paid_not_listed);
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].kind == "paid_loan_not_listed");
    CHECK(r.conflicts[0].loan_id == "A002");
    CHECK(screen::conflict_detail(in, r.conflicts[0], true) ==
          "borrower 甲公司 (" + code_a + "): loan A002 (银行甲) was paid for 2022-04-01..2022-06-30 in an earlier round "
          "but is not in the files screened, so the room its balances took in the borrower's cap on those days is not "
          "known: all held; screen its file together with these");
    // Paid for another quarter: no day is shared, nothing held. A003: 500万 ×
    // 31 × 0.5% ÷ 360 = 2,152.777… → 2,152.78.
    o.already_paid.front() = {"银行甲", "A002", day(2022, 1, 1), day(2022, 3, 31), code_a};
    const auto q1 = screen::run_screen(in, params(), o);
    CHECK(q1.borrowers[0].eligible);
    CHECK(q1.borrowers[0].amount == 215'278);
    CHECK(q1.conflicts.empty());
}

TEST_CASE("screen: a replayed round keeps the 首贷 with the lender already paid for it") {
    // Round 1: L1 at 甲 keeps the 首贷 (first in the fill order) and is paid
    // 14,577.78; L2 at 乙 is not. Replayed with L1's period paid: L1 is not
    // paid again, and L2 is still not the borrower's 首贷, so nothing is paid.
    population p = two_loans();
    auto r = screen::run_screen(p.input(), params());
    screen::screen_options o;
    for (const auto& pay : screen::payments(p.input(), r)) o.already_paid.push_back({pay.lender, pay.loan_id, pay.from, pay.to, pay.borrower_id});
    REQUIRE(o.already_paid.size() == 1);
    CHECK(o.already_paid[0].loan_id == "L1");
    r = screen::run_screen(p.input(), params(), o);
    CHECK(r.totals.all.amount == 0);
    CHECK(r.loans[0].screen_reasons == screen::reason_already_paid);
    CHECK(r.loans[1].screen_reasons == screen::reason_claimed_elsewhere);
    CHECK_FALSE(r.loans[1].eligible);
}

TEST_CASE("screen: the earliest 首贷 keeps it even when it is itself not subsidised, and the detail says why") {
    // 甲公司's L1 at 银行甲 (applied 04-10) did not go through the platform, so
    // the rule pays it nothing; it is still the borrower's first loan, so L2 at
    // 银行乙 (applied 04-20) is not a 首贷 and is not paid either: 0 in all.
    population p = two_loans();
    p.flags[0] = static_cast<std::uint8_t>(p.flags[0] & ~batch::loan_via_platform);
    const auto r = screen::run_screen(p.input(), params(), {});
    CHECK_FALSE(r.loans[0].eligible);
    CHECK(r.loans[0].reasons == rules::reason_bit("not_via_platform"));
    CHECK_FALSE(r.loans[1].eligible);
    CHECK(r.loans[1].screen_reasons == screen::reason_claimed_elsewhere);
    CHECK(r.totals.all.amount == 0);
    // Both banks are in the totals, with nothing paid, rather than missing.
    REQUIRE(r.totals.lenders.size() == 2);
    for (const auto& lender : r.totals.lenders) CHECK((lender.loans == 0 && lender.amount == 0 && lender.borrowers == 0));
    CHECK(r.totals.lenders[0].key == "银行乙");  // byte order: 乙 E4 B9 99 before 甲 E7 94 B2
    REQUIRE(r.conflicts.size() == 1);
    const auto& c = r.conflicts[0];
    CHECK(c.kind == "first_loan_claimed_elsewhere");
    CHECK(c.loan_id == "L1");
    CHECK(c.keeper_reasons == rules::reason_bit("not_via_platform"));
    CHECK(screen::conflict_detail(p.input(), c, false) ==
          "借款人 甲公司（" + code_a + "）在 银行甲 和 银行乙 均报为首贷；按填充顺序由 银行甲（借据号 L1）认定，"
          "该笔本身不符合贴息条件（未依托广东省中小企业融资平台申请）；银行乙 的首贷亦不予贴息");
    CHECK(screen::conflict_detail(p.input(), c, true).find(
              "keeps it, though it is itself not subsidised (did not apply via the Guangdong SME financing platform); "
              "银行乙 is not subsidised either") != std::string::npos);
    // Eligible, the keeper gets the plain wording.
    population q = two_loans();
    const auto s = screen::run_screen(q.input(), params(), {});
    REQUIRE(s.conflicts.size() == 1);
    CHECK(s.conflicts[0].keeper_reasons == 0);
    CHECK(screen::conflict_detail(q.input(), s.conflicts[0], false).ends_with("按填充顺序由 银行甲（借据号 L1）认定，银行乙 的首贷不予贴息"));
}

TEST_CASE("screen: a borrower paid in an earlier round keeps its 首贷 with that lender, even when its file is absent") {
    // Round 2 has only 银行乙's file: L2 (甲公司, 首贷, 800万 from 04-20 at 4.35%,
    // used at 1%) and L3 (乙公司, the same terms). 甲公司's 首贷 was paid in
    // round 1 at 银行甲 (L1): L2 is claimed elsewhere and not paid. L3 pays
    // 800万 × 72 days (04-20..06-30: 11 + 31 + 30) × 1% ÷ 360 = 16,000.00.
    population p;
    const std::vector<population::range> from_0420{{day(2022, 4, 1), day(2022, 4, 19), 0},
                                                   {day(2022, 4, 20), day(2022, 6, 30), 800 * wan}};
    p.add("L2", code_a, "甲公司", "银行乙", day(2022, 4, 20), 435'000'000, from_0420);
    p.add("L3", code_b, "乙公司", "银行乙", day(2022, 4, 20), 435'000'000, from_0420);
    screen::screen_options o;
    o.already_paid.push_back({"银行甲", "L1", day(2022, 4, 1), day(2022, 6, 30), code_a});
    auto r = screen::run_screen(p.input(), params(), o);
    CHECK_FALSE(r.loans[0].eligible);
    CHECK(r.loans[0].screen_reasons == screen::reason_claimed_elsewhere);
    CHECK(r.loans[1].amount == 1'600'000);
    CHECK(r.totals.all.amount == 1'600'000);
    REQUIRE(r.conflicts.size() == 1);
    const auto& c = r.conflicts[0];
    CHECK(c.kind == "first_loan_claimed_elsewhere");
    CHECK(c.paid_before);
    CHECK(c.borrower_id == code_a);
    CHECK(c.loan_id == "L1");
    CHECK(c.lenders == std::vector<std::string_view>{"银行甲", "银行乙"});
    CHECK(c.rows == std::vector<std::size_t>{0});
    CHECK(screen::conflict_detail(p.input(), c, false) ==
          "借款人 甲公司（" + code_a + "）在 银行乙 报为首贷，但其首贷已在此前轮次由 银行甲（借据号 L1，贴息期间 "
          "2022-04-01..2022-06-30）认定并支付；银行乙 的首贷不予贴息");
    // The result keeps its own copy of the payment it names.
    o.already_paid.clear();
    CHECK(c.lenders.front() == "银行甲");

    // Without the borrower's id the earlier payment says nothing about the
    // 首贷: L2 is paid as L3 is, 16,000.00 each.
    o.already_paid.push_back({"银行甲", "L1", day(2022, 4, 1), day(2022, 6, 30), ""});
    r = screen::run_screen(p.input(), params(), o);
    CHECK(r.loans[0].amount == 1'600'000);
    CHECK(r.totals.all.amount == 3'200'000);
    CHECK(r.conflicts.empty());

    // Kept all as asked: listed; but L1, paid for the same days at 银行甲, is
    // not in the files, so the room it took in 甲公司's cap is not known: held.
    o.already_paid.back().borrower_id = code_a;
    o.keep_all_first_loans = true;
    r = screen::run_screen(p.input(), params(), o);
    CHECK(r.loans[0].amount == 0);
    CHECK(r.borrowers[0].held);
    REQUIRE(r.conflicts.size() == 2);
    CHECK(r.conflicts[0].kind == "first_loan_claimed_elsewhere");
    CHECK(r.conflicts[0].kept_all);
    CHECK(r.conflicts[1].kind == "paid_loan_not_listed");
}

TEST_CASE("screen: an invalid credit code is a row error naming it; a borrower with two names is held") {
    population p;
    const auto full = whole_quarter(100 * wan);
    p.add("L1", "91440800MA4W00001G", "甲公司", "银行甲", day(2022, 4, 1), 100'000'000, full);
    p.add("M1", code_b, "乙公司", "银行乙", day(2022, 4, 1), 100'000'000, full);
    p.add("M2", code_b, "乙有限公司", "银行乙", day(2022, 4, 2), 100'000'000, full);
    const auto in = p.input();
    const auto r = screen::run_screen(in, params());
    CHECK(r.loans[0].status == static_cast<std::int32_t>(errc::validation));
    const std::string msg = screen::row_error_message(in, r, 0, params());
    CHECK(msg.find("loans[0].borrower_id") != std::string::npos);
    CHECK(msg.find("91440800MA4W00001G") != std::string::npos);
    REQUIRE(r.borrowers.size() == 1);
    CHECK_FALSE(r.borrowers[0].eligible);
    CHECK(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].kind == "borrower_name_differs");
    CHECK(r.totals.loans_in_error == 1);
}

TEST_CASE("screen: a listing in error holds its borrower: the cap its loans share cannot be filled without it") {
    population p;
    const auto full = whole_quarter(100 * wan);
    // A: L1 fine, L2 in error (a bad rate cell when read); B: M1 fine, 2,527.78
    // (100万 × 91 × 1% ÷ 360 = 2,527.777…).
    p.add("L1", code_a, "甲公司", "银行甲", day(2022, 4, 1), 100'000'000, full);
    p.add("L2", code_a, "甲公司", "银行乙", day(2022, 4, 2), 100'000'000, full);
    p.add("M1", code_b, "乙公司", "银行乙", day(2022, 4, 1), 100'000'000, full);
    auto in = p.input();
    const std::vector<std::string_view> errors{"", "乙银行.csv:3: annual_rate: bare number", ""};
    const std::vector<std::string_view> sources{"甲银行.csv:2", "乙银行.csv:3", "乙银行.csv:4"};
    in.row_errors = errors;
    in.source = sources;
    const auto r = screen::run_screen(in, params());
    REQUIRE(r.borrowers.size() == 2);
    CHECK_FALSE(r.borrowers[0].eligible);
    CHECK(r.borrowers[0].amount == 0);
    CHECK(r.borrowers[0].screen_reasons == screen::reason_listing_in_error);
    CHECK(r.loans[0].screen_reasons == screen::reason_listing_in_error);
    CHECK_FALSE(r.loans[0].eligible);
    CHECK(r.loans[1].status == static_cast<std::int32_t>(errc::parse));
    CHECK(r.borrowers[1].eligible);
    CHECK(r.borrowers[1].amount == 252'778);
    REQUIRE(r.conflicts.size() == 1);
    const auto& c = r.conflicts[0];
    CHECK(c.kind == "borrower_listing_in_error");
    CHECK(c.borrower_id == code_a);
    CHECK(c.rows == std::vector<std::size_t>{1});
    CHECK(c.lenders == std::vector<std::string_view>{"银行乙"});
    CHECK(screen::conflict_detail(in, c, true) ==
          "borrower " + code_a + ": its listing in 乙银行.csv:3 is in error (loans.csv says why); all its loans are "
          "held, as the cap they share cannot be filled without it: correct it and screen again");
    CHECK(screen::conflict_detail(in, c, false).find("的报送有误（乙银行.csv:3，原因见 loans.csv）") != std::string::npos);
    CHECK(screen::payments(in, r).size() == 1);  // only B is paid
    CHECK(r.totals.loans_in_error == 1);
}

TEST_CASE("screen: a listing in error whose id is itself mistyped still holds the borrower it would be") {
    population p;
    const auto full = whole_quarter(100 * wan);
    std::string lower = code_b;  // "91440800ma4w00002j": not a valid code, so a row error
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    p.add("M1", code_b, "乙公司", "银行乙", day(2022, 4, 1), 100'000'000, full);
    p.add("M2", lower, "乙公司", "银行乙", day(2022, 4, 2), 100'000'000, full);
    p.add("N1", "", "丙公司", "银行乙", day(2022, 4, 2), 100'000'000, full);  // no id: a row error, no borrower
    const auto r = screen::run_screen(p.input(), params());
    CHECK(r.loans[1].status == static_cast<std::int32_t>(errc::validation));
    REQUIRE(r.borrowers.size() == 1);
    CHECK(r.borrowers[0].held);
    CHECK(r.borrowers[0].screen_reasons == screen::reason_listing_in_error);
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].rows == std::vector<std::size_t>{1});
    CHECK(r.totals.loans_in_error == 2);
}

TEST_CASE("screen: a listing in error whose code names no borrower holds the borrowers of its name") {
    // 甲公司's 首贷 is L1 at 银行甲 (applied 04-01); its listing has a wrong check
    // character, so it is a row error. Without it, L2 at 银行乙 (applied 04-02)
    // would look like the 首贷 and be paid: 甲公司 is held instead. 乙公司's
    // M1 stands alone: 100万 × 91 days × 1% ÷ 360 = 2,527.78. N1 has no code
    // and a name no borrower has (丙公司): it holds nobody.
    population p;
    const auto full = whole_quarter(100 * wan);
    std::string mistyped = code_a;
    mistyped.back() = mistyped.back() == '0' ? '1' : '0';
    p.add("L1", mistyped, "甲公司", "银行甲", day(2022, 4, 1), 100'000'000, full);
    p.add("L2", code_a, "甲公司", "银行乙", day(2022, 4, 2), 100'000'000, full);
    p.add("M1", code_b, "乙公司(湛江)", "银行乙", day(2022, 4, 1), 100'000'000, full);
    p.add("N1", "", "丙公司", "银行丙", day(2022, 4, 1), 100'000'000, full);
    const auto in = p.input();
    const auto r = screen::run_screen(in, params());
    CHECK(r.loans[0].status == static_cast<std::int32_t>(errc::validation));
    CHECK(r.loans[3].status != batch::status_ok);
    REQUIRE(r.borrowers.size() == 2);
    CHECK(in.borrower_id[r.borrowers[0].first_row] == code_a);
    CHECK(r.borrowers[0].held);
    CHECK_FALSE(r.borrowers[0].eligible);
    CHECK(r.borrowers[0].amount == 0);
    CHECK(r.borrowers[0].screen_reasons == screen::reason_listing_in_error);
    CHECK_FALSE(r.borrowers[1].held);
    CHECK(r.borrowers[1].amount == 252'778);
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].kind == "borrower_listing_in_error");
    CHECK(r.conflicts[0].borrower_id == code_a);
    CHECK(r.conflicts[0].rows == std::vector<std::size_t>{0});
    CHECK(screen::payments(in, r).size() == 1);  // only 乙公司 is paid

    // The same listing without a name to go by holds nobody.
    population q;
    q.add("L1", mistyped, "", "银行甲", day(2022, 4, 1), 100'000'000, full);
    q.add("L2", code_a, "甲公司", "银行乙", day(2022, 4, 2), 100'000'000, full);
    const auto r2 = screen::run_screen(q.input(), params());
    REQUIRE(r2.borrowers.size() == 1);
    CHECK_FALSE(r2.borrowers[0].held);
    CHECK(r2.conflicts.empty());
}

TEST_CASE("screen: a name written with full-width brackets is the same name") {
    population p;
    const auto full = whole_quarter(100 * wan);
    p.add("M1", code_b, "乙公司(湛江)", "银行乙", day(2022, 4, 1), 100'000'000, full);
    p.add("M2", "", "乙公司（湛江）", "银行乙", day(2022, 4, 2), 100'000'000, full);  // no code: a row error
    const auto r = screen::run_screen(p.input(), params());
    REQUIRE(r.borrowers.size() == 1);
    CHECK(r.borrowers[0].held);
    CHECK(r.borrowers[0].screen_reasons == screen::reason_listing_in_error);
}

TEST_CASE("screen: conflicts name where the listings were read when the input says so") {
    population p;
    const auto full = whole_quarter(100 * wan);
    p.add("L1", code_a, "甲公司", "银行甲", day(2022, 4, 1), 100'000'000, full);
    p.add("L1", code_a, "甲公司", "银行甲", day(2022, 4, 1), 100'000'000, full);
    auto in = p.input();
    const std::vector<std::string_view> sources{"甲银行.csv:6", "甲_补报.csv:4"};
    in.source = sources;
    const auto r = screen::run_screen(in, params());
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].kind == "loan_listed_twice");
    CHECK(screen::conflict_detail(in, r.conflicts[0], true) ==
          "loan L1 (银行甲) is listed in 甲银行.csv:6, 甲_补报.csv:4 with the same data: only 甲银行.csv:6 counts");
    CHECK(screen::conflict_detail(in, r.conflicts[0], false) ==
          "借据号 L1（银行甲）在甲银行.csv:6、甲_补报.csv:4重复报送（数据相同），只计甲银行.csv:6");
}

TEST_CASE("screen: one name typed with full-width or half-width brackets and spaces is one name") {
    population p;
    const auto full = whole_quarter(100 * wan);
    p.add("L1", code_a, "广东蓝海贸易（湛江）有限公司", "银行甲", day(2022, 4, 1), 100'000'000, full, true);
    p.add("L2", code_a, "广东蓝海贸易(湛江)有限公司", "银行乙", day(2022, 4, 2), 100'000'000, full, false);
    p.add("L3", code_a, "广东蓝海贸易 （湛江）　有限公司", "银行乙", day(2022, 4, 3), 100'000'000, full, false);
    p.add("M1", code_b, "ＡＢＣ科技有限公司", "银行乙", day(2022, 4, 1), 100'000'000, full);
    p.add("M2", code_b, "ABC科技有限公司", "银行乙", day(2022, 4, 2), 100'000'000, full, false);
    p.add("M3", code_b, "ABD科技有限公司", "银行乙", day(2022, 4, 3), 100'000'000, full, false);
    const auto r = screen::run_screen(p.input(), params());
    REQUIRE(r.borrowers.size() == 2);
    CHECK(r.borrowers[0].eligible);  // the three spellings of one name: not held
    CHECK_FALSE(r.borrowers[0].held);
    CHECK(r.borrowers[1].held);  // ABD is another name: held for review
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].kind == "borrower_name_differs");
    CHECK(r.conflicts[0].borrower_id == code_b);
    // The names listed are the two names, the full-width spelling of the first standing for both.
    CHECK(screen::conflict_detail(p.input(), r.conflicts[0], false).find("ＡＢＣ科技有限公司、ABD科技有限公司") != std::string::npos);
}

TEST_CASE("screen: a budget is shared among the borrowers pro rata") {
    population p;
    // A: 100万 × 91 × 1% / 360 = 2,527.777… → 2,527.78; B: 300万 → 7,583.333… → 7,583.33.
    p.add("L1", code_a, "甲公司", "银行甲", day(2022, 4, 1), 100'000'000, {{day(2022, 4, 1), day(2022, 6, 30), 100 * wan}});
    p.add("M1", code_b, "乙公司", "银行乙", day(2022, 4, 1), 100'000'000, {{day(2022, 4, 1), day(2022, 6, 30), 300 * wan}});
    screen::screen_options o;
    o.budget = money::amount::from_fen(300'000);
    const auto r = screen::run_screen(p.input(), params(), o);
    CHECK(r.borrowers[0].amount == 252'778);
    CHECK(r.borrowers[1].amount == 758'333);
    // 3000 × 2527.78 / 10111.11 = 750.0007…, 3000 × 7583.33 / 10111.11 = 2249.9992…:
    // floors 750.00 and 2249.99 leave 1 分, to B (remainder 0.926 分 against 0.074).
    CHECK(r.borrowers[0].allocated == 75'000);
    CHECK(r.borrowers[1].allocated == 225'000);
    CHECK(r.totals.all.allocated == 300'000);
}

TEST_CASE("screen: under a budget each loan is paid its share of its borrower's allocation, and so is a register") {
    // Borrower A: the two loans of two_loans(), both 首贷 kept: 18,577.78,
    // split L1 14,577.78 and L2 4,000.00 (first case). Borrower B: 300万 ×
    // 91 × 1% / 360 = 7,583.333… → 7,583.33.
    population p = two_loans();
    p.add("M1", code_b, "乙公司", "银行乙", day(2022, 4, 1), 100'000'000, {{day(2022, 4, 1), day(2022, 6, 30), 300 * wan}});
    screen::screen_options o;
    o.keep_all_first_loans = true;
    o.budget = money::amount::from_fen(1'000'000);  // 10,000.00 for 26,161.11 claimed
    const auto in = p.input();
    const auto r = screen::run_screen(in, params(), o);
    REQUIRE(r.borrowers.size() == 2);
    CHECK(r.borrowers[0].amount == 1'857'778);
    CHECK(r.borrowers[1].amount == 758'333);
    // 10,000 × 18,577.78 / 26,161.11 = 7,101.2965…, 10,000 × 7,583.33 / 26,161.11
    // = 2,898.7034…: floors 7,101.29 and 2,898.70 leave 1 分, to A.
    CHECK(r.borrowers[0].allocated == 710'130);
    CHECK(r.borrowers[1].allocated == 289'870);
    // A's 7,101.30 over its loans as their amounts: L1 7,101.30 × 14,577.78 /
    // 18,577.78 = 5,572.3121…, L2 7,101.30 × 4,000 / 18,577.78 = 1,528.9878…:
    // floors 5,572.31 and 1,528.98 leave 1 分, to L2 (0.79 分 against 0.21).
    CHECK(r.loans[0].allocated == 557'231);
    CHECK(r.loans[1].allocated == 152'899);
    CHECK(r.loans[2].allocated == 289'870);
    // The amounts before the budget are unchanged.
    CHECK(r.loans[0].amount == 1'457'778);
    CHECK(r.loans[1].amount == 400'000);
    // What a register records is what is paid: the allocation, not the subsidy.
    const auto pay = screen::payments(in, r);
    REQUIRE(pay.size() == 3);
    CHECK(pay[0].loan_id == "L1");
    CHECK(pay[0].amount == 557'231);
    CHECK(pay[1].loan_id == "L2");
    CHECK(pay[1].amount == 152'899);
    CHECK(pay[2].loan_id == "M1");
    CHECK(pay[2].amount == 289'870);
    CHECK(pay[0].receipt.find(";borrower_amount=18577.78;borrower_allocated=7101.30;loan_amount=14577.78;amount=5572.31") !=
          std::string::npos);
}

TEST_CASE("screen: a loan whose share of a budget is 0 is recorded as paid 0, so a later round does not pay it") {
    population p = two_loans();
    screen::screen_options o;
    o.keep_all_first_loans = true;
    o.budget = money::amount::from_fen(1);  // 0.01 for 18,577.78: L1 0.78 分, L2 0.22 分 → 1 分 to L1
    const auto in = p.input();
    const auto r = screen::run_screen(in, params(), o);
    CHECK(r.loans[0].allocated == 1);
    CHECK(r.loans[1].allocated == 0);
    const auto pay = screen::payments(in, r);
    REQUIRE(pay.size() == 2);
    CHECK(pay[1].loan_id == "L2");
    CHECK(pay[1].amount == 0);
}

TEST_CASE("screen: without a budget each loan is paid its amount") {
    population p = two_loans();
    screen::screen_options o;
    o.keep_all_first_loans = true;
    const auto in = p.input();
    const auto r = screen::run_screen(in, params(), o);
    CHECK(r.loans[0].allocated == 1'457'778);
    CHECK(r.loans[1].allocated == 400'000);
    const auto pay = screen::payments(in, r);
    REQUIRE(pay.size() == 2);
    CHECK(pay[0].amount == 1'457'778);
    CHECK(pay[0].receipt.find("borrower_allocated") == std::string::npos);
    CHECK(pay[0].receipt.ends_with(";borrower_amount=18577.78;amount=14577.78"));
}

TEST_CASE("screen: a loan listed twice with different data names the first field that differs, quoting both") {
    population p;
    const auto full = whole_quarter(100 * wan);
    p.add("L1", code_a, "甲公司", "银行甲", day(2022, 4, 1), 80'000'000, full);   // 0.8%
    p.add("L1", code_a, "甲公司", "银行甲", day(2022, 4, 1), 435'000'000, full);  // 4.35%
    const auto r = screen::run_screen(p.input(), params());
    REQUIRE(r.conflicts.size() == 1);
    CHECK(r.conflicts[0].kind == "loan_data_differs");
    CHECK(screen::conflict_detail(p.input(), r.conflicts[0], true).find("annual_rate \"0.8%\" in row 0, \"4.35%\" in row 1") != std::string::npos);
    CHECK(screen::conflict_detail(p.input(), r.conflicts[0], false).find("annual_rate \"0.8%\" in row 0, \"4.35%\" in row 1") != std::string::npos);
    // Both listings held: nothing paid.
    CHECK(r.loans[0].amount == 0);
    CHECK(r.loans[1].amount == 0);
    CHECK_FALSE(r.borrowers[0].eligible);
}

TEST_CASE("screen: a listing not paid for its borrower's kind names the kind and the kinds subsidised") {
    // The 2022 plan subsidises 小微企业: small and micro. L1 is a medium
    // enterprise's, applied 03-31 (before the window 04-01..06-30) and not via
    // the platform; L2 a medium enterprise's with nothing else wrong; L3 is
    // outside the window only.
    population p;
    p.add("L1", code_a, "甲公司", "银行甲", day(2022, 3, 31), 80'000'000, whole_quarter(100 * wan));
    p.kind.back() = batch::kind_medium;
    p.flags.back() = static_cast<std::uint8_t>(p.flags.back() & ~batch::loan_via_platform);
    p.add("L2", code_b, "乙公司", "银行甲", day(2022, 4, 10), 80'000'000, whole_quarter(100 * wan));
    p.kind.back() = batch::kind_medium;
    p.add("L3", "91440800MA4W00003M", "丙公司", "银行甲", day(2022, 3, 31), 80'000'000, whole_quarter(100 * wan));
    const auto r = screen::run_screen(p.input(), params(), {});
    const screen::screen_input in = p.input();
    CHECK(screen::listing_reason_texts(in, r, 0, params(), false) ==
          "首次申请贷款日期不在申请期内；借款人类型（中型企业）不属于贴息对象（小型企业、微型企业）；"
          "未依托广东省中小企业融资平台申请");
    CHECK(screen::listing_reason_texts(in, r, 1, params(), false) ==
          "借款人类型（中型企业）不属于贴息对象（小型企业、微型企业）");
    CHECK(screen::listing_reason_texts(in, r, 1, params(), true) ==
          "borrower kind medium is not eligible (eligible: small,micro)");
    // Without the kind's reason, the words of the reason table.
    CHECK(screen::listing_reason_texts(in, r, 2, params(), false) == "首次申请贷款日期不在申请期内");
}
