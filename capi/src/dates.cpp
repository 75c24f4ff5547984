// Dates across the C ABI: text to the batch's day numbers and back, with the
// library's own parser so a caller filling columns reads dates as the
// records do.
#include "barrier.hpp"

#include <zjcredit/dates/date.hpp>

using namespace zjcredit;
using namespace zjcredit::capi;

extern "C" {

ZJC_API int32_t zjc_date_to_day_number(int32_t* out_day, const char* text) {
    return guarded([&] {
        require(out_day, "out_day");
        *out_day = dates::to_day_number(dates::parse_date(text_arg(text, "text")));
    });
}

ZJC_API int32_t zjc_date_from_day_number(char** out, int32_t day) {
    return guarded([&] {
        require(out, "out");
        *out = new_string(dates::to_string(dates::from_day_number(day)));
    });
}

}  // extern "C"
