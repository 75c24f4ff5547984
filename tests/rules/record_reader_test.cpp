// The fast record reader (src/rules/record_reader.hpp) against the strict one:
// on every golden record, every record of the bad-input catalogue and
// mutated variants, the fast reader either gives up or returns a record equal
// to the strict reader's; where the outcome is known in advance (an ordinary
// record is answered, a duplicate key is given up, ...) it is checked too.
#include <doctest/doctest.h>

#include "../../src/rules/record_reader.hpp"

#include <zjcredit/error.hpp>
#include <zjcredit/limits.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/rules/json.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#ifndef ZJCREDIT_GOLDEN_DIR
#error "ZJCREDIT_GOLDEN_DIR must name tests/golden"
#endif
#ifndef ZJCREDIT_BAD_DIR
#error "ZJCREDIT_BAD_DIR must name tests/data/bad"
#endif

namespace {

namespace fs = std::filesystem;
namespace rules = zjcredit::rules;
namespace detail = zjcredit::rules::detail;
using json = nlohmann::ordered_json;

enum class outcome { answered, gave_up };

const char* name(outcome o) { return o == outcome::answered ? "answered" : "gave up"; }

/// The strict reader's record, or nullopt when it throws a zjcredit::error.
template <class Record, class Read>
std::optional<Record> strict(std::string_view text, Read read) {
    const detail::strict_only guard;
    try {
        return read(text);
    } catch (const zjcredit::error&) {
        return std::nullopt;
    }
}

/// Checks the contract on `text` and returns what the fast reader did.
template <class Record, class Fast, class Read>
outcome differ(std::string_view text, Fast fast_read, Read strict_read) {
    const std::optional<Record> fast = fast_read(text);
    if (!fast) return outcome::gave_up;
    const std::optional<Record> slow = strict<Record>(text, strict_read);
    INFO("text: ", std::string(text.substr(0, 400)));
    REQUIRE_MESSAGE(slow.has_value(), "the fast reader answered where the strict reader throws");
    CHECK_MESSAGE(*fast == *slow, "the fast reader's record differs from the strict reader's");
    return outcome::answered;
}

outcome loan(std::string_view text) {
    return differ<rules::loan_record>(text, detail::fast_loan_record, rules::loan_record_from_json);
}

outcome receivables(std::string_view text) {
    return differ<rules::receivables_record>(text, detail::fast_receivables_record,
                                             rules::receivables_record_from_json);
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<fs::path> files(const fs::path& dir, const std::string& ext) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ext) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

/// The "record" members of tests/golden/<rule>/*.json.
std::vector<json> golden_records(const std::string& rule) {
    std::vector<json> out;
    for (const auto& p : files(fs::path(ZJCREDIT_GOLDEN_DIR) / rule, ".json")) {
        const json doc = json::parse(read_file(p));
        if (doc.contains("record")) out.push_back(doc["record"]);
    }
    return out;
}

/// Largest generated catalogue input built here; the larger ones (100 MiB of
/// "x") are over limits::max_document_bytes, covered by its own case below.
constexpr std::size_t max_generated = std::size_t{16} << 20;

/// The inputs of tests/data/bad/<kind>/*.json, generated ones expanded.
std::vector<std::string> catalogue(const std::string& kind) {
    std::vector<std::string> out;
    for (const auto& p : files(fs::path(ZJCREDIT_BAD_DIR) / kind, ".json")) {
        std::string text = read_file(p);
        std::string fill;
        std::size_t repeat = 0;
        std::ifstream expect(fs::path(p).replace_extension(".expect"));
        for (std::string line; std::getline(expect, line);) {
            if (line.rfind("fill=", 0) == 0) fill = line.substr(5);
            if (line.rfind("repeat=", 0) == 0) repeat = std::stoul(line.substr(7));
        }
        if (!fill.empty()) {
            if (fill.size() * repeat > max_generated) continue;
            std::string filled;
            filled.reserve(fill.size() * repeat);
            for (std::size_t i = 0; i < repeat; ++i) filled += fill;
            text.replace(text.find("@@FILL@@"), 8, filled);
        }
        out.push_back(std::move(text));
    }
    return out;
}

const char* const twelve_ranges = R"({
  "borrower": "湛江市甲科技有限公司",
  "borrower_kind": "small",
  "first_application_date": "2022-04-15",
  "via_platform": true,
  "local_legal_person_lender": true,
  "first_loan": true,
  "annual_rate": "4.35%",
  "balances": [
    {"from": "2022-01-01", "to": "2022-01-31", "balance": "1,000,000.00"},
    {"from": "2022-02-01", "to": "2022-02-28", "balance": "2000000"},
    {"from": "2022-03-01", "to": "2022-03-31", "balance": "300万"},
    {"from": "2022-04-01", "to": "2022-04-30", "balance": "4000000.5"},
    {"from": "2022-05-01", "to": "2022-05-31", "balance": "5000000.05"},
    {"from": "2022-06-01", "to": "2022-06-30", "balance": "6000000"},
    {"from": "2022-07-01", "to": "2022-07-31", "balance": "7000000"},
    {"from": "2022-08-01", "to": "2022-08-31", "balance": "8000000"},
    {"from": "2022-09-01", "to": "2022-09-30", "balance": "9000000"},
    {"from": "2022-10-01", "to": "2022-10-31", "balance": "10000000"},
    {"from": "2022-11-01", "to": "2022-11-30", "balance": "11000000"},
    {"date": "2022-12-01", "balance": "12000000"}
  ],
  "period": {"from": "2022-01-01", "to": "2022-12-31"}
})";

