// rules::balances_from_events (loan_events.hpp): hand-worked schedules, the
// subsidy on one worked by hand, each error, the JSON form, and a property
// over random events checked against a day-by-day loop written here.
#include <doctest/doctest.h>

#include "../splitmix.hpp"

#include <zjcredit/error.hpp>
#include <zjcredit/limits.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/plan/plan_2022.hpp>
#include <zjcredit/rules/first_loan_subsidy.hpp>
#include <zjcredit/rules/json.hpp>
#include <zjcredit/rules/loan_events.hpp>

#include <cstdint>
#include <algorithm>
#include <string>
#include <vector>

namespace {

namespace rules = zjcredit::rules;
namespace money = zjcredit::money;
namespace dates = zjcredit::dates;
using dates::date;
using rules::balance_range;

money::amount yuan(const char* text) { return money::parse_amount(text); }

date d(int y, int m, int dd) {
    return date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(dd));
}

rules::loan_events worked_events() {
    rules::loan_events ev;
    ev.drawdown_date = d(2022, 5, 10);
    ev.drawdown_amount = yuan("1000000.00");
    ev.repayments = {{d(2022, 6, 1), yuan("400000.00")}};
    ev.settled = d(2022, 6, 20);
    return ev;
}

const rules::date_range q2{d(2022, 4, 1), d(2022, 6, 30)};

/// The validation_error `f` throws: its field and (part of) its message.
template <class F>
void refused(F f, const std::string& field, const std::string& message) {
    try {
        f();
        FAIL("no error; expected one on " << field);
    } catch (const zjcredit::validation_error& e) {
        CHECK(e.field() == field);
        CHECK_MESSAGE(std::string(e.what()).find(message) != std::string::npos, e.what());
    }
}

}  // namespace

TEST_CASE("balances_from_events: drawdown, repayment and settlement inside the period") {
    const std::vector<balance_range> expected = {
        {d(2022, 4, 1), d(2022, 5, 9), yuan("0.00")},
        {d(2022, 5, 10), d(2022, 5, 31), yuan("1000000.00")},
        {d(2022, 6, 1), d(2022, 6, 19), yuan("600000.00")},
        {d(2022, 6, 20), d(2022, 6, 30), yuan("0.00")},
    };
    CHECK(rules::balances_from_events(worked_events(), q2) == expected);
}

TEST_CASE("balances_from_events: the subsidy on the derived schedule, worked by hand") {
    // 05-10..05-31 is 22 days at 1,000,000.00; 06-01..06-19 is 19 days at
    // 600,000.00; the rate 4.35% is above the 1% ceiling:
    // (22 × 1,000,000 + 19 × 600,000) × 1% / 360 = 334,000 / 360
    // = 927.777… → 927.78 (half up).
    rules::loan_record loan;
    loan.borrower = "湛江市甲科技有限公司";
    loan.first_application_date = d(2022, 4, 1);
    loan.via_platform = loan.local_legal_person_lender = loan.first_loan = true;
    loan.annual_rate = money::parse_rate("4.35%");
    loan.period = q2;
    loan.balances = rules::balances_from_events(worked_events(), q2);
    const auto result = rules::first_loan_subsidy(loan);
    CHECK(result.eligible);
    CHECK(result.amount == yuan("927.78"));
}

