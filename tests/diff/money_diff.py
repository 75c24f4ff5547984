#!/usr/bin/env python3
"""Differential test of the zjcredit money layer.

Usage: money_diff.py path/to/money_driver

Generates >= 100,000 cases with random.Random(20220913), computes the expected
result of every case with an independent reference written from the comments
of include/zjcredit/money/*.hpp (the grammar at the top of parse.hpp, the
rounding modes of rounding.hpp, the ranges of amount.hpp and rate.hpp, the
text forms of format.hpp), using only `fractions` and `decimal`; then runs the
driver ONCE over all cases and compares every result line.

Exits 0 when every line matches, 1 otherwise. The last line printed is the
summary, "money_diff: N passed, M failed".

Only the standard library is used.

Where the header comments leave a point open, the reference takes this reading
(each is listed so that a mismatch can be judged against it):

  * "sign" is "-" (after folding, so "－" too); "+" is not a sign.
  * Spaces are " " and tab (and U+3000, which folds to " "), only at the ends.
  * Folding maps U+FF01..U+FF5E to ASCII, U+3000 to " " and "￥" to "¥".
  * "more than 2 decimal places" is about the VALUE (after 万/亿 are
    applied and trailing zeros dropped): "1.500" and "1.2345万" are exact
    amounts, "1.005" is not.
  * Representation limits of money::decimal: at most 30 digits after the
    point in a part, at most 30 in the value read (the percent shift counts),
    and the coefficient at that scale must fit a signed 128-bit integer;
    beyond them the text is an overflow (ERR 3), never a parse error.
  * Order: malformed text -> ERR 1; unrepresentable number -> ERR 3; then the
    type's own rules (percent as an amount, units/currency in a rate, excess
    precision) -> ERR 1; then the range of the type -> ERR 3. The generator
    never builds a text that is both malformed and unrepresentable.
  * parse_decimal is compared by value only (the driver prints the
    normalized decimal), so the scale a text is read at is not asserted.
  * amount range: |fen| <= 2^63-1, i.e. [amount::min(), amount::max()], for
    parsing and for +, -, *; rate range: units in [-2^63, 2^63-1].
"""

import math
import random
import re
import subprocess
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from decimal import (ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP, Decimal,
                     Inexact, localcontext)
from fractions import Fraction

SEED = 20220913

INT64_MAX = 2**63 - 1
INT64_MIN = -(2**63)
INT128_MAX = 2**127 - 1
AMOUNT_MAX_FEN = INT64_MAX          # amount::max(); amount::min() is its negation
DECIMAL_MAX_SCALE = 30              # money::decimal::max_scale
RATE_PLACES = 10                    # money::rate::places

MODES = ("half_up", "half_even", "down", "up")

ERR_PARSE = "ERR 1"
ERR_VALIDATION = "ERR 2"
ERR_OVERFLOW = "ERR 3"


# --------------------------------------------------------------------------
# Reference
# --------------------------------------------------------------------------

class Refused(Exception):
    """The reference refuses a case; `line` is the expected "ERR n" text."""

    def __init__(self, line):
        super().__init__(line)
        self.line = line


def fold(text):
    """Full-width forms to their ASCII (and ¥) counterparts, via NFKC."""
    out = []
    for ch in text:
        if 0xFF01 <= ord(ch) <= 0xFF5E or ch in "\u3000\uFFE5":
            ch = unicodedata.normalize("NFKC", ch)
        out.append(ch)
    return "".join(out)


_PART = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
_UNIT = r"(?:万亿|亿|万)"
# text := sign? currency? sign? parts suffix?
_TEXT = re.compile(
    rf"(?P<sign1>-?)(?P<currency>人民币¥?|¥)?(?P<sign2>-?)"
    rf"(?P<parts>{_PART}(?:{_UNIT}{_PART})*{_UNIT}?)(?P<suffix>元|%)?")
_TOKEN = re.compile(rf"({_PART})({_UNIT})?")
_UNIT_POWER = {"万": 4, "亿": 8, "万亿": 12}


class Number:
    __slots__ = ("value", "percent", "currency", "units")

    def __init__(self, value, percent, currency, units):
        self.value, self.percent, self.currency, self.units = value, percent, currency, units


