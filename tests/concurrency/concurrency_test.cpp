// concurrency_test.cpp — the C ABI (capi/zjcredit.h) from many threads at once.
//
//   concurrency_test [N [THREADS]]      (defaults: N = 2000, THREADS = 8)
//
// A table of calls — valid and invalid input for every entry point: amounts
// (parse, format, 大写, rounding, rates), plan queries, lint, to_json and
// load_json, the four rules, assessment and the ledger check — is first run
// single-threaded on the main thread: every outcome (status, output,
// zjc_last_status(), zjc_last_error(), zjc_last_error_field()) is recorded.
// Then THREADS threads each make N calls drawn from the table (a fixed
// per-thread sequence), on one zjc_plan handle shared by all threads, on the
// thread's own plan (loaded from JSON and reloaded now and then), or on NULL
// (the embedded plan), and check that every outcome equals the recorded one.
// Some calls fail with text that names the thread, so a zjc_last_error()
// shared between threads would show as another thread's message.
//
// Built normally by `make test` with a small N; `make sanitize` runs it under
// ThreadSanitizer with N = 100000. Prints "concurrency: C passed, F failed"
// (C = THREADS × N calls) and exits non-zero on any failure.
#include <zjcredit.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <latch>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

// ---- outcomes ------------------------------------------------------------------------

struct outcome {
    std::int32_t status = 0;
    std::int32_t last_status = 0;
    std::string out;  // the output on success; "<untouched>" when a failing call left it alone
    std::string message;
    std::string field;
    bool operator==(const outcome&) const = default;
};

// Which plan a call gets: none of them, NULL (the embedded plan), the shared
// handle, or the calling thread's own.
enum class plan_kind { unused, null, shared, own };
constexpr plan_kind k_plan_kinds[] = {plan_kind::null, plan_kind::shared, plan_kind::own};

const char* name_of(plan_kind k) {
    switch (k) {
        case plan_kind::unused: return "-";
        case plan_kind::null: return "NULL";
        case plan_kind::shared: return "shared";
        case plan_kind::own: return "own";
    }
    return "?";
}

char g_sentinel_storage[] = "sentinel";
char* const k_sentinel = g_sentinel_storage;
constexpr std::int64_t k_fen_sentinel = 0x5A5A5A5A;

// The error record right after a call, then the output (freed).
outcome finish(std::int32_t rc, char* s) {
    outcome o;
    o.status = rc;
    o.last_status = zjc_last_status();
    const char* m = zjc_last_error();
    const char* f = zjc_last_error_field();
    o.message = m == nullptr ? "<NULL>" : m;
    o.field = f == nullptr ? "<NULL>" : f;
    if (s == k_sentinel) {
        o.out = "<untouched>";
    } else if (s == nullptr) {
        o.out = "<NULL>";
    } else {
        o.out = s;
        zjc_string_free(s);
    }
    return o;
}

outcome finish_fen(std::int32_t rc, std::int64_t fen) {
    outcome o = finish(rc, k_sentinel);
    o.out = fen == k_fen_sentinel ? "<untouched>" : std::to_string(fen);
    return o;
}

// ---- the table of calls --------------------------------------------------------------------

struct call {
    std::string name;
    bool uses_plan;
    std::function<outcome(const zjc_plan*)> run;
    bool heavy = false;  // milliseconds rather than microseconds: drawn 1 time in 32
};

// 1,000,000.00 every day 2022-04-01..06-30 at 4.35%.
const std::string k_loan =
    R"({"borrower": "湛江市甲科技有限公司", "borrower_kind": "small", "first_application_date": "2022-04-01",)"
    R"( "via_platform": true, "local_legal_person_lender": true, "first_loan": true, "annual_rate": "4.35%",)"
    R"( "balances": [{"from": "2022-04-01", "to": "2022-06-30", "balance": "1000000.00"}],)"
    R"( "period": {"from": "2022-04-01", "to": "2022-06-30"}})";

