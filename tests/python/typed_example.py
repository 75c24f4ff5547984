"""A small user script that `mypy --strict` checks against the installed
package's type information (py.typed): amounts are Decimal, errors typed."""

from decimal import Decimal

import zjcredit


def in_words(text: str) -> str:
    amount: Decimal = zjcredit.parse_amount(text)
    return zjcredit.amount_in_words(amount)


def measures() -> int:
    plan = zjcredit.Plan.default()
    return len(plan.measures())


try:
    print(in_words("1409.50"), measures())
except zjcredit.ParseError as e:
    print(e.code, e.message)
