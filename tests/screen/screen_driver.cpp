// Runs the screen over loans read from stdin for screen_diff.py: one loan
// per line, tab-separated: loan_id lender borrower_id borrower kind
// first_application flags rate period_from period_to, then from,to,balance
// for each range (day numbers, rates in units of 10^-10, balances in 分).
// argv[1] "keep" keeps every lender's 首贷 (screen_options::keep_all_first_loans).
// Prints "B borrower_id amount" per borrower and "L row amount" per loan.
#include <zjcredit/plan/plan_2022.hpp>
#include <zjcredit/screen/screen.hpp>

#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    using namespace zjcredit;
    std::vector<std::uint8_t> kind, flags;
    std::vector<std::int32_t> app, pf, pt, rf, rt;
    std::vector<std::int64_t> rate, offsets{0}, bal;
    std::vector<std::string> ids, lenders, codes, names;
    std::string line;
    while (std::getline(std::cin, line)) {
        std::istringstream in(line);
        std::string id, lender, code, name;
        int k = 0, f = 0;
        std::int32_t a = 0, from = 0, to = 0;
        std::int64_t r = 0;
        std::getline(in, id, '\t');
        std::getline(in, lender, '\t');
        std::getline(in, code, '\t');
        std::getline(in, name, '\t');
        in >> k >> a >> f >> r >> from >> to;
        ids.push_back(id);
        lenders.push_back(lender);
        codes.push_back(code);
        names.push_back(name);
        kind.push_back(static_cast<std::uint8_t>(k));
        app.push_back(a);
        flags.push_back(static_cast<std::uint8_t>(f));
        rate.push_back(r);
        pf.push_back(from);
        pt.push_back(to);
        std::string range;
        while (in >> range) {
            long long x = 0, y = 0, z = 0;
            if (std::sscanf(range.c_str(), "%lld,%lld,%lld", &x, &y, &z) != 3) return 2;
            rf.push_back(static_cast<std::int32_t>(x));
            rt.push_back(static_cast<std::int32_t>(y));
            bal.push_back(z);
        }
        offsets.push_back(static_cast<std::int64_t>(bal.size()));
    }
    std::vector<std::string_view> id_v(ids.begin(), ids.end()), lender_v(lenders.begin(), lenders.end()),
        code_v(codes.begin(), codes.end()), name_v(names.begin(), names.end());
    screen::screen_input input;
    input.loans = {kind, app, flags, rate, pf, pt, offsets, rf, rt, bal};
    input.loan_id = id_v;
    input.lender = lender_v;
    input.borrower_id = code_v;
    input.borrower = name_v;
    screen::screen_options o;
    o.keep_all_first_loans = argc > 1 && std::string(argv[1]) == "keep";
    try {
        const auto r = screen::run_screen(input, plan::plan_2022().first_loan_subsidy, o);
        std::string out;
        for (const auto& b : r.borrowers)
            out += "B " + codes[b.first_row] + " " + std::to_string(b.amount) + "\n";
        for (std::size_t i = 0; i < r.loans.size(); ++i)
            out += "L " + std::to_string(i) + " " + std::to_string(r.loans[i].amount) + "\n";
        std::fwrite(out.data(), 1, out.size(), stdout);
    } catch (const error& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}