std::string loan_with(const std::string& from, const std::string& to) {
    std::string s = k_loan;
    s.replace(s.find(from), from.size(), to);
    return s;
}

const std::string k_enterprise =
    R"({"core_enterprise": "湛江市丙集团有限公司", "financings": [)"
    R"({"sme": "湛江市乙贸易有限公司", "amount": "1000000.00", "start": "2022-03-01", "end": "2022-08-28", "confirmed_on_platform": true},)"
    R"({"sme": "湛江市丁制造有限公司", "amount": "500000.00", "start": "2022-05-01", "days": 90, "confirmed_on_platform": true}]})";

const std::string k_company =
    R"({"company": "湛江市戊股份有限公司", "stages": [)"
    R"({"stage": "listed", "date": "2023-06-20"}, {"stage": "tutoring_filed", "date": "2022-03-01"}],)"
    R"( "paid_stages": ["application_accepted"], "paid_amount": "3000000.00"})";

const std::string k_budget =
    R"({"budget": "100.00", "method": "pro_rata", "claims": [)"
    R"({"id": "C", "amount": "100.00"}, {"id": "A", "amount": "100.00"}, {"id": "B", "amount": "100.00"}]})";

const std::string k_budget_fcfs =
    R"({"budget": "150.00", "method": "first_come", "claims": [)"
    R"({"id": "A", "amount": "100.00"}, {"id": "B", "amount": "100.00"}]})";

const std::string k_observations =
    R"({"schema_version": 1, "as_of": "2022-12-31", "observations": [)"
    R"({"indicator": "sme_credit_loan_balance", "year_start": "230亿", "current": "251亿", "source": "人民银行湛江市中心支行"}]})";

const std::string k_ledger =
    R"({"schema_version": 1, "kind": "zjcredit.ledger", "submissions": [)"
    R"({"unit": "commerce", "month": "2022-09", "received": "2022-09-26", "entries": [{"task": "m3.fx_facilitation", "status": "done"}]},)"
    R"({"unit": "人行", "month": "2022-09", "received": "2022-09-28", "entries": [{"task": "m3.fx_facilitation", "status": "in_progress"}]}]})";

