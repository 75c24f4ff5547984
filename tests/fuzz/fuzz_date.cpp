// Date parsing (include/zjcredit/dates/date.hpp). Property: a parsed date
// formats to ISO 8601 text that parses to the same date, and its day number
// converts back to it; the plain-date fast path of parse_date gives, for every
// input, what the general reader gives (the date, or the same error).
#include "../parse_outcome.hpp"
#include "fuzz_common.hpp"

#include <zjcredit/dates/date.hpp>

using namespace zjcredit;
using zjcredit::fuzz::accepts;
using zjcredit::fuzz::must;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    const auto day = [](const dates::date& d) { return std::int64_t{dates::to_day_number(d)}; };
    ZJC_FUZZ_CHECK(test::outcome_of([&] { return day(dates::parse_date(text)); }) ==
                       test::outcome_of([&] { return day(dates::detail::parse_date_general(text)); }),
                   text);
    dates::date d;
    if (!accepts([&] { d = dates::parse_date(text); }, "parse_date")) return 0;
    must([&] {
        ZJC_FUZZ_CHECK(!d.is_special(), text);
        const std::string iso = dates::to_string(d);
        ZJC_FUZZ_CHECK(iso.size() == 10 && iso[4] == '-' && iso[7] == '-', iso);
        ZJC_FUZZ_CHECK(dates::parse_date(iso) == d, iso);
        ZJC_FUZZ_CHECK(dates::from_day_number(dates::to_day_number(d)) == d, iso);
    }, "date round trip");
    return 0;
}
