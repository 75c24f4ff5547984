// `zjcredit subsidy` on CSV with plain CSV output: loans in blocks through the
// batch engine (rules/batch.hpp). A loan whose result has no reason and no
// error is written from the batch result; a loan that is not eligible reuses
// the reasons the general path gave an earlier loan with the same failed
// checks (see not_eligible below); every other loan goes through the general
// path (record_kind::from_csv), so the output, the errors and the rejects
// are the same byte for byte as without this path.
#include "subsidy_blocks.hpp"

#include "batch_io.hpp"

#include <zjcredit/dates/date.hpp>
#include <zjcredit/limits.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/rules/arithmetic.hpp>

#include <array>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace zjcredit::cli {

using namespace detail;

namespace {

namespace batch = rules::batch;

/// The subsidy's CSV columns in the order of record_kind::columns.
enum loan_column : std::size_t {
    c_borrower, c_kind, c_application, c_platform, c_local, c_first, c_rate, c_period_from, c_period_to,
    c_balance_from, c_balance_to, c_balance, loan_column_count
};
static_assert(loan_column_count == subsidy_column_count);

/// A cell's day number, as the general path reads the date; throws as it does.
std::int32_t cell_day(std::string_view text) { return dates::parse_table_day_number(text, "date"); }

/// A flag cell by the library's parse_flag (rules/csv.hpp); throws as it does.
bool cell_flag(std::string_view text) { return rules::parse_flag(std::string(text), "flag"); }

/// The rows of a block of loans: each row's fields are the bytes of `text`
/// between cuts, a row of n fields owning n + 1 cuts (field j runs from cut
/// j to cut j + 1 less the separator byte written after every field).
class row_store {
public:
    explicit row_store(std::size_t fields) : n_(fields) {}

    std::size_t size() const noexcept { return lines_.size(); }
    std::size_t line(std::size_t r) const noexcept { return lines_[r]; }
    std::string_view field(std::size_t r, std::size_t c) const noexcept {
        const std::size_t* k = cuts_.data() + r * (n_ + 1) + c;
        return {text_.data() + k[0], static_cast<std::size_t>(k[1] - k[0] - 1)};
    }
    /// Fields 0..n-1 of rows r and q are the same: the same bytes and the
    /// same cuts (a field of a quoted record may hold a comma, so the bytes
    /// alone would not do). False says nothing.
    bool same_prefix(std::size_t r, std::size_t q, std::size_t n) const noexcept {
        if (n > n_) return false;
        const std::size_t* a = cuts_.data() + r * (n_ + 1);
        const std::size_t* b = cuts_.data() + q * (n_ + 1);
        const std::size_t len = a[n] - a[0];
        if (b[n] - b[0] != len) return false;
        for (std::size_t j = 1; j < n; ++j)
            if (a[j] - a[0] != b[j] - b[0]) return false;
        return std::memcmp(text_.data() + a[0], text_.data() + b[0], len) == 0;
    }
    std::vector<std::string> strings(std::size_t r) const {
        std::vector<std::string> out;
        out.reserve(n_);
        for (std::size_t c = 0; c < n_; ++c) out.emplace_back(field(r, c));
        return out;
    }

