// rules::receipt: the audit trail every rule result carries — which rule and
// plan, each parameter with its value and source clause, every input after
// parsing, each step of the decision and the computation, the exact value
// before rounding, the rounding and the result, and a short explanation in
// Chinese and English. Serialised by rules/json.hpp (schema in
// docs/records.md §6, "receipt_schema_version").
#ifndef ZJCREDIT_RULES_RECEIPT_HPP
#define ZJCREDIT_RULES_RECEIPT_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/money/amount.hpp>
#include <zjcredit/money/detail/checked.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/money/rounding.hpp>
#include <zjcredit/plan/plan.hpp>
#include <zjcredit/rules/kernel.hpp>
#include <zjcredit/rules/reason.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::rules {

/// Version of the receipt layout written by rules/json.hpp. Bumped whenever a
/// key is added, removed or changes meaning.
inline constexpr int receipt_schema_version = 1;

/// Decimal places of 元 in exact_value::decimal.
inline constexpr int receipt_decimal_places = 12;

/// The plan a result was computed under: its document number and the version
/// of its rule parameters.
struct plan_reference {
    std::string document;          ///< "湛金函〔2022〕86号"
    std::string rule_set_version;  ///< "2022.1"

    /// Field by field.
    friend bool operator==(const plan_reference&, const plan_reference&) = default;
};

/// The document number and rule-set version of plan `p`.
inline plan_reference reference_of(const plan::plan& p) { return {p.doc.number, p.doc.rule_set_version}; }

/// A name and a value in canonical text ("2022-04-01", "1234.56", "4.35%", "true").
struct entry {
    std::string name;   ///< an input's JSON path ("balances[0].from") or a step value's name
    std::string value;  ///< canonical text

    /// Field by field.
    friend bool operator==(const entry&, const entry&) = default;
};

/// A parameter the rule used, with its value (nullopt: an optional parameter
/// that is not set, e.g. no per-borrower cap) and where the value comes from.
struct parameter_use {
    std::string name;                  ///< "balance_cap"
    std::optional<std::string> value;  ///< "10000000.00"
    std::string clause;                ///< "湛金函〔2022〕86号 二、主要措施（一）" or "zjcredit default"
    bool from_plan = false;            ///< false for a zjcredit default, a request's own value or an override
    std::string note;                  ///< why a zjcredit default was chosen; "" otherwise
    /// Set when the run overrode the plan's value (plan::with_parameters):
    /// the receipt then says "source": "override", the scenario and the plan's value.
    std::optional<plan::override_note> overridden = std::nullopt;

    /// Field by field.
    friend bool operator==(const parameter_use&, const parameter_use&) = default;
};

/// One step of a decision, in the order taken.
struct step {
    std::string id;               ///< stable: "window", "eligibility.first_loan", "balances[2]", "rounding"
    std::string kind;             ///< "check", "cap", "decision", "compute", "round" or "note"
    std::optional<bool> passed;   ///< check: the outcome; cap: whether it bit; decision: false; else nullopt
    std::vector<entry> values;    ///< what the step looked at and produced, in canonical text
    std::string text_zh;          ///< what the step did, in Chinese
    std::string text_en;          ///< the same, in English

    /// Field by field.
    friend bool operator==(const step&, const step&) = default;
};

/// An exact value in 元: the fraction in lowest terms, and its decimal
/// expansion to `decimal_places` places, cut toward zero; `decimal_exact`
/// tells whether that text is the whole value (false: digits were cut).
struct exact_value {
    std::string numerator;    ///< may be negative
    std::string denominator;  ///< positive
    std::string decimal;      ///< "2527.777777777777"
    int decimal_places = receipt_decimal_places;  ///< places in `decimal`
    bool decimal_exact = false;                   ///< `decimal` is the whole value (no digit was cut)

    /// Field by field.
    friend bool operator==(const exact_value&, const exact_value&) = default;
};