const char* const two_financings = R"({
  "core_enterprise": "湛江市核心企业",
  "financings": [
    {"sme": "甲", "amount": "500万", "start": "2022-05-01", "end": "2022-11-01", "confirmed_on_platform": true},
    {"sme": "乙", "amount": "1,000,000.00", "start": "2022-06-01", "days": 180, "confirmed_on_platform": false}
  ]
})";

/// `text` with the first `from` replaced by `to`.
std::string edit(std::string text, std::string_view from, std::string_view to) {
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "no ", std::string(from), " to edit");
    text.replace(at, from.size(), to);
    return text;
}

}  // namespace

TEST_CASE("record reader: the golden records are answered exactly when the strict reader reads them") {
    // As indented text, as compact text, and as the strict reader's own output
    // (another layout of the same record). The golden cases whose record
    // itself is bad (a rate as a JSON number, an unknown key, an overflowing
    // amount, ...) are given up; those refused by the rule are answered. A
    // loan given by its events (drawdown_date, ...) is left to the strict
    // reader, which derives its balances: given up, then answered as written
    // back with those balances.
    std::size_t answered = 0;
    std::size_t given_up = 0;
    std::size_t events = 0;
    for (const json& record : golden_records("first_loan_subsidy")) {
        const auto read = strict<rules::loan_record>(record.dump(), rules::loan_record_from_json);
        const bool by_events = record.contains("drawdown_date");
        events += by_events ? 1 : 0;
        const outcome expected = read && !by_events ? outcome::answered : outcome::gave_up;
        CHECK(loan(record.dump(2)) == expected);
        CHECK(loan(record.dump()) == expected);
        if (read) CHECK(loan(rules::to_json(*read)) == outcome::answered);
        ++(read && !by_events ? answered : given_up);
    }
    // 53 (rate as a number), 54 (unknown key), 55 (unknown kind), 51 (overflow).
    CHECK(given_up == 4 + events);
    CHECK(events == 1);
    CHECK(answered >= 40);
    answered = given_up = 0;
    for (const json& record : golden_records("receivables_reward")) {
        const auto read = strict<rules::receivables_record>(record.dump(), rules::receivables_record_from_json);
        const outcome expected = read ? outcome::answered : outcome::gave_up;
        CHECK(receivables(record.dump(2)) == expected);
        CHECK(receivables(record.dump()) == expected);
        if (read) CHECK(receivables(rules::to_json(*read)) == outcome::answered);
        ++(read ? answered : given_up);
    }
    // 46 (overflow), 47 (below the 分).
    CHECK(given_up == 2);
    CHECK(answered >= 20);
}

TEST_CASE("record reader: the bad-input catalogue's records are given up or read as the strict reader does") {
    for (const std::string& text : catalogue("subsidy")) loan(text);
    for (const std::string& text : catalogue("reward")) receivables(text);
    CHECK(catalogue("subsidy").size() >= 60);
    CHECK(catalogue("reward").size() >= 25);
}