void add_amount_calls(std::vector<call>& calls, const std::string& tag) {
    struct parse_case {
        std::string text;
        std::int32_t rounding;
    };
    const std::vector<parse_case> parses = {
        {"2.2亿元", ZJC_ROUND_EXACT}, {"1,234.56", ZJC_ROUND_EXACT}, {"１２３４．５６", ZJC_ROUND_EXACT},
        {"3亿4500万", ZJC_ROUND_EXACT}, {"92233720368547758.07", ZJC_ROUND_EXACT}, {"-0.01", ZJC_ROUND_EXACT},
        {"1.005", ZJC_ROUND_HALF_UP}, {"1.005", ZJC_ROUND_HALF_EVEN}, {"1.009", ZJC_ROUND_DOWN},
        {"-1.001", ZJC_ROUND_UP},
        // invalid
        {"1.005", ZJC_ROUND_EXACT}, {tag + "12abc", ZJC_ROUND_EXACT}, {"", ZJC_ROUND_EXACT},
        {"1e30", ZJC_ROUND_HALF_UP}, {"NaN", ZJC_ROUND_EXACT}, {"99999999999999999999", ZJC_ROUND_EXACT},
        {"-92233720368547758.08", ZJC_ROUND_EXACT}, {"1.00", 42}, {tag + "亿亿", ZJC_ROUND_EXACT}};
    for (const parse_case& c : parses) {
        calls.push_back({"zjc_amount_parse(\"" + c.text + "\", " + std::to_string(c.rounding) + ")", false,
                         [c](const zjc_plan*) {
                             std::int64_t fen = k_fen_sentinel;
                             std::int32_t rc = zjc_amount_parse(&fen, c.text.c_str(), c.rounding);
                             return finish_fen(rc, fen);
                         }});
    }
    calls.push_back({"zjc_amount_parse(NULL out)", false, [](const zjc_plan*) {
                         return finish(zjc_amount_parse(nullptr, "1", ZJC_ROUND_EXACT), k_sentinel);
                     }});
    calls.push_back({"zjc_amount_parse(NULL text)", false, [](const zjc_plan*) {
                         std::int64_t fen = k_fen_sentinel;
                         const std::int32_t rc = zjc_amount_parse(&fen, nullptr, ZJC_ROUND_EXACT);
                         return finish_fen(rc, fen);
                     }});

    const std::int64_t values[] = {0, 5, -5, 123456, 140950, 100, -123456789, INT64_MAX, INT64_MIN,
                                   999999999999999999LL, 1000000000000000000LL};
    for (std::int64_t v : values) {
        for (std::int32_t style = ZJC_FORMAT_CANONICAL; style <= ZJC_FORMAT_WORDS_PREFIX + 1; ++style) {
            calls.push_back({"zjc_amount_format(" + std::to_string(v) + ", " + std::to_string(style) + ")", false,
                             [v, style](const zjc_plan*) {
                                 char* s = k_sentinel;
                                 std::int32_t rc = zjc_amount_format(&s, v, style);
                                 return finish(rc, s);
                             }});
        }
    }

    struct round_case {
        std::string value;
        std::int32_t places;
        std::int32_t rounding;
    };
    const std::vector<round_case> rounds = {
        {"2.675", 2, ZJC_ROUND_HALF_UP}, {"2.665", 2, ZJC_ROUND_HALF_EVEN}, {"-2.675", 2, ZJC_ROUND_HALF_UP},
        {"2.2亿", 0, ZJC_ROUND_HALF_UP}, {"4.35%", 4, ZJC_ROUND_HALF_UP}, {"1.5", 3, ZJC_ROUND_DOWN},
        {tag + "x2", 2, ZJC_ROUND_HALF_UP}, {"1e40", 2, ZJC_ROUND_HALF_UP},
        {"99999999999999999999999", 18, ZJC_ROUND_HALF_UP}, {"1.5", 19, ZJC_ROUND_HALF_UP},
        {"1.5", -1, ZJC_ROUND_HALF_UP}, {"1.5", 2, ZJC_ROUND_EXACT}};
    for (const round_case& c : rounds) {
        calls.push_back({"zjc_decimal_round(\"" + c.value + "\", " + std::to_string(c.places) + ", " +
                             std::to_string(c.rounding) + ")",
                         false, [c](const zjc_plan*) {
                             char* s = k_sentinel;
                             std::int32_t rc = zjc_decimal_round(&s, c.value.c_str(), c.places, c.rounding);
                             return finish(rc, s);
                         }});
    }

    const std::vector<std::string> rates = {"4.35%", "0.0435", "1%", "4.3%5", tag + "%", "99999999999999999999%", ""};
    for (const std::string& r : rates) {
        calls.push_back({"zjc_rate_parse(\"" + r + "\")", false, [r](const zjc_plan*) {
                             std::int64_t units = k_fen_sentinel;
                             std::int32_t rc = zjc_rate_parse(&units, r.c_str());
                             return finish_fen(rc, units);
                         }});
    }
}

