// Version entry points; the C macros are checked against the C++ ones here.
#include "barrier.hpp"

#include <zjcredit/version.hpp>

static_assert(ZJC_VERSION_MAJOR == ZJCREDIT_VERSION_MAJOR && ZJC_VERSION_MINOR == ZJCREDIT_VERSION_MINOR &&
                  ZJC_VERSION_PATCH == ZJCREDIT_VERSION_PATCH,
              "capi/zjcredit.h and include/zjcredit/version.hpp disagree on the version");

extern "C" {

ZJC_API const char* zjc_version(void) {
    zjcredit::capi::last_error() = {};
    return ZJCREDIT_VERSION_STRING;
}

ZJC_API int32_t zjc_abi_version(void) {
    zjcredit::capi::last_error() = {};
    return ZJC_ABI_VERSION;
}

}  // extern "C"
