/*
 * zjcredit.h — the stable C ABI of zjcredit (C99, any compiler).
 *
 * Conventions (the same for every function):
 *  - Every function returns an int32_t status: ZJC_OK (0) or a negative
 *    ZJC_E* code. On error, zjc_last_error() describes it.
 *  - Outputs come back through pointer parameters named `out…`, written only
 *    on success. Strings returned through `char **out` are owned by the
 *    caller and freed with zjc_string_free(); all text is UTF-8.
 *  - NULL where a pointer is required is ZJC_EINVALID, never a crash; no C++
 *    exception and no abort() ever crosses this boundary.
 *  - Amounts cross as int64_t 分 or as decimal strings; rates as strings such
 *    as "4.35%"; records and results as JSON text (see docs/records.md).
 *  - A zjc_plan is immutable once created and may be shared between threads.
 *
 * Stability: within one ABI version (the SONAME, libzjcredit.so.ZJC_ABI_VERSION)
 * functions and status codes are only ever added, never changed or removed.
 */
#ifndef ZJCREDIT_H
#define ZJCREDIT_H

#include <stddef.h>
#include <stdint.h>

/* ZJC_API marks every entry point. On Windows the DLL itself is built with
 * ZJC_BUILDING defined (capi/CMakeLists.txt sets it on zjcredit_capi only)
 * and exports; every program including this header imports. Elsewhere the
 * entry points are the only symbols with default visibility. */
#if defined(_WIN32)
#  if defined(ZJC_BUILDING)
#    define ZJC_API __declspec(dllexport)
#  else
#    define ZJC_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__)
#  define ZJC_API __attribute__((visibility("default")))
#else
#  define ZJC_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- version ------------------------------------------------------------ */

#define ZJC_VERSION_MAJOR 0
#define ZJC_VERSION_MINOR 2
#define ZJC_VERSION_PATCH 0
/** major * 10000 + minor * 100 + patch */
#define ZJC_VERSION_NUMBER (ZJC_VERSION_MAJOR * 10000 + ZJC_VERSION_MINOR * 100 + ZJC_VERSION_PATCH)
/** The ABI version: the SONAME's number. Bumped only on an incompatible change. */
#define ZJC_ABI_VERSION 0

/** The library's version, e.g. "0.2.0". Since 0.1. Never NULL; static storage. */
ZJC_API const char *zjc_version(void);
/** The ABI version of the library actually loaded. Since 0.1. */
ZJC_API int32_t zjc_abi_version(void);

/* ---- status codes (pinned: never renumbered) ----------------------------- */

#define ZJC_OK 0
#define ZJC_EPARSE -1      /**< text that is not a well-formed amount, date, JSON, ... */
#define ZJC_EVALIDATION -2 /**< well-formed input that breaks a rule */
#define ZJC_EOVERFLOW -3   /**< a value outside the exact range */
#define ZJC_ENOTFOUND -4   /**< an id or name the plan does not have */
#define ZJC_EIO -5         /**< a file could not be read or written */
#define ZJC_EINVALID -6    /**< a NULL or otherwise unusable argument */
#define ZJC_ENOMEM -7      /**< out of memory */
#define ZJC_EINTERNAL -8   /**< a bug in zjcredit: please report it */

/** Stable name of a status ("ZJC_EPARSE"); "ZJC_UNKNOWN" for others. Since 0.1. */
ZJC_API const char *zjc_status_name(int32_t status);

/**
 * Message of the calling thread's last failed call, e.g.
 * `annual_rate: unexpected '%' in "4.3%5" at position 4`. Never NULL ("" when
 * there was none); valid until this thread's next zjc_* call. Since 0.1.
 */
ZJC_API const char *zjc_last_error(void);
/** The field the last error concerns (a JSON path such as "balances[2].to"), or "". Since 0.1. */
ZJC_API const char *zjc_last_error_field(void);
/** The status of the calling thread's last call (ZJC_OK after a success). Since 0.1. */
ZJC_API int32_t zjc_last_status(void);

/* ---- strings -------------------------------------------------------------- */

/** Frees a string this library returned. NULL is allowed. Since 0.1. */
ZJC_API void zjc_string_free(char *s);

/* ---- amounts ---------------------------------------------------------------- */

#define ZJC_ROUND_HALF_UP 0   /**< 四舍五入, ties away from zero */
#define ZJC_ROUND_HALF_EVEN 1 /**< GB/T 8170, ties to even */
#define ZJC_ROUND_DOWN 2      /**< toward zero */
#define ZJC_ROUND_UP 3        /**< away from zero */
#define ZJC_ROUND_EXACT -1    /**< refuse digits below the 分 */

/**
 * Parses an amount ("1,234.56", "2.2亿元", "１２３４．５６") into *out_fen.
 * `rounding` is ZJC_ROUND_EXACT or a ZJC_ROUND_* mode for digits below the 分.
 * Returns ZJC_OK, ZJC_EPARSE, ZJC_EOVERFLOW or ZJC_EINVALID. Since 0.1.
 */
ZJC_API int32_t zjc_amount_parse(int64_t *out_fen, const char *text, int32_t rounding);

