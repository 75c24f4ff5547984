// Files: written atomically (temp file in the same folder, then rename), read
// back; on failure no partial file and no temporary file remains.
#include "test_util.hpp"

#include <zjcredit/ledger/io.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace zjcredit;
using namespace zjcredit::ledger;
using namespace zjcredit::ledger::test;

namespace {

const year_month sep(2022, 9);

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void put(const std::filesystem::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

}  // namespace

TEST_SUITE("ledger.files") {

TEST_CASE("CSV files: written, read back, nothing else left in the folder") {
    temp_folder dir;
    const std::vector<submission> subs = {commerce(sep, d(2022, 9, 26))};
    const auto file = dir.path() / "台账-2022-09.csv";
    write_ledger_csv(file, p2022(), subs);
    CHECK(dir.names() == std::vector<std::string>{"台账-2022-09.csv"});
    const std::string bytes = slurp(file);
    CHECK(bytes == ledger_csv(p2022(), subs));
    CHECK(bytes.rfind("\xEF\xBB\xBF单位,", 0) == 0);
    CHECK(read_ledger_csv_file(file, p2022()) == subs);

    // Overwrites an existing file as a whole.
    write_ledger_csv(file, p2022(), std::vector<submission>{});
    CHECK(read_ledger_csv_file(file, p2022()).empty());

    // Errors from a file name the file.
    put(dir.path() / "bad.csv", "单位,月份,任务编号,进展情况,报送日期\nx,2022-09,m3.fx_facilitation,已完成,2022-09-26\n");
    auto e = thrown<csv_error>([&] { read_ledger_csv_file(dir.path() / "bad.csv", p2022()); });
    REQUIRE(e);
    CHECK(e->source() == "bad.csv");

    auto io = thrown<error>([&] { read_ledger_csv_file(dir.path() / "absent.csv", p2022()); });
    REQUIRE(io);
    CHECK(io->code() == errc::io);

    write_blank_ledger_csv(dir.path() / "blank.csv", p2022());
    write_compliance_csv(dir.path() / "compliance.csv", check_period(p2022(), subs).months);
    CHECK(dir.names() == std::vector<std::string>{"bad.csv", "blank.csv", "compliance.csv", "台账-2022-09.csv"});
}

TEST_CASE("xlsx files are written whole") {
    temp_folder dir;
    const std::vector<submission> subs = {commerce(sep, d(2022, 9, 26))};
    write_blank_ledger_xlsx(dir.path() / "blank.xlsx", p2022());
    write_ledger_xlsx(dir.path() / "ledger.xlsx", p2022(), subs);
    write_compliance_xlsx(dir.path() / "compliance.xlsx", check_period(p2022(), subs).months);
    CHECK(dir.names() == std::vector<std::string>{"blank.xlsx", "compliance.xlsx", "ledger.xlsx"});
    // A zip archive.
    CHECK(slurp(dir.path() / "ledger.xlsx").rfind("PK\x03\x04", 0) == 0);
}

TEST_CASE("a failed write leaves no partial file and keeps the old one") {
    temp_folder dir;
    const auto file = dir.path() / "ledger.xlsx";
    put(file, "old");

    // Excel holds at most 32767 characters in a cell: libxlsxwriter refuses
    // the note half way through the workbook.
    std::vector<submission> subs = {commerce(sep, d(2022, 9, 26))};
    subs[0].entries[1].note = std::string(40000, 'x');
    auto e = thrown<validation_error>([&] { write_ledger_xlsx(file, p2022(), subs); });
    REQUIRE(e);
    CHECK(mentions(*e, "备注"));
    CHECK(dir.names() == std::vector<std::string>{"ledger.xlsx"});
    CHECK(slurp(file) == "old");

    // Invalid data is refused before anything is written.
    subs[0].entries[1].note = std::string("\xFF", 1);
    CHECK(thrown<parse_error>([&] { write_ledger_csv(dir.path() / "ledger.csv", p2022(), subs); }));
    CHECK(dir.names() == std::vector<std::string>{"ledger.xlsx"});

    // The rename fails when the target is a folder: the temporary file goes.
    std::filesystem::create_directory(dir.path() / "taken.csv");
    auto io = thrown<error>([&] { write_blank_ledger_csv(dir.path() / "taken.csv", p2022()); });
    REQUIRE(io);
    CHECK(io->code() == errc::io);
    CHECK(io->text() == (dir.path() / "taken.csv").string());
    CHECK(dir.names() == std::vector<std::string>{"ledger.xlsx", "taken.csv"});
    io = thrown<error>([&] { write_blank_ledger_xlsx(dir.path() / "taken.csv", p2022()); });
    REQUIRE(io);
    CHECK(dir.names() == std::vector<std::string>{"ledger.xlsx", "taken.csv"});

    // A folder that does not exist.
    io = thrown<error>([&] { write_blank_ledger_csv(dir.path() / "no" / "such.csv", p2022()); });
    REQUIRE(io);
    CHECK(io->code() == errc::io);
    CHECK(mentions(*io, "cannot create a temporary file"));
    CHECK(dir.names() == std::vector<std::string>{"ledger.xlsx", "taken.csv"});
}

}  // TEST_SUITE
