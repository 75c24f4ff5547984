// sandbox::loan_population: loan records laid out once as the batch's
// columns (rules/batch.hpp), so that a scenario or a goal seek evaluates the
// kernel many times over the same population without reading it again.
#ifndef ZJCREDIT_SANDBOX_POPULATION_HPP
#define ZJCREDIT_SANDBOX_POPULATION_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/rules/batch.hpp>
#include <zjcredit/rules/first_loan_subsidy.hpp>

#include <cstdint>
#include <vector>

namespace zjcredit::sandbox {

/// Owns the columns of a set of loans; columns() views them.
class loan_population {
public:
    /// An empty population.
    loan_population() { offsets_.push_back(0); }

    /// Appends `loan`'s row, and its balance ranges, to the columns. Checks
    /// nothing: a loan the rule refuses is found by the kernel (its status).
    void add(const rules::loan_record& loan) {
        namespace b = rules::batch;
        kind_.push_back(static_cast<std::uint8_t>(loan.borrower_kind));  // the batch's codes follow the enum
        first_application_.push_back(dates::to_day_number(loan.first_application_date));
        flags_.push_back(static_cast<std::uint8_t>((loan.via_platform ? b::loan_via_platform : 0U) |
                                                   (loan.local_legal_person_lender ? b::loan_local_legal_person_lender
                                                                                   : 0U) |
                                                   (loan.first_loan ? b::loan_first_loan : 0U)));
        rate_.push_back(loan.annual_rate.units());
        period_from_.push_back(dates::to_day_number(loan.period.from));
        period_to_.push_back(dates::to_day_number(loan.period.to));
        for (const auto& r : loan.balances) {
            range_from_.push_back(dates::to_day_number(r.from));
            range_to_.push_back(dates::to_day_number(r.to));
            range_balance_.push_back(r.balance.fen());
        }
        offsets_.push_back(static_cast<std::int64_t>(range_from_.size()));
    }

    /// The number of loans added.
    std::size_t size() const noexcept { return kind_.size(); }

    /// A view of the columns, valid until the next add() or the population's end.
    rules::batch::loan_columns columns() const noexcept {
        return {kind_, first_application_, flags_, rate_, period_from_, period_to_,
                offsets_, range_from_, range_to_, range_balance_};
    }

private:
    std::vector<std::uint8_t> kind_;
    std::vector<std::int32_t> first_application_;
    std::vector<std::uint8_t> flags_;
    std::vector<std::int64_t> rate_;
    std::vector<std::int32_t> period_from_;
    std::vector<std::int32_t> period_to_;
    std::vector<std::int64_t> offsets_;
    std::vector<std::int32_t> range_from_;
    std::vector<std::int32_t> range_to_;
    std::vector<std::int64_t> range_balance_;
};

}  // namespace zjcredit::sandbox

#endif