#define ZJC_FORMAT_CANONICAL 0    /**< "1234.56" */
#define ZJC_FORMAT_GROUPED 1      /**< "1,234.56" */
#define ZJC_FORMAT_WORDS 2        /**< "壹仟贰佰叁拾肆元伍角陆分" */
#define ZJC_FORMAT_WORDS_PREFIX 3 /**< "人民币壹仟贰佰叁拾肆元伍角陆分" */

/**
 * Formats `fen` in `style` (ZJC_FORMAT_*) into a new string *out.
 * Returns ZJC_OK, ZJC_EVALIDATION (大写 of a negative amount), ZJC_EOVERFLOW
 * (大写 of 10^16 元 or more) or ZJC_EINVALID. Since 0.1.
 */
ZJC_API int32_t zjc_amount_format(char **out, int64_t fen, int32_t style);

/**
 * Rounds the decimal `value` ("1.005", "2.2亿", "4.35%") to `places`
 * decimal places (0..18) with `rounding`, into a new string *out such as
 * "1.01". Returns ZJC_OK, ZJC_EPARSE, ZJC_EOVERFLOW or ZJC_EINVALID. Since 0.1.
 */
ZJC_API int32_t zjc_decimal_round(char **out, const char *value, int32_t places, int32_t rounding);

/**
 * Parses a rate ("4.35%", "0.0435") into *out_units, units of 10^-10.
 * Returns ZJC_OK, ZJC_EPARSE, ZJC_EOVERFLOW or ZJC_EINVALID. Since 0.1.
 */
ZJC_API int32_t zjc_rate_parse(int64_t *out_units, const char *text);

/* ---- dates ------------------------------------------------------------------ */

/**
 * Parses a date ("2022-04-01", "2022/4/1", "2022年4月1日", full width too)
 * into *out_day, the day number the batch columns use (days since
 * 1970-01-01; 2022-04-01 is 19083). Errors name the field "date", the text
 * and the position. Returns ZJC_OK, ZJC_EPARSE or ZJC_EINVALID. Since 0.2.
 */
ZJC_API int32_t zjc_date_to_day_number(int32_t *out_day, const char *text);

/**
 * Writes day number `day` as an ISO 8601 date ("2022-04-01") into a new
 * string *out. Returns ZJC_OK; ZJC_EVALIDATION for a day outside
 * -208188..2932896 (1400-01-01..9999-12-31; field "day_number");
 * ZJC_EINVALID. Since 0.2.
 */
ZJC_API int32_t zjc_date_from_day_number(char **out, int32_t day);

/* ---- the plan ---------------------------------------------------------------- */

/** An immutable plan; share it between threads freely. */
typedef struct zjc_plan zjc_plan;

/** A new handle on the embedded 2022 plan. Free with zjc_plan_free(). Since 0.1. */
ZJC_API int32_t zjc_plan_default(zjc_plan **out);
/**
 * Loads a plan from `len` bytes of JSON (docs/plan-schema.md). Errors name
 * the JSON path. Returns ZJC_OK, ZJC_EPARSE, ZJC_EVALIDATION, ZJC_EOVERFLOW
 * or ZJC_EINVALID. Since 0.1.
 */
ZJC_API int32_t zjc_plan_load_json(zjc_plan **out, const char *json, size_t len);
/**
 * Loads a plan from the JSON file at `path` (docs/plan-schema.md), read
 * whole up to 64 MiB. A file that cannot be opened or read is ZJC_EIO, the
 * message naming the path and the system's reason ("No such file or
 * directory"), zjc_last_error_field() the path; a larger file is ZJC_EPARSE.
 * Errors in the JSON are those of zjc_plan_load_json(), zjc_last_error_field()
 * giving the JSON path, the message starting with the file's path. Returns ZJC_OK, ZJC_EIO,
 * ZJC_EPARSE, ZJC_EVALIDATION, ZJC_EOVERFLOW or ZJC_EINVALID. Since 0.2.
 */
ZJC_API int32_t zjc_plan_load_file(zjc_plan **out, const char *path);
/** Frees a plan. NULL is allowed. Since 0.1. */
ZJC_API void zjc_plan_free(zjc_plan *plan);
/** The plan as JSON, byte-stable, into a new string *out. Since 0.1. */
ZJC_API int32_t zjc_plan_to_json(const zjc_plan *plan, char **out);
/** The lint findings as a JSON array into a new string *out. Since 0.1. */
ZJC_API int32_t zjc_plan_lint(const zjc_plan *plan, char **out);
/**
 * Answers a query about the plan as JSON into a new string *out.
 * `query` is one of: "units", "measures", "targets", "deadlines",
 * "ledger_units" (arg ignored, may be NULL); "unit" (arg: any name or
 * alias), "measures_led_by", "measures_responsible" (arg: a unit name or
 * alias), "units_of", "targets_of" (arg: a measure id such as "m1").
 * Returns ZJC_OK, ZJC_ENOTFOUND, ZJC_EINVALID. Since 0.1.
 */
ZJC_API int32_t zjc_plan_query(const zjc_plan *plan, const char *query, const char *arg, char **out);