void add_plan_calls(std::vector<call>& calls, const std::string& tag, const std::string& plan_json) {
    // (query, arg): "" stands for a NULL arg, as does "\x01NULL" where one is required.
    const std::vector<std::pair<std::string, std::string>> queries = {
        {"units", ""}, {"measures", ""}, {"targets", ""}, {"deadlines", ""}, {"ledger_units", ""},
        {"unit", "人行"}, {"unit", "commerce"}, {"measures_led_by", "人行"}, {"measures_responsible", "commerce"},
        {"units_of", "m3"}, {"targets_of", "m1"},
        // invalid
        {"unit", tag + "nobody"}, {"measures_led_by", tag + "火星局"}, {"units_of", tag + "m99"},
        {tag + "everything", ""}, {"unit", "\x01NULL"}, {"targets_of", "\x01NULL"}};
    for (const auto& [query, arg] : queries) {
        calls.push_back({"zjc_plan_query(\"" + query + "\", \"" + arg + "\")", true, [query, arg](const zjc_plan* p) {
                             char* s = k_sentinel;
                             const char* a = arg.empty() ? nullptr : arg == "\x01NULL" ? nullptr : arg.c_str();
                             std::int32_t rc = zjc_plan_query(p, query.c_str(), a, &s);
                             return finish(rc, s);
                         }});
    }
    calls.push_back({"zjc_plan_query(NULL query)", true, [](const zjc_plan* p) {
                         char* s = k_sentinel;
                         const std::int32_t rc = zjc_plan_query(p, nullptr, nullptr, &s);
                         return finish(rc, s);
                     }});
    calls.push_back({"zjc_plan_lint", true, [](const zjc_plan* p) {
                         char* s = k_sentinel;
                         const std::int32_t rc = zjc_plan_lint(p, &s);
                         return finish(rc, s);
                     }});
    calls.push_back({"zjc_plan_to_json", true, [](const zjc_plan* p) {
                         char* s = k_sentinel;
                         const std::int32_t rc = zjc_plan_to_json(p, &s);
                         return finish(rc, s);
                     }});
    calls.push_back({"zjc_plan_lint(NULL out)", true,
                     [](const zjc_plan* p) { return finish(zjc_plan_lint(p, nullptr), k_sentinel); }});

    // zjc_plan_load_json: a new handle (checked through its JSON, then freed),
    // or an error.
    auto load = [](const std::string& json, std::size_t len) {
        return [json, len](const zjc_plan*) {
            zjc_plan* p = reinterpret_cast<zjc_plan*>(k_sentinel);
            std::int32_t rc = zjc_plan_load_json(&p, json.data(), len);
            outcome o = finish(rc, k_sentinel);
            if (rc == ZJC_OK) {
                char* s = nullptr;
                std::int32_t rc2 = zjc_plan_to_json(p, &s);
                o.out = rc2 == ZJC_OK ? s : "<to_json failed>";
                zjc_string_free(s);
                zjc_plan_free(p);
            } else if (p != reinterpret_cast<zjc_plan*>(k_sentinel)) {
                o.out = "<written on failure>";
            }
            return o;
        };
    };
    calls.push_back({"zjc_plan_load_json(plan)", false, load(plan_json, plan_json.size())});
    calls.push_back({"zjc_plan_load_json(half)", false, load(plan_json, plan_json.size() / 2)});
    calls.push_back({"zjc_plan_load_json({)", false, load("{", 1)});
    calls.push_back({"zjc_plan_load_json({})", false, load("{}", 2)});
    calls.push_back({"zjc_plan_load_json(tagged)", false, load("{\"" + tag + "\": 1}", tag.size() + 7)});
    std::string bad_version = plan_json;
    const std::string key = "\"schema_version\": ";
    if (auto at = bad_version.find(key); at != std::string::npos) bad_version.insert(at + key.size(), "9");
    calls.push_back({"zjc_plan_load_json(schema_version 9x)", false, load(bad_version, bad_version.size())});
}

using rule_fn = std::int32_t (*)(const zjc_plan*, const char*, char**);

void add_rule(std::vector<call>& calls, const char* name, rule_fn fn, const std::string& record) {
    calls.push_back({std::string(name) + "(" + record.substr(0, 60) + ")", true, [fn, record](const zjc_plan* p) {
                         char* s = k_sentinel;
                         std::int32_t rc = fn(p, record.c_str(), &s);
                         return finish(rc, s);
                     }});
}