TEST_CASE("record reader: variants the fast reader answers") {
    const std::string base = twelve_ranges;
    REQUIRE(loan(base) == outcome::answered);
    const rules::loan_record record = *detail::fast_loan_record(base);
    // Checked against the text, not the reader: 12 ranges, the last by "date".
    CHECK(record.balances.size() == 12);
    CHECK(record.balances[11].from == record.balances[11].to);
    CHECK(record.balances[2].balance == zjcredit::money::parse_amount("3000000.00"));

    // Keys in another order, at the root and in a balance.
    json reordered = json::object();
    const json doc = json::parse(base);
    for (auto it = doc.rbegin(); it != doc.rend(); ++it) reordered[it.key()] = it.value();
    json reversed_balance = json::object();
    reversed_balance["balance"] = "1000000";
    reversed_balance["to"] = "2022-01-31";
    reversed_balance["from"] = "2022-01-01";
    reordered["balances"][0] = reversed_balance;
    CHECK(loan(reordered.dump()) == outcome::answered);

    // Whitespace of all four JSON kinds around every token.
    std::string spaced;
    bool in_string = false;
    bool escape = false;
    for (const char c : json::parse(base).dump()) {
        if (in_string) {
            in_string = escape || c != '"';
            escape = !escape && c == '\\';
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '}' || c == '[' || c == ']' || c == ',' || c == ':') {
            spaced += " \t\r\n";
        }
        spaced += c;
    }
    CHECK(loan(" \n" + spaced + "\t\r\n ") == outcome::answered);

    // Unicode escapes in a value and in a key: the same record as UTF-8 text.
    const std::string escaped = edit(edit(base, "湛", "\\u6e5b"), "\"borrower\"", "\"borr\\u006fwer\"");
    REQUIRE(loan(escaped) == outcome::answered);
    CHECK(detail::fast_loan_record(escaped)->borrower == "湛江市甲科技有限公司");
    CHECK(loan(edit(base, "甲", "\\ud83d\\ude00")) == outcome::answered);  // a surrogate pair: U+1F600
    CHECK(loan(edit(base, "甲", "\\\"\\\\\\/\\b\\f\\n\\r\\t")) == outcome::answered);

    // An empty schedule is a record (the rule refuses it, not the reader).
    json empty = json::parse(base);
    empty["balances"] = json::array();
    CHECK(loan(empty.dump()) == outcome::answered);

    // Over 64 KiB the reader parses with a workspace of its own: still answered.
    json many = json::parse(base);
    for (int i = 0; i < 2000; ++i) many["balances"].push_back(many["balances"][0]);
    REQUIRE(many.dump().size() > (std::size_t{64} << 10));
    CHECK(loan(many.dump()) == outcome::answered);
    CHECK(detail::fast_loan_record(many.dump())->balances.size() == 2012);

    // A receivables record; "end" and "days" may be null, read as absent.
    CHECK(receivables(two_financings) == outcome::answered);
    CHECK(receivables(edit(two_financings, "\"days\": 180", "\"days\": 180, \"end\": null")) == outcome::answered);
    CHECK(!detail::fast_receivables_record(edit(two_financings, "\"days\": 180", "\"days\": 180, \"end\": null"))
               ->financings[1]
               .end);
    // "-0": nlohmann reads the integer 0; simdjson may or may not. Either
    // outcome is allowed, and differ() checks an answer against the strict one.
    receivables(edit(two_financings, "\"days\": 180", "\"days\": -0"));
}

