// Helpers shared by the table reader's tests (tests/io).
#ifndef ZJCREDIT_TESTS_IO_TEST_UTIL_HPP
#define ZJCREDIT_TESTS_IO_TEST_UTIL_HPP

#include <zjcredit/error.hpp>

#include <zip.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <unistd.h>
#include <utility>
#include <vector>

namespace zjcredit::io::test {

/// The message of the zjcredit::error that `f` throws, or nullopt.
template <class F>
std::optional<std::string> error_of(F&& f) {
    try {
        f();
    } catch (const zjcredit::error& e) {
        return std::string(e.what());
    }
    return std::nullopt;
}

inline bool contains(const std::optional<std::string>& s, std::string_view needle) {
    return s && s->find(needle) != std::string::npos;
}

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// A fresh path in the temporary folder (removed by the caller or left to the OS).
inline std::filesystem::path temp_path(const std::string& name) {
    static int counter = 0;
    return std::filesystem::temp_directory_path() /
           ("zjc_io_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter) + "_" + name);
}

/// A zip archive of the given parts (name, contents), made with libzip's
/// writer: for hand-made workbooks and archives that are not workbooks.
inline std::string make_zip(const std::vector<std::pair<std::string, std::string>>& parts) {
    const auto path = temp_path("parts.zip");
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (z == nullptr) throw std::runtime_error("zip_open failed");
    for (const auto& [name, text] : parts) {
        zip_source_t* src = zip_source_buffer(z, text.data(), text.size(), 0);
        if (src == nullptr || zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE) < 0)
            throw std::runtime_error("zip_file_add failed");
    }
    if (zip_close(z) != 0) throw std::runtime_error("zip_close failed");
    std::string bytes = slurp(path);
    std::filesystem::remove(path);
    return bytes;
}

/// The smallest workbook: one sheet "Sheet1" whose sheetData is `rows`, with
/// `shared` as its shared strings (<si> elements), `styles` as styles.xml's
/// body and `workbook_pr` as workbook.xml's workbookPr element.
inline std::string hand_made_xlsx(const std::string& rows, const std::string& shared = "",
                                  const std::string& styles = "", const std::string& workbook_pr = "") {
    const std::string ns = R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main")";
    const std::string rel_ns = R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";
    const std::string t = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    return make_zip({
        {"[Content_Types].xml", R"(<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)"},
        {"_rels/.rels", R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type=")" + t + R"(officeDocument" Target="xl/workbook.xml"/></Relationships>)"},
        {"xl/workbook.xml", "<?xml version=\"1.0\"?><workbook " + ns + " " + rel_ns + ">" + workbook_pr +
                                "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
         R"(<Relationship Id="rId1" Type=")" + t + R"(worksheet" Target="worksheets/sheet1.xml"/>)"
         R"(<Relationship Id="rId2" Type=")" + t + R"(sharedStrings" Target="sharedStrings.xml"/>)"
         R"(<Relationship Id="rId3" Type=")" + t + R"(styles" Target="/xl/styles.xml"/></Relationships>)"},
        {"xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst " + ns + ">" + shared + "</sst>"},
        {"xl/styles.xml", "<?xml version=\"1.0\"?><styleSheet " + ns + ">" + styles + "</styleSheet>"},
        {"xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet " + ns + "><sheetData>" + rows +
                                         "</sheetData></worksheet>"},
    });
}

}  // namespace zjcredit::io::test

#endif
