// Writes the ledger files that check_xlsx.py opens with openpyxl:
//   blank.xlsx       the blank template of every unit for 2022-09
//   ledger.xlsx      市商务局's September ledger
//   compliance.xlsx  the liaison forms and 2022-09..2022-12
//   compliance.csv   the same table as CSV
// Usage: ledger_xlsx_driver OUTPUT_FOLDER
#include <zjcredit/ledger/compliance.hpp>
#include <zjcredit/ledger/io.hpp>
#include <zjcredit/plan/plan_2022.hpp>

#include <exception>
#include <filesystem>
#include <iostream>
#include <vector>

using namespace zjcredit;
using namespace zjcredit::ledger;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: ledger_xlsx_driver OUTPUT_FOLDER\n";
        return 2;
    }
    try {
        const std::filesystem::path out(argv[1]);
        std::filesystem::create_directories(out);
        const plan::plan& p = plan::plan_2022();
        const year_month sep(2022, 9), oct(2022, 10);
        const auto day = [](int y, int m, int d) {
            return dates::date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                               static_cast<unsigned short>(d));
        };

        template_options t;
        t.month = sep;
        write_blank_ledger_xlsx(out / "blank.xlsx", p, t);

        submission s{"commerce", sep, day(2022, 9, 26), {}};
        s.entries.push_back({"commerce", sep, "m3.fx_facilitation", progress_status::done, "1,234.56万元",
                             day(2022, 12, 31), "已完成试点扩围", day(2022, 9, 26)});
        s.entries.push_back({"commerce", sep, "m3.cips_transceiver", progress_status::in_progress, "", std::nullopt,
                             "", day(2022, 9, 26)});
        s.entries.push_back({"commerce", sep, "m3.rmb_cross_border", progress_status::at_risk, "0012", std::nullopt,
                             "=1+1", day(2022, 9, 26)});
        const std::vector<submission> ledger = {s};
        write_ledger_xlsx(out / "ledger.xlsx", p, ledger);

        submission late_oct{"commerce", oct, day(2022, 10, 27), {}};
        submission late_sep{"pbc_zhanjiang", sep, day(2022, 10, 8), {}};
        const std::vector<submission> subs = {s, late_oct, late_sep};
        const std::vector<liaison_form> forms = {
            {"commerce", "张三", "科长", "0759-3388123", "zhangsan@example.cn", day(2022, 9, 16)},
            {"pbc_zhanjiang", "李四", "副科长", "0759-3388124", "lisi@example.cn", day(2022, 9, 19)},
        };
        const period_compliance period = check_period(p, subs);
        const liaison_compliance liaison = check_liaison_forms(p, forms);
        write_compliance_xlsx(out / "compliance.xlsx", period.months, &liaison);
        write_compliance_csv(out / "compliance.csv", period.months, &liaison);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "ledger_xlsx_driver: " << e.what() << "\n";
        return 1;
    }
}