TEST_CASE("record reader: variants the fast reader gives up, for the strict reader to refuse") {
    const std::string base = twelve_ranges;
    // Each of these the strict reader refuses; the fast reader must give up.
    const std::vector<std::string> loans = {
        edit(base, "\"first_loan\": true,", "\"first_loan\": true, \"first_loan\": true,"),  // duplicate key
        edit(base, "\"balance\": \"2000000\"}", "\"balance\": \"2000000\",}"),               // trailing comma
        edit(base, "\"balance\": \"2000000\"", "\"balance\": 2000000"),                      // a number for money
        edit(base, "\"annual_rate\": \"4.35%\"", "\"annual_rate\": 4.35"),                    // a number for a rate
        edit(base, "\"2022-04-15\"", "20220415"),                                             // a number for a date
        edit(base, "\"first_loan\": true", "\"first_loan\": \"true\""),                       // a string for a boolean
        edit(base, "\"first_loan\": true", "\"first_loan\": 1"),                              // a number for a boolean
        edit(base, "\"first_loan\": true", "\"first_loan\": null"),                           // null: missing
        edit(base, "\"first_loan\": true,", ""),                                              // missing key
        edit(base, "\"first_loan\": true,", "\"first_loan\": true, \"note\": \"x\","),        // unknown key
        edit(base, "\"first_loan\": true,", "\"first_loan\": true, \"x\": [[[[[[[]]]]]]],"),  // nesting in an unknown key
        edit(base, "\"borrower\": \"湛", "\"borrower\": \"\\u0000湛"),                       // escaped NUL
        edit(base, "\"borrower\": \"湛", std::string("\"borrower\": \"") + '\0' + "湛"),      // raw NUL
        edit(base, "\"borrower\": \"湛", "\"borrower\": \"\xff湛"),                          // invalid UTF-8
        edit(base, "\"borrower\": \"湛", "\"borrower\": \"\\ud800湛"),                      // lone surrogate
        edit(base, "\"borrower\": \"湛", "\"borrower\": \"\t湛"),                            // raw control character
        edit(base, "\"small\"", "\"huge\""),                                                  // unknown borrower kind
        edit(base, "\"2000000\"", "\"2000000.001\""),                                         // below the 分
        edit(base, "\"4.35%\"", "\"4.35%%\""),                                                // two percent signs
        edit(base, "\"2022-04-15\"", "\"2022-02-30\""),                                       // no such day
        edit(base, "{\"date\": \"2022-12-01\",", "{\"date\": \"2022-12-01\", \"from\": \"2022-12-01\","),  // both forms
        edit(base, "{\"date\": \"2022-12-01\",", "{\"to\": \"2022-12-01\","),                 // half a range
        edit(base, "\"period\": {", "\"period\": {\"from\": \"2022-01-01\","),                // duplicate in period
        edit(base, "\"period\": {\"from\": \"2022-01-01\", \"to\": \"2022-12-31\"}", "\"period\": []"),
        edit(base, "\"balances\": [", "\"balances\": [1, "),                                  // not an object
        base + " {}",                                                                         // trailing text
        base.substr(0, base.size() - 1),                                                      // cut short
        "[" + base + "]",                                                                     // not an object
        "",
    };
    for (std::size_t i = 0; i < loans.size(); ++i) {
        INFO("variant ", i);
        CHECK(name(loan(loans[i])) == std::string("gave up"));
        CHECK(!strict<rules::loan_record>(loans[i], rules::loan_record_from_json));
    }

    // Deep nesting: simdjson would parse 1000 levels, the strict reader stops at 64.
    const std::string deep = edit(base, "\"first_loan\": true,",
                                  "\"first_loan\": true, \"x\": " + std::string(1000, '[') + std::string(1000, ']') + ",");
    CHECK(loan(deep) == outcome::gave_up);

    const std::string financings = two_financings;
    const std::vector<std::string> records = {
        edit(financings, "\"days\": 180", "\"days\": 180.0"),                // a fraction
        edit(financings, "\"days\": 180", "\"days\": 1.8e2"),                // an exponent
        edit(financings, "\"days\": 180", "\"days\": 9223372036854775808"),  // over int64
        edit(financings, "\"days\": 180", "\"days\": \"180\""),              // a string for an integer
        edit(financings, "\"days\": 180", "\"days\": 180, \"days\": 180"),   // duplicate key
        edit(financings, "\"days\": 180", "\"days\": null, \"days\": 180"),  // duplicate key, one null
        edit(financings, "\"sme\": \"甲\"", "\"sme\": null"),                // required key null
        edit(financings, "\"amount\": \"500万\"", "\"amount\": 5000000"),    // a number for money
        edit(financings, "\"core_enterprise\"", "\"core_enterprise\": \"x\", \"core_enterprise\""),
    };
    for (std::size_t i = 0; i < records.size(); ++i) {
        INFO("receivables variant ", i);
        CHECK(name(receivables(records[i])) == std::string("gave up"));
    }
    // Both end and days is a record for the reader (the rule refuses it): answered.
    CHECK(receivables(edit(financings, "\"days\": 180", "\"days\": 180, \"end\": \"2022-12-01\"")) ==
          outcome::answered);
}

TEST_CASE("record reader: a document over limits::max_document_bytes is given up even when it is a record") {
    std::string big = twelve_ranges;
    big.append(zjcredit::limits::max_document_bytes + 1 - big.size(), ' ');
    REQUIRE(big.size() == zjcredit::limits::max_document_bytes + 1);
    CHECK(loan(big) == outcome::gave_up);
    CHECK(!strict<rules::loan_record>(big, rules::loan_record_from_json));
}

TEST_CASE("record reader: strict_only makes loan_record_from_json run the strict reader alone") {
    const detail::strict_only guard;
    CHECK(!detail::fast_loan_record(twelve_ranges));
    CHECK(!detail::fast_receivables_record(two_financings));
}