TEST_CASE("balances_from_events: edges of 算头不算尾 and of the period") {
    rules::loan_events ev;
    ev.drawdown_date = d(2022, 5, 10);
    ev.drawdown_amount = yuan("100.00");
    SUBCASE("no repayment, no settlement: the balance runs to the period's end") {
        const std::vector<balance_range> expected = {{d(2022, 4, 1), d(2022, 5, 9), yuan("0.00")},
                                                     {d(2022, 5, 10), d(2022, 6, 30), yuan("100.00")}};
        CHECK(rules::balances_from_events(ev, q2) == expected);
    }
    SUBCASE("a period inside the loan: one range") {
        const std::vector<balance_range> expected = {{d(2022, 6, 1), d(2022, 6, 2), yuan("100.00")}};
        CHECK(rules::balances_from_events(ev, {d(2022, 6, 1), d(2022, 6, 2)}) == expected);
    }
    SUBCASE("a period before the drawdown: known zero") {
        const std::vector<balance_range> expected = {{d(2022, 4, 1), d(2022, 5, 9), yuan("0.00")}};
        CHECK(rules::balances_from_events(ev, {d(2022, 4, 1), d(2022, 5, 9)}) == expected);
    }
    SUBCASE("repaid in full on 05-12, settled 05-20: one zero range from 05-12") {
        ev.repayments = {{d(2022, 5, 12), yuan("100.00")}};
        ev.settled = d(2022, 5, 20);
        const std::vector<balance_range> expected = {{d(2022, 5, 1), d(2022, 5, 9), yuan("0.00")},
                                                     {d(2022, 5, 10), d(2022, 5, 11), yuan("100.00")},
                                                     {d(2022, 5, 12), d(2022, 5, 31), yuan("0.00")}};
        CHECK(rules::balances_from_events(ev, {d(2022, 5, 1), d(2022, 5, 31)}) == expected);
    }
    SUBCASE("settled on the drawdown day: not one day accrues") {
        ev.settled = d(2022, 5, 10);
        const std::vector<balance_range> expected = {{d(2022, 4, 1), d(2022, 6, 30), yuan("0.00")}};
        CHECK(rules::balances_from_events(ev, q2) == expected);
    }
    SUBCASE("repayments out of order, two on one day, one on the drawdown day") {
        ev.repayments = {{d(2022, 5, 15), yuan("10.00")}, {d(2022, 5, 10), yuan("30.00")},
                         {d(2022, 5, 15), yuan("60.00")}};
        // 05-10: 100 - 30 = 70; 05-15: 70 - 10 - 60 = 0.
        const std::vector<balance_range> expected = {{d(2022, 5, 9), d(2022, 5, 9), yuan("0.00")},
                                                     {d(2022, 5, 10), d(2022, 5, 14), yuan("70.00")},
                                                     {d(2022, 5, 15), d(2022, 5, 16), yuan("0.00")}};
        CHECK(rules::balances_from_events(ev, {d(2022, 5, 9), d(2022, 5, 16)}) == expected);
    }
    SUBCASE("a repayment on the settlement day") {
        ev.repayments = {{d(2022, 5, 20), yuan("40.00")}};
        ev.settled = d(2022, 5, 20);
        const std::vector<balance_range> expected = {{d(2022, 5, 10), d(2022, 5, 19), yuan("100.00")},
                                                     {d(2022, 5, 20), d(2022, 5, 21), yuan("0.00")}};
        CHECK(rules::balances_from_events(ev, {d(2022, 5, 10), d(2022, 5, 21)}) == expected);
    }
}

TEST_CASE("balances_from_events: errors name the field as the JSON record does") {
    SUBCASE("drawdown amount 0") {
        auto ev = worked_events();
        ev.drawdown_amount = yuan("0.00");
        refused([&] { (void)rules::balances_from_events(ev, q2); }, "drawdown_amount", "must be above 0.00");
    }
    SUBCASE("a repayment of 0, or negative") {
        auto ev = worked_events();
        ev.repayments.push_back({d(2022, 6, 2), yuan("0.00")});
        refused([&] { (void)rules::balances_from_events(ev, q2); }, "repayments[1].amount", "above 0.00");
        ev.repayments[1].amount = yuan("-1.00");
        refused([&] { (void)rules::balances_from_events(ev, q2); }, "repayments[1].amount", "\"-1.00\"");
    }
    SUBCASE("a repayment before the drawdown") {
        auto ev = worked_events();
        ev.repayments[0].date = d(2022, 5, 9);
        refused([&] { (void)rules::balances_from_events(ev, q2); }, "repayments[0].date",
                "repayment dated 2022-05-09, before the drawdown on 2022-05-10");
    }
    SUBCASE("a repayment larger than the balance that day") {
        auto ev = worked_events();
        // 06-01 leaves 600,000.00; a second 06-01 repayment of 600,000.01 is 1 分 too much.
        ev.repayments = {{d(2022, 6, 1), yuan("400000.00")}, {d(2022, 6, 1), yuan("600000.01")}};
        refused([&] { (void)rules::balances_from_events(ev, q2); }, "repayments[1].amount",
                "exceeds the balance outstanding that day, 600000.00");
        ev.repayments[1].amount = yuan("600000.00");  // exactly the balance: fine
        CHECK_NOTHROW((void)rules::balances_from_events(ev, q2));
    }
    SUBCASE("settled before the drawdown") {
        auto ev = worked_events();
        ev.repayments.clear();
        ev.settled = d(2022, 5, 9);
        refused([&] { (void)rules::balances_from_events(ev, q2); }, "settled",
                "settled on 2022-05-09, before the drawdown on 2022-05-10");
    }
    SUBCASE("a repayment after the settlement") {
        auto ev = worked_events();
        ev.repayments[0].date = d(2022, 6, 21);
        refused([&] { (void)rules::balances_from_events(ev, q2); }, "repayments[0].date",
                "after the loan was settled on 2022-06-20");
    }
    SUBCASE("too many repayments") {
        auto ev = worked_events();
        ev.repayments.assign(zjcredit::limits::max_record_items + 1, {d(2022, 6, 1), yuan("0.01")});
        refused([&] { (void)rules::balances_from_events(ev, q2); }, "repayments", "at most 100000 repayments");
    }
    SUBCASE("a reversed period") {
        refused([&] { (void)rules::balances_from_events(worked_events(), {d(2022, 6, 30), d(2022, 4, 1)}); },
                "period", "before it starts");
    }
}

