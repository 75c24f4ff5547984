// Plan JSON: placeholder until the schema lands.
#include <zjcredit/plan/json.hpp>
