// Receipts as JSON text (src/rules/receipt_text.hpp).
#include "receipt_text.hpp"

#include <zjcredit/money/format.hpp>

#include <cstdint>

namespace zjcredit::rules::detail {
namespace {

using json::text_writer;

// A receipt's parts, in the order docs/records.md §6 gives them. Names are
// unique within a receipt's inputs and within a step's values, so each is
// written once.

void write_reason(text_writer& w, std::string_view code, std::string_view zh, std::string_view en) {
    w.begin_object();
    w.member("code", code);
    w.member("message_zh", zh);
    w.member("message_en", en);
    w.end_object();
}

/// Entries (entry or entry_view) as one object.
template <class Entries>
void write_entries(text_writer& w, const Entries& entries) {
    w.begin_object();
    for (const auto& e : entries) {
        w.key(e.name);
        w.string(e.value);
    }
    w.end_object();
}

void write_optional(text_writer& w, const std::optional<std::string_view>& s) {
    if (s)
        w.string(*s);
    else
        w.null();
}

void write_parameter(text_writer& w, std::string_view name, std::optional<std::string_view> value,
                     std::string_view clause, bool from_plan, std::string_view note,
                     const std::optional<plan::override_note>& overridden) {
    w.begin_object();
    w.member("name", name);
    w.key("value");
    write_optional(w, value);
    w.member("clause", clause);
    w.member("from_plan", from_plan);
    w.member("note", note);
    // Only under an override, so receipts of plain runs keep their bytes.
    if (overridden) {
        w.member("source", "override");
        w.member("scenario", overridden->scenario);
        w.key("plan_value");
        write_optional(w, optional_view(overridden->plan_value));
    }
    w.end_object();
}

template <class Entries>
void write_step(text_writer& w, std::string_view id, std::string_view kind, std::optional<bool> passed,
                const Entries& values, std::string_view zh, std::string_view en) {
    w.begin_object();
    w.member("id", id);
    w.member("kind", kind);
    w.key("passed");
    if (passed)
        w.boolean(*passed);
    else
        w.null();
    w.key("values");
    write_entries(w, values);
    w.member("zh", zh);
    w.member("en", en);
    w.end_object();
}

/// Opens the receipt's object and writes what comes before its parameters.
void write_head(text_writer& w, std::string_view rule, std::string_view rule_set_version,
                std::string_view plan_document) {
    w.begin_object();
    w.member("receipt_schema_version", std::int64_t{receipt_schema_version});
    w.member("rule", rule);
    w.member("rule_set_version", rule_set_version);
    w.member("plan_document", plan_document);
}

/// What comes after the steps, and the end of the receipt's object.
void write_tail(text_writer& w, const std::optional<exact_value>& unrounded,
                const std::optional<money::rounding>& rounding, const std::optional<money::amount>& rounded,
                money::amount result, std::string_view explanation_zh, std::string_view explanation_en) {
    w.key("unrounded");
    if (unrounded) {
        w.begin_object();
        w.member("numerator", unrounded->numerator);
        w.member("denominator", unrounded->denominator);
        w.member("unit", "yuan");
        w.member("decimal", unrounded->decimal);
        w.member("decimal_places", std::int64_t{unrounded->decimal_places});
        w.member("decimal_exact", unrounded->decimal_exact);
        w.end_object();
    } else {
        w.null();
    }
    w.key("rounding");
    if (rounding)
        w.string(money::to_string(*rounding));
    else
        w.null();
    w.key("rounded");
    if (rounded)
        w.string(money::to_string(*rounded));
    else
        w.null();
    w.member("result", money::to_string(result));
    w.key("explanation");
    w.begin_object();
    w.member("zh", explanation_zh);
    w.member("en", explanation_en);
    w.end_object();
    w.end_object();
}

}  // namespace

void write_reasons(text_writer& w, const std::vector<reason>& reasons) {
    w.begin_array();
    for (const auto& r : reasons) write_reason(w, r.code, r.message_zh, r.message_en);
    w.end_array();
}

void write_receipt(text_writer& w, const receipt& r) {
    write_head(w, r.rule, r.rule_set_version, r.plan_document);
    w.key("parameters");
    w.begin_array();
    for (const auto& p : r.parameters)
        write_parameter(w, p.name, optional_view(p.value), p.clause, p.from_plan, p.note, p.overridden);
    w.end_array();
    w.key("inputs");
    write_entries(w, r.inputs);
    w.key("steps");
    w.begin_array();
    for (const auto& s : r.steps) write_step(w, s.id, s.kind, s.passed, s.values, s.text_zh, s.text_en);
    w.end_array();
    write_tail(w, r.unrounded, r.rounding, r.rounded, r.result, r.explanation_zh, r.explanation_en);
}

// ---- receipt_text ---------------------------------------------------------------------------

receipt_text::receipt_text() : reasons_writer_(reasons_, 1), receipt_writer_(receipt_, 1) {
    receipt_.reserve(16 * 1024);  // a 12-range loan's receipt is some 14 KB
    reasons_writer_.begin_array();
}

void receipt_text::enter(part next) {
    while (part_ < next) {
        switch (part_) {
            case part::header:
                receipt_writer_.key("parameters");
                receipt_writer_.begin_array();
                part_ = part::parameters;
                break;
            case part::parameters:
                receipt_writer_.end_array();
                receipt_writer_.key("inputs");
                receipt_writer_.begin_object();
                part_ = part::inputs;
                break;
            case part::inputs:
                receipt_writer_.end_object();
                receipt_writer_.key("steps");
                receipt_writer_.begin_array();
                part_ = part::steps;
                break;
            case part::steps: break;
        }
    }
}

void receipt_text::header(std::string_view rule, const plan_reference& ref) {
    Expects(part_ == part::header);
    write_head(receipt_writer_, rule, ref.rule_set_version, ref.document);
}

void receipt_text::parameter(std::string_view name, std::optional<std::string_view> value,
                             const plan::sources& sources) {
    Expects(part_ <= part::parameters);
    enter(part::parameters);
    const plan::source& src = source_of(name, sources);
    write_parameter(receipt_writer_, name, value, src.clause, src.from_plan, src.note, src.overridden);
}

void receipt_text::input(std::string_view name, std::string_view value) {
    Expects(part_ <= part::inputs);
    enter(part::inputs);
    receipt_writer_.key(name);
    receipt_writer_.string(value);
}

void receipt_text::step(std::string_view id, std::string_view kind, std::optional<bool> passed,
                        std::initializer_list<entry_view> values, std::string_view zh, std::string_view en) {
    enter(part::steps);
    write_step(receipt_writer_, id, kind, passed, values, zh, en);
}

void receipt_text::reason(std::string_view code, std::string_view zh, std::string_view en) {
    write_reason(reasons_writer_, code, zh, en);
}

std::string receipt_text::text() && {
    enter(part::steps);
    receipt_writer_.end_array();
    write_tail(receipt_writer_, unrounded_, rounding_, rounded_, result_, explanation_zh_, explanation_en_);
    reasons_writer_.end_array();

    std::string out;
    out.reserve(reasons_writer_.written().size() + receipt_writer_.written().size() + 128);
    text_writer w(out);
    w.begin_object();
    w.member("eligible", eligible_);
    w.member("amount", money::to_string(amount_));
    w.key("reasons");
    w.value_text(reasons_writer_.written());
    w.key("receipt");
    w.value_text(receipt_writer_.written());
    w.end_object();
    w.finish();
    return out;
}

}  // namespace zjcredit::rules::detail