/* ---- the money rules ---------------------------------------------------------
 * Each takes a record as NUL-terminated JSON text (docs/records.md) and the
 * plan whose parameters apply (NULL: the embedded 2022 plan), and writes the
 * result — {"eligible", "amount", "reasons", "receipt", ...} — as JSON into a
 * new string *out. An ineligible record is a result, not an error. Errors:
 * ZJC_EPARSE (malformed record; zjc_last_error_field() gives the JSON path),
 * ZJC_EVALIDATION (e.g. overlapping balance ranges), ZJC_EOVERFLOW, ZJC_EINVALID.
 */

/** 首贷贴息 for one loan record. Since 0.1. */
ZJC_API int32_t zjc_first_loan_subsidy(const zjc_plan *plan, const char *loan_json, char **out);
/** 应收账款融资奖励 for one core enterprise and its financings. Since 0.1. */
ZJC_API int32_t zjc_receivables_reward(const zjc_plan *plan, const char *enterprise_json, char **out);
/** 上市奖励 for one company's stages. Since 0.1. */
ZJC_API int32_t zjc_listing_award(const zjc_plan *plan, const char *company_json, char **out);

/*
 * The light calls: the same rule on the same record, without the result's
 * JSON and its receipt, for a caller that sends one record at a time and
 * needs only the answer. On success *out_fen is the amount in 分 (0 when not
 * eligible), *out_eligible 1 or 0 and *out_reasons the ZJC_REASON_* bits of
 * the reasons the JSON result lists (failed checks; caps that bit); the JSON
 * call's "eligible", "amount" and reason codes, to the 分. Nothing is written
 * on error. The errors are exactly those of the JSON call for the same record
 * (the same status, message and zjc_last_error_field()): ZJC_EPARSE,
 * ZJC_EVALIDATION, ZJC_EOVERFLOW; ZJC_EINVALID for any NULL pointer but `plan`.
 */

/** 首贷贴息 of one loan record, as zjc_first_loan_subsidy() without its JSON. Since 0.2. */
ZJC_API int32_t zjc_first_loan_subsidy_amount(const zjc_plan *plan, const char *loan_json, int64_t *out_fen,
                                              int32_t *out_eligible, uint32_t *out_reasons);
/** 应收账款融资奖励 of one enterprise record, as zjc_receivables_reward() without its JSON. Since 0.2. */
ZJC_API int32_t zjc_receivables_reward_amount(const zjc_plan *plan, const char *enterprise_json, int64_t *out_fen,
                                              int32_t *out_eligible, uint32_t *out_reasons);
/**
 * 首贷贴息 for a bank's own table of loans (docs/columns.md): `size` bytes at
 * `data`, CSV (UTF-8 or GB18030) or .xlsx, Chinese or English headers;
 * `name` names it in messages (may be NULL: "table"); `options_json` (may be
 * NULL) is {"columns": {"your header": "field"}, "rate_unit":
 * "percent"|"fraction", "period": "2022-04-01..2022-06-30", "sheet": "...",
 * "encoding": "utf-8"|"gb18030", "repayments": "path of a repayments
 * table"}. Writes into a new string *out {"columns": [...], "rows":
 * [{"cells", "eligible", "amount", "reasons", "reason_zh", "message",
 * "error"}], "total", "eligible"}: one row per loan, a loan refused for its
 * own cells being a row with its "error" (located "loans.csv:7: ..." or
 * "Sheet1!J7: ..."). What concerns the whole table (no header row, a
 * required column missing, a bad option) is the call's error: ZJC_EPARSE,
 * ZJC_EVALIDATION, ZJC_EIO (the repayments file), ZJC_EINVALID. Since 0.2.
 */
ZJC_API int32_t zjc_subsidy_table(const zjc_plan *plan, const char *data, size_t size, const char *name,
                                  const char *options_json, char **out);
/** Splits a budget among claims (pro rata by largest remainder, or first come first served). Since 0.1. */
ZJC_API int32_t zjc_budget_allocate(const zjc_plan *plan, const char *request_json, char **out);

/* ---- assessment and the ledger --------------------------------------------- */

/**
 * Assesses every target of the plan (NULL: the embedded 2022 plan) from
 * observations JSON (docs/assessment.md) into a new string *out holding the
 * verdicts. Since 0.1.
 */
ZJC_API int32_t zjc_assess(const zjc_plan *plan, const char *observations_json, char **out);

/**
 * Checks the monthly 工作台账 for `month` ("2022-09") from a ledger document
 * (docs/ledger.md: submissions and liaison forms) against the plan's
 * deadline rule, into a new string *out: each unit on time, late by N days
 * or missing, with the rule's reading stated. Since 0.1.
 */
ZJC_API int32_t zjc_ledger_check(const zjc_plan *plan, const char *ledger_json, const char *month, char **out);

