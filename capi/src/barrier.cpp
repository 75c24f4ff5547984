// Error record, status mapping and string ownership for the C ABI.
#include "barrier.hpp"

#include <cstdlib>

namespace zjcredit::capi {

error_record& last_error() noexcept {
    static thread_local error_record record;
    return record;
}

std::int32_t fail(std::int32_t status, std::string_view message, std::string_view field) noexcept {
    error_record& record = last_error();
    record.status = status;
    try {
        record.message.assign(message);
        record.field.assign(field);
    } catch (...) {
        // Out of memory while recording: keep the status, drop the text.
        record.message.clear();
        record.field.clear();
    }
    return status;
}

std::int32_t status_of(errc code) noexcept {
    switch (code) {
        case errc::parse: return ZJC_EPARSE;
        case errc::validation: return ZJC_EVALIDATION;
        case errc::overflow: return ZJC_EOVERFLOW;
        case errc::not_found: return ZJC_ENOTFOUND;
        case errc::io: return ZJC_EIO;
    }
    return ZJC_EINVALID;  // invalid_argument carries code 0
}

std::string_view text_arg(const char* s, const char* name) {
    require(s, name);
    return std::string_view(s);
}

char* new_string(std::string_view s) {
    char* out = static_cast<char*>(std::malloc(s.size() + 1));
    if (out == nullptr) throw std::bad_alloc();
    std::memcpy(out, s.data(), s.size());
    out[s.size()] = '\0';
    return out;
}

}  // namespace zjcredit::capi

using namespace zjcredit::capi;

extern "C" {

ZJC_API const char* zjc_last_error(void) { return last_error().message.c_str(); }
ZJC_API const char* zjc_last_error_field(void) { return last_error().field.c_str(); }
ZJC_API int32_t zjc_last_status(void) { return last_error().status; }

ZJC_API void zjc_string_free(char* s) { std::free(s); }

ZJC_API const char* zjc_status_name(int32_t status) {
    switch (status) {
        case ZJC_OK: return "ZJC_OK";
        case ZJC_EPARSE: return "ZJC_EPARSE";
        case ZJC_EVALIDATION: return "ZJC_EVALIDATION";
        case ZJC_EOVERFLOW: return "ZJC_EOVERFLOW";
        case ZJC_ENOTFOUND: return "ZJC_ENOTFOUND";
        case ZJC_EIO: return "ZJC_EIO";
        case ZJC_EINVALID: return "ZJC_EINVALID";
        case ZJC_ENOMEM: return "ZJC_ENOMEM";
        case ZJC_EINTERNAL: return "ZJC_EINTERNAL";
        default: return "ZJC_UNKNOWN";
    }
}

}  // extern "C"
