// UTF-8 validation for the JSON writer, by simdjson (kept out of the header:
// simdjson's inline code must be compiled with the definitions its CMake
// target sets, which only this library's own sources get).
#include "text_writer.hpp"

#include <simdjson.h>

namespace zjcredit::json {

bool valid_utf8(std::string_view s) noexcept { return simdjson::validate_utf8(s.data(), s.size()); }

}  // namespace zjcredit::json