/* ---- batch: many records at once, as columns ---------------------------------
 * 首贷贴息 and 应收账款融资奖励 over many records laid out as columns (a struct
 * of arrays): no JSON, no strings and no allocation per row, for recomputing
 * a province's loans in seconds. Since 0.1.
 *
 * Layout. Amounts are int64_t 分; dates are int32_t day numbers, days since
 * 1970-01-01 (1970-01-01 is 0, 2022-04-01 is 19083), accepted from
 * 1400-01-01 (-208188) to 9999-12-31 (2932896); rates are int64_t units of
 * 10^-10 (4.35% is 435000000, as zjc_rate_parse() gives). Per-record columns
 * have `count` entries. The variable-length parts (a loan's balance ranges, an
 * enterprise's financings) are columns of their own, record i owning entries
 * offsets[i] .. offsets[i+1]-1: `offsets` has count + 1 entries, starts at
 * or above 0, never decreases, and its last entry is at most the number of
 * entries of those columns (range_count, financing_count). `offsets` may be
 * NULL when count is 0; any other column may be NULL only when it must hold
 * no entry (the optional ones below are NULL to leave them out).
 *
 * Results are IDENTICAL to the one-at-a-time calls (zjc_first_loan_subsidy(),
 * zjc_receivables_reward()) on the record each row describes: the same
 * eligibility, the same reasons (as bits), the same amount to the 分. A row
 * is never a failure of the call: its status is ZJC_OK, or the status the
 * one-at-a-time call returns for that record (ZJC_EVALIDATION, e.g.
 * overlapping ranges, an unknown kind code or flag bit, a day number out of
 * range; ZJC_EOVERFLOW, e.g. an amount of INT64_MIN 分 or a result past
 * int64_t), and a row in error has amount 0, eligible 0 and reasons 0.
 *
 * The call itself returns ZJC_OK when it is well-formed, whatever its rows
 * hold; ZJC_EINVALID (nothing written) for a NULL `in` or `out`, a `version`
 * this library does not know, out->count != in->count, a required column
 * NULL, or offsets that break the rules above (zjc_last_error_field() names
 * the column, e.g. "offsets[7]"); ZJC_EVALIDATION when the plan's parameters
 * for the rule are refused. Every such check is made before any row is read,
 * and no entry outside the lengths given is ever read or written.
 *
 * Receipts on request: zjc_first_loan_subsidy_receipt() and
 * zjc_receivables_reward_receipt() give one row's full JSON result, receipt
 * included, exactly as the one-at-a-time call gives it for the record.
 *
 * Calls writing disjoint outputs may run at once. To split a batch, pass the
 * per-record columns, the outputs and `offsets` from record r on (offsets + r:
 * offsets are indices into the unchanged range / financing columns, so they
 * need no rebasing) with a smaller count.
 */

/* borrower_kind codes (pinned). */
#define ZJC_KIND_SMALL 0               /**< 小型企业 */
#define ZJC_KIND_MICRO 1               /**< 微型企业 */
#define ZJC_KIND_INDIVIDUAL_BUSINESS 2 /**< 个体工商户 */
#define ZJC_KIND_MEDIUM 3              /**< 中型企业 (not eligible under the 2022 plan) */
#define ZJC_KIND_LARGE 4               /**< 大型企业 (not eligible under the 2022 plan) */

/* Loan flag bits (one uint8_t per loan; any other bit is ZJC_EVALIDATION for the row). */
#define ZJC_LOAN_VIA_PLATFORM 0x01               /**< via_platform */
#define ZJC_LOAN_LOCAL_LEGAL_PERSON_LENDER 0x02  /**< local_legal_person_lender */
#define ZJC_LOAN_FIRST_LOAN 0x04                 /**< first_loan */

/*
 * Financing flag bits (one uint8_t per financing). Exactly one of HAS_END and
 * HAS_DAYS (both or neither is the rule's ZJC_EVALIDATION for the row, as for
 * a record); the end / days column is read only where its bit is set.
 */
#define ZJC_FINANCING_CONFIRMED 0x01 /**< confirmed_on_platform */
#define ZJC_FINANCING_HAS_END 0x02   /**< the end column holds the end date */
#define ZJC_FINANCING_HAS_DAYS 0x04  /**< the days column holds the term in days */

/*
 * Reason bits (pinned), one per reason code of docs/records.md §7: a row's
 * bit is set when the one-at-a-time result has a reason with that code.
 */
#define ZJC_REASON_APPLICATION_OUTSIDE_WINDOW 0x0001u
#define ZJC_REASON_BORROWER_KIND_NOT_ELIGIBLE 0x0002u
#define ZJC_REASON_NOT_VIA_PLATFORM 0x0004u
#define ZJC_REASON_LENDER_NOT_LOCAL_LEGAL_PERSON 0x0008u
#define ZJC_REASON_NOT_FIRST_LOAN 0x0010u
#define ZJC_REASON_PER_BORROWER_CAP_APPLIED 0x0020u
#define ZJC_REASON_BUDGET_CAP_APPLIED 0x0040u
#define ZJC_REASON_FINANCING_NOT_CONFIRMED 0x0100u
#define ZJC_REASON_FINANCING_OUTSIDE_WINDOW 0x0200u
#define ZJC_REASON_FINANCING_STRADDLES_WINDOW_END 0x0400u
#define ZJC_REASON_FINANCING_DAYS_TRUNCATED 0x0800u
#define ZJC_REASON_NO_ELIGIBLE_FINANCING 0x1000u
#define ZJC_REASON_PER_ENTERPRISE_CAP_APPLIED 0x2000u

