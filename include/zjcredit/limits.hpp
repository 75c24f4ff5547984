// The limits on what zjcredit accepts, in one place. Each is enforced with a
// clear error (never by truncating or by running out of memory), and each is
// far above what the 2022 plan's data needs; docs/limits.md says why each
// value was chosen and which error reports it. Changing one is a change of
// behaviour: say so in the release notes.
#ifndef ZJCREDIT_LIMITS_HPP
#define ZJCREDIT_LIMITS_HPP

#include <cstddef>
#include <cstdint>

namespace zjcredit::limits {

/// Largest input read whole, in bytes: 64 MiB. That is every JSON document
/// (a plan, a rule record or an array of them, observations, a ledger) and
/// the CSV files that are not streamed (observations, a ledger). Larger
/// input is a parse error before it is parsed, and files are read only until
/// they are known to be larger. The CSV batches of the CLI (subsidy, reward)
/// stream and have no size limit.
inline constexpr std::size_t max_document_bytes = std::size_t{64} << 20;

/// Deepest nesting of JSON arrays and objects. zjcredit's own documents
/// nest at most 4 levels; the parser keeps one stack entry per level, so the
/// depth of hostile input never reaches the machine's stack.
inline constexpr std::size_t max_json_depth = 64;

/// Longest CSV record (one line, or several when a quoted field holds line
/// breaks), in bytes: 1 MiB. A longer record is a parse error naming its
/// line; CSV files themselves have no size limit: they stream.
inline constexpr std::size_t max_csv_record_bytes = std::size_t{1} << 20;

/// Most balance ranges in one loan's schedule, and most financings in one
/// enterprise's record: 100,000 (daily balances over the whole plan period
/// need 730). A record with more is a validation error of its list, in every
/// interface and in the batch.
inline constexpr std::size_t max_record_items = 100'000;

/// Largest amount: 2^63 - 1 分 (about 9.2 × 10^16 元) in magnitude; see
/// money::amount. Larger amounts and results are overflow errors.
inline constexpr std::int64_t max_amount_fen = INT64_MAX;

/// Most decimal places in an exact decimal (money::decimal): 30.
inline constexpr int max_decimal_places = 30;

/// Most cells in a table read whole from a CSV or .xlsx file (io::read_table):
/// 10,000,000, counting the empty cells before the last one of each row. A
/// bank's export of the 2022 plan's loans has a few thousand rows of a few
/// dozen columns; the cap keeps a hostile or runaway sheet from taking the
/// machine's memory (a cell costs at least 32 bytes there).
inline constexpr std::size_t max_table_cells = 10'000'000;

/// Longest text of one .xlsx cell, in bytes: 128 KiB, room for Excel's own
/// limit of 32,767 characters in UTF-8. A longer one is a parse error naming
/// the cell.
inline constexpr std::size_t max_xlsx_cell_bytes = std::size_t{128} << 10;

/// Most bytes unpacked from one .xlsx file, all the XML parts it reads
/// together: 1 GiB. The file itself is at most max_document_bytes, but XML
/// packs 10 to 100 times: the cap refuses a zip bomb (checked against each
/// part's declared size first, and counted while unpacking, since the
/// declared size can lie) long before it costs that much.
inline constexpr std::size_t max_xlsx_unpacked_bytes = std::size_t{1} << 30;

/// Most entries in an .xlsx zip archive: 10,000 (a workbook has a dozen
/// parts plus a few per sheet). The archive's directory is read whole.
inline constexpr std::size_t max_xlsx_entries = 10'000;

}  // namespace zjcredit::limits

#endif