TEST_CASE("balances_from_events: a maturity the claim period reaches with a balance left and no settlement") {
    rules::loan_events ev;
    ev.drawdown_date = d(2022, 4, 10);
    ev.drawdown_amount = yuan("8000000.00");
    ev.maturity = d(2022, 6, 9);
    SUBCASE("refused: from 06-09 the balance is not known (repaid that day, extended or overdue)") {
        refused([&] { (void)rules::balances_from_events(ev, q2); }, "maturity",
                "the loan falls due on 2022-06-09 with 8000000.00 outstanding and no settlement date is given: "
                "from that day its balance is not known (repaid, extended or overdue), and the claim period runs "
                "to 2022-06-30");
    }
    SUBCASE("a period that ends the day before it falls due: the balance is known on every day") {
        const std::vector<balance_range> expected = {{d(2022, 4, 1), d(2022, 4, 9), yuan("0.00")},
                                                     {d(2022, 4, 10), d(2022, 6, 8), yuan("8000000.00")}};
        CHECK(rules::balances_from_events(ev, {d(2022, 4, 1), d(2022, 6, 8)}) == expected);
    }
    SUBCASE("settled: the settlement says when the balance ended, the maturity changes nothing") {
        ev.settled = d(2022, 6, 9);
        const std::vector<balance_range> expected = {{d(2022, 4, 1), d(2022, 4, 9), yuan("0.00")},
                                                     {d(2022, 4, 10), d(2022, 6, 8), yuan("8000000.00")},
                                                     {d(2022, 6, 9), d(2022, 6, 30), yuan("0.00")}};
        CHECK(rules::balances_from_events(ev, q2) == expected);
    }
    SUBCASE("repaid to 0 before it falls due: nothing is left to be unknown") {
        ev.repayments = {{d(2022, 6, 1), yuan("8000000.00")}};
        const std::vector<balance_range> expected = {{d(2022, 4, 1), d(2022, 4, 9), yuan("0.00")},
                                                     {d(2022, 4, 10), d(2022, 5, 31), yuan("8000000.00")},
                                                     {d(2022, 6, 1), d(2022, 6, 30), yuan("0.00")}};
        CHECK(rules::balances_from_events(ev, q2) == expected);
    }
    SUBCASE("repaid in full on the day it falls due: that day does not accrue, nothing is left") {
        ev.repayments = {{d(2022, 6, 9), yuan("8000000.00")}};
        const std::vector<balance_range> expected = {{d(2022, 4, 1), d(2022, 4, 9), yuan("0.00")},
                                                     {d(2022, 4, 10), d(2022, 6, 8), yuan("8000000.00")},
                                                     {d(2022, 6, 9), d(2022, 6, 30), yuan("0.00")}};
        CHECK(rules::balances_from_events(ev, q2) == expected);
    }
    SUBCASE("a period that ends on the day it falls due: that day's balance is not known") {
        refused([&] { (void)rules::balances_from_events(ev, {d(2022, 4, 1), d(2022, 6, 9)}); }, "maturity",
                "falls due on 2022-06-09 with 8000000.00 outstanding");
    }
    SUBCASE("due before the period: the balance quoted is the one outstanding on the due day") {
        // 8,000,000.00 on 06-09; 3,000,000.00 repaid on 06-20, before a period from 07-01.
        ev.repayments = {{d(2022, 6, 20), yuan("3000000.00")}};
        refused([&] { (void)rules::balances_from_events(ev, {d(2022, 7, 1), d(2022, 9, 30)}); }, "maturity",
                "falls due on 2022-06-09 with 8000000.00 outstanding");
    }
    SUBCASE("a maturity after the period, and one before the drawdown") {
        ev.maturity = d(2023, 4, 9);
        CHECK_NOTHROW((void)rules::balances_from_events(ev, q2));
        ev.maturity = d(2022, 4, 9);
        refused([&] { (void)rules::balances_from_events(ev, q2); }, "maturity",
                "falls due on 2022-04-09, before the drawdown on 2022-04-10");
    }
    SUBCASE("in a JSON record") {
        const std::string record = R"({"borrower": "甲", "borrower_kind": "small", "first_application_date":
            "2022-04-10", "via_platform": true, "local_legal_person_lender": true, "first_loan": true,
            "annual_rate": "0.8%", "period": {"from": "2022-04-01", "to": "2022-06-30"},
            "drawdown_date": "2022-04-10", "drawdown_amount": "8000000.00", "maturity": "2022-06-09"})";
        refused([&] { (void)rules::loan_record_from_json(record); }, "maturity", "falls due on 2022-06-09");
    }
}