/**
 * The reason with the single bit `bit` (a ZJC_REASON_* value): its code
 * ("not_first_loan", as in a JSON result's reasons) and a sentence in Chinese
 * and in English that names no values, for a row that has no receipt. The
 * strings are static, UTF-8 and never NULL on success. Returns ZJC_OK;
 * ZJC_ENOTFOUND when `bit` is 0, several bits or a bit no reason has (so a
 * caller may try each of the 32 bits to list them all); ZJC_EINVALID for a
 * NULL pointer. Since 0.2.
 */
ZJC_API int32_t zjc_reason_info(uint32_t bit, const char **out_code, const char **out_text_zh,
                                const char **out_text_en);

/* The `version` each struct below must carry (its layout in this header). */
#define ZJC_LOAN_COLUMNS_VERSION 1
#define ZJC_SUBSIDY_OUTPUTS_VERSION 1
#define ZJC_FINANCING_COLUMNS_VERSION 1
#define ZJC_REWARD_OUTPUTS_VERSION 1

/**
 * Loans for the subsidy, one per record of docs/records.md §2 (borrower
 * named "loans[i]" in receipts unless a name is given). Since 0.1.
 */
typedef struct zjc_loan_columns {
    uint32_t version;                  /**< ZJC_LOAN_COLUMNS_VERSION */
    size_t count;                      /**< loans: entries of each per-loan column */
    const uint8_t *borrower_kind;      /**< ZJC_KIND_* */
    const int32_t *first_application;  /**< first_application_date, day number */
    const uint8_t *flags;              /**< ZJC_LOAN_* bits */
    const int64_t *annual_rate;        /**< units of 10^-10 */
    const int32_t *period_from;        /**< period.from, day number, included */
    const int32_t *period_to;          /**< period.to, day number, included */
    const int64_t *offsets;            /**< count + 1: loan i owns ranges offsets[i] .. offsets[i+1]-1 */
    size_t range_count;                /**< entries of each range column, >= offsets[count] */
    const int32_t *range_from;         /**< balances[k].from, day number, included */
    const int32_t *range_to;           /**< balances[k].to, day number, included */
    const int64_t *range_balance;      /**< balances[k].balance: end-of-day balance in 分 */
} zjc_loan_columns;

/** Where the subsidy batch writes, `count` entries each. Since 0.1. */
typedef struct zjc_subsidy_outputs {
    uint32_t version;   /**< ZJC_SUBSIDY_OUTPUTS_VERSION */
    size_t count;       /**< must equal the columns' count */
    int64_t *amount;    /**< required: 分; 0 when not eligible or in error */
    int32_t *status;    /**< required: ZJC_OK or the row's error status */
    uint8_t *eligible;  /**< optional (NULL: not written): 1 eligible, 0 not */
    uint32_t *reasons;  /**< optional (NULL: not written): ZJC_REASON_* bits */
} zjc_subsidy_outputs;

/**
 * Core enterprises for the reward, one per record of docs/records.md §3
 * ("enterprises[i]" in receipts unless a name is given; the SME of financing
 * k is "financings[k]", k its index in these columns). Since 0.1.
 */
typedef struct zjc_financing_columns {
    uint32_t version;         /**< ZJC_FINANCING_COLUMNS_VERSION */
    size_t count;             /**< enterprises */
    const int64_t *offsets;   /**< count + 1: enterprise i owns financings offsets[i] .. offsets[i+1]-1 */
    size_t financing_count;   /**< entries of each financing column, >= offsets[count] */
    const int64_t *amount;    /**< 分, > 0 */
    const int32_t *start;     /**< day number */
    const int32_t *end;       /**< day number, read where ZJC_FINANCING_HAS_END; NULL if no financing has it */
    const int64_t *days;      /**< term in days, read where ZJC_FINANCING_HAS_DAYS; NULL if no financing has it */
    const uint8_t *flags;     /**< ZJC_FINANCING_* bits */
} zjc_financing_columns;

/** Where the reward batch writes. Since 0.1. */
typedef struct zjc_reward_outputs {
    uint32_t version;             /**< ZJC_REWARD_OUTPUTS_VERSION */
    size_t count;                 /**< must equal the columns' count */
    int64_t *amount;              /**< required: 分 */
    int32_t *status;              /**< required: ZJC_OK or the row's error status */
    uint8_t *eligible;            /**< optional (NULL: not written) */
    uint32_t *reasons;            /**< optional (NULL: not written): ZJC_REASON_* bits */
    size_t financing_count;       /**< entries of financing_reasons: the columns' financing_count (when not NULL) */
    /**
     * Optional (NULL: not written): per financing, ZJC_REASON_FINANCING_NOT_CONFIRMED
     * / _OUTSIDE_WINDOW / _STRADDLES_WINDOW_END when it does not count,
     * _DAYS_TRUNCATED when it counts truncated, else 0; 0 for every financing
     * of a row in error. Entries no enterprise owns are not written.
     */
    uint32_t *financing_reasons;
} zjc_reward_outputs;

/**
 * 首贷贴息 for every loan of `in` into `out`, under `plan` (NULL: the
 * embedded 2022 plan). Returns ZJC_OK (rows may still carry error statuses),
 * ZJC_EINVALID or ZJC_EVALIDATION as described above. Since 0.1.
 */
