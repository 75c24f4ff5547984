// Reading a whole input (a JSON document, a ledger) into memory, refusing it
// as soon as it is known to be larger than the limit: a 2 GiB file given
// where a plan belongs costs 64 MiB of reading, not 2 GiB of memory.
// Internal to the compiled part.
#ifndef ZJCREDIT_SRC_IO_READ_ALL_HPP
#define ZJCREDIT_SRC_IO_READ_ALL_HPP

#include <zjcredit/limits.hpp>

#include <cstddef>
#include <istream>
#include <string>

namespace zjcredit::io {

/// The rest of `in`, prefixed by `head` (bytes already taken from it).
/// Throws parse_error naming `name` when the whole would exceed `limit`
/// bytes, io error when the stream fails.
std::string read_all(std::istream& in, const std::string& name, std::string head = {},
                     std::size_t limit = limits::max_document_bytes);

}  // namespace zjcredit::io

#endif
