// The fast path of the loan and receivables records (record_reader.hpp).
//
// simdjson's DOM parser validates the whole document (structure, UTF-8,
// escapes, control characters, lone surrogates, trailing text), which is
// what the strict reader's nlohmann parse refuses too; what simdjson lets
// through and the strict reader does not (duplicate keys, NUL in a string,
// nesting, JSON types) is checked here, field by field, against the one shape
// each record may have. Anything else returns nullopt: give up, never guess.
#include "record_reader.hpp"

#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/limits.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/plan/parameters.hpp>

#include <simdjson.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

namespace zjcredit::rules::detail {
namespace {

namespace dom = simdjson::dom;

thread_local bool fast_path_enabled = true;

/// Documents up to this size (some 700 ranges) reuse the thread's parser and
/// buffer; larger ones get their own, so that one big record does not pin
/// its memory (simdjson's tape and indexes are several times the text) in
/// every thread that ever read one.
constexpr std::size_t reused_workspace_bytes = std::size_t{64} << 10;

/// simdjson's parser and a copy of the text with the padding it reads past
/// the end.
struct workspace {
    dom::parser parser;
    std::string buffer;

    /// Parses `text`; false on any simdjson error.
    bool parse(std::string_view text, dom::element& root) {
        const std::size_t padded = text.size() + simdjson::SIMDJSON_PADDING;
        if (buffer.size() < padded) buffer.resize(padded);
        std::memcpy(buffer.data(), text.data(), text.size());
        std::memset(buffer.data() + text.size(), ' ', simdjson::SIMDJSON_PADDING);
        return parser.parse(buffer.data(), text.size(), false).get(root) == simdjson::SUCCESS;
    }
};

/// Marks `bit` seen in `seen`; false when it already was (a duplicate key).
bool first_time(unsigned& seen, unsigned bit) {
    if (seen & bit) return false;
    seen |= bit;
    return true;
}

/// A string value (fast_read has made sure none holds a NUL).
bool text(dom::element v, std::string_view& out) { return v.get_string().get(out) == simdjson::SUCCESS; }

bool boolean(dom::element v, bool& out) {
    return v.type() == dom::element_type::BOOL && v.get_bool().get(out) == simdjson::SUCCESS;
}

// The conversions are the strict reader's (object_reader::amount, rate,
// date); the field names only reach error messages, which the strict reader
// produces itself once this path gives up.
bool amount(dom::element v, std::string_view field, money::amount& out) {
    std::string_view s;
    if (!text(v, s)) return false;
    out = money::parse_amount(s, {.field = field, .round_excess = std::nullopt});
    return true;
}

bool rate(dom::element v, std::string_view field, money::rate& out) {
    std::string_view s;
    if (!text(v, s)) return false;
    out = money::parse_rate(s, field);
    return true;
}

bool date(dom::element v, std::string_view field, dates::date& out) {
    std::string_view s;
    if (!text(v, s)) return false;
    out = dates::parse_date(s, field);
    return true;
}

// ---- the loan ----------------------------------------------------------------------

/// One balance: {"from", "to", "balance"} or {"date", "balance"}.
bool read_balance(dom::element v, balance_range& out) {
    enum : unsigned { from = 1, to = 2, day = 4, balance = 8 };
    dom::object o;
    if (v.get_object().get(o) != simdjson::SUCCESS) return false;
    unsigned seen = 0;
    for (const dom::key_value_pair field : o) {
        const std::string_view key = field.key;
        bool ok = false;
        if (key == "from") ok = first_time(seen, from) && date(field.value, key, out.from);
        else if (key == "to") ok = first_time(seen, to) && date(field.value, key, out.to);
        else if (key == "date") ok = first_time(seen, day) && date(field.value, key, out.from);
        else if (key == "balance") ok = first_time(seen, balance) && amount(field.value, key, out.balance);
        if (!ok) return false;
    }
    if (seen == (day | balance)) {
        out.to = out.from;
        return true;
    }
    return seen == (from | to | balance);
}

bool read_period(dom::element v, date_range& out) {
    enum : unsigned { from = 1, to = 2 };
    dom::object o;
    if (v.get_object().get(o) != simdjson::SUCCESS) return false;
    unsigned seen = 0;
    for (const dom::key_value_pair field : o) {
        const std::string_view key = field.key;
        bool ok = false;
        if (key == "from") ok = first_time(seen, from) && date(field.value, key, out.from);
        else if (key == "to") ok = first_time(seen, to) && date(field.value, key, out.to);
        if (!ok) return false;
    }
    return seen == (from | to);
}

bool read_balances(dom::element v, std::vector<balance_range>& out) {
    dom::array a;
    if (v.get_array().get(a) != simdjson::SUCCESS || a.size() > limits::max_record_items) return false;
    out.reserve(a.size());
    for (const dom::element item : a) {
        balance_range range;
        if (!read_balance(item, range)) return false;
        out.push_back(range);
    }
    return true;
}

bool read_loan(dom::element root, loan_record& loan) {
    enum : unsigned {
        borrower = 1,
        borrower_kind = 2,
        first_application_date = 4,
        via_platform = 8,
        local_legal_person_lender = 16,
        first_loan = 32,
        annual_rate = 64,
        balances = 128,
        period = 256,
        all = 511,
    };
    dom::object o;
    if (root.get_object().get(o) != simdjson::SUCCESS) return false;
    unsigned seen = 0;
    for (const dom::key_value_pair field : o) {
        const std::string_view key = field.key;
        const dom::element v = field.value;
        bool ok = false;
        if (key == "borrower") {
            std::string_view s;
            ok = first_time(seen, borrower) && text(v, s);
            if (ok) loan.borrower = s;
        } else if (key == "borrower_kind") {
            std::string_view s;
            ok = first_time(seen, borrower_kind) && text(v, s);
            if (ok) {
                const auto kind = plan::borrower_kind_from_string(s);
                ok = kind.has_value();
                if (ok) loan.borrower_kind = *kind;
            }
        } else if (key == "first_application_date") {
            ok = first_time(seen, first_application_date) && date(v, key, loan.first_application_date);
        } else if (key == "via_platform") {
            ok = first_time(seen, via_platform) && boolean(v, loan.via_platform);
        } else if (key == "local_legal_person_lender") {
            ok = first_time(seen, local_legal_person_lender) && boolean(v, loan.local_legal_person_lender);
        } else if (key == "first_loan") {
            ok = first_time(seen, first_loan) && boolean(v, loan.first_loan);
        } else if (key == "annual_rate") {
            ok = first_time(seen, annual_rate) && rate(v, key, loan.annual_rate);
        } else if (key == "balances") {
            ok = first_time(seen, balances) && read_balances(v, loan.balances);
        } else if (key == "period") {
            ok = first_time(seen, period) && read_period(v, loan.period);
        }
        if (!ok) return false;
    }
    return seen == all;
}

// ---- the receivables --------------------------------------------------------------

/// One financing; "end" and "days" may be absent or null (the strict reader
/// reads both as absent).
bool read_financing(dom::element v, financing& out) {
    enum : unsigned { sme = 1, amount_key = 2, start = 4, end = 8, days = 16, confirmed = 32 };
    constexpr unsigned required = sme | amount_key | start | confirmed;
    dom::object o;
    if (v.get_object().get(o) != simdjson::SUCCESS) return false;
    unsigned seen = 0;
    for (const dom::key_value_pair field : o) {
        const std::string_view key = field.key;
        const dom::element value = field.value;
        const bool null = value.type() == dom::element_type::NULL_VALUE;
        bool ok = false;
        if (key == "sme") {
            std::string_view s;
            ok = first_time(seen, sme) && text(value, s);
            if (ok) out.sme = s;
        } else if (key == "amount") {
            ok = first_time(seen, amount_key) && amount(value, key, out.amount);
        } else if (key == "start") {
            ok = first_time(seen, start) && date(value, key, out.start);
        } else if (key == "end") {
            ok = first_time(seen, end);
            if (ok && !null) ok = date(value, key, out.end.emplace());
        } else if (key == "days") {
            ok = first_time(seen, days);
            if (ok && !null) {
                // Only JSON integers that fit in 64 bits, as nlohmann reads them;
                // a fraction, an exponent or a larger number is the strict
                // reader's to refuse.
                std::int64_t n = 0;
                ok = value.type() == dom::element_type::INT64 && value.get_int64().get(n) == simdjson::SUCCESS;
                if (ok) out.days = n;
            }
        } else if (key == "confirmed_on_platform") {
            ok = first_time(seen, confirmed) && boolean(value, out.confirmed_on_platform);
        }
        if (!ok) return false;
    }
    return (seen & required) == required;
}

bool read_receivables(dom::element root, receivables_record& record) {
    enum : unsigned { core_enterprise = 1, financings = 2, all = 3 };
    dom::object o;
    if (root.get_object().get(o) != simdjson::SUCCESS) return false;
    unsigned seen = 0;
    for (const dom::key_value_pair field : o) {
        const std::string_view key = field.key;
        bool ok = false;
        if (key == "core_enterprise") {
            std::string_view s;
            ok = first_time(seen, core_enterprise) && text(field.value, s);
            if (ok) record.core_enterprise = s;
        } else if (key == "financings") {
            dom::array a;
            ok = first_time(seen, financings) && field.value.get_array().get(a) == simdjson::SUCCESS &&
                 a.size() <= limits::max_record_items;
            if (ok) record.financings.reserve(a.size());
            for (auto it = a.begin(); ok && it != a.end(); ++it) {
                financing item;
                ok = read_financing(*it, item);
                if (ok) record.financings.push_back(std::move(item));
            }
        }
        if (!ok) return false;
    }
    return seen == all;
}

/// Parses `text` and reads it with `read`; nullopt on anything unusual.
template <class Record, class Read>
std::optional<Record> fast_read(std::string_view text, Read read) {
    if (!fast_path_enabled || text.size() > limits::max_document_bytes) return std::nullopt;
    // A NUL in a string, which the strict reader refuses, comes only from a
    // raw NUL byte or the escape \u0000 (or text that merely looks like it,
    // "\\u0000": giving up there too is allowed); one look at the whole
    // document instead of one into each string.
    if (text.find('\0') != std::string_view::npos || text.find("\\u0000") != std::string_view::npos)
        return std::nullopt;
    thread_local workspace reused;
    std::unique_ptr<workspace> own;
    workspace* w = &reused;
    if (text.size() > reused_workspace_bytes) {
        own = std::make_unique<workspace>();
        w = own.get();
    }
    dom::element root;
    if (!w->parse(text, root)) return std::nullopt;
    Record record;
    try {
        if (!read(root, record)) return std::nullopt;
    } catch (const zjcredit::error&) {
        // A value the library's own conversion refuses: the strict reader
        // says so, with the field's full path.
        return std::nullopt;
    }
    return record;
}

}  // namespace

std::optional<loan_record> fast_loan_record(std::string_view text) {
    return fast_read<loan_record>(text, read_loan);
}

std::optional<receivables_record> fast_receivables_record(std::string_view text) {
    return fast_read<receivables_record>(text, read_receivables);
}

strict_only::strict_only() noexcept : previous_(fast_path_enabled) { fast_path_enabled = false; }

strict_only::~strict_only() { fast_path_enabled = previous_; }

}  // namespace zjcredit::rules::detail