    /// Takes the next record if it is a plain line with the header's field
    /// count: 1; 0 when the reader says it is not plain (nothing read);
    /// -1 when it was plain with another count (read, in `other`).
    int take_line(io::csv_reader& reader, std::vector<std::string>& other) {
        const std::size_t cut0 = cuts_.size();
        cuts_.push_back(text_.size());
        if (!reader.next_line(text_, cuts_)) {
            cuts_.pop_back();
            return 0;
        }
        // the reader gave where each field ends; a field's cut is one past
        // it, after the separator byte every field is given here
        text_.push_back(',');
        for (std::size_t k = cut0 + 1; k < cuts_.size(); ++k) ++cuts_[k];
        if (cuts_.size() - cut0 != n_ + 1) {
            other.clear();
            for (std::size_t k = cut0; k + 1 < cuts_.size(); ++k)
                other.emplace_back(text_.data() + cuts_[k], cuts_[k + 1] - cuts_[k] - 1);
            text_.resize(cuts_[cut0]);
            cuts_.resize(cut0);
            return -1;
        }
        lines_.push_back(reader.line());
        return 1;
    }
    /// Takes a record read by next() (with the header's field count).
    void take(const std::vector<std::string>& fields, std::size_t line) {
        cuts_.push_back(static_cast<std::size_t>(text_.size()));
        for (const auto& f : fields) {
            text_ += f;
            text_.push_back(',');
            cuts_.push_back(static_cast<std::size_t>(text_.size()));
        }
        lines_.push_back(line);
    }
    /// Keeps rows [from, size()) only, as rows 0...
    void keep_from(std::size_t from) {
        if (from == 0) return;
        if (from == size()) {
            text_.clear();
            cuts_.clear();
            lines_.clear();
            return;
        }
        const std::size_t off = cuts_[from * (n_ + 1)];
        text_.erase(0, off);
        cuts_.erase(cuts_.begin(), cuts_.begin() + static_cast<std::ptrdiff_t>(from * (n_ + 1)));
        for (auto& k : cuts_) k -= off;
        lines_.erase(lines_.begin(), lines_.begin() + static_cast<std::ptrdiff_t>(from));
    }

private:
    std::size_t n_;
    std::string text_;
    std::vector<std::size_t> cuts_;
    std::vector<std::size_t> lines_;
};

/// Loans in blocks, computed by the batch engine.
class subsidy_blocks {
public:
    /// A block is computed when it holds this many whole loans or this many
    /// of their rows, whichever comes first: memory holds at most one block
    /// plus the loan being read (itself at most limits::max_record_items rows).
    static constexpr std::size_t block_loans = 256;
    static constexpr std::size_t block_rows = 65'536;

    subsidy_blocks(const batch::prepared_subsidy& params, std::array<std::size_t, loan_column_count> at,
                   const row_store& rows)
        : params_(params), at_(at), rows_(rows) {
        // The loan's own columns are the header's first ones (in any order)?
        loan_cells_first_ = true;
        for (std::size_t c = c_borrower; c < c_balance_from; ++c)
            if (at_[c] >= c_balance_from) loan_cells_first_ = false;
    }

    std::vector<std::size_t> loan_start;  ///< first row of each complete loan

    /// Converts and computes the complete loans, the last ending before row `end`.
    void compute(std::size_t end) {
        const std::size_t n = loan_start.size();
        kind_.assign(n, 0);
        application_.assign(n, 0);
        flags_.assign(n, 0);
        rate_.assign(n, 0);
        period_from_.assign(n, 0);
        period_to_.assign(n, 0);
        offsets_.assign(n + 1, 0);
        range_from_.clear();
        range_to_.clear();
        range_balance_.clear();
        fast_.assign(n, 0);
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t b = loan_start[i];
            const std::size_t e = i + 1 < n ? loan_start[i + 1] : end;
            fast_[i] = convert(i, b, e) ? 1 : 0;
            if (!fast_[i]) {
                range_from_.resize(static_cast<std::size_t>(offsets_[i]));
                range_to_.resize(static_cast<std::size_t>(offsets_[i]));
                range_balance_.resize(static_cast<std::size_t>(offsets_[i]));
            }
            offsets_[i + 1] = static_cast<std::int64_t>(range_from_.size());
        }
        amount_.assign(n, 0);
        status_.assign(n, 0);
        eligible_.assign(n, 0);
        reasons_.assign(n, 0);
        const batch::loan_columns cols{kind_, application_, flags_, rate_, period_from_, period_to_,
                                       offsets_, range_from_, range_to_, range_balance_};
        (void)batch::first_loan_subsidy_batch(cols, {amount_, status_, eligible_, reasons_}, params_);
    }