void add_rule_calls(std::vector<call>& calls, const std::string& tag) {
    for (const std::string& r :
         {k_loan, loan_with("\"first_loan\": true", "\"first_loan\": false"),
          loan_with("\"borrower_kind\": \"small\"", "\"borrower_kind\": \"large\""),
          loan_with("1000000.00", "999999.99"), loan_with("4.35%", "0.5%"),
          // invalid
          std::string("{"), std::string(""), std::string("{\"borrower\": 1}"), std::string("[]"),
          loan_with("1000000.00", tag + "1,0x0.00"), loan_with("4.35%", "4.3%5"),
          loan_with("\"1000000.00\"", "1000"), loan_with("1000000.00", "100000000000000000"),
          loan_with("\"to\": \"2022-06-30\", \"balance\"", "\"to\": \"2022-02-30\", \"balance\""),
          loan_with("\"period\": {\"from\": \"2022-04-01\"", "\"period\": {\"from\": \"2022-07-01\""),
          loan_with("\"balances\": [", "\"balances\": [{\"from\": \"2022-04-01\", \"to\": \"2022-06-30\", "
                                       "\"balance\": \"5.00\"}, ")}) {
        add_rule(calls, "zjc_first_loan_subsidy", zjc_first_loan_subsidy, r);
    }
    for (const std::string& r :
         {k_enterprise, std::string(R"({"core_enterprise": "丙", "financings": []})"), std::string("[]"),
          std::string(R"({"core_enterprise": "丙")"),
          std::string(R"({"core_enterprise": "丙", "financings": [{"sme": "乙", "amount": ")") + tag +
              R"(一百块", "start": "2022-03-01", "days": 10, "confirmed_on_platform": true}]})",
          std::string(R"({"core_enterprise": "丙", "financings": [{"sme": "乙", "amount": "100.00",)"
                      R"( "start": "2022-03-01", "end": "2022-02-01", "confirmed_on_platform": true}]})"),
          std::string(R"({"core_enterprise": "丙", "financings": [{"sme": "乙", "amount": "100.00",)"
                      R"( "start": "2022-03-01", "days": 99999999999, "confirmed_on_platform": true}]})")}) {
        add_rule(calls, "zjc_receivables_reward", zjc_receivables_reward, r);
    }
    for (const std::string& r :
         {k_company, std::string(R"({"company": "戊", "stages": []})"), std::string(R"({"company": )"),
          std::string(R"({"company": "戊", "stages": [{"stage": ")") + tag + R"(ipo", "date": "2023-06-20"}]})",
          std::string(R"({"company": "戊", "stages": [], "paid_amount": "多"})")}) {
        add_rule(calls, "zjc_listing_award", zjc_listing_award, r);
    }
    for (const std::string& r :
         {k_budget, k_budget_fcfs, std::string("{"),
          std::string(R"({"budget": "100.00", "method": ")") + tag + R"(lottery", "claims": []})",
          std::string(R"({"budget": "100.00", "method": "pro_rata", "claims": [)"
                      R"({"id": "A", "amount": "1.00"}, {"id": "A", "amount": "2.00"}]})"),
          std::string(R"({"budget": "一百", "method": "pro_rata", "claims": []})")}) {
        add_rule(calls, "zjc_budget_allocate", zjc_budget_allocate, r);
    }
    calls.push_back({"zjc_first_loan_subsidy(NULL record)", true, [](const zjc_plan* p) {
                         char* s = k_sentinel;
                         const std::int32_t rc = zjc_first_loan_subsidy(p, nullptr, &s);
                         return finish(rc, s);
                     }});
    calls.push_back({"zjc_budget_allocate(NULL out)", true,
                     [](const zjc_plan* p) { return finish(zjc_budget_allocate(p, k_budget.c_str(), nullptr), k_sentinel); }});
}

void add_assess_and_ledger_calls(std::vector<call>& calls, const std::string& tag) {
    for (const std::string& obs :
         {k_observations,
          std::string(R"({"schema_version": 1, "as_of": "2022-12-31", "observations": []})"),
          std::string("{"),
          std::string(R"({"schema_version": 1, "as_of": "2022-12-31", "observations": [)"
                      R"({"indicator": "sme_credit_loan_balance", "current": ")") + tag + R"(25x", "source": "人行"}]})",
          std::string(R"({"schema_version": 1, "as_of": "2022-12-31", "observations": [)"
                      R"({"indicator": "sme_credit_loan_balance", "curent": "251亿", "source": "人行"}]})"),
          std::string(R"({"schema_version": 2, "as_of": "2022-12-31", "observations": []})")}) {
        calls.push_back({"zjc_assess(" + obs.substr(0, 60) + ")", true, [obs](const zjc_plan* p) {
                             char* s = k_sentinel;
                             const std::int32_t rc = zjc_assess(p, obs.c_str(), &s);
                             return finish(rc, s);
                         }});
    }
    struct ledger_case {
        std::string json;
        std::string month;
    };
    const std::vector<ledger_case> ledgers = {
        {k_ledger, "2022-09"}, {k_ledger, "2022-10"}, {k_ledger, "2022-13"}, {k_ledger, tag + "September"},
        {"{", "2022-09"},
        {R"({"schema_version": 1, "kind": "zjcredit.ledger", "submissions": [{"unit": "commerce", "month": "2022-09",)"
         R"( "received": "2022-09-26", "entries": [{"task": "m3.fx_facilitation", "status": "finished"}]}]})",
         "2022-09"},
        {R"({"schema_version": 1, "kind": "zjcredit.ledger", "submissions": [{"unit": ")" + tag +
             R"(火星局", "month": "2022-09", "received": "2022-09-26", "entries": []}]})",
         "2022-09"}};
    for (const ledger_case& c : ledgers) {
        calls.push_back({"zjc_ledger_check(" + c.json.substr(0, 40) + ", " + c.month + ")", true,
                         [c](const zjc_plan* p) {
                             char* s = k_sentinel;
                             const std::int32_t rc = zjc_ledger_check(p, c.json.c_str(), c.month.c_str(), &s);
                             return finish(rc, s);
                         }});
    }
    calls.push_back({"zjc_ledger_check(NULL month)", true, [](const zjc_plan* p) {
                         char* s = k_sentinel;
                         const std::int32_t rc = zjc_ledger_check(p, k_ledger.c_str(), nullptr, &s);
                         return finish(rc, s);
                     }});
    calls.push_back({"zjc_status_name/zjc_version", false, [](const zjc_plan*) {
                         // zjc_version() and zjc_abi_version() clear the error record.
                         std::string text = std::string(zjc_status_name(ZJC_EPARSE)) + " " + zjc_version();
                         text += " " + std::to_string(zjc_abi_version());
                         outcome o = finish(ZJC_OK, k_sentinel);
                         o.out = text;
                         return o;
                     }});
}

