// The subsidy's fast path for CSV input and plain CSV output (see
// subsidy_blocks.cpp); run_batch chooses it after reading the header.
#ifndef ZJCREDIT_CLI_SUBSIDY_BLOCKS_HPP
#define ZJCREDIT_CLI_SUBSIDY_BLOCKS_HPP

#include "batch.hpp"
#include "options.hpp"

#include "../io/csv.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace zjcredit::cli {

/// The 12 columns of `zjcredit subsidy` CSV input, as record_kind::columns lists them.
inline constexpr std::size_t subsidy_column_count = 12;

/// Streams the rest of `reader` (the header already read) through the batch
/// engine; returns the exit status, as run_batch does.
int run_subsidy_blocks(const options& o, const record_kind& kind, const std::string& file, io::csv_reader& reader,
                       const std::vector<std::string>& header_row, const io::csv_header& header, std::size_t key);

}  // namespace zjcredit::cli

#endif