/// The receipt. Every field is filled by the rule; nothing is computed later.
struct receipt {
    std::string rule;              ///< "first_loan_subsidy", "receivables_reward", "listing_award", "budget_allocation"
    std::string rule_set_version;  ///< plan::document::rule_set_version
    std::string plan_document;     ///< plan::document::number
    std::vector<parameter_use> parameters;  ///< every parameter the rule consulted, with its source
    std::vector<entry> inputs;     ///< every input after parsing, by JSON path ("balances[0].from")
    std::vector<step> steps;       ///< the steps of the decision and computation, in the order taken
    std::optional<exact_value> unrounded;     ///< the value before the one rounding (none when nothing was computed)
    std::optional<money::rounding> rounding;  ///< the mode of that rounding (none for rules that do not round)
    std::optional<money::amount> rounded;     ///< the rounded value, before caps on the total
    money::amount result;                     ///< the amount the result pays
    std::string explanation_zh;               ///< a short explanation with the arithmetic, in Chinese
    std::string explanation_en;               ///< the same, in English

    /// Field by field.
    friend bool operator==(const receipt&, const receipt&) = default;
};

namespace detail {

using money::int128;
using money::uint128;

/// "true" / "false".
inline std::string bool_text(bool b) { return b ? "true" : "false"; }

/// A count of 分 (or 分·days) of any 128-bit size as 元 with two decimals.
inline std::string fen_text(int128 fen) {
    const bool negative = fen < 0;
    const uint128 u = negative ? uint128(0) - static_cast<uint128>(fen) : static_cast<uint128>(fen);
    std::string out = money::detail::to_string(static_cast<int128>(u / 100));
    const auto cents = static_cast<int>(u % 100);
    out += '.';
    out += static_cast<char>('0' + cents / 10);
    out += static_cast<char>('0' + cents % 10);
    return negative ? "-" + out : out;
}

inline uint128 gcd(uint128 a, uint128 b) {
    while (b != 0) {
        const uint128 t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/// The exact value numerator / denominator 分 (denominator > 0), expressed in 元.
inline exact_value exact_yuan(int128 numerator, int128 denominator) {
    if (denominator <= 0) throw validation_error("", "", "exact value needs a positive denominator");
    const int128 den = money::detail::checked_mul<int128>(denominator, 100, "exact value in yuan");
    const bool negative = numerator < 0;
    const uint128 mag = negative ? uint128(0) - static_cast<uint128>(numerator) : static_cast<uint128>(numerator);
    const uint128 uden = static_cast<uint128>(den);
    const uint128 g = mag == 0 ? uden : gcd(mag, uden);

    exact_value out;
    const std::string sign = negative && mag != 0 ? "-" : "";
    out.numerator = sign + money::detail::to_string(static_cast<int128>(mag / g));
    out.denominator = money::detail::to_string(static_cast<int128>(uden / g));

    // Long division: the remainder stays below den (< 2^127 / 10 for every
    // denominator the rules build), so remainder × 10 cannot overflow.
    if (uden > static_cast<uint128>(money::detail::pow10(36)))
        money::detail::throw_overflow("exact value in yuan");
    std::string digits = money::detail::to_string(static_cast<int128>(mag / uden));
    uint128 rem = mag % uden;
    digits += '.';
    for (int i = 0; i < receipt_decimal_places; ++i) {
        rem *= 10;
        digits += static_cast<char>('0' + static_cast<int>(rem / uden));
        rem %= uden;
    }
    out.decimal = sign + digits;
    out.decimal_places = receipt_decimal_places;
    out.decimal_exact = rem == 0;
    return out;
}

/// The source of parameter `name` in `sources`; for a parameter the plan
/// records no source for, one that says so rather than inventing one.
inline const plan::source& source_of(std::string_view name, const plan::sources& sources) {
    static const plan::source unrecorded{"unrecorded", false, "the plan records no source for this parameter",
                                         std::nullopt};
    const auto it = sources.find(std::string(name));
    return it != sources.end() ? it->second : unrecorded;
}

/// A parameter as used, with its source from `sources`.
inline parameter_use parameter(const std::string& name, std::optional<std::string> value,
                               const plan::sources& sources) {
    const plan::source& src = source_of(name, sources);
    return {name, std::move(value), src.clause, src.from_plan, src.note, src.overridden};
}

/// An optional text as a view of it.
inline std::optional<std::string_view> optional_view(const std::optional<std::string>& s) {
    return s ? std::optional<std::string_view>(*s) : std::nullopt;
}

/// A name and a value of a step or an input, as the rule hands them to a
/// receipt_out (below) without copying them.
struct entry_view {
    std::string_view name;
    std::string_view value;
};

/// Where a rule's emitter (first_loan_subsidy.hpp's emit_subsidy) puts its
/// verdict, reasons and receipt, piece by piece and in the receipt's order:
/// header, parameters, inputs, then steps, reasons and the closing fields.
/// Two kinds take them, so the wording lives in one place:
/// receipt_builder below fills the C++ result, and the JSON text of the
/// one-record call is written straight from the pieces by
/// src/rules/receipt_text.hpp, without the ~180 strings the result holds.
///
///     out.header(rule, ref);
///     out.parameter(name, value_or_nullopt, sources);   // each
///     out.input(name, value);                           // each
///     out.step(id, kind, passed, {{name, value}, ...}, zh, en);
///     out.reason(code, zh, en);
///     out.unrounded(exact); out.rounding(mode); out.rounded(amount);
///     out.result(amount); out.explanation(zh, en); out.verdict(eligible, amount);
template <class Result>
class receipt_builder {
public:
    explicit receipt_builder(Result& result) : result_(result), rc_(result.receipt) {}

    void header(std::string_view rule, const plan_reference& ref) {
        rc_.rule = rule;
        rc_.rule_set_version = ref.rule_set_version;
        rc_.plan_document = ref.document;
    }
    void parameter(std::string_view name, std::optional<std::string_view> value, const plan::sources& sources) {
        rc_.parameters.push_back(detail::parameter(std::string(name),
                                                   value ? std::optional<std::string>(*value) : std::nullopt, sources));
    }
    void input(std::string_view name, std::string_view value) {
        rc_.inputs.push_back({std::string(name), std::string(value)});
    }
    void step(std::string_view id, std::string_view kind, std::optional<bool> passed,
              std::initializer_list<entry_view> values, std::string_view zh, std::string_view en) {
        rules::step s{std::string(id), std::string(kind), passed, {}, std::string(zh), std::string(en)};
        s.values.reserve(values.size());
        for (const entry_view& v : values) s.values.push_back({std::string(v.name), std::string(v.value)});
        rc_.steps.push_back(std::move(s));
    }
    void reason(std::string_view code, std::string_view zh, std::string_view en) {
        result_.reasons.push_back({std::string(code), std::string(zh), std::string(en)});
    }
    void unrounded(const exact_value& v) { rc_.unrounded = v; }
    void rounding(money::rounding mode) { rc_.rounding = mode; }
    void rounded(money::amount a) { rc_.rounded = a; }
    void result(money::amount a) { rc_.result = a; }
    void explanation(std::string zh, std::string en) {
        rc_.explanation_zh = std::move(zh);
        rc_.explanation_en = std::move(en);
    }
    void verdict(bool eligible, money::amount amount) {
        result_.eligible = eligible;
        result_.amount = amount;
    }

private:
    Result& result_;
    receipt& rc_;
};

/// A parameter the caller supplied with the request (not from the plan).
inline parameter_use request_parameter(const std::string& name, std::optional<std::string> value,
                                       const std::string& note) {
    return parameter_use{name, std::move(value), "request", false, note, std::nullopt};
}

/// The pieces (strings, views, literals) joined into one string sized once:
/// a receipt's texts are long chains of pieces, and `a + b + c + ...` grows
/// its result several times over.
template <class... Pieces>
std::string concat(const Pieces&... pieces) {
    const std::string_view views[] = {std::string_view(pieces)...};
    std::size_t size = 0;
    for (const std::string_view v : views) size += v.size();
    std::string out;
    out.reserve(size);
    for (const std::string_view v : views) out.append(v);
    return out;
}

inline std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i != 0) out += separator;
        out += parts[i];
    }
    return out;
}