// zjc_plan_with_parameters: an override of the plan the call is given, the
// subsidy under it, then the subsidy under the plan itself. An override that
// leaked into the shared handle (or into the embedded plan) would change the
// second result while other threads run, and differ from the recorded one.
void add_sandbox_calls(std::vector<call>& calls, const std::string& tag) {
    auto with = [](const std::string& overrides) {
        return [overrides](const zjc_plan* p) {
            zjc_plan* q = reinterpret_cast<zjc_plan*>(k_sentinel);
            const std::int32_t rc = zjc_plan_with_parameters(p, overrides.c_str(), &q);
            outcome o = finish(rc, k_sentinel);
            if (rc != ZJC_OK) return o;
            char* under = nullptr;
            char* plain = nullptr;
            const std::int32_t rc1 = zjc_first_loan_subsidy(q, k_loan.c_str(), &under);
            const std::int32_t rc2 = zjc_first_loan_subsidy(p, k_loan.c_str(), &plain);
            o.out = std::to_string(rc1) + (under ? under : "<NULL>") + std::to_string(rc2) + (plain ? plain : "<NULL>");
            zjc_string_free(under);
            zjc_string_free(plain);
            zjc_plan_free(q);
            return o;
        };
    };
    calls.push_back({"zjc_plan_with_parameters(cap)", true,
                     with(R"({"scenario": "cap50", "first_loan_subsidy": {"balance_cap": "50万"}})")});
    calls.push_back({"zjc_plan_with_parameters(ceiling)", true,
                     with(R"({"first_loan_subsidy": {"rate_ceiling": "0.8%", "application_window": "2022-04-01..2022-12-31"}})")});
    // Errors naming the thread: a leaked zjc_last_error() would show another's.
    calls.push_back({"zjc_plan_with_parameters(unknown)", true,
                     with(R"({"first_loan_subsidy": {")" + tag + R"(": "1"}})")});
    calls.push_back({"zjc_plan_with_parameters(bad cap)", true,
                     with(R"({"first_loan_subsidy": {"balance_cap": ")" + tag + R"("}})")});
}