ZJC_API int32_t zjc_first_loan_subsidy_batch(const zjc_plan *plan, const zjc_loan_columns *in,
                                             zjc_subsidy_outputs *out);

/**
 * 应收账款融资奖励 for every enterprise of `in` into `out`, under `plan`
 * (NULL: the embedded 2022 plan). ZJC_EINVALID also when `end` / `days` is
 * NULL but a financing owned by an enterprise has the bit that reads it.
 * Since 0.1.
 */
ZJC_API int32_t zjc_receivables_reward_batch(const zjc_plan *plan, const zjc_financing_columns *in,
                                             zjc_reward_outputs *out);

/**
 * The one-at-a-time JSON result, receipt included, of loan `row` of `in`
 * into a new string *out — the text zjc_first_loan_subsidy() gives for the
 * record the row describes, the borrower named `name` (NULL or "":
 * "loans[<row>]"). Checks the columns as far as this row needs them. Returns
 * ZJC_OK; the row's status (ZJC_EVALIDATION, ZJC_EOVERFLOW; the message and
 * zjc_last_error_field() as for the record); ZJC_EINVALID for NULL
 * arguments, a bad version, row >= count or unusable offsets for the row;
 * ZJC_EVALIDATION for refused plan parameters. Since 0.1.
 */
ZJC_API int32_t zjc_first_loan_subsidy_receipt(const zjc_plan *plan, const zjc_loan_columns *in, size_t row,
                                               const char *name, char **out);

/**
 * Same for enterprise `row` of the reward (core_enterprise `name`, NULL or
 * "": "enterprises[<row>]"). Since 0.1.
 */
ZJC_API int32_t zjc_receivables_reward_receipt(const zjc_plan *plan, const zjc_financing_columns *in, size_t row,
                                               const char *name, char **out);

/**
 * Checks the payout register at `path` (docs/register.md): every row's
 * SHA-256 chain and each round's count and total are recomputed. *out
 * receives a new string (free with zjc_string_free()), the JSON report
 * {"ok", "rows_checked", "rounds_checked", "head_hash", "first_fault"},
 * first_fault naming the first row (row_id, borrower_id, loan_id, round_id)
 * or round that does not match. Returns ZJC_OK when the check ran, whatever
 * it found (read "ok"); ZJC_EVALIDATION for a file that is not a register or
 * a register of a newer schema version; ZJC_EIO when the file cannot be
 * opened (missing included); ZJC_EINVALID for NULL arguments. Since 0.2.
 */
ZJC_API int32_t zjc_register_verify(const char *path, char **out);

/**
 * Every row of the payout register at `path` into a new string *out (free
 * with zjc_string_free()): {"paid": [{"row_id", "round_id", "committed_at",
 * "plan_version", "borrower_id", "borrower_name", "loan_id", "lender",
 * "from", "to", "amount", "receipt_digest"}, ...]}, amounts as decimal
 * strings of 元, once the register verifies (as zjc_register_verify()
 * checks it): a register edited by hand is refused with ZJC_EVALIDATION
 * naming its first fault, so that its rows are never taken for what was
 * paid. Returns ZJC_OK, or the statuses of zjc_register_verify().
 * Since 0.2.
 */
ZJC_API int32_t zjc_register_paid(const char *path, char **out);
/* ---- sandbox (docs/sandbox.md) ------------------------------------------------ */

/**
 * A new plan handle *out: `plan` (NULL: the embedded plan) with some rule
 * parameters overridden. `overrides_json` is
 * {"scenario": "name" (optional), "<rule>": {"<name>": "<value text>", ...}, ...},
 * values written as a plan file writes them ("500万", "0.8%",
 * "2022-04-01..2022-06-30", "none" to unset an optional one). Receipts under
 * the new plan show each override, its scenario and the plan's value; its
 * rule_set_version ends in "+override". `plan` itself is unchanged. Returns
 * ZJC_OK; ZJC_ENOTFOUND for an unknown rule or parameter (the message lists
 * the known ones); ZJC_EPARSE / ZJC_EVALIDATION for a value of the wrong kind
 * or one the plan refuses, zjc_last_error_field() "<rule>.<name>";
 * ZJC_EINVALID for NULL `overrides_json` or `out`. Free with zjc_plan_free().
 * Since 0.2.
 */
ZJC_API int32_t zjc_plan_with_parameters(const zjc_plan *plan, const char *overrides_json, zjc_plan **out);

/* ---- the screen (免申即享): the subsidy per borrower over many lenders' tables ----
 * The plan's 1000万 cap is on the borrower (单户), not on each loan: the screen
 * reads the tables of every lender at once, sums each borrower's eligible
 * loans day by day under the one cap (filled in a stated order, each part at
 * its own loan's rate used), rounds the borrower's subsidy once, splits it
 * back to loans and lenders to the 分, and lists conflicts (首贷 at two
 * lenders, a loan listed twice with different data, overlapping claim
 * periods, one code with two names) for review. docs/screen.md gives the rule.
 *
 * Why tables and not columns: the screen needs, besides the batch's numeric
 * columns (zjc_loan_columns), each loan's ids as text — loan_id, the
 * borrower's 统一社会信用代码 and name, the lender — and its claim period,
 * and it reports row errors located in the bank's file ("甲银行.csv:7: ...").
 * Like zjc_subsidy_table, it therefore takes the tables as the banks export
 * them, read by the library's one table reader (docs/columns.md), so that C,
 * Python and `zjcredit screen` read a table, and refuse it, alike. The result
 * is columnar JSON: one array per column, ready to become a data frame.
 */