/// The day after `d`.
inline dates::date next_day(const dates::date& d) { return d + boost::gregorian::date_duration(1); }

/// Calendar days from `from` to `to`, both included.
inline std::int64_t days_in(const dates::date& from, const dates::date& to) {
    return static_cast<std::int64_t>((to - from).days()) + 1;
}

/// An optional parameter's amount as text; nullopt when it is not set.
inline std::optional<std::string> optional_amount_text(const std::optional<money::amount>& a) {
    if (!a) return std::nullopt;
    return money::to_string(*a);
}

/// "[3]" for index 3.
inline std::string index_text(std::size_t i) { return "[" + std::to_string(i) + "]"; }

/// What a rule's kernel reports of its last stage: the one rounding's
/// result, then each cap on the total that is set (rules/kernel.hpp's
/// apply_total_caps). Part of each rule's trace.
struct total_record {
    struct cap_use {
        bool set = false;
        std::int64_t before = 0;  ///< 分, the total the cap was applied to
        std::int64_t cap = 0;
        bool bites = false;
    };

    std::int64_t rounded_fen = 0;
    cap_use per_record;  ///< the per-borrower / per-enterprise cap
    cap_use budget;

    void rounded(std::int64_t fen) noexcept { rounded_fen = fen; }
    void cap(batch::total_cap which, std::int64_t before, std::int64_t cap, bool bites) noexcept {
        (which == batch::total_cap::budget ? budget : per_record) = {true, before, cap, bites};
    }
};

