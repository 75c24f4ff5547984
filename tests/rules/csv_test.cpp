// rules/csv.hpp: loans and financings from CSV rows, worked by hand, and the
// errors of bad cells (located at the file and line, naming the column and
// quoting the text).
#include <doctest/doctest.h>

#include <zjcredit/error.hpp>
#include <zjcredit/rules/csv.hpp>

#include <string>
#include <vector>

namespace {

namespace rules = zjcredit::rules;
using boost::gregorian::date;
using rows_t = std::vector<std::vector<std::string>>;

const std::vector<std::string> loan_header(rules::loan_csv_columns.begin(), rules::loan_csv_columns.end());

rows_t loan_rows() {
    return {{"甲公司", "micro", "2022/4/1", "是", "1", "yes", "4.35%", "2022-04-01", "2022-07-01", "2022-04-01",
             "2022-06-30", "100万"},
            {"甲公司", "micro", "2022/4/1", "是", "1", "yes", "4.35%", "2022-04-01", "2022-07-01", "2022-07-01",
             "2022-07-01", "0"}};
}

/// The error `read` throws, as a csv_record_error.
template <class F>
rules::csv_record_error error_of(F read) {
    try {
        read();
    } catch (const rules::csv_record_error& e) {
        return e;
    }
    FAIL("no csv_record_error");
    throw;
}

}  // namespace

TEST_CASE("parse_flag: the yes/no words and nothing else") {
    for (const char* t : {"true", "1", "yes", "y", "Y", "TRUE", "True", "是"}) CHECK(rules::parse_flag(t, "f"));
    for (const char* f : {"false", "0", "no", "n", "N", "FALSE", "False", "否"}) CHECK_FALSE(rules::parse_flag(f, "f"));
    for (const char* bad : {"", " true", "Yes", "t", "2", "对"}) {
        CHECK_THROWS_AS(rules::parse_flag(bad, "first_loan"), zjcredit::parse_error);
    }
    try {
        rules::parse_flag("Yes", "first_loan");
    } catch (const zjcredit::parse_error& e) {
        CHECK(std::string(e.what()) == "first_loan: expected true or false (also 1/0, yes/no, 是/否) in \"Yes\"");
    }
}

TEST_CASE("loan_from_csv: the loan's columns from the first row, a balance range per row") {
    const rows_t rows = loan_rows();
    const std::vector<std::size_t> lines = {2, 3};
    const rules::loan_record loan = rules::loan_from_csv({"loans.csv", loan_header, rows, lines});
    CHECK(loan.borrower == "甲公司");
    CHECK(loan.borrower_kind == zjcredit::plan::borrower_kind::micro);
    CHECK(loan.first_application_date == date(2022, 4, 1));
    CHECK(loan.via_platform);
    CHECK(loan.local_legal_person_lender);
    CHECK(loan.first_loan);
    CHECK(loan.annual_rate.units() == 435'000'000);  // 4.35% = 0.0435 = 435,000,000 × 10^-10
    CHECK(loan.period.from == date(2022, 4, 1));
    CHECK(loan.period.to == date(2022, 7, 1));
    REQUIRE(loan.balances.size() == 2);
    CHECK(loan.balances[0].from == date(2022, 4, 1));
    CHECK(loan.balances[0].to == date(2022, 6, 30));
    CHECK(loan.balances[0].balance.fen() == 100'000'000);  // 100万元 = 1,000,000.00 元
    CHECK(loan.balances[1].from == date(2022, 7, 1));
    CHECK(loan.balances[1].balance.fen() == 0);
}

TEST_CASE("loan_from_csv: columns in another order, a missing column reads empty") {
    std::vector<std::string> header = loan_header;
    std::swap(header[0], header[11]);  // balance first, borrower last
    rows_t rows = loan_rows();
    for (auto& r : rows) std::swap(r[0], r[11]);
    const std::vector<std::size_t> lines = {2, 3};
    CHECK(rules::loan_from_csv({"loans.csv", header, rows, lines}).balances[0].balance.fen() == 100'000'000);

    header.pop_back();  // no borrower column: the borrower is empty (the rule refuses it)
    for (auto& r : rows) r.pop_back();
    CHECK(rules::loan_from_csv({"loans.csv", header, rows, lines}).borrower.empty());
}

