// Observations in and assessments out as JSON (compiled part: link
// zjcredit::io). The shapes are documented in docs/assessment.md.
#ifndef ZJCREDIT_ASSESS_JSON_HPP
#define ZJCREDIT_ASSESS_JSON_HPP

#include <zjcredit/assess/assess.hpp>
#include <zjcredit/assess/observation.hpp>
#include <zjcredit/plan/plan.hpp>
#include <zjcredit/plan/plan_2022.hpp>

#include <string>
#include <string_view>

namespace zjcredit::assess {

/// Version of the observations schema read by observations_from_json.
inline constexpr int observations_schema_version = 1;
/// Version of the assessment schema written by assessment_to_json.
inline constexpr int assessment_schema_version = 1;

/// Reads observations:
///
///     {"schema_version": 1, "as_of": "2022-12-31",
///      "observations": [{"indicator": "sme_credit_loan_balance",
///                        "year_start": "230亿", "current": "251亿",
///                        "as_of": "2022-12-31", "source": "…"}]}
///
/// Figures are strings read exactly ("2.2亿", "1,234", "4.35%"); each is
/// checked against the unit of the plan's targets that use the indicator
/// (元 to the 分, whole counts, "%" for a percent indicator). Throws
/// parse_error or validation_error naming the JSON path
/// ("observations[2].current") for malformed JSON, unknown or missing keys,
/// JSON numbers where a figure string belongs, an indicator no target of `p`
/// uses, an indicator given twice, an observation with no figure, or a
/// figure that does not fit its unit.
observations observations_from_json(std::string_view text, const plan::plan& p = plan::plan_2022());

/// Writes observations in the same schema; observations_from_json reads it
/// back to an equal value. Deterministic.
std::string observations_to_json(const observations& obs, const plan::plan& p = plan::plan_2022());

/// Writes an assessment: every verdict and group verdict with figures as
/// exact decimal strings. Deterministic: the same assessment gives
/// byte-identical text.
std::string assessment_to_json(const assessment& a);

}  // namespace zjcredit::assess

#endif
