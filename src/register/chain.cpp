// The hash chain of the register: the canonical text of a row and its
// SHA-256 (OpenSSL's libcrypto; no hash written here). docs/register.md
// gives the same text as a sqlite3 query, so anyone can re-verify a row
// with sqlite3 and sha256sum.
#include "register_impl.hpp"

#include <openssl/evp.h>

#include <array>

namespace zjcredit::screen {

namespace detail {

std::string canonical_text(const std::array<std::string, 13>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        out += fields[i];
        out += i + 1 < fields.size() ? '\t' : '\n';
    }
    return out;
}

std::string payout_select_list() {
    std::string out;
    for (std::string_view c : canonical_columns) {
        out += c;
        out += ", ";
    }
    return out + "row_hash";
}

}  // namespace detail

std::string canonical_row_text(const paid_period& row) {
    return detail::canonical_text({std::to_string(row.row_id), row.round_id, row.committed_at, row.plan_version,
                                   row.borrower_id, row.borrower_name, row.loan_id, row.lender,
                                   dates::to_string(row.from), dates::to_string(row.to),
                                   std::to_string(row.amount.fen()), row.receipt_digest, row.prev_hash});
}

std::string sha256_hex(std::string_view text) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    if (EVP_Digest(text.data(), text.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1 || size != 32)
        throw std::runtime_error("SHA-256 failed in libcrypto");
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(64);
    for (unsigned int i = 0; i < size; ++i) {
        out += hex[digest[i] >> 4U];
        out += hex[digest[i] & 0xFU];
    }
    return out;
}

}  // namespace zjcredit::screen
