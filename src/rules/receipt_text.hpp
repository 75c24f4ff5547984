// Receipts as JSON text (docs/records.md §6), piece by piece: the writers of
// a receipt's parts, used both for a receipt held in a result
// (write_receipt) and by receipt_text, the receipt_out (rules/receipt.hpp)
// that the one-record calls write their result through — straight from
// the rule's pieces, without first building the ~180 strings of a
// first_loan_subsidy_result. Internal to the compiled part.
#ifndef ZJCREDIT_SRC_RULES_RECEIPT_TEXT_HPP
#define ZJCREDIT_SRC_RULES_RECEIPT_TEXT_HPP

#include "../json/text_writer.hpp"

#include <zjcredit/rules/receipt.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::rules::detail {

void write_reasons(json::text_writer& w, const std::vector<reason>& reasons);

/// A receipt held in a result.
void write_receipt(json::text_writer& w, const receipt& r);

/// The receipt_out that writes a rule's result as the JSON text
/// to_json(result) gives for the same result, byte for byte: {eligible,
/// amount, reasons, receipt}. The reasons and the receipt are written to
/// two buffers as the pieces arrive (the reasons come before the receipt in
/// the text, but during it from the rule) and joined by text().
class receipt_text {
public:
    receipt_text();
    receipt_text(const receipt_text&) = delete;
    receipt_text& operator=(const receipt_text&) = delete;

    void header(std::string_view rule, const plan_reference& ref);
    void parameter(std::string_view name, std::optional<std::string_view> value, const plan::sources& sources);
    void input(std::string_view name, std::string_view value);
    void step(std::string_view id, std::string_view kind, std::optional<bool> passed,
              std::initializer_list<entry_view> values, std::string_view zh, std::string_view en);
    void reason(std::string_view code, std::string_view zh, std::string_view en);
    void unrounded(const exact_value& v) { unrounded_ = v; }
    void rounding(money::rounding mode) { rounding_ = mode; }
    void rounded(money::amount a) { rounded_ = a; }
    void result(money::amount a) { result_ = a; }
    void explanation(std::string zh, std::string en) {
        explanation_zh_ = std::move(zh);
        explanation_en_ = std::move(en);
    }
    void verdict(bool eligible, money::amount amount) {
        eligible_ = eligible;
        amount_ = amount;
    }

    /// The whole result, once the rule has emitted it; the writer is used up.
    std::string text() &&;

private:
    enum class part { header, parameters, inputs, steps };
    /// Closes the receipt's parts before `next`, opening `next`.
    void enter(part next);

    std::string reasons_, receipt_;
    json::text_writer reasons_writer_, receipt_writer_;
    part part_ = part::header;
    std::optional<exact_value> unrounded_;
    std::optional<money::rounding> rounding_;
    std::optional<money::amount> rounded_;
    money::amount result_;
    std::string explanation_zh_, explanation_en_;
    bool eligible_ = false;
    money::amount amount_;
};

}  // namespace zjcredit::rules::detail

#endif
