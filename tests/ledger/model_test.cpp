// The ledger's records: months, statuses, who owes which rows, validation.
#include "test_util.hpp"

#include <zjcredit/ledger/ledger.hpp>
#include <zjcredit/ledger/month.hpp>

#include <doctest/doctest.h>

#include <set>

using namespace zjcredit;
using namespace zjcredit::ledger;
using namespace zjcredit::ledger::test;

TEST_SUITE("ledger.model") {

TEST_CASE("year_month reads the usual forms and refuses the rest") {
    CHECK(parse_year_month("2022-09") == year_month(2022, 9));
    CHECK(parse_year_month("2022-9") == year_month(2022, 9));
    CHECK(parse_year_month("2022/10") == year_month(2022, 10));
    CHECK(parse_year_month("2022年9月") == year_month(2022, 9));
    CHECK(parse_year_month("２０２２年１２月") == year_month(2022, 12));
    CHECK(parse_year_month("  2022-11 ") == year_month(2022, 11));
    CHECK(to_string(year_month(2022, 9)) == "2022-09");
    CHECK(to_chinese(year_month(2022, 9)) == "2022年9月");

    auto e = thrown<parse_error>([] { parse_year_month("2022-13"); });
    REQUIRE(e);
    CHECK(e->field() == "month");
    CHECK(e->text() == "2022-13");
    CHECK(e->position() == 5);
    for (const char* bad : {"", "2022", "22-09", "2022-09-25", "2022-009", "2022年9", "2022.09", "2022-0", "九月"})
        CHECK_MESSAGE(thrown<parse_error>([&] { parse_year_month(bad); }), bad);
    CHECK(thrown<validation_error>([] { year_month(2022, 0); }));
    CHECK(thrown<validation_error>([] { year_month(2022, 13); }));
}

TEST_CASE("year_month order, next and days") {
    CHECK(year_month(2022, 9) < year_month(2022, 10));
    CHECK(year_month(2022, 12) < year_month(2023, 1));
    CHECK(year_month(2022, 12).next() == year_month(2023, 1));
    CHECK(year_month(2022, 9).first_day() == d(2022, 9, 1));
    CHECK(year_month(2022, 9).last_day() == d(2022, 9, 30));
    CHECK(year_month(2024, 2).last_day() == d(2024, 2, 29));
    CHECK(year_month::of(d(2022, 9, 25)) == year_month(2022, 9));
}

TEST_CASE("progress statuses: ids and the Chinese labels") {
    CHECK(to_string(progress_status::at_risk) == "at_risk");
    CHECK(label_zh(progress_status::done) == "已完成");
    CHECK(progress_status_from_string("推进中") == progress_status::in_progress);
    CHECK(progress_status_from_string("not_started") == progress_status::not_started);
    CHECK_FALSE(progress_status_from_string("完成"));
    CHECK_FALSE(progress_status_from_string("Done"));
}

TEST_CASE("the units that file: every lead or responsible unit but the issuer") {
    // DESIGN §1's table: 7 units in 一, then 市工信局 (二), 市商务局 (三),
    // 粤财普惠担保 (四), 市政数局 and 8 more in 五 — 18, never 市金融局.
    const auto units = plan::ledger_units(p2022());
    CHECK(units.size() == 18);
    std::set<std::string> ids;
    for (const auto* u : units) ids.insert(u->id);
    CHECK(ids.count("industry_it") == 1);
    CHECK(ids.count("commerce") == 1);
    CHECK(ids.count("yuecai_guarantee") == 1);
    CHECK(ids.count("finance_bureau") == 0);
    CHECK(files_ledger(p2022(), "市商务局"));
    CHECK_FALSE(files_ledger(p2022(), "市金融局"));
}

TEST_CASE("assignments: 市商务局 owes the three tasks of measure 三") {
    const auto rows = assignments(p2022(), "市商务局");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].task->id == m3_fx);
    CHECK(rows[1].task->id == m3_cips);
    CHECK(rows[2].task->id == m3_rmb);
    for (const auto& a : rows) {
        CHECK(a.unit->id == "commerce");
        CHECK(a.measure->id == "m3");
    }
    // Every ledger unit owes rows, and the issuer none.
    const auto all = assignments(p2022());
    for (const auto* u : plan::ledger_units(p2022()))
        CHECK(std::any_of(all.begin(), all.end(), [&](const assignment& a) { return a.unit == u; }));
    CHECK(thrown<validation_error>([] { assignments(p2022(), "市金融局"); }));
    CHECK(thrown<not_found_error>([] { assignments(p2022(), "市教育局"); }));
}

