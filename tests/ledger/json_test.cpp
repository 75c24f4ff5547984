// Ledger JSON: documents in and out, results out.
#include "test_util.hpp"

#include <zjcredit/ledger/compliance.hpp>
#include <zjcredit/ledger/io.hpp>
#include <zjcredit/ledger/progress.hpp>

#include <doctest/doctest.h>

using namespace zjcredit;
using namespace zjcredit::ledger;
using namespace zjcredit::ledger::test;

namespace {

const year_month sep(2022, 9);

ledger_document sample() {
    ledger_document doc;
    submission s = commerce(sep, d(2022, 9, 26));
    s.entries[0].figures = "1,234.56万元";
    s.entries[0].milestone = d(2022, 12, 31);
    s.entries[1].note = "注：\"试点\"";
    doc.submissions.push_back(s);
    doc.liaison_forms.push_back(liaison_form{"commerce", "张三", "科长", "0759-3388123", "a@b.cn", d(2022, 9, 16)});
    return doc;
}

}  // namespace

TEST_SUITE("ledger.json") {

TEST_CASE("the documented shape, and a byte-stable round trip") {
    const std::string text = ledger_to_json(sample());
    const std::string expected_start =
        "{\n"
        "  \"schema_version\": 1,\n"
        "  \"kind\": \"zjcredit.ledger\",\n"
        "  \"submissions\": [\n"
        "    {\n"
        "      \"unit\": \"commerce\",\n"
        "      \"month\": \"2022-09\",\n"
        "      \"received\": \"2022-09-26\",\n"
        "      \"entries\": [\n"
        "        {\n"
        "          \"task\": \"m3.fx_facilitation\",\n"
        "          \"status\": \"in_progress\",\n"
        "          \"figures\": \"1,234.56万元\",\n"
        "          \"milestone\": \"2022-12-31\",\n"
        "          \"note\": \"\"\n"
        "        },\n";
    CHECK(text.rfind(expected_start, 0) == 0);
    const ledger_document back = ledger_from_json(text, p2022());
    CHECK(back == sample());
    CHECK(ledger_to_json(back) == text);
}

TEST_CASE("reading: aliases become ids, optional keys default") {
    const std::string text = R"({"schema_version": 1, "kind": "zjcredit.ledger", "submissions": [
        {"unit": "市商务局", "month": "2022年9月", "received": "2022-09-26",
         "entries": [{"task": "m3.fx_facilitation", "status": "done"}]}]})";
    const ledger_document doc = ledger_from_json(text, p2022());
    REQUIRE(doc.submissions.size() == 1);
    CHECK(doc.submissions[0].unit == "commerce");
    CHECK(doc.submissions[0].entries[0].unit == "commerce");
    CHECK(doc.submissions[0].entries[0].received == d(2022, 9, 26));
    CHECK(doc.submissions[0].entries[0].figures.empty());
    CHECK(doc.liaison_forms.empty());
}

TEST_CASE("errors name the JSON path") {
    auto read = [](const std::string& body) { return ledger_from_json(body, p2022()); };
    const std::string head = R"({"schema_version": 1, "kind": "zjcredit.ledger", "submissions": [)";
    const std::string ok_sub = R"({"unit": "commerce", "month": "2022-09", "received": "2022-09-26", "entries": [)";

    auto e = thrown<parse_error>([&] { read(head + ok_sub + R"({"task": "m3.fx_facilitation", "status": "已完成"}]}]})"); });
    REQUIRE(e);
    CHECK(e->field() == "submissions[0].entries[0].status");

    e = thrown<parse_error>([&] { read(head + ok_sub + R"({"task": "m3.fx_facilitation", "status": "done", "colour": 1}]}]})"); });
    REQUIRE(e);
    CHECK(e->field() == "submissions[0].entries[0].colour");

    e = thrown<parse_error>([&] { read(head + R"({"unit": "commerce", "month": "2022-09-26", "received": "2022-09-26", "entries": []}]})"); });
    REQUIRE(e);
    CHECK(e->field() == "submissions[0].month");

    auto nf = thrown<not_found_error>([&] { read(head + R"({"unit": "市教育局", "month": "2022-09", "received": "2022-09-26", "entries": []}]})"); });
    REQUIRE(nf);
    CHECK(nf->field() == "submissions[0].unit");

    auto v = thrown<validation_error>([&] {
        read(head + ok_sub + R"({"task": "m3.fx_facilitation", "status": "done"}, {"task": "m3.fx_facilitation", "status": "done"}]}]})");
    });
    REQUIRE(v);
    CHECK(v->field() == "submissions[0].entries[1].task");

    v = thrown<validation_error>([&] { read(R"({"schema_version": 2, "kind": "zjcredit.ledger", "submissions": []})"); });
    REQUIRE(v);
    CHECK(v->field() == "schema_version");
    v = thrown<validation_error>([&] { read(R"({"schema_version": 1, "kind": "zjcredit.plan", "submissions": []})"); });
    REQUIRE(v);
    CHECK(v->field() == "kind");
    e = thrown<parse_error>([&] { read(R"({"schema_version": 1, "kind": "zjcredit.ledger"})"); });
    REQUIRE(e);
    CHECK(e->field() == "submissions");
    e = thrown<parse_error>([&] { read(R"({"schema_version": 1, "kind": "zjcredit.ledger", "submissions": [], "submissions": []})"); });
    REQUIRE(e);
}

TEST_CASE("results as JSON") {
    const std::vector<submission> subs = {commerce(sep, d(2022, 9, 27))};
    const period_compliance p = check_period(p2022(), subs);
    const std::vector<liaison_form> forms = sample().liaison_forms;
    const liaison_compliance l = check_liaison_forms(p2022(), forms);
    const std::string c = compliance_to_json(p, &l);
    CHECK(c.find("\"kind\": \"zjcredit.ledger.compliance\"") != std::string::npos);
    CHECK(c.find("\"inclusive\": true") != std::string::npos);
    CHECK(c.find("\"roll_to_working_day\": true") != std::string::npos);
    CHECK(c.find("\"due\": \"2022-09-26\"") != std::string::npos);
    CHECK(c.find("\"status\": \"late\",\n          \"received\": \"2022-09-27\",\n          \"days_late\": 1") !=
          std::string::npos);
    CHECK(c.find("\"named_date\": \"2022-09-16\"") != std::string::npos);
    CHECK(compliance_to_json(p, &l) == c);

    const std::string r = progress_to_json(roll_up(p2022(), subs, sep));
    CHECK(r.find("\"kind\": \"zjcredit.ledger.progress\"") != std::string::npos);
    const std::string o = overdue_to_json(std::vector<overdue_task>{}, d(2022, 11, 1));
    CHECK(o.find("\"as_of\": \"2022-11-01\"") != std::string::npos);
}

}  // TEST_SUITE
