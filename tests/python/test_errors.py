"""Errors: one exception class per C status, carrying code, field and message."""

from __future__ import annotations

import builtins
import json
from decimal import Decimal

import pytest

import zjcredit
from zjcredit import errors
from helpers import loan


def test_hierarchy() -> None:
    for cls in (zjcredit.ParseError, zjcredit.ValidationError, zjcredit.OverflowError, zjcredit.NotFoundError,
                zjcredit.FileError, zjcredit.InvalidArgumentError, zjcredit.InternalError, zjcredit.AbiMismatchError):
        assert issubclass(cls, zjcredit.Error)
    assert issubclass(zjcredit.Error, Exception)
    assert issubclass(zjcredit.ParseError, ValueError)
    assert issubclass(zjcredit.ValidationError, ValueError)
    assert issubclass(zjcredit.OverflowError, builtins.OverflowError)
    assert zjcredit.OverflowError is not builtins.OverflowError
    assert issubclass(zjcredit.NotFoundError, LookupError)
    assert issubclass(zjcredit.FileError, OSError)
    assert issubclass(zjcredit.AbiMismatchError, ImportError)


@pytest.mark.parametrize(
    "name, cls",
    [("ZJC_EPARSE", zjcredit.ParseError), ("ZJC_EVALIDATION", zjcredit.ValidationError),
     ("ZJC_EOVERFLOW", zjcredit.OverflowError), ("ZJC_ENOTFOUND", zjcredit.NotFoundError),
     ("ZJC_EIO", zjcredit.FileError), ("ZJC_EINVALID", zjcredit.InvalidArgumentError),
     ("ZJC_EINTERNAL", zjcredit.InternalError)],
)
def test_error_for_each_status(name: str, cls: type) -> None:
    code = zjcredit.STATUS[name]
    e = errors.error_for(code, "what went wrong", "balances[0]")
    assert type(e) is cls
    assert (e.code, e.message, e.field, str(e)) == (code, "what went wrong", "balances[0]", "what went wrong")
    assert zjcredit.status_name(code) == name


def test_error_for_other_codes() -> None:
    assert isinstance(errors.error_for(zjcredit.STATUS["ZJC_ENOMEM"], "oom", ""), MemoryError)
    e = errors.error_for(-99, "odd", "")
    assert type(e) is zjcredit.Error and e.code == -99
    assert zjcredit.status_name(-99) == "ZJC_UNKNOWN"
    assert zjcredit.status_name(2**40) == "ZJC_UNKNOWN"
    assert zjcredit.status_name(0) == "ZJC_OK"


def test_parse_error_carries_code_field_message() -> None:
    with pytest.raises(zjcredit.ParseError) as info:
        zjcredit.first_loan_subsidy(loan(annual_rate="4.3%5"))
    e = info.value
    assert e.code == -1 == zjcredit.STATUS["ZJC_EPARSE"]
    assert e.field == "annual_rate"
    assert "4.3%5" in e.message and str(e) == e.message


def test_validation_error_names_the_json_path() -> None:
    record = loan(balances=[
        {"from": "2022-04-01", "to": "2022-05-31", "balance": "1.00"},
        {"from": "2022-05-15", "to": "2022-07-01", "balance": "2.00"},
    ])
    with pytest.raises(zjcredit.ValidationError) as info:
        zjcredit.first_loan_subsidy(record)
    assert info.value.field == "balances[1]"
    assert info.value.code == zjcredit.STATUS["ZJC_EVALIDATION"]
    with pytest.raises(zjcredit.ValidationError) as neg:
        zjcredit.first_loan_subsidy(loan(balances=[{"from": "2022-04-01", "to": "2022-07-01", "balance": "-1.00"}]))
    assert neg.value.field == "balances[0].balance"


def test_unknown_key_and_malformed_json() -> None:
    record = loan()
    record["borrower_type"] = "small"
    with pytest.raises(zjcredit.ParseError) as info:
        zjcredit.first_loan_subsidy(record)
    assert info.value.field == "borrower_type"
    with pytest.raises(zjcredit.ParseError) as bad:
        zjcredit.first_loan_subsidy("{")
    assert bad.value.field == "loan" and "malformed JSON" in bad.value.message
    with pytest.raises(zjcredit.ParseError):
        zjcredit.first_loan_subsidy("[]")


