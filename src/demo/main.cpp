// A first look at zjcredit's money layer: exact parsing, formatting and 大写.
#include <zjcredit/money/format.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/money/words.hpp>

#include <iostream>

int main() {
    using namespace zjcredit::money;
    for (const char* text : {"1,234.56", "2.2亿元", "1000万元", "3亿4500万", "１２３４．５６", "1409.50"}) {
        const amount a = parse_amount(text);
        std::cout << text << "  ->  " << to_string(a) << "  " << to_grouped_string(a) << "  "
                  << to_words(a, {.prefix = true}) << '\n';
    }
    const rate r = parse_rate("4.35%");
    std::cout << "4.35%  ->  " << to_fraction_string(r) << '\n';
    try {
        parse_amount("1.2.3");
    } catch (const zjcredit::error& e) {
        std::cout << "error: " << e.what() << '\n';
    }
}