def ref_number(raw):
    """Reads `raw` (bytes) by the grammar of parse.hpp; returns a Number or raises Refused."""
    try:
        text = raw.decode("utf-8")   # strict: overlong forms and surrogates are errors
    except UnicodeDecodeError:
        raise Refused(ERR_PARSE)
    s = fold(text).strip(" \t")
    m = _TEXT.fullmatch(s)
    if m is None:
        raise Refused(ERR_PARSE)
    if m["sign1"] and m["sign2"]:
        raise Refused(ERR_PARSE)                     # only one sign
    parts = []                                       # (integer digits, fraction digits, power or None)
    for t in _TOKEN.finditer(m["parts"]):
        whole, _, frac = t[1].partition(".")
        parts.append((whole.replace(",", ""), frac, _UNIT_POWER[t[2]] if t[2] else None))
    assert "".join(t[0] for t in _TOKEN.finditer(m["parts"])) == m["parts"]

    def part_value(p):
        return Fraction(int(p[0] + p[1]), 10 ** len(p[1]))

    if len(parts) > 1:
        for i, p in enumerate(parts):
            if p[2] is None:
                raise Refused(ERR_PARSE)             # "1万2": a bare number after a unit
            if p[1] and i != len(parts) - 1:
                raise Refused(ERR_PARSE)             # only the last part may have decimals
            if i > 0:
                above = parts[i - 1][2]
                if p[2] >= above:
                    raise Refused(ERR_PARSE)         # units strictly decreasing
                if part_value(p) * 10 ** p[2] >= 10 ** above:
                    raise Refused(ERR_PARSE)         # "3亿14500万"
    units = any(p[2] is not None for p in parts)
    currency = bool(m["currency"]) or m["suffix"] == "元"
    percent = m["suffix"] == "%"
    if percent and (units or currency):
        raise Refused(ERR_PARSE)

    # Representable as money::decimal (int128 coefficient, scale <= 30)?
    if any(len(p[1]) > DECIMAL_MAX_SCALE for p in parts):
        raise Refused(ERR_OVERFLOW)
    scale = max([0] + [len(p[1]) - (p[2] or 0) for p in parts])
    value = sum(part_value(p) * 10 ** (p[2] or 0) for p in parts)
    if percent:
        scale += 2
        if scale > DECIMAL_MAX_SCALE:
            raise Refused(ERR_OVERFLOW)
        value /= 100
    coefficient = value * 10 ** scale
    assert coefficient.denominator == 1
    if coefficient > INT128_MAX:
        raise Refused(ERR_OVERFLOW)
    if m["sign1"] or m["sign2"]:
        value = -value
    return Number(value, percent, currency, units)


