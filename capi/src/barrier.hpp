// The boundary between C callers and the C++ library: the thread-local error
// record and the catch-all barrier every zjc_* entry point runs inside.
#ifndef ZJCREDIT_CAPI_BARRIER_HPP
#define ZJCREDIT_CAPI_BARRIER_HPP

#include "../zjcredit.h"

#include <zjcredit/error.hpp>

#include <cstdint>
#include <cstring>
#include <new>
#include <string>
#include <string_view>

namespace zjcredit::capi {

/// The calling thread's last error. Messages live here until the thread's
/// next call, so the pointers zjc_last_error() hands out stay valid that long.
struct error_record {
    std::int32_t status = ZJC_OK;
    std::string message;
    std::string field;
};

error_record& last_error() noexcept;

/// Records a failure and returns its status.
std::int32_t fail(std::int32_t status, std::string_view message, std::string_view field = {}) noexcept;

/// The status for a zjcredit::errc.
std::int32_t status_of(errc code) noexcept;

/// Runs `body` (returning void) with every exception turned into a status.
/// Clears the error record first, as every entry point must.
template <class Body>
std::int32_t guarded(Body&& body) noexcept {
    error_record& record = last_error();
    record.status = ZJC_OK;
    record.message.clear();
    record.field.clear();
    try {
        body();
        return ZJC_OK;
    } catch (const zjcredit::error& e) {
        return fail(status_of(e.code()), e.what(), e.field());
    } catch (const std::bad_alloc&) {
        return fail(ZJC_ENOMEM, "out of memory");
    } catch (const std::exception& e) {
        return fail(ZJC_EINTERNAL, std::string("internal error: ") + e.what());
    } catch (...) {
        return fail(ZJC_EINTERNAL, "internal error: unknown exception");
    }
}

/// Thrown inside a barrier for a NULL or unusable argument.
struct invalid_argument : zjcredit::error {
    explicit invalid_argument(const std::string& what_is_wrong)
        : zjcredit::error(static_cast<errc>(0), "", "", what_is_wrong) {}
};

/// Throws invalid_argument naming `name` when `p` is NULL.
template <class T>
void require(const T* p, const char* name) {
    if (p == nullptr) throw invalid_argument(std::string(name) + " must not be NULL");
}

/// Reads a NUL-terminated argument as a string_view; NULL is invalid.
std::string_view text_arg(const char* s, const char* name);

/// A copy of `s` that the caller frees with zjc_string_free().
char* new_string(std::string_view s);

}  // namespace zjcredit::capi

#endif
