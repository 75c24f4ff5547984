// The fast record reader (src/rules/record_reader.hpp) against the strict one,
// for both records it reads. Property, on every input and for the loan and
// the receivables record alike: whenever the fast reader answers, the strict
// reader (the same call under detail::strict_only) reads the text too and
// gives an equal record. Giving up is always allowed.
#include "fuzz_common.hpp"

#include "../../src/rules/record_reader.hpp"

#include <zjcredit/rules/json.hpp>

#include <optional>

using namespace zjcredit;
using zjcredit::fuzz::accepts;

namespace {

template <class Record, class Fast, class Strict>
void agree(std::string_view text, Fast fast_read, Strict strict_read, const char* what) {
    std::optional<Record> fast;
    ZJC_FUZZ_CHECK(accepts([&] { fast = fast_read(text); }, what), "the fast reader threw");
    if (!fast) return;
    std::optional<Record> strict;
    const bool read = accepts([&] {
        const rules::detail::strict_only guard;
        strict.emplace(strict_read(text));
    }, what);
    ZJC_FUZZ_CHECK(read, "the fast reader answered where the strict reader throws");
    ZJC_FUZZ_CHECK(*fast == *strict, "the fast reader's record differs from the strict reader's");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    agree<rules::loan_record>(text, rules::detail::fast_loan_record, rules::loan_record_from_json,
                              "loan_record_from_json");
    agree<rules::receivables_record>(text, rules::detail::fast_receivables_record,
                                     rules::receivables_record_from_json, "receivables_record_from_json");
    return 0;
}
