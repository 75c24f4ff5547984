// Which column of a bank's table is which field of a record: the names a
// header may have (the English field names of docs/records.md and the
// Chinese headers banks' systems export), a header's unit in brackets
// ("利率(%)", "放款金额（元）", "金额(万元)"), finding the header row below
// title rows, and a caller's own mapping for any other name. The one
// table of accepted names; docs/columns.md is written from it.
#ifndef ZJCREDIT_RULES_COLUMNS_HPP
#define ZJCREDIT_RULES_COLUMNS_HPP

#include <zjcredit/error.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zjcredit::rules {

/// A field a table may hold and the headers accepted for it (besides the
/// field's own name).
struct column_names {
    std::string_view field;                   ///< the field's own name: "annual_rate"
    std::array<std::string_view, 4> headers;  ///< empty entries unused
};

/// The fields of a loan table (first_loan_subsidy), in the order results name them.
inline constexpr std::array<column_names, 19> loan_table_fields{{
    {"loan_id", {"借据号", "借据编号", "贷款账号"}},
    {"borrower", {"借款人", "借款人名称", "客户名称", "企业名称"}},
    {"borrower_id", {"统一社会信用代码", "社会信用代码", "证件号码"}},
    {"lender", {"贷款机构", "放款机构", "贷款银行"}},  // not 经办机构: the branch that handled it
    {"borrower_kind", {"企业规模", "企业类型", "借款人类型"}},
    {"first_application_date", {"首次申请日期", "首次申请日", "申请日期"}},
    {"via_platform", {"是否通过融资平台申请", "是否经融资平台", "是否通过粤信融等平台申请", "是否依托融资平台申请"}},
    {"local_legal_person_lender", {"是否地方法人金融机构"}},
    {"first_loan", {"是否首贷", "首贷户"}},
    {"annual_rate", {"年利率", "执行利率", "利率"}},
    {"drawdown_date", {"放款日期", "发放日期", "放款日"}},
    {"drawdown_amount", {"放款金额", "发放金额", "贷款金额"}},
    {"maturity", {"到期日", "到期日期"}},
    {"settled", {"结清日期", "结清日"}},
    {"balance_from", {"余额起日"}},
    {"balance_to", {"余额止日"}},
    {"balance", {"余额", "贷款余额"}},
    {"period_from", {"贴息起日"}},
    {"period_to", {"贴息止日"}},
}};

/// The fields of a repayments table (one repayment per row, keyed by loan_id).
inline constexpr std::array<column_names, 3> repayment_table_fields{{
    {"loan_id", {"借据号", "借据编号", "贷款账号"}},
    {"date", {"还款日期", "还款日", "还本日期"}},
    {"amount", {"还款金额", "还本金额", "归还本金"}},
}};

/// A header as written, taken apart: the name without spaces around it and
/// without a unit in brackets (or a trailing %), and that unit.
struct header_name {
    std::string name;  ///< "利率"
    std::string unit;  ///< "%", "元", "万元", "" when none
};

/// Splits "利率(%)", "放款金额（元）", "年利率%", " 金额 [万元] " into name and
/// unit. ASCII and full-width brackets and spaces; a unit is only taken
/// from the end of the header.
header_name split_header(std::string_view header);

/// The names a header may have for `field` among `fields`, joined: "lender,
/// 贷款机构, 放款机构, 贷款银行" (the field alone when `fields` lacks it), for
/// messages that say what a table should have.
std::string accepted_headers(std::string_view field, std::span<const column_names> fields);

/// The field a header names among `fields` (its own name or one of its
/// headers, after split_header), nullopt for none.
std::optional<std::string_view> field_of(std::string_view name, std::span<const column_names> fields);

/// Where each field of a table is.
class column_map {
public:
    /// Maps `header` (a table's header row) to `fields`: by the names above
    /// and, first, by `extra` (the caller's own header → field pairs, which
    /// must name fields of `fields`). Two columns naming one field is an
    /// error naming both; `source` names the table in errors.
    column_map(std::vector<std::string> header, std::span<const column_names> fields,
               std::span<const std::pair<std::string, std::string>> extra, std::string source);

    /// The column of `field`, nullopt when the table has none.
    std::optional<std::size_t> find(std::string_view field) const;
    /// The field `column` names, nullopt when it names none (or is past the header).
    std::optional<std::string_view> field_at(std::size_t column) const {
        return column < field_.size() ? field_[column] : std::nullopt;
    }
    /// The column of a field the caller needs: a parse_error otherwise that
    /// lists the headers accepted for it.
    std::size_t at(std::string_view field) const;
    /// The unit written in the header of `field`'s column ("" for none).
    const std::string& unit(std::string_view field) const;
    /// Columns that name no field, in the table's order.
    std::vector<std::size_t> unmapped() const;
    /// The header row as written.
    const std::vector<std::string>& header() const noexcept { return header_; }
    /// How an error names `field`, read from `column`: the user's own header
    /// and then the field ("首次申请日期 (first_application_date)"), or the
    /// field alone when the header is the field's name, or the column is
    /// not that field's (an error about the claim period located there).
    std::string label(std::size_t column, std::string_view field) const;
    /// The table's name in errors ("loans.csv").
    const std::string& source() const noexcept { return source_; }

private:
    std::vector<std::string> header_;
    std::vector<header_name> split_;
    std::vector<std::optional<std::string_view>> field_;  ///< per column
    std::span<const column_names> fields_;
    std::string source_;
};

/// Most title or blank rows above a table's header row: 30.
inline constexpr std::size_t max_title_rows = 30;

/// The index of the header row among a table's first rows: the first row in
/// which at least `min(3, fields.size())` cells name a field, by the names
/// above or by `extra` (title rows and blank rows above it are skipped).
/// nullopt when no such row is among the first `max_title_rows + 1`.
std::optional<std::size_t> find_header_row(std::span<const std::vector<std::string>> rows,
                                           std::span<const column_names> fields,
                                           std::span<const std::pair<std::string, std::string>> extra);

/// A caller's mapping from a file: a JSON object {"header": "field", ...}
/// or a table (CSV or xlsx) of two columns, header and field (a first row
/// "header,field" or "列名,字段" is skipped). Errors name the file.
std::vector<std::pair<std::string, std::string>> read_column_mapping(const std::string& path);

}  // namespace zjcredit::rules

#endif