    /// Loan i's amount in 分 when the batch's result stands for it as is.
    bool plain_result(std::size_t i, std::int64_t& fen) const {
        if (!fast_[i] || status_[i] != batch::status_ok || reasons_[i] != 0 || eligible_[i] != 1) return false;
        fen = amount_[i];
        return true;
    }

    /// The arithmetic of loan i, eligible and paid `paid` by the batch: the
    /// kernel run again on its row, keeping its sum.
    std::string arithmetic(std::size_t i, const plan::first_loan_subsidy_parameters& parameters, money::amount paid,
                           bool en) const {
        const batch::loan_columns cols{kind_, application_, flags_, rate_, period_from_, period_to_,
                                       offsets_, range_from_, range_to_, range_balance_};
        rules::detail::sum_trace trace;
        (void)batch::first_loan_subsidy_row(cols, i, params_, trace);
        return rules::subsidy_arithmetic(trace, parameters, paid, en);
    }

    /// Loan i not eligible by the batch, with no error and no other reason:
    /// the key of what its reasons depend on, and its reason bits.
    bool not_eligible(std::size_t i, std::uint64_t& key, std::uint32_t& bits) const {
        if (!fast_[i] || status_[i] != batch::status_ok || eligible_[i] != 0 || reasons_[i] == 0 ||
            (reasons_[i] & ~batch::subsidy_failures) != 0 || amount_[i] != 0)
            return false;
        // What the reasons' texts depend on: which checks failed, the first
        // application date when it is outside the window, the borrower kind
        // when it is not eligible (first_loan_subsidy's eligibility checks).
        bits = reasons_[i];
        const bool window = (bits & batch::reason_application_outside_window) != 0;
        const bool kind = (bits & batch::reason_borrower_kind_not_eligible) != 0;
        key = (static_cast<std::uint64_t>(window ? static_cast<std::uint32_t>(application_[i]) : 0U) << 32) |
              (static_cast<std::uint64_t>(kind ? kind_[i] : 0U) << 16) | bits;
        return true;
    }

private:
    bool convert(std::size_t i, std::size_t b, std::size_t e) {
        const auto cell = [&](std::size_t r, std::size_t c) { return rows_.field(r, at_[c]); };
        // The loan's own cells must be the same on every row (record_cell).
        for (std::size_t r = b + 1; r < e; ++r)
            if (!loan_cells_first_ || !rows_.same_prefix(r, b, c_balance_from))
                for (std::size_t c = c_borrower; c < c_balance_from; ++c)
                    if (cell(r, c) != cell(b, c)) return false;
        // The batch has no strings: the rule's one check of the borrower (not
        // empty) is left to from_csv.
        if (cell(b, c_borrower).empty()) return false;
        const auto k = plan::borrower_kind_from_text(cell(b, c_kind));
        if (!k) return false;
        kind_[i] = static_cast<std::uint8_t>(*k);
        // The library's parsers, as from_csv reads these cells: a cell they
        // refuse leaves the loan to from_csv, which reports it.
        try {
            application_[i] = cell_day(cell(b, c_application));
            std::uint8_t flags = 0;
            for (const auto& [c, bit] : {std::pair{c_platform, batch::loan_via_platform},
                                        std::pair{c_local, batch::loan_local_legal_person_lender},
                                        std::pair{c_first, batch::loan_first_loan}})
                if (cell_flag(cell(b, c))) flags = static_cast<std::uint8_t>(flags | bit);
            flags_[i] = flags;
            rate_[i] = money::parse_rate(cell(b, c_rate), money::rate_unit::undeclared, "annual_rate").units();
            period_from_[i] = cell_day(cell(b, c_period_from));
            period_to_[i] = cell_day(cell(b, c_period_to));
            for (std::size_t r = b; r < e; ++r) {
                range_from_.push_back(cell_day(cell(r, c_balance_from)));
                range_to_.push_back(cell_day(cell(r, c_balance_to)));
                range_balance_.push_back(money::parse_amount(cell(r, c_balance), {.field = "balance", .round_excess = {}}).fen());
            }
        } catch (const zjcredit::error&) {
            return false;
        }
        return true;
    }

