// The payout register across the C ABI: verify and read (docs/register.md).
#include "barrier.hpp"

#include <zjcredit/screen/register.hpp>

using namespace zjcredit;
using namespace zjcredit::capi;

namespace {

screen::payout_register open_existing(const char* path) {
    return screen::payout_register::open(std::string(text_arg(path, "path")), screen::register_open::existing);
}

}  // namespace

extern "C" {

ZJC_API int32_t zjc_register_verify(const char* path, char** out) {
    return guarded([&] {
        require(out, "out");
        *out = new_string(screen::verify_report_to_json(open_existing(path).verify()));
    });
}

ZJC_API int32_t zjc_register_paid(const char* path, char** out) {
    return guarded([&] {
        require(out, "out");
        const screen::payout_register reg = open_existing(path);
        screen::require_verified(reg);  // rows edited by hand are not handed out as what was paid
        *out = new_string(screen::paid_to_json(reg.paid()));
    });
}

}  // extern "C"
