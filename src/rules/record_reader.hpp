// The fast path of loan_record_from_json and receivables_record_from_json:
// the record read straight from simdjson's validated DOM, without building
// an nlohmann tree. Internal to the compiled part (src/rules/json.cpp).
//
// Its contract is one-sided: it answers only when it is sure the strict
// reader (src/json/document.cpp + reader.cpp) would accept the text and
// produce the same record, and otherwise returns nullopt, so that the strict
// reader runs and every error (message, field path, class) is its own. It
// gives up on any simdjson error, an unknown, missing, duplicate or null key,
// a value of another JSON type, a NUL in a string, a conversion that throws,
// a document over limits::max_document_bytes, more than
// limits::max_record_items ranges or financings, ... Values are converted by
// the same functions as the strict reader (money::parse_amount, parse_rate,
// dates::parse_date, plan::borrower_kind_from_string).
#ifndef ZJCREDIT_SRC_RULES_RECORD_READER_HPP
#define ZJCREDIT_SRC_RULES_RECORD_READER_HPP

#include <zjcredit/rules/first_loan_subsidy.hpp>
#include <zjcredit/rules/receivables_reward.hpp>

#include <optional>
#include <string_view>

namespace zjcredit::rules::detail {

/// The loan record of `text`, or nullopt when the strict reader must decide.
std::optional<loan_record> fast_loan_record(std::string_view text);

/// The receivables record of `text`, or nullopt when the strict reader must decide.
std::optional<receivables_record> fast_receivables_record(std::string_view text);

/// While one is alive, the fast readers of this thread give up on every
/// text, so loan_record_from_json and receivables_record_from_json run the
/// strict reader alone (for the differential tests and the benchmark).
class strict_only {
public:
    strict_only() noexcept;
    ~strict_only();
    strict_only(const strict_only&) = delete;
    strict_only& operator=(const strict_only&) = delete;

private:
    bool previous_;
};

}  // namespace zjcredit::rules::detail

#endif