/// How a cap on a rule's total is named in its receipt.
struct cap_names {
    const char* id;    ///< receipt step id: "per_borrower_cap", "budget"
    const char* code;  ///< reason code when it bites: "budget_cap_applied"
    const char* name_zh;
    const char* name_en;
};

/// The caps that bit, in words for the explanation (empty when none did).
struct caps_text {
    std::string zh;
    std::string en;
};

/// A total past the 64-bit 分 is the caller's input (huge amounts or terms):
/// the error is said on the result's field with the exact value, not as a
/// bare arithmetic overflow.
[[noreturn]] inline void throw_total_out_of_range(const std::string& exact_text, std::string_view noun_en) {
    throw overflow_error("amount", exact_text,
                         "the " + std::string(noun_en) + " is out of the amount range (at most 92233720368547758.07 元)");
}

/// The receipt's account of how the subsidy and the reward end, from what
/// the kernel recorded: the one rounding of the exact value (元 text
/// `exact_text`), then each cap on the rounded total in turn. Whole 分 are
/// capped, so capping after rounding equals rounding after capping. Each
/// step goes to `out` (a receipt_out); each cap that bites adds a reason
/// naming the noun ("贴息"/"subsidy").
template <class Out>
caps_text describe_total(const total_record& t, money::rounding mode, const std::string& exact_text,
                         std::string_view noun_zh, std::string_view noun_en, const cap_names& per_record,
                         const cap_names& budget, Out& out) {
    const money::amount rounded = money::amount::from_fen(t.rounded_fen);
    out.rounded(rounded);
    const std::string rounded_text = money::to_string(rounded);
    out.step("rounding", "round", std::nullopt, {{"mode", money::to_string(mode)}, {"rounded", rounded_text}},
             concat(exact_text, " 元", money::rounding_zh(mode), "到分为 ", rounded_text, " 元"),
             concat(exact_text, " rounded ", money::rounding_en(mode), " to the fen: ", rounded_text));

    caps_text caps;
    for (const auto& [use, names] : {std::pair{t.per_record, per_record}, std::pair{t.budget, budget}}) {
        if (!use.set) continue;
        const std::string before = money::to_string(money::amount::from_fen(use.before));
        const std::string cap_text = money::to_string(money::amount::from_fen(use.cap));
        const std::string after = use.bites ? cap_text : before;
        out.step(names.id, "cap", use.bites, {{"before", before}, {"cap", cap_text}, {"after", after}},
                 names.name_zh + (" " + cap_text) + " 元" +
                     (use.bites ? "，" + std::string(noun_zh) + "由 " + before + " 元减为 " + after + " 元" : "，未超过"),
                 names.name_en + (" " + cap_text) + (use.bites ? ": " + before + " reduced to " + after : ": not reached"));
        if (!use.bites) continue;
        const std::string zh =
            std::string(noun_zh) + " " + before + " 元超过" + names.name_zh + " " + cap_text + " 元，按上限支付";
        const std::string en = "the " + std::string(noun_en) + " of " + before + " exceeds the " + names.name_en +
                               " of " + cap_text + " and is paid up to it";
        out.reason(names.code, zh, en);
        caps.zh += zh + "。";
        caps.en += " " + en + ".";
    }
    return caps;
}

}  // namespace detail
}  // namespace zjcredit::rules

#endif
