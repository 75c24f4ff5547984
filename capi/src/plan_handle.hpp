// The zjc_plan handle's definition, shared by the entry points that take one.
#ifndef ZJCREDIT_CAPI_PLAN_HANDLE_HPP
#define ZJCREDIT_CAPI_PLAN_HANDLE_HPP

#include "../zjcredit.h"

#include <zjcredit/plan/plan.hpp>
#include <zjcredit/plan/plan_2022.hpp>

struct zjc_plan {
    zjcredit::plan::plan value;
};

namespace zjcredit::capi {
/// The plan behind a handle, or the embedded 2022 plan for NULL.
inline const plan::plan& plan_or_default(const zjc_plan* p) { return p == nullptr ? plan::plan_2022() : p->value; }
}  // namespace zjcredit::capi

#endif
