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

#if defined(_WIN32)
#  define ZJC_API __declspec(dllimport)
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
#define ZJC_VERSION_MINOR 1
#define ZJC_VERSION_PATCH 0
/** major * 10000 + minor * 100 + patch */
#define ZJC_VERSION_NUMBER (ZJC_VERSION_MAJOR * 10000 + ZJC_VERSION_MINOR * 100 + ZJC_VERSION_PATCH)
/** The ABI version: the SONAME's number. Bumped only on an incompatible change. */
#define ZJC_ABI_VERSION 0

/** The library's version as "0.1.0". Since 0.1. Never NULL; static storage. */
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

#ifdef __cplusplus
}
#endif

#endif /* ZJCREDIT_H */
