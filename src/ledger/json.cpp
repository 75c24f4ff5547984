// Ledger JSON (docs/ledger.md): submissions and liaison forms in and out,
// compliance, progress and overdue results out.
#include "../json/document.hpp"
#include "../json/reader.hpp"
#include "../json/writer.hpp"

#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/ledger/io.hpp>

#include <string>

namespace zjcredit::ledger {
namespace {

using json::date_or_null;
using json::value;

constexpr const char* kind_ledger = "zjcredit.ledger";

value header(const char* kind) {
    value v = value::object();
    v["schema_version"] = ledger_schema_version;
    v["kind"] = kind;
    return v;
}

/// Re-throws `e` with `prefix` before its field, keeping its class.
[[noreturn]] void rethrow_at(const error& e, const std::string& prefix) {
    const std::string field = e.field().empty() ? prefix : prefix + "." + e.field();
    switch (e.code()) {
        case errc::parse: throw parse_error(field, e.text(), e.detail(), e.position());
        case errc::validation: throw validation_error(field, e.text(), e.detail());
        case errc::overflow: throw overflow_error(field, e.text(), e.detail());
        case errc::not_found: throw not_found_error(field, e.text(), e.detail());
        case errc::io: break;
    }
    throw error(e.code(), field, e.text(), e.detail(), e.position());
}

const plan::unit& unit_at(const plan::plan& p, const std::string& name, const std::string& path) {
    try {
        return plan::find_unit(p, name);
    } catch (const not_found_error& e) {
        throw not_found_error(path, name, e.detail());
    }
}

year_month month_at(json::object_reader& r, std::string_view key) {
    const std::string text = r.string(key);
    return parse_year_month(text, r.path_of(key));
}

void check_header(json::object_reader& r, const char* kind) {
    const auto version = r.integer("schema_version", 0, 1'000'000);
    if (version != ledger_schema_version)
        r.invalid("schema_version", std::to_string(version),
                  "this library reads version " + std::to_string(ledger_schema_version));
    const std::string k = r.string("kind");
    if (k != kind) r.invalid("kind", k, std::string("expected \"") + kind + "\"");
}

value rule_json(const rule_statement& r) {
    value v = value::object();
    v["deadline"] = r.deadline;
    v["text"] = r.text;
    v["clause"] = r.clause;
    v["attachment"] = r.attachment;
    if (r.named_date) v["named_date"] = dates::to_string(*r.named_date);
    else v["day_of_month"] = r.day_of_month;
    v["inclusive"] = r.inclusive;
    v["roll_to_working_day"] = r.roll_to_working_day;
    v["from_plan"] = r.from_plan;
    v["calendar"] = r.calendar;
    v["zh"] = r.zh;
    v["en"] = r.en;
    return v;
}

value counts_json(const compliance_counts& c) {
    value v = value::object();
    v["on_time"] = c.on_time;
    v["late"] = c.late;
    v["missing"] = c.missing;
    return v;
}

value check_json(value v, const dates::deadline_check& c) {
    v["status"] = std::string(dates::to_string(c.status));
    v["received"] = date_or_null(c.received);
    v["days_late"] = c.days_late;
    return v;
}

value status_counts_json(const status_counts& c) {
    value v = value::object();
    v["not_started"] = c.not_started;
    v["in_progress"] = c.in_progress;
    v["done"] = c.done;
    v["at_risk"] = c.at_risk;
    v["not_reported"] = c.not_reported;
    v["total"] = c.total();
    return v;
}

/// A liaison form's problems: [{"field", "zh", "en"}, ...].
value problems_json(const std::vector<form_problem>& problems) {
    value out = value::array();
    for (const form_problem& p : problems) {
        value v = value::object();
        v["field"] = p.field;
        v["zh"] = p.zh;
        v["en"] = p.en;
        out.push_back(std::move(v));
    }
    return out;
}

}  // namespace

std::string ledger_to_json(const ledger_document& doc) {
    value root = header(kind_ledger);
    value subs = value::array();
    for (const submission& s : doc.submissions) {
        value v = value::object();
        v["unit"] = s.unit;
        v["month"] = to_string(s.month);
        v["received"] = dates::to_string(s.received);
        value entries = value::array();
        for (const entry& e : s.entries) {
            value ev = value::object();
            ev["task"] = e.task;
            ev["status"] = std::string(to_string(e.status));
            ev["figures"] = e.figures;
            if (e.milestone) ev["milestone"] = dates::to_string(*e.milestone);
            ev["note"] = e.note;
            entries.push_back(std::move(ev));
        }
        v["entries"] = std::move(entries);
        subs.push_back(std::move(v));
    }
    root["submissions"] = std::move(subs);
    value forms = value::array();
    for (const liaison_form& f : doc.liaison_forms) {
        value v = value::object();
        v["unit"] = f.unit;
        v["name"] = f.name;
        v["post"] = f.post;
        v["phone"] = f.phone;
        v["email"] = f.email;
        v["received"] = dates::to_string(f.received);
        forms.push_back(std::move(v));
    }
    root["liaison_forms"] = std::move(forms);
    return json::dump(root);
}

ledger_document ledger_from_json(std::string_view text, const plan::plan& p) {
    const value doc = json::parse(text, "ledger");
    json::object_reader root = json::root(doc, "ledger");
    check_header(root, kind_ledger);
    ledger_document out;
    root.objects("submissions", [&](json::object_reader& r) {
        const std::string unit_text = r.string("unit");
        const plan::unit& u = unit_at(p, unit_text, r.path_of("unit"));
        const year_month month = month_at(r, "month");
        const dates::date received = r.date("received");
        submission s{u.id, month, received, {}};
        r.objects("entries", [&](json::object_reader& er) {
            const std::string task = er.string("task");
            const std::string status_text = er.string("status");
            std::optional<progress_status> status;
            for (auto st : all_progress_statuses)
                if (status_text == to_string(st)) status = st;
            if (!status)
                throw parse_error(er.path_of("status"), status_text,
                                  "expected one of not_started, in_progress, done, at_risk");
            std::string figures = er.optional_string("figures").value_or("");
            std::optional<dates::date> milestone = er.optional_date("milestone");
            std::string note = er.optional_string("note").value_or("");
            s.entries.push_back(entry{u.id, month, task, *status, std::move(figures), milestone, std::move(note),
                                      received});
        });
        try {
            validate(s, p);
        } catch (const error& e) {
            rethrow_at(e, r.path());
        }
        out.submissions.push_back(std::move(s));
    });
    if (root.has("liaison_forms")) {
        root.objects("liaison_forms", [&](json::object_reader& r) {
            const std::string unit_text = r.string("unit");
            const plan::unit& u = unit_at(p, unit_text, r.path_of("unit"));
            liaison_form f{u.id, r.string("name"), r.string("post"), r.string("phone"), r.string("email"),
                           r.date("received")};
            out.liaison_forms.push_back(std::move(f));
        });
    }
    root.finish();
    return out;
}

std::string compliance_to_json(const period_compliance& period, const liaison_compliance* liaison) {
    value root = header("zjcredit.ledger.compliance");
    root["first"] = to_string(period.first);
    root["last"] = to_string(period.last);
    root["rule"] = rule_json(period.rule);
    root["counts"] = counts_json(period.counts);
    root["all_on_time"] = period.all_on_time();
    value months = value::array();
    for (const month_compliance& m : period.months) {
        value v = value::object();
        v["month"] = to_string(m.month);
        v["named_day"] = dates::to_string(m.named_day);
        v["before_roll"] = dates::to_string(m.before_roll);
        v["due"] = dates::to_string(m.due);
        v["rolled"] = m.rolled();
        v["explanation_zh"] = m.explanation_zh;
        v["explanation_en"] = m.explanation_en;
        v["counts"] = counts_json(m.counts);
        value units = value::array();
        for (const unit_compliance& u : m.units) {
            value uv = value::object();
            uv["unit"] = u.unit;
            uv["unit_name"] = u.unit_name;
            uv = check_json(std::move(uv), u.check);
            uv["submissions"] = u.submissions;
            uv["tasks_not_reported"] = json::strings(u.tasks_not_reported);
            units.push_back(std::move(uv));
        }
        v["units"] = std::move(units);
        v["unexpected_units"] = json::strings(m.unexpected_units);
        months.push_back(std::move(v));
    }
    root["months"] = std::move(months);
    value summaries = value::array();
    for (const unit_summary& s : period.units) {
        value v = value::object();
        v["unit"] = s.unit;
        v["unit_name"] = s.unit_name;
        v["counts"] = counts_json(s.counts);
        v["days_late_total"] = s.days_late_total;
        v["days_late_max"] = s.days_late_max;
        summaries.push_back(std::move(v));
    }
    root["units"] = std::move(summaries);
    if (liaison != nullptr) {
        value l = value::object();
        l["rule"] = rule_json(liaison->rule);
        l["named_day"] = dates::to_string(liaison->named_day);
        l["before_roll"] = dates::to_string(liaison->before_roll);
        l["due"] = dates::to_string(liaison->due);
        l["rolled"] = liaison->rolled();
        l["explanation_zh"] = liaison->explanation_zh;
        l["explanation_en"] = liaison->explanation_en;
        l["counts"] = counts_json(liaison->counts);
        value units = value::array();
        for (const liaison_unit& u : liaison->units) {
            value uv = value::object();
            uv["unit"] = u.unit;
            uv["unit_name"] = u.unit_name;
            uv = check_json(std::move(uv), u.check);
            uv["forms"] = u.forms;
            if (u.form) {
                value fv = value::object();
                fv["name"] = u.form->name;
                fv["post"] = u.form->post;
                fv["phone"] = u.form->phone;
                fv["email"] = u.form->email;
                fv["received"] = dates::to_string(u.form->received);
                uv["contact"] = std::move(fv);
            } else {
                uv["contact"] = nullptr;
            }
            uv["problems"] = problems_json(u.problems);
            units.push_back(std::move(uv));
        }
        l["units"] = std::move(units);
        l["unexpected_units"] = json::strings(liaison->unexpected_units);
        root["liaison"] = std::move(l);
    }
    return json::dump(root);
}

namespace {

value progress_value(const progress_report& report) {
    value root = header("zjcredit.ledger.progress");
    root["month"] = to_string(report.month);
    root["overall"] = status_counts_json(report.overall);
    value measures = value::array();
    for (const measure_progress& m : report.measures) {
        value v = value::object();
        v["measure"] = m.measure;
        v["numeral"] = m.numeral;
        v["title"] = m.title;
        v["counts"] = status_counts_json(m.counts);
        measures.push_back(std::move(v));
    }
    root["measures"] = std::move(measures);
    value units = value::array();
    for (const unit_progress& u : report.units) {
        value v = value::object();
        v["unit"] = u.unit;
        v["unit_name"] = u.unit_name;
        v["counts"] = status_counts_json(u.counts);
        units.push_back(std::move(v));
    }
    root["units"] = std::move(units);
    value items = value::array();
    for (const task_state& t : report.items) {
        value v = value::object();
        v["unit"] = t.unit;
        v["measure"] = t.measure;
        v["task"] = t.task;
        v["status"] = t.status ? value(std::string(to_string(*t.status))) : value(nullptr);
        v["milestone"] = date_or_null(t.milestone);
        v["figures"] = t.figures;
        v["received"] = date_or_null(t.received);
        items.push_back(std::move(v));
    }
    root["items"] = std::move(items);
    return root;
}

value overdue_value(std::span<const overdue_task> tasks, dates::date as_of) {
    value root = header("zjcredit.ledger.overdue");
    root["as_of"] = dates::to_string(as_of);
    value items = value::array();
    for (const overdue_task& t : tasks) {
        value v = value::object();
        v["unit"] = t.unit;
        v["unit_name"] = t.unit_name;
        v["measure"] = t.measure;
        v["task"] = t.task;
        v["milestone"] = dates::to_string(t.milestone);
        v["milestone_from_plan"] = t.milestone_from_plan;
        v["status"] = t.status ? value(std::string(to_string(*t.status))) : value(nullptr);
        v["reported_month"] = t.reported_month ? value(to_string(*t.reported_month)) : value(nullptr);
        v["reported_on"] = date_or_null(t.reported_on);
        v["days_past"] = t.days_past;
        items.push_back(std::move(v));
    }
    root["items"] = std::move(items);
    return root;
}

}  // namespace

std::string progress_to_json(const progress_report& report) { return json::dump(progress_value(report)); }

std::string overdue_to_json(std::span<const overdue_task> tasks, dates::date as_of) {
    return json::dump(overdue_value(tasks, as_of));
}

std::string month_report_to_json(const progress_report& report, std::span<const overdue_task> tasks,
                                 dates::date as_of) {
    value root = header("zjcredit.ledger.month");
    root["progress"] = progress_value(report);
    root["overdue"] = overdue_value(tasks, as_of);
    return json::dump(root);
}

std::string chase_to_json(std::span<const chase_item> items) {
    value root = header("zjcredit.ledger.chase");
    value list = value::array();
    for (const chase_item& c : items) {
        value v = value::object();
        v["matter"] = c.matter;
        v["month"] = c.month ? value(to_string(*c.month)) : value(nullptr);
        v["unit"] = c.unit;
        v["unit_name"] = c.unit_name;
        v["status"] = std::string(dates::to_string(c.status));
        v["days_late"] = c.days_late;
        v["tasks_not_reported"] = json::strings(c.tasks_not_reported);
        v["problems"] = problems_json(c.problems);
        if (c.contact) {
            value cv = value::object();
            cv["name"] = c.contact->name;
            cv["post"] = c.contact->post;
            cv["phone"] = c.contact->phone;
            cv["email"] = c.contact->email;
            cv["received"] = dates::to_string(c.contact->received);
            v["contact"] = std::move(cv);
        } else {
            v["contact"] = value(nullptr);
        }
        list.push_back(std::move(v));
    }
    root["items"] = std::move(list);
    return json::dump(root);
}

}  // namespace zjcredit::ledger
