// json::text_writer (src/json/text_writer.hpp, internal) against nlohmann's
// serialiser through json::dump, which wrote results and receipts before:
// random documents of nested objects and arrays whose strings hold every
// kind of byte the writer treats apart (control characters, '"', '\\',
// multi-byte UTF-8 at every offset of its 8-byte runs) must give the same
// text; text that is not UTF-8 is refused by both.
#include "../../src/json/document.hpp"
#include "../../src/json/text_writer.hpp"

#include <zjcredit/error.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace {

namespace json = zjcredit::json;

struct rng {
    std::uint64_t state;
    std::uint64_t next() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return state >> 33;
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

/// A string of pieces chosen to land on the writer's special cases.
std::string random_text(rng& r) {
    static const std::vector<std::string> pieces = {
        "a", "Z", "0", " ", "~", "\x7f", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f", std::string(1, '\0'),
        "\x01", "\x1f", "湛", "江", "元", "€", "😀", "abcdefgh", "1234.56", "2022-04-01", "，",
    };
    std::string s;
    const std::size_t n = r.below(24);
    for (std::size_t i = 0; i < n; ++i) s += pieces[r.below(pieces.size())];
    return s;
}

/// Writes the same random value to the text writer and to a nlohmann tree.
void random_value(rng& r, int depth, json::text_writer& w, json::value& v) {
    const std::size_t kind = depth > 3 ? r.below(5) : r.below(7);
    switch (kind) {
        case 0: {
            const std::string s = random_text(r);
            w.string(s);
            v = s;
            break;
        }
        case 1: {
            const bool b = r.below(2) == 0;
            w.boolean(b);
            v = b;
            break;
        }
        case 2:
            w.null();
            v = nullptr;
            break;
        case 3:
        case 4: {
            const auto n = static_cast<std::int64_t>(r.next()) - (std::int64_t{1} << 30);
            w.integer(n);
            v = n;
            break;
        }
        case 5: {
            w.begin_object();
            v = json::value::object();
            const std::size_t n = r.below(5);
            for (std::size_t i = 0; i < n; ++i) {
                const std::string key = "k" + std::to_string(i) + random_text(r);
                w.key(key);
                json::value child;
                random_value(r, depth + 1, w, child);
                v[key] = std::move(child);
            }
            w.end_object();
            break;
        }
        default: {
            w.begin_array();
            v = json::value::array();
            const std::size_t n = r.below(5);
            for (std::size_t i = 0; i < n; ++i) {
                json::value child;
                random_value(r, depth + 1, w, child);
                v.push_back(std::move(child));
            }
            w.end_array();
        }
    }
}

}  // namespace

TEST_CASE("the text writer writes what json::dump writes") {
    rng r{20221203};
    for (int i = 0; i < 5000; ++i) {
        std::string out;
        json::text_writer w(out);
        json::value tree;
        random_value(r, 0, w, tree);
        w.finish();
        REQUIRE(out == json::dump(tree));
    }
}

TEST_CASE("the text writer's fixed forms") {
    std::string out;
    json::text_writer w(out);
    w.begin_object();
    w.key("a");
    w.begin_array();
    w.end_array();
    w.key("b");
    w.begin_object();
    w.end_object();
    w.key("c");
    w.string("x\"y\\z\n\x01湛");
    w.end_object();
    w.finish();
    CHECK(out == "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": \"x\\\"y\\\\z\\n\\u0001湛\"\n}\n");
}

TEST_CASE("text that is not UTF-8 is refused, as json::dump refuses it") {
    for (const std::string& bad : {std::string("abc\xff"), std::string("\xe6\xb9"), std::string("12345678\xc0\xaf"),
                                  std::string("\xed\xa0\x80")}) {
        std::string out;
        json::text_writer w(out);
        CHECK_THROWS_AS(w.string(bad), zjcredit::validation_error);
        CHECK_THROWS(json::dump(json::value(bad)));
    }
}

TEST_CASE("the text writer appends to what the string held, which holds just the text once the writer is gone") {
    std::string out = "prefix:";
    {
        json::text_writer w(out);
        w.begin_array();
        w.string(std::string(100, 'a'));  // more than the string's room at the start
        w.integer(-7);
        w.end_array();
    }
    CHECK(out == "prefix:[\n  \"" + std::string(100, 'a') + "\",\n  -7\n]");
}

TEST_CASE("the text writer indents deep nesting as json::dump does, past the block it copies at once") {
    std::string out;
    json::text_writer w(out);
    json::value tree = json::value::array();
    json::value* at = &tree;
    for (int depth = 0; depth < 40; ++depth) {  // 80 spaces at the bottom: more than the writer's 64
        w.begin_array();
        w.string("level " + std::to_string(depth));
        at->push_back("level " + std::to_string(depth));
        at->push_back(json::value::array());
        at = &at->back();
    }
    w.begin_array();
    w.end_array();
    for (int depth = 0; depth < 40; ++depth) w.end_array();
    w.finish();
    CHECK(out == json::dump(tree));
}

TEST_CASE("a value written apart at its depth and put in place reads as if written there") {
    // What src/rules/receipt_text.cpp does with a result's reasons and receipt.
    std::string part;
    {
        json::text_writer nested(part, 1);
        nested.begin_object();
        nested.key("zh");
        nested.string("湛江");
        nested.key("list");
        nested.begin_array();
        nested.integer(1);
        nested.end_array();
        nested.end_object();
        CHECK(nested.written() == "{\n    \"zh\": \"湛江\",\n    \"list\": [\n      1\n    ]\n  }");
    }
    std::string out;
    json::text_writer w(out);
    w.begin_object();
    w.key("eligible");
    w.boolean(true);
    w.key("receipt");
    w.value_text(part);
    w.end_object();
    w.finish();
    json::value tree = json::value::object();
    tree["eligible"] = true;
    tree["receipt"] = {{"zh", "湛江"}, {"list", {1}}};
    CHECK(out == json::dump(tree));
}