TEST_CASE("loan_from_csv: a bad cell names the file, its line, the column and the text") {
    const std::vector<std::size_t> lines = {7, 9};  // a blank line between: lines are the caller's
    SUBCASE("a balance on the second row") {
        rows_t rows = loan_rows();
        rows[1][11] = "1.005";
        const auto e = error_of([&] { (void)rules::loan_from_csv({"loans.csv", loan_header, rows, lines}); });
        CHECK(e.code() == zjcredit::errc::parse);
        CHECK(e.field() == "loans.csv:9: balance");
        CHECK(e.column() == "balance");
        CHECK(e.row() == 1);
        CHECK(e.line() == 9);
        CHECK(e.text() == "1.005");
    }
    SUBCASE("a loan column on the first row") {
        rows_t rows = loan_rows();
        rows[0][2] = rows[1][2] = "2022-04-31";
        const auto e = error_of([&] { (void)rules::loan_from_csv({"loans.csv", loan_header, rows, lines}); });
        CHECK(std::string(e.what()) ==
              "loans.csv:7: first_application_date: 2022-04 has no day 31 (it has 30) in \"2022-04-31\" at position 8");
    }
    SUBCASE("a loan column that differs between rows") {
        rows_t rows = loan_rows();
        rows[1][6] = "4.5%";
        const auto e = error_of([&] { (void)rules::loan_from_csv({"loans.csv", loan_header, rows, lines}); });
        CHECK(e.code() == zjcredit::errc::validation);
        CHECK(std::string(e.what()) ==
              "loans.csv:9: annual_rate: differs from the record's first row (\"4.35%\") in \"4.5%\"");
    }
    SUBCASE("an unknown borrower kind and a flag") {
        rows_t rows = loan_rows();
        rows[0][1] = rows[1][1] = "huge";
        CHECK(std::string(error_of([&] {
                  (void)rules::loan_from_csv({"loans.csv", loan_header, rows, lines});
              }).what()) == "loans.csv:7: borrower_kind: expected a borrower kind: 小型/小型企业 (small), 微型/微型企业 (micro), "
              "个体工商户 (individual_business), 中型/中型企业 (medium) or 大型/大型企业 (large) in \"huge\"");
        rows = loan_rows();
        rows[0][5] = rows[1][5] = "maybe";
        CHECK(error_of([&] { (void)rules::loan_from_csv({"loans.csv", loan_header, rows, lines}); }).field() ==
              "loans.csv:7: first_loan");
    }
}

TEST_CASE("receivables_from_csv: a financing per row, end or days") {
    const std::vector<std::string> header = {"confirmed_on_platform", "core_enterprise", "sme", "amount", "start",
                                             "days", "end"};
    const rows_t rows = {{"true", "丙集团", "乙", "1,000,000.00", "2022-03-01", "", "2022-08-28"},
                         {"否", "丙集团", "丁", "50万", "2022年5月1日", "90", ""}};
    const std::vector<std::size_t> lines = {2, 3};
    const rules::receivables_record r = rules::receivables_from_csv({"fin.csv", header, rows, lines});
    CHECK(r.core_enterprise == "丙集团");
    REQUIRE(r.financings.size() == 2);
    CHECK(r.financings[0].sme == "乙");
    CHECK(r.financings[0].amount.fen() == 100'000'000);
    CHECK(r.financings[0].start == date(2022, 3, 1));
    CHECK(r.financings[0].end == date(2022, 8, 28));
    CHECK_FALSE(r.financings[0].days.has_value());
    CHECK(r.financings[0].confirmed_on_platform);
    CHECK(r.financings[1].amount.fen() == 50'000'000);
    CHECK(r.financings[1].start == date(2022, 5, 1));
    CHECK_FALSE(r.financings[1].end.has_value());
    CHECK(r.financings[1].days == 90);
    CHECK_FALSE(r.financings[1].confirmed_on_platform);
}

