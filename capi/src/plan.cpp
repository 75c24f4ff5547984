// The plan handle across the C ABI: the embedded plan, JSON load and save,
// lint and queries. A zjc_plan is immutable after creation, so sharing one
// between threads needs no lock.
#include "barrier.hpp"

#include "plan_handle.hpp"

#include <zjcredit/plan/json.hpp>

#include "../../src/io/read_all.hpp"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <system_error>

using namespace zjcredit;
using namespace zjcredit::capi;

namespace {

/// The queries whose `arg` names something: NULL there is an unusable argument.
bool query_needs_arg(std::string_view query) {
    return query == "unit" || query == "measures_led_by" || query == "measures_responsible" ||
           query == "units_of" || query == "targets_of";
}

/// An error of a plan file's JSON: the same status and field (the JSON
/// path), the message led by the file's path so a caller loading several
/// plans knows which one is wrong.
class error_in_file : public zjcredit::error {
public:
    error_in_file(const zjcredit::error& e, const std::string& path)
        : zjcredit::error(e), message_(path + ": " + e.what()) {}
    const char* what() const noexcept override { return message_.c_str(); }

private:
    std::string message_;
};

/// The whole file at `path` (the library's reader and its 64 MiB limit);
/// a file that cannot be opened is an I/O error with the system's reason.
/// As in the reader's own errors, the field is the path itself: quoted as
/// text it would be cut at 64 bytes.
std::string read_plan_file(const std::string& path) {
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int err = errno;
        std::string why = "cannot open the file for reading";
        if (err != 0) why += ": " + std::generic_category().message(err);
        throw zjcredit::error(errc::io, path, "", why);
    }
    // A directory opens but cannot be read; say so rather than "cannot read".
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw zjcredit::error(errc::io, path, "", "cannot read the file: " + std::generic_category().message(EISDIR));
    return io::read_all(in, path);
}

}  // namespace

extern "C" {

ZJC_API int32_t zjc_plan_default(zjc_plan** out) {
    return guarded([&] {
        require(out, "out");
        *out = new zjc_plan{plan::plan_2022()};
    });
}

ZJC_API int32_t zjc_plan_load_json(zjc_plan** out, const char* json, size_t len) {
    return guarded([&] {
        require(out, "out");
        require(json, "json");
        *out = new zjc_plan{plan::plan_from_json(std::string_view(json, len))};
    });
}

ZJC_API int32_t zjc_plan_load_file(zjc_plan** out, const char* path) {
    return guarded([&] {
        require(out, "out");
        const std::string file(text_arg(path, "path"));
        const std::string text = read_plan_file(file);
        try {
            *out = new zjc_plan{plan::plan_from_json(text)};
        } catch (const zjcredit::error& e) {
            throw error_in_file(e, file);
        }
    });
}

ZJC_API void zjc_plan_free(zjc_plan* p) { delete p; }

ZJC_API int32_t zjc_plan_to_json(const zjc_plan* p, char** out) {
    return guarded([&] {
        require(p, "plan");
        require(out, "out");
        *out = new_string(plan::plan_to_json(p->value));
    });
}

ZJC_API int32_t zjc_plan_lint(const zjc_plan* p, char** out) {
    return guarded([&] {
        require(p, "plan");
        require(out, "out");
        *out = new_string(plan::lint_to_json(plan::lint(p->value)));
    });
}

ZJC_API int32_t zjc_plan_query(const zjc_plan* p, const char* query, const char* arg, char** out) {
    return guarded([&] {
        require(p, "plan");
        require(out, "out");
        const std::string_view q = text_arg(query, "query");
        if (arg == nullptr && query_needs_arg(q))
            throw invalid_argument("arg must not be NULL for query \"" + std::string(q) + "\"");
        *out = new_string(plan::query_to_json(p->value, q, arg ? arg : ""));
    });
}

}  // extern "C"