def fen_text(fen, grouped=False):
    """Canonical amount text of an integer number of 分."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{yuan:,}.{cents:02d}" if grouped else f"{sign}{yuan}.{cents:02d}"


_DEC_ROUNDING = {"half_up": ROUND_HALF_UP, "half_even": ROUND_HALF_EVEN,
                 "down": ROUND_DOWN, "up": ROUND_UP}


def exact_decimal(value):
    """A Fraction with a power-of-ten-friendly denominator as an exact Decimal."""
    with localcontext() as ctx:
        ctx.prec = 400
        ctx.traps[Inexact] = True
        return Decimal(value.numerator) / Decimal(value.denominator)


def round_to_fen(value, mode):
    """Rounds a decimal value to 分 with Decimal.quantize (symmetric modes)."""
    with localcontext() as ctx:
        ctx.prec = 400
        q = exact_decimal(value).quantize(Decimal("0.01"), rounding=_DEC_ROUNDING[mode])
        return int(q.scaleb(2))


def check_amount_range(fen):
    if abs(fen) > AMOUNT_MAX_FEN:
        raise Refused(ERR_OVERFLOW)
    return fen


def ref_amount_fen(raw, mode=None):
    n = ref_number(raw)
    if n.percent:
        raise Refused(ERR_PARSE)                     # a percentage is not an amount
    fen = n.value * 100
    if fen.denominator != 1:
        if mode is None:
            raise Refused(ERR_PARSE)                 # below 分 without a rounding mode
        fen = round_to_fen(n.value, mode)
    return check_amount_range(int(fen))


def fraction_text(value):
    """Plain decimal text without trailing zeros: "0.0435", "1", "-12.5"."""
    with localcontext() as ctx:
        ctx.prec = 400
        return format(exact_decimal(value).normalize(), "f")


def ref_rate(raw):
    n = ref_number(raw)
    if n.units or n.currency:
        raise Refused(ERR_PARSE)
    units = n.value * 10 ** RATE_PLACES
    if units.denominator != 1:
        raise Refused(ERR_PARSE)                     # finer than 10 places of the fraction
    if not INT64_MIN <= units <= INT64_MAX:
        raise Refused(ERR_OVERFLOW)
    return fraction_text(n.value)


def ref_round_div(num, den, mode):
    if den <= 0:
        raise Refused(ERR_VALIDATION)
    q = Fraction(num, den)
    if mode == "down":                               # toward zero
        r = math.trunc(q)
    elif mode == "up":                               # away from zero
        r = math.ceil(q) if q > 0 else math.floor(q)
    elif mode == "half_even":                        # Fraction.__round__ ties to even
        r = round(q)
    else:                                            # half_up: ties away from zero
        r = math.floor(abs(q) + Fraction(1, 2))
        r = -r if q < 0 else r
    return str(r)


def b(text):
    return text.encode("utf-8", "surrogateescape")


def expected(op, args):
    try:
        if op == "parse_amount":
            mode = None if args[1] == "exact" else args[1]
            return fen_text(ref_amount_fen(b(args[0]), mode))
        if op == "parse_rate":
            return ref_rate(b(args[0]))
        if op == "parse_decimal":
            return fraction_text(ref_number(b(args[0])).value)
        if op in ("add", "sub", "mul"):
            x = ref_amount_fen(b(args[0]))
            if op == "mul":
                y = int(args[1])
                return fen_text(check_amount_range(x * y))
            y = ref_amount_fen(b(args[1]))
            return fen_text(check_amount_range(x + y if op == "add" else x - y))
        if op == "round_div":
            return ref_round_div(int(args[0]), int(args[1]), args[2])
        if op == "grouped":
            return fen_text(ref_amount_fen(b(args[0])), grouped=True)
    except Refused as r:
        return r.line
    raise ValueError(f"unknown op {op}")


# --------------------------------------------------------------------------
# Generator
# --------------------------------------------------------------------------

rng = random.Random(SEED)


def digits(n, lead_nonzero=True):
    """n random decimal digits."""
    if n <= 0:
        return ""
    first = str(rng.randint(1 if lead_nonzero and n > 1 else 0, 9))
    return first + "".join(str(rng.randint(0, 9)) for _ in range(n - 1))


def group3(ds):
    head = len(ds) % 3 or 3
    return ",".join([ds[:head]] + [ds[i:i + 3] for i in range(head, len(ds), 3)])


def widen(text, p):
    """Full-width forms of some characters (what fold() undoes)."""
    out = []
    for ch in text:
        if rng.random() < p:
            if "!" <= ch <= "~":
                ch = chr(ord(ch) + 0xFEE0)
            elif ch == "¥":
                ch = "￥"
        out.append(ch)
    return "".join(out)


def pad_spaces(text):
    pads = ["", "", "", " ", "  ", "\u3000", " \u3000"]
    return rng.choice(pads) + text + rng.choice(pads)


def decorate(body, negative, currency=True, yuan=True, p_currency=0.3, p_yuan=0.3,
             p_wide=0.2, p_space=0.2):
    """sign? currency? sign? body 元?, then maybe full-width and outer spaces."""
    cur = rng.choice(["¥", "人民币", "人民币¥"]) if currency and rng.random() < p_currency else ""
    sign = "-" if negative else ""
    text = cur + sign + body if (cur and rng.random() < 0.5) else sign + cur + body
    if yuan and rng.random() < p_yuan:
        text += "元"
    if rng.random() < p_wide:
        text = widen(text, rng.choice([0.5, 1.0]))
    if rng.random() < p_space:
        text = pad_spaces(text)
    return text


def render(int_digits, frac_digits, commas):
    body = group3(int_digits) if commas else int_digits
    return body + ("." + frac_digits if frac_digits else "")


def int_part(max_len):
    """Integer digits of a random length (1..max_len), sometimes with leading zeros."""
    n = rng.choice([1, 1, 2, 3, rng.randint(1, max_len), rng.randint(1, max_len)])
    ds = digits(n)
    if rng.random() < 0.03:
        ds = "0" * rng.randint(1, 3) + ds
    return ds


cases = []                  # (family, op, [args])
self_checks = 0


def add_case(family, op, *args):
    for a in args:
        assert "\t" not in a and "\n" not in a, (family, op, args)
    cases.append((family, op, list(args)))


def check_value(text, value, mode=None):
    """Self-check of the reference on a text whose value the generator knows."""
    global self_checks
    try:
        got = Fraction(ref_amount_fen(b(text), mode), 100) if mode else ref_number(b(text)).value
    except Refused as r:
        raise AssertionError(f"reference self-check failed: {text!r} -> {r.line}, meant {value}")
    if got != value:
        raise AssertionError(f"reference self-check failed: {text!r} -> {got}, meant {value}")
    self_checks += 1


def random_mode(p_exact=0.5):
    return "exact" if rng.random() < p_exact else rng.choice(MODES)


# ---- amounts: plain ------------------------------------------------------

def gen_plain():
    ds = int_part(17)
    frac = digits(rng.choice([0, 0, 1, 2, 2, 2]), lead_nonzero=False)
    if rng.random() < 0.05:
        frac = (frac or "0") + "0" * rng.randint(1, 4)       # "1.500": still exact
    negative = rng.random() < 0.3
    text = ("-" if negative else "") + render(ds, frac, False)
    value = Fraction(int(ds + frac), 10 ** len(frac)) * (-1 if negative else 1)
    return text, value


for _ in range(10000):
    text, value = gen_plain()
    check_value(text, value)
    add_case("amount_plain", "parse_amount", text, random_mode())


# ---- amounts: every decorated form ---------------------------------------

def gen_form():
    ds = int_part(17)
    frac = digits(rng.choice([0, 1, 2, 2]), lead_nonzero=False)
    negative = rng.random() < 0.35
    body = render(ds, frac, len(ds) > 3 and rng.random() < 0.6)
    text = decorate(body, negative, p_currency=0.45, p_yuan=0.4, p_wide=0.35, p_space=0.3)
    value = Fraction(int(ds + frac), 10 ** len(frac)) * (-1 if negative else 1)
    return text, value


for _ in range(20000):
    text, value = gen_form()
    check_value(text, value)
    add_case("amount_forms", "parse_amount", text, random_mode())


# ---- amounts: 万 / 亿 / 万亿, single and mixed ------------------------------

UNITS = [(12, "万亿"), (8, "亿"), (4, "万")]


def gen_units(mixed):
    if not mixed:
        power, name = rng.choice(UNITS)
        ds = int_part(6 if power < 12 else 3)
        frac = digits(rng.choice([0, 1, 2, 3, 4, 6, 8]), lead_nonzero=False)
        body = render(ds, frac, len(ds) > 3 and rng.random() < 0.3) + name
        value = Fraction(int(ds + frac), 10 ** len(frac)) * 10 ** power
    else:
        chosen = sorted(rng.sample(UNITS, rng.choice([2, 2, 3])), reverse=True)
        body, value, above = "", Fraction(0), None
        for i, (power, name) in enumerate(chosen):
            last = i == len(chosen) - 1
            if above is None:
                ds = int_part(4 if power == 12 else 5)
            else:
                bound = 10 ** (above - power)
                r = rng.random()
                n = (bound - 1 if r < 0.15 else 0 if r < 0.25 else rng.randrange(bound))
                ds = str(n)
                if rng.random() < 0.1:
                    ds = ds.rjust(above - power, "0")        # "3亿0500万"
            frac = digits(rng.choice([0, 0, 1, 2, 3, 4]), lead_nonzero=False) if last else ""
            body += render(ds, frac, len(ds) > 3 and rng.random() < 0.2) + name
            value += Fraction(int(ds + frac), 10 ** len(frac)) * 10 ** power
            above = power
    negative = rng.random() < 0.3
    return decorate(body, negative, p_currency=0.35, p_yuan=0.5), value * (-1 if negative else 1)


for _ in range(15000):
    text, value = gen_units(mixed=rng.random() < 0.55)
    check_value(text, value)
    add_case("amount_units", "parse_amount", text, random_mode(p_exact=0.4))


# ---- amounts: digits below the 分, half-way cases, every mode -------------

TAILS = ["5", "50", "500000", "5" + "0" * 25, "4", "49", "4999999", "4" + "9" * 25,
         "6", "51", "5000001", "5" + "0" * 24 + "1", "1", "01", "9", "99", "000001"]


def gen_rounding():
    fen = rng.choice([rng.randint(0, 99), rng.randint(0, 10**6), rng.randint(0, 10**12),
                      rng.randint(0, 10**17)])
    tail = rng.choice(TAILS) if rng.random() < 0.8 else digits(rng.randint(1, 8), False)
    if len(str(fen)) + len(tail) > 36:           # keep the coefficient well inside 128 bits
        tail = tail[:6]
    value = Fraction(fen, 100) + Fraction(int(tail), 100 * 10 ** len(tail))
    negative = rng.random() < 0.5
    how = rng.random()
    if how < 0.7 or len(tail) + 2 + 8 > DECIMAL_MAX_SCALE:
        body = fen_text(fen, grouped=rng.random() < 0.3).lstrip("-") + tail
    else:                                                    # the same value with a unit
        power, name = rng.choice([(4, "万"), (8, "亿")])
        body = fraction_text(value / 10 ** power) + name
    text = decorate(body, negative, p_currency=0.2, p_yuan=0.2, p_wide=0.15, p_space=0.1)
    return text, value * (-1 if negative else 1)


for _ in range(3200):
    text, value = gen_rounding()
    check_value(text, value)
    for mode in MODES + ("exact",):
        add_case("amount_rounding", "parse_amount", text, mode)


# ---- amounts: limits of the range and of money::decimal -------------------

def limit_texts():
    out = []
    for d in range(-3, 4):
        fen = AMOUNT_MAX_FEN + d
        for sign in (1, -1):
            f = sign * fen
            v = Fraction(f, 100)
            out.append(fen_text(f))
            out.append(fen_text(f, grouped=True))
            out.append(("-" if f < 0 else "") + fraction_text(abs(v) / 10**8) + "亿")
            out.append(("-" if f < 0 else "") + fraction_text(abs(v) / 10**12) + "万亿")
            out.append(widen(fen_text(f, grouped=True), 1.0) + "元")
            out.append("人民币" + fen_text(f))
            # the same number with digits below the 分 (rounding can cross the limit)
            for tail in ("4", "5", "6", "0001", "9999", "5" + "0" * 20):
                out.append(fen_text(f) + tail)
    # mixed units at the top of the range: 92233720368547758.07 = 9万亿2233亿7203万6854.775807?
    out += ["92233万亿7203亿6854万7758.07", "92233万亿7203亿6854万7758.08",
            "-92233万亿7203亿6854万7758.07", "-92233万亿7203亿6854万7758.08",
            "92233万亿7203亿6854万7758.075", "92233万亿7203亿6854万7758.065",
            "9223.3720368547758075万亿", "922337203685.47758075万"]
    # 128-bit coefficients: just inside and just outside
    top = str(INT128_MAX)                                   # 39 digits
    over = str(INT128_MAX + 1)
    for s in (top, over, str(INT128_MAX - 1)):
        out += [s, s[:-1] + "." + s[-1], s[:-2] + "." + s[-2:], s[:-3] + "." + s[-3:],
                s[:-30] + "." + s[-30:], "-" + s[:-3] + "." + s[-3:], group3(s[:-3]) + "." + s[-3:]]
    out += [digits(n) for n in (39, 40, 45, 60, 100)]
    out += [digits(n) + "." + digits(5, False) for n in (36, 40, 50)]
    out += ["1" + "0" * 30 + "万亿", "1" + "0" * 26 + "万亿", "1" + "0" * 27 + "万亿",
            "17014118346046923173168730371.5884105727亿", "1" + "0" * 25 + "亿9999万"]
    # money::decimal's 30 places, in the text and after the percent shift
    for n in (2, 3, 28, 29, 30, 31, 32, 40):
        out += ["0." + "0" * (n - 1) + "1", "1." + "0" * n, "-0." + "5" * n, "0." + "0" * (n - 1) + "5",
                "0." + "0" * (n - 1) + "5%", "1." + "0" * n + "万", "0." + "0" * (n - 1) + "1亿"]
    return out


for text in limit_texts():
    for mode in MODES + ("exact",):
        add_case("amount_limits", "parse_amount", text, mode)
# zero in every sign
for text in ("0", "-0", "0.00", "-0.00", "-0.001", "-0.005", "-0.0049", "0.005", "-0万", "¥-0元",
             "0万亿", "000", "0,000", "-0,000.000"):
    for mode in MODES + ("exact",):
        add_case("amount_limits", "parse_amount", text, mode)


# ---- amounts: malformed variants -----------------------------------------

MALFORMED = [
    "", " ", "\u3000", "  \u3000 ", ".5", "5.", "-.5", "-5.", "1.2.3", ".", ",", "-", "--5", "-¥-5",
    "-人民币-5", "+5", "¥+5", "5-", "5 -", "1 000", "1,23", "1,2345", "1234,567", ",123", "123,",
    "1,,234", "1.,5", "1,.5", "1,234.5,6", "1.234,56", "1e5", "1E5", "1e-2", "1.5e3", "NaN", "nan",
    "inf", "Infinity", "-inf", "0x10", "1_000", "1'000", "1万2", "1亿5", "1万亿2", "3亿14500万",
    "1亿10000万", "1万亿100000000万", "1万亿10000亿", "1万1亿", "1万2万", "1亿2万亿", "1万亿1万亿",
    "1.5亿2000万", "1.5万亿2亿", "1亿-5万", "1亿万", "1万万", "亿", "万5", "万亿", "1 万", "1万 2000",
    "¥¥5", "¥人民币5", "人民币人民币5", "5元元", "元5", "¥5%", "人民币5%", "5%元", "5元%", "5万%",
    "5亿%", "5%%", "%5", "%", "元", "¥", "人民币", "人民币¥", "¥元", "一百", "五元", "三亿四千五百万",
    "5 元", "¥ 5", "- 5", "人民币 5", "5\u00a0", "\u00a05", "\u22125", "\u20135", "1/2", "(5)",
    "$5", "＄5", "€5", "5\x00", "\x005", "12.345.678", "1.000.000", "5。5", "5、000", "〇",
    "１，２３４．", "．５", "－－５", "５ ５", "1\u200b0", "٣", "５e５", "1,000万,000",
]
BAD_UTF8 = [b"\xff", b"5\xff", b"\xc0\xb5", b"\xe4\xb8", b"1\xe4\xb8\x87\xe4", b"\xed\xa0\x80",
            b"\xf8\x88\x80\x80\x80", b"\xf4\x90\x80\x80", b"\x80", b"\xe0\x80\xb5", b"12\xc3",
            b"\xef\xbc"]

for text in MALFORMED:
    try:
        ref_number(b(text))
        raise AssertionError(f"reference self-check failed: {text!r} should be malformed")
    except Refused as r:
        assert r.line == ERR_PARSE, text
    self_checks += 1
for raw in BAD_UTF8:
    assert expected("parse_amount", [raw.decode("utf-8", "surrogateescape"), "exact"]) == ERR_PARSE
    self_checks += 1

for text in MALFORMED:
    for mode in MODES + ("exact",):
        add_case("amount_malformed", "parse_amount", text, mode)
for raw in BAD_UTF8:
    for mode in ("exact", "half_up"):
        add_case("amount_malformed", "parse_amount", raw.decode("utf-8", "surrogateescape"), mode)
for _ in range(3000):                           # templates dressed as the valid forms
    t = rng.choice(MALFORMED[5:])
    add_case("amount_malformed", "parse_amount",
             decorate(t, rng.random() < 0.3, p_currency=0.3, p_yuan=0.3), random_mode())
for _ in range(1500):                           # percentages are not amounts
    ds, frac = int_part(6), digits(rng.randint(0, 4), False)
    text = decorate(render(ds, frac, len(ds) > 3 and rng.random() < 0.5) + "%", rng.random() < 0.3,
                    currency=False, yuan=False)
    add_case("amount_malformed", "parse_amount", text, random_mode())

PALETTE = (list("0123456789,.-+%") +
           ["元", "万", "亿", "万亿", "¥", "￥", "人民币", " ", "\u3000", "e", "E", "x", "０", "５",
            "，", "．", "－", "％", "\u00a0", "\u2212", "一", "千", ".5", "5.", ",000", ",00", "\x00"])


def mutate(text):
    for _ in range(rng.choice([1, 1, 2])):
        i = rng.randint(0, len(text))
        op = rng.random()
        if op < 0.35 or not text:
            text = text[:i] + rng.choice(PALETTE) + text[i:]
        elif op < 0.6:
            i = min(i, len(text) - 1)
            text = text[:i] + text[i + 1:]
        elif op < 0.8:
            i = min(i, len(text) - 1)
            text = text[:i] + rng.choice(PALETTE) + text[i + 1:]
        elif op < 0.9:
            j = rng.randint(i, min(len(text), i + 4))
            text = text[:j] + text[i:j] + text[j:]
        else:
            i = min(i, len(text) - 2)
            if i >= 0:
                text = text[:i] + text[i + 1] + text[i] + text[i + 2:]
    return text


for _ in range(10000):
    r = rng.random()
    if r < 0.4:
        base, _ = gen_form()
    elif r < 0.8:
        base, _ = gen_units(mixed=rng.random() < 0.6)
    else:
        base, _ = gen_plain()
    add_case("amount_mutated", "parse_amount", mutate(base), random_mode())


# ---- plain decimals: the grammar itself, values only -----------------------

amount_texts = [args[0] for family, op, args in cases if op == "parse_amount"]
for text in rng.sample(amount_texts, 12000):
    add_case("decimal", "parse_decimal", text)
for text in MALFORMED + ["¥5%", "人民币4.35%", "5万%", "5元%", "-0.5%", "4.350%", "1,234.5%",
                         "0." + "0" * 27 + "1%", "0." + "0" * 28 + "1%", str(INT128_MAX), str(INT128_MAX + 1)]:
    add_case("decimal", "parse_decimal", text)


# ---- rates ----------------------------------------------------------------

def gen_rate(places_max, pct_places_max):
    percent = rng.random() < 0.5
    if percent:
        ds = rng.choice(["0", str(rng.randint(0, 20)), str(rng.randint(0, 100)), int_part(8)])
        frac = digits(rng.randint(0, pct_places_max), False)
    else:
        ds = rng.choice(["0", "0", "1", str(rng.randint(0, 99)), int_part(9)])
        frac = digits(rng.randint(0, places_max), False)
    negative = rng.random() < 0.2
    value = Fraction(int(ds + frac), 10 ** len(frac)) / (100 if percent else 1)
    body = render(ds, frac, len(ds) > 3 and rng.random() < 0.4) + ("%" if percent else "")
    text = decorate(body, negative, currency=False, yuan=False, p_wide=0.25, p_space=0.2)
    return text, value * (-1 if negative else 1)


for _ in range(8000):
    text, value = gen_rate(10, 8)
    check_value(text, value)
    add_case("rate_valid", "parse_rate", text)
for _ in range(2000):                           # too fine, or fine only with trailing zeros
    text, _ = gen_rate(14, 12)
    add_case("rate_precision", "parse_rate", text)
for _ in range(1500):                           # units, currencies and 元 are not rates
    ds, frac = int_part(5), digits(rng.randint(0, 4), False)
    body = render(ds, frac, False)
    kind = rng.random()
    if kind < 0.4:
        text = decorate(body + rng.choice(["万", "亿", "万亿"]), rng.random() < 0.2, currency=False,
                        yuan=False)
    else:
        text = decorate(body, rng.random() < 0.2, p_currency=0.6, p_yuan=1.0 if kind < 0.7 else 0.5)
    add_case("rate_not_a_rate", "parse_rate", text)
for d in range(-3, 4):                          # the int64 range of rate units
    for u in (INT64_MAX + d, INT64_MIN + d):
        v = Fraction(u, 10 ** RATE_PLACES)
        for text in (fraction_text(v), fraction_text(v * 100) + "%",
                     ("-" if u < 0 else "") + group3(str(abs(u) // 10**10)) + "." + str(abs(u))[-10:],
                     widen(fraction_text(v * 100) + "%", 1.0)):
            add_case("rate_limits", "parse_rate", text)
for text in ("0", "-0", "0%", "-0%", "0.0000000001", "0.00000001%", "0.00000000001", "0.000000001%",
             "1" + "0" * 19, "1" + "0" * 40, "1" + "0" * 40 + "%", "0." + "0" * 28 + "1%",
             "0." + "0" * 27 + "1%", "0." + "0" * 30 + "1", "0." + "0" * 29 + "0%", "100%", "1.5",
             "4.35%", "0.0435", "-4.35%", "4.350000%", "1,000%", "1,000.5%"):
    add_case("rate_limits", "parse_rate", text)
for text in MALFORMED:
    add_case("rate_malformed", "parse_rate", text)
for _ in range(1500):
    base, _ = gen_rate(10, 8)
    add_case("rate_malformed", "parse_rate", mutate(base))


# ---- arithmetic near the int64 fen limits ---------------------------------

def some_fen():
    r = rng.random()
    if r < 0.25:
        return AMOUNT_MAX_FEN - rng.randint(0, 1000)
    if r < 0.5:
        return -(AMOUNT_MAX_FEN - rng.randint(0, 1000))
    if r < 0.75:
        return rng.randint(-AMOUNT_MAX_FEN, AMOUNT_MAX_FEN)
    if r < 0.95:
        return rng.randint(-10**6, 10**6)
    return 0


def amount_arg(fen):
    r = rng.random()
    if r < 0.8:
        return fen_text(fen)
    if r < 0.9:
        return fen_text(fen, grouped=True)
    return widen(fen_text(fen), 1.0)


TARGETS = [AMOUNT_MAX_FEN + d for d in (-2, -1, 0, 1, 2)] + [-AMOUNT_MAX_FEN + d for d in (-2, -1, 0, 1, 2)]

for _ in range(6000):
    a = some_fen()
    if rng.random() < 0.6:
        y = rng.choice(TARGETS) - a
        if abs(y) > AMOUNT_MAX_FEN:
            y = some_fen()
    else:
        y = some_fen()
    add_case("add", "add", amount_arg(a), amount_arg(y))
for _ in range(6000):
    a = some_fen()
    if rng.random() < 0.6:
        y = a - rng.choice(TARGETS)
        if abs(y) > AMOUNT_MAX_FEN:
            y = some_fen()
    else:
        y = some_fen()
    add_case("sub", "sub", amount_arg(a), amount_arg(y))
for _ in range(6000):
    r = rng.random()
    if r < 0.5:                                  # just under / at / just over the limit
        a = rng.choice([rng.randint(1, 1000), rng.randint(1, 10**9), rng.randint(1, 10**18)])
        a = min(a, AMOUNT_MAX_FEN)
        n = AMOUNT_MAX_FEN // a + rng.choice([-1, 0, 0, 1, 2])
        if rng.random() < 0.5:
            a = -a
        if rng.random() < 0.5:
            n = -n
        if not INT64_MIN <= n <= INT64_MAX:
            n = INT64_MAX
    elif r < 0.55:                               # products that are exactly -2^63
        k = rng.randint(0, 62)
        a = 2 ** k * rng.choice([1, -1])
        n = -(2 ** (63 - k)) if a > 0 else 2 ** (63 - k)
        if n > INT64_MAX:
            n = -n
            a = -a
    elif r < 0.7:
        a = some_fen()
        n = rng.choice([0, 1, -1, 2, -2, INT64_MAX, INT64_MIN, INT64_MIN + 1])
    else:
        a = some_fen() if rng.random() < 0.5 else rng.randint(-10**8, 10**8)
        n = rng.choice([rng.randint(-1000, 1000), rng.randint(-10**9, 10**9), rng.randint(INT64_MIN, INT64_MAX)])
    add_case("mul", "mul", amount_arg(a), str(n))


# ---- round_div: half-way cases in every mode ------------------------------

def some_den():
    r = rng.random()
    if r < 0.3:
        return rng.randint(1, 20)
    if r < 0.5:
        return 10 ** rng.randint(0, 30)
    if r < 0.6:
        return 2 * 10 ** rng.randint(0, 30)
    if r < 0.9:
        return rng.randint(1, 10 ** rng.randint(1, 30))
    return rng.randint(1, INT128_MAX)


for _ in range(4000):
    den = some_den()
    half = den // 2
    rem = rng.choice([0, half, half, half + 1, max(half - 1, 0), 1, den - 1, rng.randrange(den)])
    rem = min(rem, den - 1)
    q = rng.choice([0, 1, 2, 3, rng.randint(0, 1000), rng.randint(0, 10 ** rng.randint(1, 30))])
    num = q * den + rem
    if num > INT128_MAX:
        num = INT128_MAX - rng.randint(0, 3)
    if rng.random() < 0.5:
        num = -num
    for mode in MODES:
        add_case("round_div", "round_div", str(num), str(den), mode)
for num in (INT128_MAX, -INT128_MAX, INT128_MAX - 1, 1, -1, 0, 5, -5, 15, -15, 25, -25):
    for den in (1, 2, 3, 10, INT128_MAX, INT128_MAX - 1, 2**126, 2**126 + 1):
        for mode in MODES:
            add_case("round_div", "round_div", str(num), str(den), mode)
for num in (7, -7, 0):
    for den in (0, -1, -2, -(10**30)):
        for mode in MODES:
            add_case("round_div", "round_div", str(num), str(den), mode)


# ---- grouped text ---------------------------------------------------------

for _ in range(5000):
    r = rng.random()
    if r < 0.6:
        fen = rng.randint(0, 10 ** rng.randint(1, 19))
        fen = min(fen, AMOUNT_MAX_FEN)
    elif r < 0.8:
        fen = rng.choice([0, 99, 100, 99999, 100000, 99999999, 100000000, AMOUNT_MAX_FEN,
                          AMOUNT_MAX_FEN - 1, 10**17, 10**18 - 1])
    else:
        fen = some_fen()
    if rng.random() < 0.5:
        fen = -fen
    r = rng.random()
    if r < 0.7:
        text = fen_text(fen)
    elif r < 0.85:
        text = fen_text(fen, grouped=True)
    else:
        v = Fraction(fen, 100)
        text = ("-" if fen < 0 else "") + fraction_text(abs(v) / 10**4) + "万元"
    add_case("grouped", "grouped", text)


# --------------------------------------------------------------------------
# Run and compare
# --------------------------------------------------------------------------

def main():
    if len(sys.argv) != 2:
        print("usage: money_diff.py path/to/money_driver", file=sys.stderr)
        return 2
    t0 = time.monotonic()
    want = [expected(op, args) for _, op, args in cases]
    t1 = time.monotonic()
    data = b"".join(b("\t".join([op] + args)) + b"\n" for _, op, args in cases)
    proc = subprocess.run([sys.argv[1]], input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=600)
    t2 = time.monotonic()
    if proc.returncode != 0:
        print(f"money_diff: driver exited with {proc.returncode}: {proc.stderr.decode(errors='replace')}")
    got = proc.stdout.decode("utf-8", "replace").split("\n")
    if got and got[-1] == "":
        got.pop()
    if len(got) != len(cases):
        print(f"money_diff: driver wrote {len(got)} lines for {len(cases)} cases")

    per_family = Counter(f for f, _, _ in cases)
    failed_family = Counter()
    outcome = defaultdict(Counter)
    shown = 0
    failed = 0
    for i, ((family, op, args), w) in enumerate(zip(cases, want)):
        g = got[i] if i < len(got) else "<missing>"
        outcome[family]["error" if w.startswith("ERR") else "value"] += 1
        if g != w:
            failed += 1
            failed_family[family] += 1
            if shown < 25:
                shown += 1
                print(f"MISMATCH [{family}] {op} {' | '.join(repr(a) for a in args)}: "
                      f"expected {w!r}, driver {g!r}")
    print(f"money_diff: seed {SEED}; reference {t1 - t0:.1f}s, driver {t2 - t1:.1f}s; "
          f"{self_checks} reference self-checks")
    for family in per_family:
        o = outcome[family]
        print(f"  {family:18} {per_family[family]:6} cases ({o['value']} values, {o['error']} errors)"
              + (f", {failed_family[family]} FAILED" if failed_family[family] else ""))
    passed = len(cases) - failed
    print(f"money_diff: {passed} passed, {failed} failed")
    return 0 if failed == 0 and proc.returncode == 0 and len(got) == len(cases) else 1


if __name__ == "__main__":
    sys.exit(main())
