#!/usr/bin/python3
"""A bank's Q2 2022 first-loan subsidy export, as the core system writes it,
and the expected results worked independently (subsidy_oracle.py).

usage: make_bank_files.py OUTDIR

Writes into OUTDIR:
  loans.csv       GB18030, CRLF, Chinese headers, dates 20220401 or
                  2022/04/01 00:00:00, flags 是/否, Y/N or 1/0, 利率(%) bare
  loans.xlsx      the same loans: a title row and a blank row above the
                  header, dates as Excel dates or 20220401 text, amounts and
                  rates as numbers
  repayments.csv  GB18030, CRLF: 借据号, 还款日期, 还款金额, in date order
  expected.json   per 借据号 eligible, amount, reasons (and 积数); per 经办机构
                  subtotal; total; total in 大写

Deterministic: one seeded random.Random. Before writing, the script checks
its own computation: four loans worked by hand below, two independent ways
of summing the 积数, every feature of the brief present in the data, and the
written files read back into the same loans.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import subsidy_oracle as oracle  # noqa: E402

SEED = 20220630
LOAN_COUNT = 200
PERIOD = (dt.date(2022, 4, 1), dt.date(2022, 6, 30))
TITLE = "2022年二季度首贷贴息申报表"
HEADER = ["序号", "借据号", "借款人名称", "统一社会信用代码", "经办机构", "企业规模", "首次申请日期",
          "是否通过融资平台申请", "是否地方法人金融机构", "是否首贷", "利率(%)", "放款日期", "放款金额（元）",
          "到期日", "结清日期", "备注"]
REPAYMENT_HEADER = ["借据号", "还款日期", "还款金额"]
# The input columns the rule does not read, carried to the output in input order.
CARRIED = ["序号", "统一社会信用代码", "经办机构", "到期日", "备注"]
EXPECTED_HEADER = ["借款人", "借据号"] + CARRIED + ["是否符合", "贴息金额", "原因", "说明"]

# 经办机构, its county code for the 统一社会信用代码, its weight in the file.
BRANCHES = [("湛江分行营业部", "440800", 30), ("赤坎支行", "440802", 25),
            ("霞山支行", "440803", 25), ("麻章支行", "440811", 20)]
KIND_TEXT = {"小型": "small", "小型企业": "small", "微型": "micro", "微型企业": "micro",
             "个体工商户": "individual_business", "中型": "medium", "中型企业": "medium"}
FLAG_TEXT = {"是否": ("是", "否"), "YN": ("Y", "N"), "10": ("1", "0")}
RATES = ["4.35", "3.85", "3.65", "4.05", "5.00", "5.5", "6.15", "4.785", "3.7", "4.2"]
LOW_RATES = ["0.8", "0.95", "1.00", "0.5"]
REMARKS = ["", "", "经营周转", "采购原材料", "续贷", "经营周转, 采购原材料", "首贷服务中心推荐"]


@dataclass
class Loan:
    seq: int
    loan_id: str
    borrower: str
    uscc: str
    branch: str
    kind_text: str
    application: dt.date
    via_platform: bool
    local_lender: bool
    first_loan: bool
    rate: str                      # percent, as written in 利率(%)
    drawdown: dt.date
    amount: Decimal                # 元
    maturity: dt.date
    settled: dt.date | None
    remark: str
    repayments: list = field(default_factory=list)   # [(date, Decimal 元)]
    flag_style: str = "是否"
    csv_date_style: str = "compact"  # compact 20220401 | slash 2022/04/01 00:00:00
    xlsx_date_style: str = "excel"   # excel (a real date) | text 20220401
    amount_commas: bool = False


# --- the 统一社会信用代码 (GB 32100-2015, its 9-character body GB 11714) -----

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def org_code(rng: random.Random) -> str:
    body = [rng.randrange(10) for _ in range(8)]
    check = 11 - sum(v * w for v, w in zip(body, [3, 7, 9, 10, 5, 8, 4, 2])) % 11
    return "".join(map(str, body)) + {10: "X", 11: "0"}.get(check, str(check))


def uscc(kind: str, county: str, rng: random.Random) -> str:
    # 9 = registered by 工商; 1 = enterprise, 2 = 个体工商户
    head = ("92" if kind == "individual_business" else "91") + county + org_code(rng)
    check = 31 - sum(USCC_CHARS.index(c) * w for c, w in zip(head, USCC_WEIGHTS)) % 31
    return head + USCC_CHARS[0 if check == 31 else check]


# --- the loans ---------------------------------------------------------------

NAME_HEADS = ["海滨", "南方", "港城", "雷州湾", "红树林", "金沙", "鹏程", "东海岛", "硇洲", "湖光", "寸金", "绿塘",
              "遂溪", "吴川", "廉江", "徐闻", "南三", "特呈", "观海", "椹川"]
NAME_TRADES = ["水产", "食品", "机械", "电子", "物流", "建材", "纺织", "农业", "科技", "贸易", "家具", "饲料"]


def day(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def random_day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def hand_worked_loans() -> list[Loan]:
    """Rows 1 to 4: the loans whose arithmetic is worked by hand in main()."""
    common = dict(application=day("2022-04-01"), via_platform=True, local_lender=True, first_loan=True,
                  remark="", maturity=day("2023-03-31"))
    return [
        Loan(1, "JJ01202200001", "湛江市海滨水产有限公司", "", "湛江分行营业部", "小型企业", rate="4.35",
             drawdown=day("2022-04-01"), amount=Decimal("15000000.00"), settled=None, **common),
        Loan(2, "JJ02202200002", "湛江市港城物流有限公司", "", "赤坎支行", "微型企业", rate="3.85",
             drawdown=day("2022-04-15"), amount=Decimal("2000000.00"), settled=None,
             repayments=[(day("2022-05-20"), Decimal("500000.00"))], **common),
        Loan(3, "JJ03202200003", "湛江市金沙贸易有限公司", "", "霞山支行", "小型", rate="5.00",
             drawdown=day("2022-04-20"), amount=Decimal("3000000.00"), settled=day("2022-06-10"),
             repayments=[(day("2022-05-31"), Decimal("1000000.00"))], **common),
        Loan(4, "JJ04202200004", "湛江市湖光农业有限公司", "", "麻章支行", "微型", rate="0.8",
             drawdown=day("2022-06-01"), amount=Decimal("750007.50"), settled=None, **common),
    ]


def random_amount(rng: random.Random) -> Decimal:
    roll = rng.random()
    if roll < 0.07:  # above the 1000万 cap
        return Decimal(rng.randrange(10_500, 30_000)) * 1000
    if roll < 0.55:
        return Decimal(rng.randrange(100, 5_000)) * 1000
    return Decimal(rng.randrange(5_000_000, 800_000_000)) / 100  # with 角 and 分


def add_repayments(loan: Loan, rng: random.Random) -> None:
    """Zero to three repayments after the drawdown (inside and outside the
    period), the balance kept above zero. Half the settled loans end with a
    repayment of the rest on the settlement date; for the others only 结清日期
    says the loan is repaid (the rule: 0 from the settlement date on), so the
    settlement date is tested on its own."""
    last = day("2022-07-20")
    for _ in range(rng.choices([0, 1, 2, 3], [45, 25, 18, 12])[0]):
        if loan.drawdown >= last:
            break
        on = random_day(rng, loan.drawdown + dt.timedelta(days=1), last)
        if loan.settled and on >= loan.settled:
            continue
        left = loan.amount - sum(a for _, a in loan.repayments)
        share = Decimal(rng.randrange(5, 40)) / 100
        paid = (left * share).quantize(Decimal("1.00")) if rng.random() < 0.5 else (left * share).quantize(Decimal("1000"))
        if 0 < paid < left:
            loan.repayments.append((on, paid))
    loan.repayments.sort(key=lambda r: r[0])
    if loan.settled and rng.random() < 0.5:
        loan.repayments.append((loan.settled, loan.amount - sum(a for _, a in loan.repayments)))


def random_loans(rng: random.Random, first_seq: int, count: int) -> list[Loan]:
    loans: list[Loan] = []
    reason_weights = [("application_outside_window", 35), ("borrower_kind_not_eligible", 30),
                      ("not_via_platform", 20), ("lender_not_local_legal_person", 15), ("not_first_loan", 20)]
    names = [h + t for h in NAME_HEADS for t in NAME_TRADES
             if h + t not in ("海滨水产", "港城物流", "金沙贸易", "湖光农业")]  # rows 1 to 4
    rng.shuffle(names)
    while len(loans) < count:
        seq = first_seq + len(loans)
        branch, county, _ = rng.choices(BRANCHES, [b[2] for b in BRANCHES])[0]
        failing: set[str] = set()
        if rng.random() < 0.42:
            failing.add(rng.choices([r for r, _ in reason_weights], [w for _, w in reason_weights])[0])
            if rng.random() < 0.3:
                failing.add(rng.choice([r for r, _ in reason_weights]))
        if "borrower_kind_not_eligible" in failing:
            kind_text = rng.choice(["中型", "中型企业", "个体工商户"])
        else:
            kind_text = rng.choice(["小型", "小型企业", "微型", "微型企业"])
        edge = rng.random()
        if "application_outside_window" in failing:
            application = day("2022-03-31") if edge < 0.1 else random_day(rng, day("2021-10-08"), day("2022-03-30"))
            drawdown = random_day(rng, application, min(application + dt.timedelta(days=60), day("2022-06-30")))
        else:
            application = (day("2022-04-01") if edge < 0.05 else day("2022-06-30") if edge < 0.1
                           else random_day(rng, *oracle.APPLICATION_WINDOW))
            drawdown = random_day(rng, application, min(application + dt.timedelta(days=45), day("2022-06-30")))
        kind = KIND_TEXT[kind_text]
        # distinct names: only the two loans of one borrower share a name
        name = f"湛江市{names.pop()}" + ("商行" if kind == "individual_business" else "有限公司")
        settle_roll = rng.random()
        settled = None
        if settle_roll < 0.15 and drawdown < day("2022-06-30"):
            settled = random_day(rng, drawdown + dt.timedelta(days=1), day("2022-06-30"))
        elif settle_roll < 0.2:
            settled = day("2022-07-01") if settle_roll < 0.17 else random_day(rng, day("2022-07-02"), day("2022-07-20"))
        loan = Loan(
            seq=seq, loan_id=f"JJ{BRANCHES.index((branch, county, _)) + 1:02d}2022{seq:05d}",
            borrower=name, uscc=uscc(kind, county, rng), branch=branch, kind_text=kind_text,
            application=application, via_platform="not_via_platform" not in failing,
            local_lender="lender_not_local_legal_person" not in failing,
            first_loan="not_first_loan" not in failing,
            rate=rng.choice(LOW_RATES) if rng.random() < 0.1 else rng.choice(RATES),
            drawdown=drawdown, amount=random_amount(rng),
            maturity=drawdown + dt.timedelta(days=rng.choice([180, 365, 730])), settled=settled,
            remark=rng.choice(REMARKS),
            flag_style=rng.choices(list(FLAG_TEXT), [70, 15, 15])[0],
            csv_date_style="slash" if rng.random() < 0.2 else "compact",
            xlsx_date_style="excel" if rng.random() < 0.5 else "text",
            amount_commas=rng.random() < 0.1)
        # A loan that fell due by the period's end was repaid then, and its bank's file
        # says so (a 结清日期): without one its balance from that day is not known, and
        # the reader refuses it (docs/columns.md, the drawdown form).
        if loan.settled is None and loan.maturity <= day("2022-06-30"):
            loan.settled = loan.maturity
        add_repayments(loan, rng)
        loans.append(loan)
    return loans


def second_loan(first: Loan, seq: int, rng: random.Random, amount: Decimal) -> Loan:
    """The same borrower's second 借据 (a first-loan credit line drawn twice):
    same name, code, branch, application and flags; another drawdown."""
    drawdown = random_day(rng, first.drawdown, day("2022-06-30"))
    loan = Loan(seq=seq, loan_id=first.loan_id[:8] + f"{seq:05d}", borrower=first.borrower, uscc=first.uscc,
                branch=first.branch, kind_text=first.kind_text, application=first.application,
                via_platform=first.via_platform, local_lender=first.local_lender, first_loan=first.first_loan,
                rate=rng.choice(RATES), drawdown=drawdown, amount=amount,
                maturity=drawdown + dt.timedelta(days=365), settled=None, remark="同一借款人第二笔借据",
                flag_style=first.flag_style, csv_date_style=first.csv_date_style,
                xlsx_date_style=first.xlsx_date_style)
    add_repayments(loan, rng)
    return loan


def make_loans() -> list[Loan]:
    rng = random.Random(SEED)
    loans = hand_worked_loans()
    for loan in loans:
        county = next(b[1] for b in BRANCHES if b[0] == loan.branch)
        loan.uscc = uscc(KIND_TEXT[loan.kind_text], county, rng)
    pairs = 10
    loans += random_loans(rng, len(loans) + 1, LOAN_COUNT - len(loans) - pairs)
    # Ten borrowers with a second loan, placed later in the file. The first
    # three pairs are eligible and large: 800万 + 700万 is over 1000万 together
    # but each loan is capped on its own (this run is per loan).
    eligible_firsts = [l for l in loans[4:] if not oracle.reasons(*facts(l)) and l.settled is None]
    firsts = eligible_firsts[:3] + rng.sample([l for l in loans[4:] if l not in eligible_firsts[:3]], pairs - 3)
    for i, first in enumerate(firsts):
        if i < 3:
            first.amount = Decimal("8000000.00")
            first.repayments = []
            add_repayments(first, rng)
        amount = Decimal("7000000.00") if i < 3 else random_amount(rng)
        loans.insert(rng.randrange(loans.index(first) + 1, len(loans) + 1), second_loan(first, 0, rng, amount))
    for seq, loan in enumerate(loans, start=1):
        if loan.seq != seq:
            loan.seq = seq
            loan.loan_id = loan.loan_id[:8] + f"{seq:05d}"
    return loans


# --- the expected results -----------------------------------------------------

def facts(loan: Loan):
    return (loan.application, KIND_TEXT[loan.kind_text], loan.via_platform, loan.local_lender, loan.first_loan)


def jifen(loan: Loan) -> int:
    args = (PERIOD, loan.drawdown, oracle.fen(loan.amount), loan.repayments, loan.settled)
    daily = oracle.jifen_fen_daily(*args)
    segments = oracle.jifen_fen_segments(*args)
    assert daily == segments, f"{loan.loan_id}: 积数 {daily} day by day, {segments} by segments"
    return daily


def expected(loans: list[Loan]) -> dict:
    per_loan = {}
    subtotals: dict[str, int] = {}
    for loan in loans:
        failed = oracle.reasons(*facts(loan))
        j = jifen(loan)
        amount = 0 if failed else oracle.subsidy_fen(j, loan.rate)
        per_loan[loan.loan_id] = {"borrower": loan.borrower, "branch": loan.branch, "eligible": not failed,
                                  "amount": oracle.yuan(amount), "reasons": failed,
                                  "jifen": oracle.yuan(j), "rate": loan.rate}
        subtotals[loan.branch] = subtotals.get(loan.branch, 0) + amount
    total = sum(subtotals.values())
    return {"period": {"from": PERIOD[0].isoformat(), "to": PERIOD[1].isoformat()},
            "header": EXPECTED_HEADER, "loans": per_loan,
            "subtotals": {b: oracle.yuan(v) for b, v in subtotals.items()},
            "total": oracle.yuan(total), "total_words": oracle.words(total)}


# --- the files, as the bank's system writes them ------------------------------

def csv_date(d: dt.date | None, style: str) -> str:
    if d is None:
        return ""
    return d.strftime("%Y/%m/%d 00:00:00") if style == "slash" else d.strftime("%Y%m%d")


def csv_amount(a: Decimal, commas: bool) -> str:
    return f"{a:,.2f}" if commas else f"{a:.2f}"


def flag(value: bool, style: str) -> str:
    return FLAG_TEXT[style][0 if value else 1]


def loan_row(loan: Loan) -> list[str]:
    d = loan.csv_date_style
    return [str(loan.seq), loan.loan_id, loan.borrower, loan.uscc, loan.branch, loan.kind_text,
            csv_date(loan.application, d), flag(loan.via_platform, loan.flag_style),
            flag(loan.local_lender, loan.flag_style), flag(loan.first_loan, loan.flag_style), loan.rate,
            csv_date(loan.drawdown, d), csv_amount(loan.amount, loan.amount_commas), csv_date(loan.maturity, d),
            csv_date(loan.settled, d), loan.remark]


def gb18030_csv(rows: list[list[str]]) -> bytes:
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(rows)
    return text.getvalue().encode("gb18030")


def repayment_rows(loans: list[Loan]) -> list[list[str]]:
    flows = [(on, loan.seq, loan.loan_id, a) for loan in loans for on, a in loan.repayments]
    return [[loan_id, on.strftime("%Y%m%d"), f"{a:.2f}"] for on, _, loan_id, a in sorted(flows)]


def write_xlsx(loans: list[Loan], path: Path) -> None:
    import openpyxl  # Debian's python3-openpyxl, under /usr/bin/python3

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "首贷贴息"
    ws.append([TITLE])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws.append([])
    ws.append(HEADER)
    for loan in loans:
        def date_cell(d):
            if d is None:
                return None
            return d if loan.xlsx_date_style == "excel" else d.strftime("%Y%m%d")

        def flag_cell(v):
            text = flag(v, loan.flag_style)
            return int(text) if loan.flag_style == "10" else text  # 1/0 as numbers, as Excel keeps them

        ws.append([loan.seq, loan.loan_id, loan.borrower, loan.uscc, loan.branch, loan.kind_text,
                   date_cell(loan.application), flag_cell(loan.via_platform), flag_cell(loan.local_lender),
                   flag_cell(loan.first_loan), float(loan.rate), date_cell(loan.drawdown), float(loan.amount),
                   date_cell(loan.maturity), date_cell(loan.settled), loan.remark or None])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    wb.save(path)


# --- self-checks ---------------------------------------------------------------

def check_hand_worked(loans: list[Loan]) -> None:
    """The four loans of rows 1 to 4, worked by hand (Q2: 2022-04-01..06-30,
    30 + 31 + 30 = 91 days; 积数 in 元·日; subsidy = 积数 × rate used / 360).
    """
    by_id = {l.loan_id: l for l in loans}
    worked = {
        # 1. Capped: 1500万 drawn 04-01, 4.35%, no repayment. Every day of
        #    the period holds 1500万, capped at 1000万: 积数 = 10,000,000 × 91
        #    = 910,000,000.00; rate used min(1%, 4.35%) = 1%;
        #    910,000,000 × 0.01 / 360 = 25,277.777… → 25277.78.
        "JJ01202200001": ("910000000.00", "25277.78"),
        # 2. A repayment inside the period: 200万 drawn 04-15, 3.85%, 50万
        #    repaid 05-20. 04-15..05-19 = 16 + 19 = 35 days × 2,000,000 =
        #    70,000,000; 05-20..06-30 = 12 + 30 = 42 days × 1,500,000 =
        #    63,000,000; 积数 133,000,000.00 (35 + 42 = 77 = 91 − 14 days
        #    before the drawdown); × 1% / 360 = 3,694.444… → 3694.44.
        "JJ02202200002": ("133000000.00", "3694.44"),
        # 3. Settled inside the period: 300万 drawn 04-20, 5.00%, 100万
        #    repaid 05-31, 结清日期 06-10 (the repayments file has no row for
        #    the last 200万: the settlement date alone ends the balance).
        #    04-20..05-30 = 11 + 30 = 41 days × 3,000,000 = 123,000,000;
        #    05-31..06-09 = 1 + 9 = 10 days × 2,000,000 = 20,000,000; from
        #    06-10 (the settlement day does not accrue) 0. 积数 143,000,000.00;
        #    × 1% / 360 = 3,972.222… → 3972.22.
        "JJ03202200003": ("143000000.00", "3972.22"),
        # 4. A rate under 1%: 750,007.50 drawn 06-01 at 0.8%; rate used 0.8%.
        #    06-01..06-30 = 30 days: 积数 22,500,225.00; × 0.008 / 360 =
        #    22,500,225 / 45,000 = 500.005 exactly, a half 分: half-up gives
        #    500.01 (half-even would give 500.00).
        "JJ04202200004": ("22500225.00", "500.01"),
    }
    for loan_id, (jifen_text, amount_text) in worked.items():
        loan = by_id[loan_id]
        assert not oracle.reasons(*facts(loan)), loan_id
        assert oracle.yuan(jifen(loan)) == jifen_text, (loan_id, oracle.yuan(jifen(loan)))
        assert oracle.yuan(oracle.subsidy_fen(jifen(loan), loan.rate)) == amount_text, loan_id


def check_coverage(loans: list[Loan], exp: dict) -> None:
    """The data holds every case the brief asks for (a data change that
    lost one would make the test weaker without anyone noticing)."""
    cap = Decimal(oracle.BALANCE_CAP_FEN) / 100
    el = [l for l in loans if exp["loans"][l.loan_id]["eligible"]]
    inside = lambda d: PERIOD[0] <= d <= PERIOD[1]  # noqa: E731
    need = {
        "200 loans": len(loans) == LOAN_COUNT,
        "unique 借据号": len({l.loan_id for l in loans}) == len(loans),
        "4 经办机构": {l.branch for l in loans} == {b[0] for b in BRANCHES},
        "two-loan borrowers": sum(1 for u in {l.uscc for l in loans} if [l.uscc for l in loans].count(u) == 2) >= 10,
        "an eligible pair over the cap together": any(
            a.uscc == b.uscc and a is not b and a.amount <= cap and b.amount <= cap and a.amount + b.amount > cap
            for a in el for b in el),
        "eligible and capped": sum(1 for l in el if l.amount > cap) >= 3,
        "applications outside the window": sum(1 for l in loans if not inside(l.application)) >= 20,
        "application on 03-31, 04-01 and 06-30": {day("2022-03-31"), day("2022-04-01"), day("2022-06-30")}
        <= {l.application for l in loans},
        "drawdowns before the period": sum(1 for l in loans if l.drawdown < PERIOD[0]) >= 10,
        "settled inside the period (eligible)": sum(1 for l in el if l.settled and inside(l.settled)) >= 5,
        "settled without a final repayment row": sum(
            1 for l in el if l.settled and sum(a for _, a in l.repayments) < l.amount) >= 3,
        "settled with a final repayment row": sum(
            1 for l in el if l.settled and sum(a for _, a in l.repayments) == l.amount) >= 3,
        "settled on 07-01": any(l.settled == day("2022-07-01") for l in loans),
        "repayments inside the period (eligible)": sum(1 for l in el for on, _ in l.repayments if inside(on)) >= 20,
        "repayments after the period": sum(1 for l in loans for on, _ in l.repayments if on > PERIOD[1]) >= 10,
        "repayments before the period": any(on < PERIOD[0] for l in loans for on, _ in l.repayments),
        "rates under 1% (eligible)": sum(1 for l in el if Decimal(l.rate) < 1) >= 3,
        "every 企业规模 text": set(KIND_TEXT) == {l.kind_text for l in loans},
        "every flag style": set(FLAG_TEXT) == {l.flag_style for l in loans},
        "both CSV date styles": {"compact", "slash"} == {l.csv_date_style for l in loans},
        "both xlsx date styles": {"excel", "text"} == {l.xlsx_date_style for l in loans},
        "amounts with grouping commas": any(l.amount_commas for l in loans),
        "a remark with a comma": any("," in l.remark for l in loans),
        "every reason code": set(oracle.REASON_ORDER) <= {r for v in exp["loans"].values() for r in v["reasons"]},
        "loans failing two or more checks": sum(1 for v in exp["loans"].values() if len(v["reasons"]) >= 2) >= 5,
        "eligible loans": len(el) >= 100,
        "first row's rate 4.35 (quoted by the bare-rate error)": loans[0].rate == "4.35",
    }
    missing = [k for k, ok in need.items() if not ok]
    assert not missing, f"the data lacks: {missing}"


def check_two_ways(seeds: range = range(1, 6)) -> None:
    """Day by day and by segments agree on a thousand more loans than the
    file holds (jifen() asserts it), settled, repaid and drawn before the
    period among them."""
    for seed in seeds:
        for loan in random_loans(random.Random(seed), 1, 200):
            jifen(loan)


def read_back(outdir: Path, loans: list[Loan]) -> None:
    """The written files say what the model says, read the way a bank user
    would read them (GB18030 text, the xlsx below its title)."""
    import openpyxl

    text = (outdir / "loans.csv").read_bytes()
    assert text.count(b"\n") == text.count(b"\r\n") == len(loans) + 1
    rows = list(csv.reader(io.StringIO(text.decode("gb18030"), newline="")))
    assert rows[0] == HEADER and rows[1:] == [loan_row(l) for l in loans]
    rep = list(csv.reader(io.StringIO((outdir / "repayments.csv").read_bytes().decode("gb18030"), newline="")))
    assert rep[0] == REPAYMENT_HEADER
    got: dict[str, list] = {}
    for loan_id, on, a in rep[1:]:
        got.setdefault(loan_id, []).append((dt.datetime.strptime(on, "%Y%m%d").date(), Decimal(a)))
    assert {k: sorted(v) for k, v in got.items()} == {l.loan_id: sorted(l.repayments) for l in loans if l.repayments}
    ws = openpyxl.load_workbook(outdir / "loans.xlsx").active
    values = list(ws.iter_rows(values_only=True))
    assert values[0][0] == TITLE and all(v is None for v in values[1]) and list(values[2]) == HEADER
    for loan, row in zip(loans, values[3:], strict=True):
        cell = dict(zip(HEADER, row))
        assert cell["借据号"] == loan.loan_id
        assert Decimal(repr(cell["放款金额（元）"])) == loan.amount, (loan.loan_id, cell["放款金额（元）"])
        assert Decimal(repr(cell["利率(%)"])) == Decimal(loan.rate), (loan.loan_id, cell["利率(%)"])
        drawn = cell["放款日期"]
        assert (drawn.date() if isinstance(drawn, dt.datetime) else dt.datetime.strptime(drawn, "%Y%m%d").date()) \
            == loan.drawdown


def write(outdir: Path) -> dict:
    outdir.mkdir(parents=True, exist_ok=True)
    loans = make_loans()
    check_hand_worked(loans)
    check_two_ways()
    exp = expected(loans)
    check_coverage(loans, exp)
    (outdir / "loans.csv").write_bytes(gb18030_csv([HEADER] + [loan_row(l) for l in loans]))
    (outdir / "repayments.csv").write_bytes(gb18030_csv([REPAYMENT_HEADER] + repayment_rows(loans)))
    write_xlsx(loans, outdir / "loans.xlsx")
    (outdir / "expected.json").write_text(json.dumps(exp, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    read_back(outdir, loans)
    return exp


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    exp = write(Path(argv[1]))
    eligible = sum(1 for v in exp["loans"].values() if v["eligible"])
    print(f"bank files: {len(exp['loans'])} loans ({eligible} eligible), total {exp['total']} "
          f"({exp['total_words']}), in {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