TEST_CASE("receivables_from_csv: days is text (parse) or a term the rule refuses (validation), at its line") {
    const std::vector<std::string> header(rules::financing_csv_columns.begin(), rules::financing_csv_columns.end());
    const std::vector<std::size_t> lines = {2, 3, 4};
    const auto with_days = [&](const std::string& days) {
        const rows_t rows = {{"丙", "乙", "1000", "2022-03-01", "2022-04-01", "", "true"},
                             {"丙", "丁", "1000", "2022-03-01", "", days, "true"},
                             {"丙", "戊", "1000", "2022-03-01", "", "1", "true"}};
        return error_of([&] { (void)rules::receivables_from_csv({"fin.csv", header, rows, lines}); });
    };
    // Malformed text: a parse error on the column, as JSON's "expected an integer".
    for (const char* text : {"9x", "1e3", "90.5"}) {
        const auto e = with_days(text);
        CHECK(e.code() == zjcredit::errc::parse);
        CHECK(e.field() == "fin.csv:3: days");
        CHECK(e.text() == text);
    }
    CHECK(std::string(with_days("90.5").what()) == "fin.csv:3: days: must be a whole number of days in \"90.5\"");
    CHECK(with_days("99999999999999999999").code() == zjcredit::errc::parse);
    // A whole number the rule refuses: its validation error and field, as a JSON record gets.
    const auto zero = with_days("0");
    CHECK(zero.code() == zjcredit::errc::validation);
    CHECK(std::string(zero.what()) == "fin.csv:3: financings[1].days: must be at least 1 day in \"0\"");
    CHECK(std::string(with_days("-90").what()) == "fin.csv:3: financings[1].days: must be at least 1 day in \"-90\"");
    // 2022-03-01 to 9999-12-31 is 7977 years and 9 months and change: 3,000,000 days go past it.
    const auto far = with_days("3000000");
    CHECK(far.code() == zjcredit::errc::validation);
    CHECK(std::string(far.what()) == "fin.csv:3: financings[1].days: the term ends after 9999-12-31 in \"3000000\"");
    // "90.0" is the whole number 90, as the CLI has always read it.
    const rows_t ok = {{"丙", "丁", "1000", "2022-03-01", "", "90.0", "true"}};
    const std::vector<std::size_t> one = {2};
    CHECK(rules::receivables_from_csv({"fin.csv", header, ok, one}).financings[0].days == 90);
}

TEST_CASE("receivables_from_csv: a core enterprise that differs is the second row's error") {
    const std::vector<std::string> header(rules::financing_csv_columns.begin(), rules::financing_csv_columns.end());
    const rows_t rows = {{"丙", "乙", "1000", "2022-03-01", "2022-04-01", "", "true"},
                         {"丁", "乙", "1000", "2022-03-01", "2022-04-01", "", "true"}};
    const std::vector<std::size_t> lines = {2, 3};
    const auto e = error_of([&] { (void)rules::receivables_from_csv({"fin.csv", header, rows, lines}); });
    CHECK(e.code() == zjcredit::errc::validation);
    CHECK(e.line() == 3);
    CHECK(e.column() == "core_enterprise");
}

TEST_CASE("csv_rows: no rows, or lines that do not match the rows, are the caller's error") {
    const std::vector<std::string> header = {"borrower"};
    const rows_t none;
    const rows_t one = {{"甲"}};
    const std::vector<std::size_t> no_lines;
    CHECK_THROWS_AS((void)rules::loan_from_csv({"loans.csv", header, none, no_lines}), zjcredit::validation_error);
    CHECK_THROWS_AS((void)rules::loan_from_csv({"loans.csv", header, one, no_lines}), zjcredit::validation_error);
}
