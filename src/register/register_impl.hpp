// What the register's source files share: the open connection, the column
// list in canonical order and the canonical text of stored values. Internal.
#ifndef ZJCREDIT_SRC_REGISTER_REGISTER_IMPL_HPP
#define ZJCREDIT_SRC_REGISTER_REGISTER_IMPL_HPP

#include "sqlite.hpp"

#include <zjcredit/screen/register.hpp>

#include <array>
#include <string>
#include <string_view>

namespace zjcredit::screen {

struct payout_register::impl {
    std::filesystem::path path;
    detail::connection db;
    impl(const std::filesystem::path& p, bool create) : path(p), db(p, create) {}
};

namespace detail {

/// The payouts columns that the canonical text joins, in its order
/// (row_hash, the hash of that text, is the table's last column).
inline constexpr std::array<std::string_view, 13> canonical_columns = {
    "row_id", "round_id", "committed_at", "plan_version", "borrower_id", "borrower_name", "loan_id",
    "lender", "period_from", "period_to", "amount_fen", "receipt_digest", "prev_hash",
};

/// The canonical text of a row from its values as text, in canonical_columns order.
std::string canonical_text(const std::array<std::string, 13>& fields);

/// "row_id, round_id, …, prev_hash, row_hash": the select list of a whole row.
std::string payout_select_list();

}  // namespace detail
}  // namespace zjcredit::screen

#endif