TEST_CASE("JSON loan records: the events form") {
    const std::string head = R"({"borrower": "甲", "borrower_kind": "small", "first_application_date": "2022-04-01",
        "via_platform": true, "local_legal_person_lender": true, "first_loan": true, "annual_rate": "4.35%",
        "period": {"from": "2022-04-01", "to": "2022-06-30"}, )";
    const std::vector<balance_range> expected = {
        {d(2022, 4, 1), d(2022, 5, 9), yuan("0.00")},
        {d(2022, 5, 10), d(2022, 5, 31), yuan("1000000.00")},
        {d(2022, 6, 1), d(2022, 6, 19), yuan("600000.00")},
        {d(2022, 6, 20), d(2022, 6, 30), yuan("0.00")},
    };
    SUBCASE("all the fields") {
        const auto loan = rules::loan_record_from_json(
            head + R"("drawdown_date": "2022-05-10", "drawdown_amount": "1,000,000.00",
                "repayments": [{"date": "2022-06-01", "amount": "400000.00"}], "settled": "2022-06-20"})");
        CHECK(loan.balances == expected);
        CHECK(loan.period == q2);
    }
    SUBCASE("without repayments and settlement") {
        const auto loan =
            rules::loan_record_from_json(head + R"("drawdown_date": "2022-05-10", "drawdown_amount": "5.00"})");
        const std::vector<balance_range> open = {{d(2022, 4, 1), d(2022, 5, 9), yuan("0.00")},
                                                 {d(2022, 5, 10), d(2022, 6, 30), yuan("5.00")}};
        CHECK(loan.balances == open);
    }
    SUBCASE("the error of a repayment names its JSON path") {
        try {
            (void)rules::loan_record_from_json(head + R"("drawdown_date": "2022-05-10", "drawdown_amount": "5.00",
                "repayments": [{"date": "2022-05-11", "amount": "1.00"}, {"date": "2022-05-12", "amount": "9.00"}]})");
            FAIL("no error");
        } catch (const zjcredit::validation_error& e) {
            CHECK(e.field() == "repayments[1].amount");
            CHECK(std::string(e.what()).find("exceeds the balance outstanding that day, 4.00") != std::string::npos);
        }
    }
    SUBCASE("both forms, or neither, are refused naming the fields") {
        try {
            (void)rules::loan_record_from_json(
                head + R"("drawdown_date": "2022-05-10", "drawdown_amount": "5.00",
                    "balances": [{"from": "2022-04-01", "to": "2022-06-30", "balance": "1.00"}]})");
            FAIL("no error");
        } catch (const zjcredit::parse_error& e) {
            CHECK(e.field() == "balances");
            CHECK(std::string(e.what()).find("not both") != std::string::npos);
        }
        try {
            (void)rules::loan_record_from_json(head.substr(0, head.rfind(',')) + "}");
            FAIL("no error");
        } catch (const zjcredit::parse_error& e) {
            CHECK(e.field() == "balances");
            CHECK(std::string(e.what()).find("drawdown_date") != std::string::npos);
        }
    }
    SUBCASE("an unknown key in a repayment, and a drawdown date alone") {
        CHECK_THROWS_AS((void)rules::loan_record_from_json(
                            head + R"("drawdown_date": "2022-05-10", "drawdown_amount": "5.00",
                                "repayments": [{"date": "2022-05-11", "amount": "1.00", "note": "x"}]})"),
                        zjcredit::parse_error);
        CHECK_THROWS_AS((void)rules::loan_record_from_json(head + R"("drawdown_date": "2022-05-10"})"),
                        zjcredit::parse_error);
    }
}