/**
 * Screens the loans of `tables_json` under `plan` (NULL: the embedded 2022
 * plan) into a new string *out (free with zjc_string_free()).
 *
 * `tables_json`: a JSON array of tables, each {"path": "甲银行.xlsx"} (a
 * file: CSV in UTF-8 or GB18030, or .xlsx) or {"text": "借据号,...", "name":
 * "甲银行"} (CSV text; `name` names it in messages), and optionally
 * "lender": the lender of a table that has no 贷款机构 column, and
 * "repayments": the path of that table's own repayments table (for loans
 * given by their drawdown; it wins over the options' "repayments", which
 * would apply to every table). Each table needs the columns 统一社会信用代码
 * (borrower_id) and 借据号 (loan_id).
 *
 * `options_json` (may be NULL): {"period": "2022-04-01..2022-06-30",
 * "columns", "rate_unit", "sheet", "encoding", "repayments"} as for
 * zjc_subsidy_table(), and the screen's own: "budget" (an amount as a
 * string, shared pro rata among the borrowers), "fill_order"
 * ("application" — the default: first application, drawdown, loan_id —,
 * "drawdown" or "loan_id"), "other_ids_declared" (true: accept borrower ids
 * that are not 统一社会信用代码), "keep_all_first_loans" (true: 首贷 at two
 * lenders all kept under the one cap), "already_paid" ([{"lender",
 * "loan_id", "period": "FROM..TO"}, optionally "borrower_id": that
 * borrower's 首贷 stays with that lender]: loan-periods not to be paid again),
 * "register" (the path of a payout register: its rows are not paid again).
 *
 * *out: {"borrowers": {"borrower_id": [...], "borrower", "borrower_kind",
 * "eligible", "held", "amount", "allocated", "lenders" ({lender: amount}),
 * "reasons" ([codes]), "loans" ([listing indices in the fill order])},
 * "loans": {"source" ("甲银行.csv:7"), "loan_id", "lender", "borrower_id",
 * "borrower", "period_from", "period_to", "eligible", "amount", "allocated"
 * (what the listing is paid: its share of its borrower's allocation under a
 * budget, its amount otherwise), "rate_used", "capped_balance_days",
 * "cut_by_cap" (true when, on some day, the borrower's cap left the listing
 * less than its balance), "reasons", "error" (null, or the listing's located
 * error: an invalid 统一社会信用代码, a missing lender, a bad cell)},
 * "conflicts": [{"kind", "borrower_id", "loan_id", "lenders", "rows",
 * "detail_zh", "detail_en"}], "totals": {"lenders", "borrower_kinds", "all",
 * counts, "reasons"}}. Amounts are decimal strings in 元 ("18577.78"); the
 * loans' amounts of a borrower sum to its amount exactly.
 *
 * A listing's problem is its "error", never the call's. The call fails for
 * what concerns the whole request: malformed JSON or an unknown key
 * (ZJC_EPARSE, zjc_last_error_field() the JSON path such as "tables[1]"), a
 * refused option (ZJC_EVALIDATION or ZJC_EPARSE: "budget", "period"), a table
 * refused whole — no header, a required column missing, neither a 贷款机构
 * column nor "lender" (ZJC_EPARSE, the field naming the table) —, a file
 * that cannot be read (ZJC_EIO), ZJC_EINVALID for a NULL `tables_json` or
 * `out`. Since 0.2.
 */
ZJC_API int32_t zjc_screen_tables(const zjc_plan *plan, const char *tables_json, const char *options_json,
                                  char **out);
/* ---- the ledger workflow ------------------------------------------------------
 * docs/ledger.md. zjc_ledger_check() also takes a run of months
 * ("2022-09..2022-12"); months outside the plan's reporting period
 * (2022-09..2022-12 in the 2022 plan) are ZJC_EVALIDATION naming "month".
 */

/**
 * The blank 工作台账 as CSV (UTF-8 with BOM, CRLF) into a new string *out:
 * every task each unit owes, or one unit's (`unit`: name, alias or id; NULL
 * for all), 月份 filled with `month` ("2022-09"; NULL: empty). Since 0.2.
 */
ZJC_API int32_t zjc_ledger_template_csv(const zjc_plan *plan, const char *unit, const char *month, char **out);

/**
 * The same as an .xlsx workbook written (atomically) to `path`: one sheet
 * per unit with the 进展情况 drop-down, and a sheet of instructions. ZJC_EIO
 * when it cannot be written. Since 0.2.
 */
ZJC_API int32_t zjc_ledger_template_xlsx(const zjc_plan *plan, const char *unit, const char *month,
                                         const char *path);

/**
 * Reads a filled ledger or liaison form from a file's bytes (`data`,
 * `size`): .xlsx (every sheet), CSV (UTF-8 or GB18030, title rows skipped)
 * or ledger JSON; `name` (NULL: "ledger") names it in errors. *out: the
 * ledger document as JSON, for zjc_ledger_check() and the calls below.
 * Since 0.2.
 */