// The calls of one thread: the common ones plus those whose errors name the thread.
std::vector<call> make_calls(const std::string& tag, const std::string& plan_json) {
    std::vector<call> calls;
    add_amount_calls(calls, tag);
    add_plan_calls(calls, tag, plan_json);
    add_rule_calls(calls, tag);
    add_assess_and_ledger_calls(calls, tag);
    add_sandbox_calls(calls, tag);
    // Loading and writing the whole plan, assessing every target and checking
    // the ledger of every unit cost a thousand times a parse: drawn rarely, so
    // that N stays a count of mostly cheap calls.
    for (call& c : calls) {
        for (const char* prefix : {"zjc_plan_load_json(plan)", "zjc_plan_load_json(half)",
                                   "zjc_plan_load_json(schema", "zjc_plan_to_json", "zjc_assess(",
                                   "zjc_ledger_check("}) {
            if (c.name.starts_with(prefix)) c.heavy = true;
        }
    }
    return calls;
}

std::string plan_json_of(const zjc_plan* p) {
    char* s = nullptr;
    if (zjc_plan_to_json(p, &s) != ZJC_OK) {
        std::fprintf(stderr, "concurrency: zjc_plan_to_json failed: %s\n", zjc_last_error());
        std::exit(EXIT_FAILURE);
    }
    std::string json = s;
    zjc_string_free(s);
    return json;
}

zjc_plan* load_plan(const std::string& json) {
    zjc_plan* p = nullptr;
    if (zjc_plan_load_json(&p, json.data(), json.size()) != ZJC_OK) {
        std::fprintf(stderr, "concurrency: zjc_plan_load_json failed: %s\n", zjc_last_error());
        std::exit(EXIT_FAILURE);
    }
    return p;
}

// ---- per-thread work ---------------------------------------------------------------------

struct thread_work {
    std::vector<call> calls;
    std::vector<std::size_t> light;  // indexes into calls
    std::vector<std::size_t> heavy;
    // expected[i][k]: call i with plan k_plan_kinds[k] (index 0 for calls without a plan).
    std::vector<std::vector<outcome>> expected;
    long passed = 0;
    long failed = 0;
};

std::mutex g_print_lock;
std::atomic<int> g_reports{0};

void report(int thread, long n, const call& c, plan_kind k, const outcome& want, const outcome& got) {
    if (g_reports.fetch_add(1) >= 20) return;
    std::lock_guard<std::mutex> lock(g_print_lock);
    std::fprintf(stderr,
                 "concurrency: thread %d call %ld: %s on plan %s\n"
                 "    expected status %d/%d, error \"%s\", field \"%s\", out \"%.200s\"\n"
                 "    got      status %d/%d, error \"%s\", field \"%s\", out \"%.200s\"\n",
                 thread, n, c.name.c_str(), name_of(k), want.status, want.last_status, want.message.c_str(),
                 want.field.c_str(), want.out.c_str(), got.status, got.last_status, got.message.c_str(),
                 got.field.c_str(), got.out.c_str());
}

