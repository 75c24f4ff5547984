// The JSON of single parts of a plan, exactly as plan_to_json writes them,
// for answers about parts of a plan. Internal to the compiled part.
#ifndef ZJCREDIT_SRC_PLAN_JSON_PARTS_HPP
#define ZJCREDIT_SRC_PLAN_JSON_PARTS_HPP

#include "../json/document.hpp"

#include <zjcredit/plan/plan.hpp>

namespace zjcredit::plan::json_parts {
json::value to_value(const unit& u);
json::value to_value(const measure& m);
json::value to_value(const target& t);
json::value to_value(const deadline& d);
}  // namespace zjcredit::plan::json_parts

#endif
