// The CSV reader of the CLI (src/io/csv.hpp), read with the encoding detected
// and forced to UTF-8 and to GB18030. Properties: every field it returns is
// valid UTF-8; writing the records back with csv_writer (after a BOM) and
// reading them as UTF-8 gives the same records; text_to_utf8 keeps UTF-8
// as is and converts GB18030 to valid UTF-8 (or throws a zjcredit::error).
#include "fuzz_common.hpp"

#include "../../src/io/csv.hpp"

#include <sstream>
#include <vector>

using namespace zjcredit;
using zjcredit::fuzz::accepts;
using zjcredit::fuzz::must;

namespace {

using records = std::vector<std::vector<std::string>>;

records read_all(const std::string& bytes, io::encoding enc) {
    std::istringstream in(bytes);
    io::csv_reader reader(in, "fuzz.csv", enc);
    records out;
    while (auto r = reader.next()) out.push_back(std::move(*r));
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(fuzz::as_text(data, size));
    for (io::encoding enc : {io::encoding::detect, io::encoding::utf8, io::encoding::gb18030}) {
        records rs;
        if (!accepts([&] { rs = read_all(bytes, enc); }, "csv_reader")) continue;
        for (const auto& r : rs) {
            ZJC_FUZZ_CHECK(!r.empty(), "a record with no fields");
            for (const auto& f : r) ZJC_FUZZ_CHECK(fuzz::valid_utf8(f), "a field that is not UTF-8");
        }
        must([&] {
            std::ostringstream out;
            io::csv_writer w(out);
            w.bom();
            for (const auto& r : rs) w.row(r);
            const records again = read_all(out.str(), io::encoding::utf8);
            ZJC_FUZZ_CHECK(again == rs, "records written and read back differ");
        }, "csv write and re-read");
    }
    // text_to_utf8 keeps text with a UTF-8 BOM or valid UTF-8 as is (the
    // readers report where UTF-8 breaks); anything else it converts from
    // GB18030, and then the result must be valid UTF-8.
    std::string utf8;
    if (accepts([&] { utf8 = io::text_to_utf8(bytes, "fuzz.csv"); }, "text_to_utf8")) {
        if (bytes.starts_with("\xEF\xBB\xBF") || fuzz::valid_utf8(bytes))
            ZJC_FUZZ_CHECK(utf8 == bytes, "text_to_utf8 changed UTF-8 text");
        else
            ZJC_FUZZ_CHECK(fuzz::valid_utf8(utf8), "text_to_utf8 gave invalid UTF-8 from GB18030");
    }
    return 0;
}
