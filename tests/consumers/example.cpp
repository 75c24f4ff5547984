// The C++ API: header-first, C++20, target zjcredit::zjcredit.
#include <zjcredit/money/format.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/money/words.hpp>

#include <iostream>

int main() {
    namespace money = zjcredit::money;
    const money::amount a = money::parse_amount("2.2亿元");  // exact: 22,000,000,000 分
    std::cout << money::to_grouped_string(a) << " = " << money::to_words(a) << '\n';
    return a == money::amount::from_fen(22'000'000'000) ? 0 : 1;
}
