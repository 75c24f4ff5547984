// Words shared by the report's writers (HTML, JSON), so that both say the
// same figures the same way. Internal to the compiled part.
#ifndef ZJCREDIT_SRC_REPORT_WORDS_HPP
#define ZJCREDIT_SRC_REPORT_WORDS_HPP

#include <zjcredit/report/report.hpp>

#include <optional>
#include <string>

namespace zjcredit::report::words {

/// A figure as written in the report ("250", "2.6", "-0.1"); empty when absent.
inline std::string figure(const std::optional<money::decimal>& d) { return d ? d->to_string() : std::string(); }

/// One cell of the compliance grid: 按时 / 逾期N天 / 未报送.
inline std::string cell(const dates::deadline_check& c, bool en) {
    switch (c.status) {
        case dates::submission_status::on_time: return en ? "on time" : "按时";
        case dates::submission_status::late:
            return en ? "late " + std::to_string(c.days_late) + (c.days_late == 1 ? " day" : " days")
                      : "逾期" + std::to_string(c.days_late) + "天";
        case dates::submission_status::missing: break;
    }
    return en ? "missing" : "未报送";
}

/// The standing in the page's language.
inline std::string standing_word(standing s, bool en) {
    if (!en) return std::string(chinese_word(s));
    switch (s) {
        case standing::met: return "met";
        case standing::on_track: return "on track";
        case standing::at_risk: return "at risk";
        case standing::unknown: return "not assessable";
    }
    return "not assessable";
}

/// The 预警 grade in the page's language.
inline std::string grade_word(assess::grade g, bool en) {
    if (!en) return std::string(assess::chinese_word(g));
    return g == assess::grade::ungraded ? "ungraded" : std::string(assess::to_string(g));
}

}  // namespace zjcredit::report::words

#endif