TEST_CASE("balances_from_events: random events against a day-by-day loop") {
    zjcredit::testing::rng rng(20220401);
    const std::int32_t base = zjcredit::testing::day(2022, 1, 1);
    for (int round = 0; round < 2000; ++round) {
        rules::loan_events ev;
        const std::int32_t draw = base + static_cast<std::int32_t>(rng.range(0, 60));
        ev.drawdown_date = dates::from_day_number(draw);
        const std::int64_t b0 = rng.range(1, 1'000'000);
        ev.drawdown_amount = money::amount::from_fen(b0);
        std::int64_t left = b0;
        const auto n = rng.range(0, 6);
        for (std::int64_t k = 0; k < n && left > 0; ++k) {
            const std::int64_t amount = rng.range(1, left);
            left -= amount;
            ev.repayments.push_back({dates::from_day_number(draw + static_cast<std::int32_t>(rng.range(0, 60))),
                                     money::amount::from_fen(amount)});
        }
        std::int32_t last_repayment = draw;
        for (const auto& r : ev.repayments) last_repayment = std::max(last_repayment, dates::to_day_number(r.date));
        if (rng.chance(600))
            ev.settled = dates::from_day_number(last_repayment + static_cast<std::int32_t>(rng.range(0, 30)));
        const std::int32_t pf = base + static_cast<std::int32_t>(rng.range(-20, 80));
        const std::int32_t pt = pf + static_cast<std::int32_t>(rng.range(0, 90));
        const rules::date_range period{dates::from_day_number(pf), dates::from_day_number(pt)};

        // Repayments only lower the balance and together stay within b0, so
        // none exceeds the balance outstanding on its day.
        std::vector<balance_range> got;
        REQUIRE_NOTHROW(got = rules::balances_from_events(ev, period));

        // Day by day, independently: each range's days in order, no gap.
        std::int32_t next = pf;
        for (std::size_t i = 0; i < got.size(); ++i) {
            const auto& r = got[i];
            REQUIRE(dates::to_day_number(r.from) == next);
            REQUIRE(r.to >= r.from);
            if (i > 0) CHECK(got[i - 1].balance != r.balance);  // equal neighbours are merged
            for (std::int32_t day = dates::to_day_number(r.from); day <= dates::to_day_number(r.to); ++day) {
                std::int64_t expected = 0;
                const bool settled = ev.settled && day >= dates::to_day_number(*ev.settled);
                if (day >= draw && !settled) {
                    expected = b0;
                    for (const auto& p : ev.repayments)
                        if (dates::to_day_number(p.date) <= day) expected -= p.amount.fen();
                }
                REQUIRE(r.balance.fen() >= 0);
                REQUIRE(r.balance.fen() == expected);
            }
            next = dates::to_day_number(r.to) + 1;
        }
        REQUIRE(next == pt + 1);
    }
}
