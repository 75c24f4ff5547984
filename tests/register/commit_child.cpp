// The process tests/register/kill_commit.py kills: opens the register,
// says "ready" on stdout, commits one round of ROWS payouts (loan ids
// made from the round id, so rounds never overlap), then says "done".
//   register_commit_child DB ROUND_ID ROWS
#include <zjcredit/screen/register.hpp>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    using namespace zjcredit;
    if (argc != 4) {
        std::cerr << "usage: register_commit_child DB ROUND_ID ROWS\n";
        return 2;
    }
    try {
        const std::string round = argv[2];
        const int rows = std::stoi(argv[3]);
        std::vector<screen::payout> payouts;
        for (int i = 0; i < rows; ++i)
            payouts.push_back({"9144080000000000" + std::to_string(10 + i % 90), "借款人" + std::to_string(i),
                               round + "-" + std::to_string(i), "lender" + std::to_string(i % 3),
                               dates::parse_date("2022-04-01"), dates::parse_date("2022-06-30"),
                               money::amount::from_fen(1000 + i), ""});
        auto reg = screen::payout_register::open(argv[1], screen::register_open::create);
        std::cout << "ready" << std::endl;
        reg.commit_round({round, "test"}, payouts);
        std::cout << "done" << std::endl;
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "register_commit_child: " << e.what() << "\n";
        return 1;
    }
}
