// Tests of to_words (words.hpp): amounts in capital numerals (大写) by
// 会计基础工作规范 第五十二条 and the choices stated at the top of words.hpp:
// one 零 for a run of zeros; zeros at the end of a 4-digit group are carried
// by its unit (no 零 right after 万/亿 when the next group starts in its
// thousands place); 零 after 元 when the 元 place is 0 and 角 is not; 整
// after 元 with no 角/分, after 角 only with zheng_after_jiao; 拾 always has
// its digit (壹拾). Every expected string below is worked out by hand.
// A property test reads the words back with an independent reader.
#include <zjcredit/money/words.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

using zjcredit::errc;
using zjcredit::overflow_error;
using zjcredit::validation_error;
using zjcredit::money::amount;
using zjcredit::money::to_words;
using zjcredit::money::words_options;

static_assert(std::is_aggregate_v<words_options>);
static_assert(zjcredit::money::max_words_fen == 999'999'999'999'999'999);  // 10^16 元 - 1 分

namespace {

std::string words(std::int64_t fen, const words_options& o = {}) {
    return to_words(amount::from_fen(fen), o);
}

// Splits UTF-8 text made of 3-byte characters (all 大写 characters are CJK).
std::vector<std::string> chars(const std::string& s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i + 3 <= s.size(); i += 3) out.push_back(s.substr(i, 3));
    return out;
}

// Reads 大写 back into 分, independently of words.hpp: digits set a pending
// value, 拾/佰/仟 scale it into the current section, 万 closes a section into
// the 万 count, 亿 multiplies everything since the last 亿 by 10^8 (so that
// "壹万亿" and "壹万贰仟亿" read right), 元/角/分 close the whole.
// Returns -1 on text it cannot read.
std::int64_t read_words(const std::string& s) {
    static const std::string digit_chars[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
    std::int64_t yi_total = 0;  // whole 亿 parts, already ×10^8
    std::int64_t wan = 0;       // since the last 亿: 万 parts, already ×10^4
    std::int64_t section = 0;   // since the last 万 or 亿
    std::int64_t pending = 0;   // the last digit read
    std::int64_t yuan = -1;
    std::int64_t jiao = 0;
    std::int64_t fen = 0;
    for (const std::string& c : chars(s)) {
        int d = -1;
        for (int k = 0; k < 10; ++k)
            if (c == digit_chars[k]) d = k;
        if (d >= 0) {
            pending = d;
        } else if (c == "拾" || c == "佰" || c == "仟") {
            section += pending * (c == "拾" ? 10 : c == "佰" ? 100 : 1000);
            pending = 0;
        } else if (c == "万") {
            wan += (section + pending) * 10'000;
            section = pending = 0;
        } else if (c == "亿") {
            yi_total = (yi_total + wan + section + pending) * 100'000'000;
            wan = section = pending = 0;
        } else if (c == "元") {
            yuan = yi_total + wan + section + pending;
            pending = 0;
        } else if (c == "角") {
            jiao = pending;
            pending = 0;
        } else if (c == "分") {
            fen = pending;
            pending = 0;
        } else if (c == "整" || c == "人" || c == "民" || c == "币") {
        } else {
            return -1;
        }
    }
    return (yuan < 0 ? 0 : yuan) * 100 + jiao * 10 + fen;
}

}  // namespace

TEST_SUITE("money.words") {

TEST_CASE("the examples of the rule and of the design notes") {
    CHECK(words(1409'50) == "壹仟肆佰零玖元伍角");
    CHECK(words(1005'05) == "壹仟零伍元零伍分");
    CHECK(words(10'00) == "壹拾元整");
    CHECK(words(100010000'00) == "壹亿零壹万元整");
}

TEST_CASE("below one 元") {
    CHECK(words(0) == "零元整");
    CHECK(words(5) == "伍分");
    CHECK(words(50) == "伍角");
    CHECK(words(1) == "壹分");
    CHECK(words(10) == "壹角");
    CHECK(words(11) == "壹角壹分");
    CHECK(words(99) == "玖角玖分");
}

TEST_CASE("角 and 分 after whole 元") {
    CHECK(words(1'00) == "壹元整");
    CHECK(words(1'01) == "壹元零壹分");        // 角 place 0 between 元 and 分
    CHECK(words(1'10) == "壹元壹角");
    CHECK(words(1'11) == "壹元壹角壹分");
    CHECK(words(10'10) == "壹拾元零壹角");      // 元 place 0, 角 not: 零 after 元
    CHECK(words(10'01) == "壹拾元零壹分");
    CHECK(words(20'50) == "贰拾元零伍角");
    CHECK(words(100'05) == "壹佰元零伍分");
    CHECK(words(1680'32) == "壹仟陆佰捌拾元零叁角贰分");
    CHECK(words(107000'53) == "壹拾万柒仟元零伍角叁分");
}

TEST_CASE("zeros inside the 元 part") {
    CHECK(words(15'00) == "壹拾伍元整");         // the tens digit is written: 壹拾
    CHECK(words(110'00) == "壹佰壹拾元整");
    CHECK(words(101'00) == "壹佰零壹元整");
    CHECK(words(1001'00) == "壹仟零壹元整");       // two zeros, one 零
    CHECK(words(1010'00) == "壹仟零壹拾元整");
    CHECK(words(1100'00) == "壹仟壹佰元整");
    CHECK(words(100000'00) == "壹拾万元整");
    CHECK(words(100500'00) == "壹拾万零伍佰元整");   // next group starts below its thousands
    CHECK(words(105000'00) == "壹拾万伍仟元整");     // next group starts in its thousands: no 零
    CHECK(words(1000100'00) == "壹佰万零壹佰元整");
    CHECK(words(10000000'00) == "壹仟万元整");       // 1000万
    CHECK(words(100000001'00) == "壹亿零壹元整");
    CHECK(words(1000010000'00) == "壹拾亿零壹万元整");
}

TEST_CASE("亿 and 万亿") {
    CHECK(words(100000000'00) == "壹亿元整");
    CHECK(words(220000000'00) == "贰亿贰仟万元整");              // 2.2亿
    CHECK(words(345000000'00) == "叁亿肆仟伍佰万元整");          // 3亿4500万
    CHECK(words(25000000000'00) == "贰佰伍拾亿元整");            // 250亿
    CHECK(words(1000000000000'00) == "壹万亿元整");
    CHECK(words(1000100000000'00) == "壹万零壹亿元整");          // 10001亿
    CHECK(words(1234500000000'00) == "壹万贰仟叁佰肆拾伍亿元整");
    CHECK(words(1000000010000'00) == "壹万亿零壹万元整");
    CHECK(words(1000010000000'00) == "壹万亿零壹仟万元整");      // the whole 亿 group is 0
    CHECK(words(1000000000001'00) == "壹万亿零壹元整");
    CHECK(words(1000000000000000'00) == "壹仟万亿元整");         // 10^15
    CHECK(words(123456789012'34) == "壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟零壹拾贰元叁角肆分");
}

TEST_CASE("the largest amount 大写 covers") {
    CHECK(words(9999999999999999'99) ==
          "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分");
    CHECK(words(9999999999999999'00) ==
          "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元整");
}

TEST_CASE("the 人民币 prefix") {
    const words_options o{.prefix = true};
    CHECK(words(1409'50, o) == "人民币壹仟肆佰零玖元伍角");
    CHECK(words(10'00, o) == "人民币壹拾元整");
    CHECK(words(5, o) == "人民币伍分");
    CHECK(words(0, o) == "人民币零元整");
}

TEST_CASE("整 after 角 on request") {
    const words_options o{.zheng_after_jiao = true};
    CHECK(words(1409'50, o) == "壹仟肆佰零玖元伍角整");
    CHECK(words(50, o) == "伍角整");
    CHECK(words(1680'30, o) == "壹仟陆佰捌拾元零叁角整");
    // Unchanged where the amount ends in 元 or 分.
    CHECK(words(10'00, o) == "壹拾元整");
    CHECK(words(0, o) == "零元整");
    CHECK(words(1005'05, o) == "壹仟零伍元零伍分");
    CHECK(words(5, o) == "伍分");
    CHECK(words(10'50, {.prefix = true, .zheng_after_jiao = true}) == "人民币壹拾元零伍角整");
}

TEST_CASE("negative amounts have no 大写") {
    for (const std::int64_t fen : {std::int64_t{-1}, std::int64_t{-140950}, amount::min().fen()}) {
        const amount a = amount::from_fen(fen);
        CAPTURE(fen);
        try {
            (void)to_words(a);
            FAIL("no exception");
        } catch (const validation_error& e) {
            CHECK(e.code() == errc::validation);
            CHECK(e.field() == "amount");
            CHECK(e.text() == to_string(a));
            CHECK(std::string(e.what()).find(to_string(a)) != std::string::npos);
        }
    }
    CHECK_THROWS_AS(words(-1, {.prefix = true}), validation_error);
}

TEST_CASE("10^16 元 or more has no 大写") {
    for (const std::int64_t fen : {std::int64_t{10000000000000000'00}, amount::max().fen()}) {
        CAPTURE(fen);
        try {
            (void)words(fen);
            FAIL("no exception");
        } catch (const overflow_error& e) {
            CHECK(e.code() == errc::overflow);
            CHECK(e.field() == "amount");
        }
    }
    try {
        (void)words(10000000000000000'00);
        FAIL("no exception");
    } catch (const overflow_error& e) {
        CHECK(e.text() == "10000000000000000.00");
        CHECK(std::string(e.what()).find("10000000000000000.00") != std::string::npos);
    }
}

TEST_CASE("property: the words follow the rule and read back to the amount") {
    // Deterministic amounts in [0, 10^18) 分 with many zero digits, so that
    // runs of zeros fall in every place and every group.
    std::uint64_t x = 0x2545F4914F6CDD1DULL;
    auto next = [&x] {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return x;
    };
    const std::string allowed[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖",
                                   "拾", "佰", "仟", "万", "亿", "元", "角", "分", "整"};
    for (int i = 0; i < 400; ++i) {
        const int length = 1 + static_cast<int>(next() % 18);
        std::int64_t fen = 0;
        for (int k = 0; k < length; ++k) {
            const std::uint64_t r = next();
            fen = fen * 10 + (r % 2 == 0 ? 0 : static_cast<std::int64_t>(1 + (r >> 1) % 9));
        }
        const std::string w = words(fen);
        CAPTURE(fen);
        CAPTURE(w);
        REQUIRE(w.size() % 3 == 0);
        const std::vector<std::string> cs = chars(w);
        for (const std::string& c : cs) {
            bool ok = false;
            for (const std::string& a : allowed) ok = ok || c == a;
            CHECK_MESSAGE(ok, "unexpected character " << c);
        }
        // Read back exactly.
        CHECK(read_words(w) == fen);
        if (fen == 0) {
            CHECK(w == "零元整");
            continue;
        }
        // One 零 per run of zeros, never first, last, or before a unit.
        CHECK(w.find("零零") == std::string::npos);
        CHECK(cs.front() != "零");
        CHECK(cs.front() != "拾");  // 壹拾, never a bare 拾
        for (std::size_t k = 0; k + 1 < cs.size(); ++k) {
            if (cs[k] != "零") continue;
            const std::string& n = cs[k + 1];
            CHECK(n != "拾");
            CHECK(n != "佰");
            CHECK(n != "仟");
            CHECK(n != "万");
            CHECK(n != "亿");
            CHECK(n != "元");
            CHECK(n != "角");
            CHECK(n != "分");
            CHECK(n != "整");
        }
        // Ends in 分 when there are 分, else 角 when there are 角, else 元整.
        const std::int64_t jiao = fen / 10 % 10;
        if (fen % 10 != 0) {
            CHECK(cs.back() == "分");
        } else if (jiao != 0) {
            CHECK(cs.back() == "角");
        } else {
            CHECK(w.substr(w.size() - 6) == "元整");
        }
        CHECK((w.find("元") != std::string::npos) == (fen >= 100));
    }
}

}  // TEST_SUITE
