// The screen against the payout register: already paid in, the round out
// (src/cli/screen_register.hpp).
#include "screen_register.hpp"

#include <zjcredit/error.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/money/parse.hpp>

#include <ctime>
#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>

namespace zjcredit::cli {
namespace {

/// The time now, UTC, as the register writes it ("2022-07-05T08:00:00Z").
std::string utc_now() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

std::string yuan(money::amount a) { return money::to_grouped_string(a); }

}  // namespace

screen_register read_screen_register(const options& o) {
    if (!o.register_db) {
        for (const auto& [given, name] : {std::pair{o.commit, "--commit"}, std::pair{o.round.has_value(), "--round"},
                                          std::pair{o.borrower_limit.has_value(), "--borrower-limit"}})
            if (given) throw parse_error(name, "", std::string(name) + " needs --register DB (the payout register)");
        return {};
    }
    if (o.round && !o.commit) throw parse_error("--round", *o.round, "--round names the round --commit records");
    screen_register sr;
    if (!std::filesystem::exists(*o.register_db)) {
        if (!o.commit) return sr;  // a dry run before the first round
        throw validation_error(
            "--register", *o.register_db,
            o.lang == "en" ? "no payout register at this path: start one with `zjcredit register init " + *o.register_db +
                                 "` (a mistyped path must not start a second register that pays every loan again); "
                                 "nothing was written"
                           : "此路径下没有支付登记簿：新建请用 `zjcredit register init " + *o.register_db +
                                 "`（路径写错时不另建一本空登记簿，以免所有贷款重复支付）；未写入任何内容");
    }
    sr.reg.emplace(screen::payout_register::open(*o.register_db, screen::register_open::existing));
    sr.already_paid = screen::already_paid_of(*sr.reg);
    sr.totals = sr.reg->totals();
    return sr;
}

std::vector<screen::limit_breach> borrower_limit_breaches(const options& o, const screen_register& sr,
                                                          const std::vector<screen::payment>& payments) {
    if (!o.borrower_limit) return {};
    const money::amount limit = money::parse_amount(*o.borrower_limit);
    if (limit.is_negative()) throw validation_error("--borrower-limit", *o.borrower_limit, "must not be negative");
    return screen::limit_breaches(payments, sr.totals, limit);
}

void commit_or_dry_run(const options& o, screen_register& sr, const std::vector<screen::payment>& payments,
                       const std::vector<screen::limit_breach>& breaches, std::size_t loans_in_error,
                       const plan::plan& plan) {
    if (!o.register_db) return;
    const bool en = o.lang == "en";
    const std::vector<screen::payment> paying = screen::without_breaches(payments, breaches);
    money::amount total;
    std::set<std::string_view> borrowers;
    for (const auto& p : paying) {
        total += money::amount::from_fen(p.amount);
        borrowers.insert(p.borrower_id);
    }
    const std::string round_id = o.round.value_or(o.period.value_or("") + "@" + utc_now());
    std::ostringstream held;
    if (!breaches.empty())
        held << (en ? "; " : "；") << breaches.size()
             << (en ? " borrower(s) past --borrower-limit held" : " 户超过 --borrower-limit，暂缓");

    if (!o.commit) {
        std::cerr << "zjcredit: " << (en ? "dry run: the round would pay " : "试算：本轮将支付 ") << paying.size()
                  << (en ? " loan-periods to " : " 笔贷款期间，") << borrowers.size()
                  << (en ? " borrowers, " : " 户，合计 ") << yuan(total) << (en ? " yuan" : " 元") << held.str()
                  << (en ? "; nothing written (add --commit to record it in " : "；未写入（加 --commit 记入 ")
                  << *o.register_db << (en ? ")" : "）");
        if (!sr.reg)
            std::cerr << (en ? "; there is no register at " : "；") << *o.register_db
                      << (en ? " yet: nothing counted as paid before (zjcredit register init starts one)"
                             : " 尚不存在：未计入任何已支付记录（zjcredit register init 可新建登记簿）");
        std::cerr << "\n";
        return;
    }
    if (loans_in_error != 0)
        throw validation_error("--commit", *o.register_db,
                               en ? std::to_string(loans_in_error) +
                                        " listings are in error (see loans.csv); a round is committed only when every "
                                        "listing reads: nothing was written"
                                  : std::to_string(loans_in_error) +
                                        " 笔报送有误（见 loans.csv）；所有报送均读取无误后才能记入轮次：未写入任何内容");
    if (paying.empty()) {
        std::cerr << "zjcredit: " << (en ? "nothing to pay" : "本轮无应付款项") << held.str()
                  << (en ? ": no round committed\n" : "：未记入轮次\n");
        return;
    }
    const std::vector<screen::payout> payouts = screen::payouts_of(paying);
    const screen::round_summary s =
        sr.reg->commit_round({round_id, plan.doc.number + " " + plan.doc.rule_set_version}, payouts);
    std::cerr << "zjcredit: " << (en ? "round " : "轮次 ") << s.round_id << (en ? " committed to " : " 已记入 ")
              << *o.register_db << (en ? ": " : "：") << s.rows << (en ? " rows, " : " 行，") << yuan(s.total)
              << (en ? " yuan" : " 元") << held.str() << (en ? "; last_hash " : "；链头 ") << s.last_hash << "\n";
}

}  // namespace zjcredit::cli
