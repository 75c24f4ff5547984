# The Python binding: ctypes over libzjcredit.so.0; amounts are Decimal.
from decimal import Decimal

import zjcredit

amount = zjcredit.parse_amount("2.2亿元")
assert amount == Decimal("220000000.00")
print(zjcredit.__version__, amount, zjcredit.amount_in_words(amount))

try:
    zjcredit.parse_amount("2.2亿亿")
except zjcredit.ParseError as e:
    print(type(e).__name__, e.code, e.message)

plan = zjcredit.Plan.default()
print(len(plan.measures()), "measures,", len(plan.targets()), "targets")
