// Results as a bank files them (results.hpp).
#include "results.hpp"

#include "results_xlsx.hpp"

#include "../json/text_writer.hpp"

#include <zjcredit/error.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/money/words.hpp>

#include <gsl/narrow>

#include <algorithm>
#include <cstdint>

namespace zjcredit::cli {

namespace {

std::string join_reasons(const std::vector<rules::reason>& reasons, bool en) {
    std::string out;
    for (const auto& r : reasons) {
        if (!out.empty()) out += en ? "; " : "；";
        out += en ? r.message_en : r.message_zh;
    }
    return out;
}

std::string join_codes(const std::vector<rules::reason>& reasons) {
    std::string out;
    for (const auto& r : reasons) out += (out.empty() ? "" : ";") + r.code;
    return out;
}

}  // namespace

result_writer::result_writer(std::ostream& out, const options& o, std::vector<lead_column> lead, result_nouns nouns)
    : out_(out), csv_(out), json_(o.json), en_(o.lang == "en"),
      words_(en_ ? report::results_words_en : report::results_words_zh), lead_(std::move(lead)), nouns_(nouns) {
    if (o.group_by) {
        const auto named = [&](const lead_column& c) { return c.zh == *o.group_by || c.en == *o.group_by; };
        const auto it = std::find_if(lead_.begin(), lead_.end(), named);
        if (it == lead_.end()) {
            std::string known;
            for (const auto& c : lead_) known += (known.empty() ? "" : ", ") + (en_ ? c.en : c.zh);
            throw parse_error("--group-by", *o.group_by, "is not a column of the results; they are " + known);
        }
        group_ = static_cast<std::size_t>(it - lead_.begin());
    }
    std::vector<std::string> header;
    for (const auto& c : lead_) header.push_back(en_ ? c.en : c.zh);
    for (const std::string_view h : {words_.eligible, en_ ? nouns_.amount_en : nouns_.amount_zh, words_.reasons,
                                     words_.explanation})
        header.emplace_back(h);
    if (o.xlsx) xlsx_ = std::make_unique<xlsx_results>(*o.xlsx, header, en_, notes(), nouns_.parameters);
    if (json_) {
        out_ << "{\"results\": [";
    } else {
        csv_.bom();
        csv_.row(header);
    }
}

result_writer::~result_writer() = default;

std::pair<std::string, std::string> result_writer::joined(const std::vector<rules::reason>& reasons) const {
    return {join_codes(reasons), join_reasons(reasons, en_)};
}

void result_writer::count(const std::vector<std::string>& lead, bool eligible, money::amount amount) {
    const auto add = [&](tally& t) {
        t.amount = t.amount + amount;  // checked: an overflow throws
        ++t.records;
        if (eligible) ++t.eligible;
    };
    add(total_);
    if (!group_) return;
    const std::string& value = lead[*group_];
    const auto [at, fresh] = group_index_.try_emplace(value, groups_.size());
    if (fresh) groups_.push_back({value, {}, 0, 0});
    add(groups_[at->second]);
}

void result_writer::row(std::vector<std::string> cells, bool summary) {
    if (xlsx_) xlsx_->row(cells, {lead_.size() + 1}, summary);
    if (!json_) csv_.row(cells);
}

void result_writer::write(const result_line& line) {
    const auto [codes, texts] = joined(line.reasons);
    if (json_) {
        count(line.lead, line.eligible, line.amount);
        std::string json = line.result_json;
        while (!json.empty() && json.back() == '\n') json.pop_back();
        out_ << (first_ ? "\n" : ",\n") << json;
        first_ = false;
        if (xlsx_) {
            std::vector<std::string> cells = line.lead;
            cells.insert(cells.end(), {std::string(line.eligible ? words_.yes : words_.no),
                                       money::to_string(line.amount), codes,
                                       line.explanation.empty() ? texts : line.explanation});
            xlsx_->row(cells, {lead_.size() + 1}, false);
        }
        return;
    }
    write_joined(line.lead, line.eligible, line.amount, codes, line.explanation.empty() ? texts : line.explanation);
}

void result_writer::write_joined(const std::vector<std::string>& lead, bool eligible, money::amount amount,
                                 const std::string& codes, const std::string& texts) {
    count(lead, eligible, amount);
    std::vector<std::string> cells = lead;
    cells.insert(cells.end(), {std::string(eligible ? words_.yes : words_.no), money::to_string(amount),
                               codes, texts});
    row(std::move(cells), false);
}

std::vector<std::string> result_writer::notes() const {
    if (en_)
        return {"One row per record; the input's columns the rule does not use are carried through as they were.",
                "eligible: true or false. " + std::string(nouns_.amount_en) + ": exact to the fen (the CSV and JSON hold "
                "the exact text).",
                "reasons: codes of the failed checks or of the caps applied (docs/records.md).",
                "explanation: an eligible record's arithmetic, another's reasons. Subtotals and the total come last.",
                "The rule's parameters, as used:"};
    return {"每行一条记录；输入中规则不使用的列原样带出。",
            "是否符合：是/否。" + std::string(nouns_.amount_zh) + "：精确到分（CSV 与 JSON 中为精确文本）。",
            "原因：不符合的检查项或所受上限的代码（docs/records.md）。",
            "说明：符合的，列出计算式；不符合的，列出原因。小计与合计行在最后。",
            "本次计算所用参数："};
}

std::string result_writer::counts_text(const tally& t) const {
    if (en_)
        return std::to_string(t.records) + " " + std::string(nouns_.record_en) + ", " + std::to_string(t.eligible) +
               " eligible";
    return std::to_string(t.records) + std::string(nouns_.unit_zh) + "，其中" + std::to_string(t.eligible) +
           std::string(nouns_.unit_zh) + "符合";
}

std::string result_writer::tally_json(const tally& t, bool group) const {
    std::string out;
    {
        json::text_writer w(out);  // `out` holds the text once `w` is gone
        w.begin_object();
        if (group) {
            w.member("column", en_ ? lead_[*group_].en : lead_[*group_].zh);
            w.member("value", t.value);
        }
        w.member("amount", money::to_string(t.amount));
        if (!group) w.member("words", money::to_words(t.amount, {.prefix = true}));
        w.member("records", gsl::narrow<std::int64_t>(t.records));
        w.member("eligible", gsl::narrow<std::int64_t>(t.eligible));
        w.end_object();
    }
    return out;
}

void result_writer::finish() {
    const std::string words = money::to_words(total_.amount, {.prefix = true});
    if (json_) {
        out_ << (first_ ? "]" : "\n]");
        if (group_) {
            out_ << ",\n\"subtotals\": [";
            for (std::size_t i = 0; i < groups_.size(); ++i) out_ << (i == 0 ? "\n" : ",\n") << tally_json(groups_[i], true);
            out_ << (groups_.empty() ? "]" : "\n]");
        }
        out_ << ",\n\"total\": " << tally_json(total_, false) << "}\n";
    }
    const std::size_t width = lead_.size();
    for (const tally& t : groups_) {
        std::vector<std::string> cells(width);
        cells[0] = words_.subtotal;
        if (*group_ == 0) cells[0] += std::string(words_.subtotal_of) + t.value;
        else cells[*group_] = t.value;
        cells.insert(cells.end(), {"", money::to_string(t.amount), "", counts_text(t)});
        row(std::move(cells), true);
    }
    std::vector<std::string> cells(width);
    cells[0] = words_.total;
    cells.insert(cells.end(), {"", money::to_string(total_.amount), "",
                               (en_ ? "in words: " : "大写：") + words + (en_ ? "; " : "；") + counts_text(total_)});
    row(std::move(cells), true);
    if (xlsx_) xlsx_->commit();
}

}  // namespace zjcredit::cli
