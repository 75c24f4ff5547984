// `zjcredit words AMOUNT`: an amount in 大写.
#include "command.hpp"

#include <zjcredit/money/parse.hpp>
#include <zjcredit/money/words.hpp>

namespace zjcredit::cli {

int run_words(const options& o) {
    if (o.args.size() != 1) throw parse_error("arguments", "", "expected exactly one AMOUNT");
    const money::amount a = money::parse_amount(o.args.front(), {.field = "AMOUNT", .round_excess = std::nullopt});
    write_output(o, money::to_words(a, {.prefix = o.prefix}) + "\n");
    return ok;
}

}  // namespace zjcredit::cli
