// The 统一社会信用代码 (unified social credit code) of GB 32100-2015: 18
// characters from the 31 of the code's alphabet (0-9 and the capital letters
// without I, O, Z, S, V), the 18th a check character over the first 17:
// weights 3^(i-1) mod 31 for positions i = 1..17, check value
// 31 - (Σ value × weight mod 31), where 31 stands for 0. The screen keys
// borrowers by this code; a code that fails the check is a row error
// naming it, so that one mistyped character cannot split a borrower in two
// and double its 1000万 cap.
#ifndef ZJCREDIT_SCREEN_CREDIT_CODE_HPP
#define ZJCREDIT_SCREEN_CREDIT_CODE_HPP

#include <zjcredit/error.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace zjcredit::screen {

/// The code's alphabet, in the order of the characters' values (0..30).
inline constexpr std::string_view credit_code_alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/// A 统一社会信用代码 has 18 characters (GB 32100-2015).
inline constexpr std::size_t credit_code_length = 18;

/// What is wrong with a code, if anything.
enum class credit_code_problem { none, length, character, check_character };

/// The result of checking a unified social credit code (统一社会信用代码).
struct credit_code_check {
    credit_code_problem problem = credit_code_problem::none;  ///< none when the code is well formed
    std::size_t position = 0;  ///< 1-based: the bad character (character), 18 (check_character)
    char expected = '\0';      ///< check_character: the check character the first 17 call for

    /// The code has no problem.
    constexpr bool ok() const noexcept { return problem == credit_code_problem::none; }
};

namespace detail {

/// The value of a character of the alphabet, -1 for any other.
/// Each byte's value in the alphabet, -1 when it is not in it: one load per
/// character (the screen checks every borrower's code).
inline constexpr std::array<signed char, 256> credit_code_values = [] {
    std::array<signed char, 256> v{};
    v.fill(-1);
    for (std::size_t at = 0; at < credit_code_alphabet.size(); ++at)
        v[static_cast<unsigned char>(credit_code_alphabet[at])] = static_cast<signed char>(at);
    return v;
}();

constexpr int credit_code_value(char c) noexcept { return credit_code_values[static_cast<unsigned char>(c)]; }

/// 3^(i-1) mod 31 for i = 1..17.
constexpr std::array<int, 17> credit_code_weights = [] {
    std::array<int, 17> w{};
    int v = 1;
    for (int& x : w) {
        x = v;
        v = v * 3 % 31;
    }
    return w;
}();

}  // namespace detail

/// The check character the first 17 characters call for (`first17` must be
/// 17 characters of the alphabet; '\0' otherwise).
constexpr char credit_code_check_character(std::string_view first17) noexcept {
    if (first17.size() != credit_code_length - 1) return '\0';
    int sum = 0;
    for (std::size_t i = 0; i < first17.size(); ++i) {
        const int v = detail::credit_code_value(first17[i]);
        if (v < 0) return '\0';
        sum += v * detail::credit_code_weights[i];
    }
    const int check = (31 - sum % 31) % 31;  // 31 stands for 0
    return credit_code_alphabet[static_cast<std::size_t>(check)];
}

/// Checks `code` (exactly as written: no spaces, capital letters).
constexpr credit_code_check check_credit_code(std::string_view code) noexcept {
    if (code.size() != credit_code_length) return {credit_code_problem::length, 0, '\0'};
    for (std::size_t i = 0; i < code.size(); ++i)
        if (detail::credit_code_value(code[i]) < 0) return {credit_code_problem::character, i + 1, '\0'};
    const char want = credit_code_check_character(code.substr(0, credit_code_length - 1));
    if (code[credit_code_length - 1] != want) return {credit_code_problem::check_character, credit_code_length, want};
    return {};
}

/// Throws validation_error naming `field` and quoting `code` when it is not a valid code.
inline void require_credit_code(std::string_view code, const std::string& field) {
    const credit_code_check c = check_credit_code(code);
    switch (c.problem) {
        case credit_code_problem::none: return;
        case credit_code_problem::length:
            throw validation_error(field, std::string(code),
                                   "a 统一社会信用代码 has 18 characters, this has " + std::to_string(code.size()) +
                                       " bytes (GB 32100-2015)");
        case credit_code_problem::character:
            throw validation_error(field, std::string(code),
                                   "character " + std::to_string(c.position) +
                                       " is not in the code's alphabet 0-9 A-H J-N P-R T-U W-Y (GB 32100-2015; "
                                       "capital letters, no I, O, Z, S, V)");
        case credit_code_problem::check_character:
            throw validation_error(field, std::string(code),
                                   std::string("the check character (18th) should be ") + c.expected +
                                       " for the first 17 (GB 32100-2015): a character is mistyped");
    }
}

}  // namespace zjcredit::screen

#endif
