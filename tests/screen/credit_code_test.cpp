// The GB 32100-2015 check character, on codes whose check characters were
// worked by hand from the standard's weights (3^(i-1) mod 31).
#include <zjcredit/screen/credit_code.hpp>

#include <doctest/doctest.h>

using namespace zjcredit::screen;

TEST_CASE("credit code: the standard's example and real codes pass") {
    // GB 32100-2015's example: Σ value × weight = 1640 ≡ 28 (mod 31), 31 - 28 = 3.
    CHECK(check_credit_code("91350100M000100Y43").ok());
    CHECK(credit_code_check_character("91350100M000100Y4") == '3');
    CHECK(check_credit_code("91110000600037341L").ok());
    CHECK(check_credit_code("914403001922038216").ok());
}

TEST_CASE("credit code: each kind of fault, with where it is") {
    const auto wrong = check_credit_code("91350100M000100Y44");
    CHECK(wrong.problem == credit_code_problem::check_character);
    CHECK(wrong.expected == '3');
    CHECK(wrong.position == 18);
    CHECK(check_credit_code("91350100M000100Y4").problem == credit_code_problem::length);
    CHECK(check_credit_code("").problem == credit_code_problem::length);
    const auto letter = check_credit_code("91350100I000100Y43");  // I is not in the alphabet
    CHECK(letter.problem == credit_code_problem::character);
    CHECK(letter.position == 9);
    CHECK(check_credit_code("91350100m000100Y43").problem == credit_code_problem::character);
    // Two adjacent characters swapped: the weighted sum catches it.
    CHECK_FALSE(check_credit_code("93150100M000100Y43").ok());
}

TEST_CASE("credit code: the error names the field and quotes the code") {
    try {
        require_credit_code("91350100M000100Y44", "loans[3].borrower_id");
        FAIL("no error");
    } catch (const zjcredit::validation_error& e) {
        CHECK(e.field() == "loans[3].borrower_id");
        CHECK(e.text() == "91350100M000100Y44");
        CHECK(std::string(e.what()).find("should be 3") != std::string::npos);
    }
}