TEST_CASE("validate: a consistent submission passes") {
    CHECK_NOTHROW(validate(commerce(year_month(2022, 9), d(2022, 9, 26)), p2022()));
    // Units by alias.
    submission s = commerce(year_month(2022, 9), d(2022, 9, 26));
    s.unit = "商务局";
    s.entries[0].unit = "湛江市商务局";
    CHECK_NOTHROW(validate(s, p2022()));
}

TEST_CASE("validate: each broken rule names its field") {
    const year_month sep(2022, 9);
    auto base = [&] { return commerce(sep, d(2022, 9, 26)); };

    auto s = base();
    s.entries[1].task = m3_fx;
    auto v = thrown<validation_error>([&] { validate(s, p2022()); });
    REQUIRE(v);
    CHECK(v->field() == "entries[1].task");
    CHECK(mentions(*v, "reported twice"));

    s = base();
    s.entries[2].task = "m1.ip_pledge_loans";  // a task of 一, which 市商务局 does not share
    v = thrown<validation_error>([&] { validate(s, p2022()); });
    REQUIRE(v);
    CHECK(v->field() == "entries[2].task");

    s = base();
    s.entries[0].task = "m3.nothing";
    auto nf = thrown<not_found_error>([&] { validate(s, p2022()); });
    REQUIRE(nf);
    CHECK(nf->text() == "m3.nothing");

    s = base();
    s.entries[0].month = year_month(2022, 10);
    v = thrown<validation_error>([&] { validate(s, p2022()); });
    REQUIRE(v);
    CHECK(v->field() == "entries[0].month");

    s = base();
    s.entries[2].received = d(2022, 9, 27);
    v = thrown<validation_error>([&] { validate(s, p2022()); });
    REQUIRE(v);
    CHECK(v->field() == "entries[2].received");

    s = base();
    s.entries[0].unit = "pbc_zhanjiang";
    v = thrown<validation_error>([&] { validate(s, p2022()); });
    REQUIRE(v);
    CHECK(v->field() == "entries[0].unit");

    s = base();
    s.entries[0].note = std::string("\xFF", 1);
    auto pe = thrown<parse_error>([&] { validate(s, p2022()); });
    REQUIRE(pe);
    CHECK(pe->field() == "entries[0].note");

    submission issuer{"finance_bureau", sep, d(2022, 9, 26), {}};
    v = thrown<validation_error>([&] { validate(issuer, p2022()); });
    REQUIRE(v);
    CHECK(v->field() == "unit");
}

TEST_CASE("group_entries: one submission per unit, month and date received") {
    const year_month sep(2022, 9);
    std::vector<entry> rows = {
        row("市商务局", sep, m3_fx, progress_status::done, d(2022, 9, 26)),
        row("人行", sep, m3_fx, progress_status::done, d(2022, 9, 23)),
        row("commerce", sep, m3_cips, progress_status::done, d(2022, 9, 26)),
        row("commerce", sep, m3_cips, progress_status::done, d(2022, 9, 28)),  // a correction
    };
    const auto subs = group_entries(rows, p2022());
    REQUIRE(subs.size() == 3);
    CHECK(subs[0].unit == "commerce");
    CHECK(subs[0].received == d(2022, 9, 26));
    CHECK(subs[0].entries.size() == 2);
    CHECK(subs[0].entries[0].unit == "commerce");
    CHECK(subs[1].unit == "pbc_zhanjiang");
    CHECK(subs[2].received == d(2022, 9, 28));
}

TEST_CASE("blank_submission: every task the unit owes, not started") {
    const auto s = blank_submission(p2022(), "市商务局", year_month(2022, 9), d(2022, 9, 26));
    REQUIRE(s.entries.size() == 3);
    CHECK(s.entries[0].status == progress_status::not_started);
    CHECK_NOTHROW(validate(s, p2022()));
}

}  // TEST_SUITE
