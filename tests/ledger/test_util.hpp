// Helpers shared by the ledger tests.
#ifndef ZJCREDIT_TESTS_LEDGER_TEST_UTIL_HPP
#define ZJCREDIT_TESTS_LEDGER_TEST_UTIL_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/ledger/ledger.hpp>
#include <zjcredit/plan/plan_2022.hpp>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::ledger::test {

/// The exception of type E that `f` throws, or nullopt.
template <class E, class F>
std::optional<E> thrown(F&& f) {
    try {
        f();
    } catch (const E& e) {
        return e;
    } catch (...) {
        return std::nullopt;
    }
    return std::nullopt;
}

inline bool mentions(const std::exception& e, std::string_view needle) {
    return std::string_view(e.what()).find(needle) != std::string_view::npos;
}

inline dates::date d(int y, int m, int dd) {
    return dates::date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                       static_cast<unsigned short>(dd));
}

inline const plan::plan& p2022() { return plan::plan_2022(); }

/// The three tasks of measure 三 as the plan text lists them: 贸易外汇收支便利化
/// 试点, CIPS 标准收发器, 人民币跨境收付持续增长.
inline const char* const m3_fx = "m3.fx_facilitation";
inline const char* const m3_cips = "m3.cips_transceiver";
inline const char* const m3_rmb = "m3.rmb_cross_border";

inline entry row(const std::string& unit, year_month month, const std::string& task, progress_status status,
                 dates::date received, std::string figures = "", std::optional<dates::date> milestone = {},
                 std::string note = "") {
    return entry{unit, month, task, status, std::move(figures), milestone, std::move(note), received};
}

/// A submission with the given rows (unit, month, received stamped on them).
inline submission filed(const std::string& unit, year_month month, dates::date received,
                        std::vector<std::pair<std::string, progress_status>> rows = {}) {
    submission s{unit, month, received, {}};
    for (auto& [task, status] : rows) s.entries.push_back(row(unit, month, task, status, received));
    return s;
}

/// 市商务局's ledger for a month: its three tasks of measure 三.
inline submission commerce(year_month month, dates::date received) {
    return filed("commerce", month, received,
                 {{m3_fx, progress_status::in_progress},
                  {m3_cips, progress_status::not_started},
                  {m3_rmb, progress_status::in_progress}});
}

/// A fresh empty folder under the system temp folder, removed at scope exit.
class temp_folder {
public:
    temp_folder() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() / ("zjcredit-ledger-" + std::to_string(rd()) + "-" +
                                                          std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~temp_folder() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    temp_folder(const temp_folder&) = delete;
    temp_folder& operator=(const temp_folder&) = delete;
    const std::filesystem::path& path() const { return path_; }
    /// Names of everything in the folder, sorted.
    std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& e : std::filesystem::directory_iterator(path_)) out.push_back(e.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }

private:
    std::filesystem::path path_;
};

}  // namespace zjcredit::ledger::test

#endif