void run_thread(int index, thread_work& w, long n, const zjc_plan* shared, const std::string& plan_json,
                std::latch& start) {
    zjc_plan* own = load_plan(plan_json);
    // A fixed per-thread sequence (xorshift64), different for every thread.
    std::uint64_t state = 0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(index + 1);
    auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    start.arrive_and_wait();
    for (long i = 0; i < n; ++i) {
        // Now and then the thread's own plan is freed and loaded again.
        if (i % 4999 == 4998) {
            zjc_plan_free(own);
            own = load_plan(plan_json);
        }
        std::uint64_t r = next();
        const std::vector<std::size_t>& pool = (r & 31) == 0 ? w.heavy : w.light;
        const std::size_t ci = pool[static_cast<std::size_t>((r >> 5) % pool.size())];
        const call& c = w.calls[ci];
        std::size_t ki = 0;
        plan_kind kind = plan_kind::unused;
        const zjc_plan* p = nullptr;
        if (c.uses_plan) {
            ki = static_cast<std::size_t>((r >> 40) % 3);
            kind = k_plan_kinds[ki];
            p = kind == plan_kind::shared ? shared : kind == plan_kind::own ? own : nullptr;
        }
        outcome got = c.run(p);
        const outcome& want = w.expected[ci][ki];
        if (got == want) {
            ++w.passed;
        } else {
            ++w.failed;
            report(index, i, c, kind, want, got);
        }
    }
    zjc_plan_free(own);
}

}  // namespace

int main(int argc, char** argv) {
    const long n = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 2000;
    const int threads = argc > 2 ? static_cast<int>(std::strtol(argv[2], nullptr, 10)) : 8;
    if (n <= 0 || threads <= 0) {
        std::fprintf(stderr, "usage: concurrency_test [N [THREADS]]\n");
        return 2;
    }

    zjc_plan* shared = nullptr;
    if (zjc_plan_default(&shared) != ZJC_OK) {
        std::fprintf(stderr, "concurrency: zjc_plan_default failed: %s\n", zjc_last_error());
        return EXIT_FAILURE;
    }
    const std::string plan_json = plan_json_of(shared);

    // The single-threaded outcomes, on the main thread: the own-plan column on
    // a plan loaded from the same JSON the threads load theirs from.
    zjc_plan* reference_own = load_plan(plan_json);
    std::vector<thread_work> work(static_cast<std::size_t>(threads));
    std::size_t distinct = 0;
    for (int t = 0; t < threads; ++t) {
        thread_work& w = work[static_cast<std::size_t>(t)];
        w.calls = make_calls("线程" + std::to_string(t) + "号:", plan_json);
        for (const call& c : w.calls) {
            std::vector<outcome> row;
            if (c.uses_plan) {
                row.push_back(c.run(nullptr));
                row.push_back(c.run(shared));
                row.push_back(c.run(reference_own));
            } else {
                row.push_back(c.run(nullptr));
            }
            w.expected.push_back(std::move(row));
        }
        for (std::size_t i = 0; i < w.calls.size(); ++i) (w.calls[i].heavy ? w.heavy : w.light).push_back(i);
        distinct = w.calls.size();
    }
    zjc_plan_free(reference_own);

    // Sanity of the table itself: it holds both successes and failures.
    long ok = 0;
    long failing = 0;
    for (const auto& row : work[0].expected) (row[0].status == ZJC_OK ? ok : failing)++;
    std::printf("concurrency: %d threads x %ld calls, %zu distinct calls per thread (%ld succeed, %ld fail)\n",
                threads, n, distinct, ok, failing);

    std::latch start(threads);
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back(run_thread, t, std::ref(work[static_cast<std::size_t>(t)]), n, shared,
                          std::cref(plan_json), std::ref(start));
    }
    for (std::thread& t : pool) t.join();
    zjc_plan_free(shared);

    long passed = 0;
    long failed = 0;
    for (const thread_work& w : work) {
        passed += w.passed;
        failed += w.failed;
    }
    if (ok == 0 || failing == 0) {
        std::fprintf(stderr, "concurrency: the table must hold both successes and failures\n");
        ++failed;
    }
    std::printf("concurrency: %ld passed, %ld failed\n", passed, failed);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