    batch::prepared_subsidy params_;
    std::array<std::size_t, loan_column_count> at_;
    const row_store& rows_;
    bool loan_cells_first_ = false;
    std::vector<std::uint8_t> kind_, flags_, fast_, eligible_;
    std::vector<std::int32_t> application_, period_from_, period_to_, range_from_, range_to_, status_;
    std::vector<std::int64_t> rate_, offsets_, range_balance_, amount_;
    std::vector<std::uint32_t> reasons_;
};

}  // namespace

int run_subsidy_blocks(const options& o, const record_kind& kind, const std::string& file, io::csv_reader& reader,
                       const std::vector<std::string>& header_row, const io::csv_header& header, std::size_t key) {
    std::array<std::size_t, loan_column_count> at{};
    for (std::size_t c = 0; c < loan_column_count; ++c) at[c] = header.at(kind.columns[c]);

    output out(o.output);
    result_writer writer(out.stream(), o, {kind.key_header}, kind.nouns);
    const bool en = o.lang == "en";
    rejects_writer rejects(o, file);
    rejects.header(header_row);
    progress bar(file);

    row_store rows(header_row.size());
    subsidy_blocks block(*kind.subsidy_batch, at, rows);
    std::size_t current = 0;  // first row of the loan being read (== rows.size(): none)
    std::optional<std::string> overlong_key;

    // One loan through from_csv, as run_batch's flush does it.
    std::vector<std::vector<std::string>> one;
    std::vector<std::size_t> one_lines;
    const std::string empty;
    const auto slow = [&](std::size_t b, std::size_t e) -> std::optional<result_line> {
        one.clear();
        one_lines.clear();
        for (std::size_t r = b; r < e; ++r) {
            one.push_back(rows.strings(r));
            one_lines.push_back(rows.line(r));
        }
        try {
            result_line r = kind.from_csv({.source = file, .header = header_row, .rows = one, .lines = one_lines});
            writer.write(r);
            return r;
        } catch (const rules::csv_record_error& ex) {
            if (!rejects.active()) throw;
            for (std::size_t r = 0; r < one.size(); ++r) rejects.reject(one_lines[r], ex.what(), one[r]);
        } catch (const zjcredit::error& ex) {
            const std::string where = file + ":" + std::to_string(one_lines.back());
            if (!rejects.active()) rethrow_at(ex, where);
            for (std::size_t r = 0; r < one.size(); ++r) rejects.reject(one_lines[r], where + ": " + ex.what(), one[r]);
        }
        return std::nullopt;
    };
    // A loan that is not eligible: first_loan_subsidy's reasons are one per
    // failed check, in a fixed order, their texts depending only on the
    // first application date (window), the borrower kind (kind) and nothing
    // else (the flags). The balances and the period do not enter the
    // reasons: they only decide whether the loan is valid, and the batch
    // checks validity before eligibility (a not-eligible entry is used only
    // for a loan whose batch status is OK). So the outcome from_csv gave for
    // one loan stands for every valid loan with the same failed checks (the
    // batch's reason bits, which are the rule's) and the same date or kind
    // where those checks failed.
    std::unordered_map<std::uint64_t, std::pair<std::string, std::string>> not_eligible;  // codes, texts
    constexpr std::size_t max_not_eligible = 4096;
    // Computes and writes the complete loans; the current one moves to the front.
    const auto write_block = [&] {
        const std::size_t n = block.loan_start.size();
        if (n > 0) {
            block.compute(current);
            for (std::size_t i = 0; i < n; ++i) {
                const std::size_t b = block.loan_start[i];
                const std::size_t e = i + 1 < n ? block.loan_start[i + 1] : current;
                std::int64_t fen = 0;
                if (block.plain_result(i, fen)) {
                    const money::amount paid = money::amount::from_fen(fen);
                    writer.write_joined({std::string(rows.field(b, key))}, true, paid, empty,
                                        block.arithmetic(i, *kind.subsidy_parameters, paid, en));
                    continue;
                }
                std::uint64_t cache_key = 0;
                std::uint32_t bits = 0;
                if (!block.not_eligible(i, cache_key, bits)) {
                    (void)slow(b, e);
                    continue;
                }
                if (const auto hit = not_eligible.find(cache_key); hit != not_eligible.end()) {
                    writer.write_joined({std::string(rows.field(b, key))}, false, money::amount(),
                                        hit->second.first, hit->second.second);
                    continue;
                }
                const auto r = slow(b, e);
                if (r && !r->eligible && r->amount == money::amount() && batch::reason_bits(r->reasons) == bits) {
                    if (not_eligible.size() >= max_not_eligible) not_eligible.clear();  // memory stays flat
                    not_eligible.emplace(cache_key, writer.joined(r->reasons));
                }
            }
            block.loan_start.clear();
        }
        rows.keep_from(current);
        current = 0;
    };
    const auto end_loan = [&] {
        if (current == rows.size()) return;
        block.loan_start.push_back(current);
        current = rows.size();
        if (block.loan_start.size() >= subsidy_blocks::block_loans || current >= subsidy_blocks::block_rows)
            write_block();
    };

    std::vector<std::string> row;
    for (;;) {
        int took = 0;
        try {
            took = rows.take_line(reader, row);
            if (took == 0) {
                if (!reader.next(row)) break;
                took = row.size() == header_row.size() ? 2 : -1;
            }
        } catch (...) {
            write_block();
            throw;
        }
        if (took < 0) {
            const auto e = parse_error(file + ":" + std::to_string(reader.line()), "",
                                       "row has " + std::to_string(row.size()) + " fields, the header " +
                                           std::to_string(header_row.size()));
            if (!rejects.active()) {
                write_block();
                throw e;
            }
            end_loan();
            write_block();
            rejects.reject(reader.line(), e.what(), row);
            continue;
        }
        if (took == 2) rows.take(row, reader.line());
        const std::size_t last = rows.size() - 1;  // the row just read
        if (current != last && rows.field(last, key) != rows.field(current, key)) {
            // end_loan() without the new row
            block.loan_start.push_back(current);
            current = last;
            if (block.loan_start.size() >= subsidy_blocks::block_loans || current >= subsidy_blocks::block_rows)
                write_block();
        }
        const std::size_t row_index = rows.size() - 1;
        if (row_index - current == limits::max_record_items) {
            write_block();  // now current == 0
            const auto e = validation_error(file + ":" + std::to_string(reader.line()),
                                            quote_text(std::string(rows.field(0, key))),
                                            std::string(kind.noun) + " has more than " +
                                                std::to_string(limits::max_record_items) + " rows");
            if (!rejects.active()) throw e;
            for (std::size_t r = 0; r < rows.size(); ++r) rejects.reject(rows.line(r), e.what(), rows.strings(r));
            overlong_key = std::string(rows.field(0, key));
            rows.keep_from(rows.size());
            continue;
        }
        if (current == row_index && overlong_key && rows.field(row_index, key) == *overlong_key) {
            write_block();  // now the row is row 0
            rejects.reject(reader.line(), file + ":" + std::to_string(reader.line()) + ": rest of an over-long " +
                                              std::string(kind.noun), rows.strings(0));
            rows.keep_from(rows.size());
            continue;
        }
        overlong_key.reset();
        bar.update(reader.bytes_read());
    }
    end_loan();
    write_block();
    return finish_run(writer, out, rejects, o.lang == "en");
}
}  // namespace zjcredit::cli