def test_overflow_error() -> None:
    with pytest.raises(zjcredit.OverflowError) as info:
        zjcredit.first_loan_subsidy(loan(balances=[{"from": "2022-04-01", "to": "2022-07-01",
                                                     "balance": "100000000000000000"}]))
    assert info.value.field == "balances[0].balance"
    assert info.value.code == zjcredit.STATUS["ZJC_EOVERFLOW"]


def test_the_last_error_does_not_leak_into_the_next_call() -> None:
    with pytest.raises(zjcredit.ParseError):
        zjcredit.parse_amount("x")
    assert zjcredit.parse_amount("1") == Decimal("1.00")
    from zjcredit._lib import lib
    assert lib.zjc_last_status() == 0 and lib.zjc_last_error() == b""


# ---- floats ---------------------------------------------------------------------------


def test_float_in_a_record_is_a_type_error_naming_the_path() -> None:
    record = loan(balances=[{"from": "2022-04-01", "to": "2022-07-01", "balance": 1000000.0}])
    with pytest.raises(TypeError, match=r"balances\[0\]\.balance: float") as info:
        zjcredit.first_loan_subsidy(record)
    assert not isinstance(info.value, zjcredit.Error)
    with pytest.raises(TypeError, match="annual_rate"):
        zjcredit.first_loan_subsidy(loan(annual_rate=0.0435))
    with pytest.raises(TypeError, match="float"):
        zjcredit.receivables_reward({"core_enterprise": "x", "financings": [{"amount": 1.0}]})
    with pytest.raises(TypeError, match="float"):
        zjcredit.listing_award({"company": "x", "stages": [], "paid_amount": 0.0})
    with pytest.raises(TypeError, match="float"):
        zjcredit.assess({"schema_version": 1, "as_of": "2022-12-31", "observations": [{"current": 1e9}]})
    with pytest.raises(TypeError, match="float"):
        zjcredit.check_ledger([{"unit": "commerce", "figures": 1.5}], "2022-09")


def test_float_arguments_are_type_errors() -> None:
    for call in (lambda: zjcredit.parse_amount(1.0), lambda: zjcredit.round_amount(0.5),
                 lambda: zjcredit.amount_in_words(1.0), lambda: zjcredit.format_amount(2.5),
                 lambda: zjcredit.allocate_budget([], 100.0)):
        with pytest.raises(TypeError, match="float"):
            call()


def test_a_float_inside_json_text_is_the_c_readers_parse_error() -> None:
    text = json.dumps(loan(annual_rate=4.35))
    with pytest.raises(zjcredit.ParseError) as info:
        zjcredit.first_loan_subsidy(text)
    assert info.value.field == "annual_rate"


def test_other_record_types() -> None:
    for bad in (b"{}", 42, None, ["not", "a", "dict"]):
        with pytest.raises(TypeError):
            zjcredit.first_loan_subsidy(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="keys must be str"):
        zjcredit.first_loan_subsidy({1: "x"})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match="cannot convert"):
        zjcredit.first_loan_subsidy(loan(borrower=object()))


# ---- NUL and invalid text ---------------------------------------------------------------


def test_nul_in_text_is_a_parse_error() -> None:
    with pytest.raises(zjcredit.ParseError, match="NUL") as info:
        zjcredit.parse_amount("1\x002")
    assert info.value.code == zjcredit.STATUS["ZJC_EPARSE"] and info.value.field == "amount"
    with pytest.raises(zjcredit.ParseError, match="NUL"):
        zjcredit.parse_rate("1%\x00")
    with pytest.raises(zjcredit.ParseError, match="NUL") as rec:
        zjcredit.first_loan_subsidy(json.dumps(loan()) + "\x00")
    assert rec.value.field == "loan"
    with pytest.raises(zjcredit.ParseError, match="NUL") as path:
        zjcredit.first_loan_subsidy(loan(borrower="湛江\x00公司"))
    assert path.value.field == "borrower"
    with pytest.raises(zjcredit.ParseError, match="NUL"):
        zjcredit.Plan.default().unit("人\x00行")
    with pytest.raises(zjcredit.ParseError, match="NUL"):
        zjcredit.check_ledger([], "2022-09\x00")


def test_lone_surrogates_are_parse_errors() -> None:
    with pytest.raises(zjcredit.ParseError, match="Unicode"):
        zjcredit.parse_amount("1\udc80")
    with pytest.raises(zjcredit.ParseError, match="Unicode") as info:
        zjcredit.first_loan_subsidy(loan(borrower="\udc80"))
    assert info.value.field == "borrower"