ZJC_API int32_t zjc_ledger_read(const zjc_plan *plan, const char *data, size_t size, const char *name, char **out);

/**
 * A month's progress (`month`, within the reporting period) rolled up per
 * measure and per unit, and the tasks past their 时间节点 as of `as_of`
 * ("2022-11-01"; NULL: the month's last day), from a ledger document. Since 0.2.
 */
ZJC_API int32_t zjc_ledger_progress(const zjc_plan *plan, const char *ledger_json, const char *month,
                                    const char *as_of, char **out);

/**
 * The chase list over `months` ("2022-09..2022-12" or one month): every
 * liaison form late, missing or with a problem, and every unit late,
 * missing or short of tasks per month, with its liaison's contact. Since 0.2.
 */
ZJC_API int32_t zjc_ledger_chase(const zjc_plan *plan, const char *ledger_json, const char *months, char **out);

/* ---- the sandbox: an exact goal seek ------------------------------------------
 * docs/sandbox.md. The tables are given as for zjc_screen_tables() and read
 * by the same table reader as `zjcredit seek`.
 */

/**
 * The extreme value of a parameter of 首贷贴息 that keeps the total of the
 * loans of `tables_json` (a JSON array of {"path"} or {"text", "name"})
 * within a budget, or ("reach": true) the smallest that reaches it, exactly
 * at the parameter's step, under `plan` (NULL: the embedded 2022 plan).
 * `options_json`: {"parameter": "first_loan_subsidy.balance_cap", "budget":
 * "5000万", "within": "100万..1000万" (optional), "reach": false} and the
 * table reader's keys of zjc_subsidy_table(). *out (free with
 * zjc_string_free()): {"parameter", "value", "total", "next_value",
 * "next_total" (null when the answer is the end of the range),
 * "evaluations": [{"value", "total"}]}, values in the parameter's canonical
 * text, totals in 元. ZJC_ENOTFOUND for an unknown parameter (the known ones
 * listed); ZJC_EPARSE for a value of the wrong kind; ZJC_EVALIDATION for a
 * negative budget, a reversed range, a budget no value meets, a loan the
 * rule refuses, or a parameter whose totals do not rise with it (the
 * evaluations that show it in the message); ZJC_EINVALID for NULL
 * `tables_json`, `options_json` or `out`. Since 0.2.
 */
ZJC_API int32_t zjc_seek_tables(const zjc_plan *plan, const char *tables_json, const char *options_json,
                                char **out);

/**
 * The one report (docs/report.md) as JSON ("kind": "zjcredit.report"): the
 * headline, every target with actual vs threshold in its stated unit, its
 * monthly series, projection and 预警 grade; the ledger compliance grid and
 * chase list when a ledger is given; the subsidy totals when given.
 * `inputs_json`: {"observations": [observations documents, one per month],
 * "ledger": a ledger document, "months": "2022-09..2022-12", "subsidies":
 * the output of `zjcredit subsidy --json`}; only "observations" is required.
 * Since 0.2.
 */
ZJC_API int32_t zjc_report_json(const zjc_plan *plan, const char *inputs_json, char **out);

/**
 * The same report as one self-contained HTML page (no script, no network;
 * inline SVG charts). `lang`: "zh" (NULL) or "en". Since 0.2.
 */
ZJC_API int32_t zjc_report_html(const zjc_plan *plan, const char *inputs_json, const char *lang, char **out);

/**
 * Scenarios side by side (docs/whatif.md): the loans of `tables_json` (as
 * for zjc_seek_tables()) under `plan` (NULL: the embedded 2022 plan), the
 * baseline, and under each scenario, `plan` with parameters of 首贷贴息
 * overridden. `options_json`: {"scenarios": {"NAME": {"first_loan_subsidy.
 * balance_cap": "500万", ...}, ...}, "budget": "5000万" (optional), "largest":
 * 10 (optional)} and the table reader's keys of zjc_subsidy_table(). *out
 * (free with zjc_string_free()): {"budget", "scenarios": [{"name", "total",
 * "baseline_total", "difference", "loans", "gain", "lose",
 * "become_eligible", "become_ineligible", "budget_share" ("87.64%" or null),
 * "by_lender": [{"lender", ...the same totals}], "by_borrower_kind":
 * [{"borrower_kind", ...}], "largest_changes": [{"where", "borrower",
 * "loan_id", "lender", "borrower_kind", "baseline", "scenario",
 * "difference"}]}]}, the baseline first (named "baseline"), amounts in 元.
 * ZJC_ENOTFOUND for an unknown parameter; ZJC_EPARSE for a value of the
 * wrong kind; ZJC_EVALIDATION for a budget not above zero, a parameter of
 * another rule, a value the plan refuses or a loan the rule refuses;
 * ZJC_EINVALID for NULL `tables_json`, `options_json` or `out`. Since 0.2.
 */
ZJC_API int32_t zjc_whatif_tables(const zjc_plan *plan, const char *tables_json, const char *options_json,
                                  char **out);

#ifdef __cplusplus
}
#endif

#endif /* ZJCREDIT_H */
