/*
 * The bad-input catalogue (tests/data/bad, see its README.md) through the
 * C ABI, from strict C99.
 *
 * usage: bad_input_capi DATA_DIR [NAME_FILTER...]
 *
 * Each case's input goes to the zjc_* function of its kind: amounts and
 * months as NUL-terminated text, records, observations and ledgers as
 * NUL-terminated JSON (a NUL byte inside ends the text there, as for any C
 * caller), the plan as bytes with their length. A case passes when the call
 * returns the expected status, zjc_last_status() agrees, *out is left
 * untouched, zjc_last_error_field() contains the expected field, and
 * zjc_last_error() contains every expected substring, is valid UTF-8 and is
 * not longer than the case allows. Every string is freed (LeakSanitizer).
 *
 * A `table` case's file goes to zjc_subsidy_table as bytes, named
 * "input.EXT", with the case's options (and "repayments": the path of its
 * repayments table, when it has one). `level=table`: the call must fail as
 * above. `level=loan`: the call must succeed and the first row's "error" in
 * the JSON must contain the expected field and every expected substring.
 *
 * A `screen` case's file goes to zjc_screen_tables as CSV text named
 * "input.csv" (its "lender" option on the table, its "period" in the
 * options). `level=table`: the call must fail as above. `level=loan`: the
 * first listing's "error" must contain the expected field and substrings.
 *
 * A `sandbox` case's file goes to zjc_seek_tables or zjc_whatif_tables (its
 * `call`) as CSV text named "input.csv", its `request` as the options.
 */
#define _POSIX_C_SOURCE 200809L

#include "zjcredit.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MIN_CASES 150
#define DEFAULT_MAX_MESSAGE 600
#define MAX_KEYS 64

static const char *const counted_kinds[] = {"amount", "month",  "plan",  "subsidy",  "reward", "award",
                                            "assess", "ledger", "table", "register", "screen", "ledger_file",
                                            "sandbox"};
static const char *const extra_kinds[] = {"budget"};

typedef struct {
    char *kind;
    char *name;
    char *dir;        /* DATA_DIR/kind */
    char *input;      /* file name of the input, in dir */
    char *expect_buf; /* the .expect file, split in place into keys and values */
    const char *keys[MAX_KEYS];
    const char *values[MAX_KEYS];
    size_t n_keys;
} bad_case;

static void *xmalloc(size_t n) {
    void *p = malloc(n == 0 ? 1 : n);
    if (p == NULL) {
        fprintf(stderr, "out of memory (%lu bytes)\n", (unsigned long)n);
        exit(2);
    }
    return p;
}

static char *xstrdup(const char *s) {
    size_t n = strlen(s);
    char *p = xmalloc(n + 1);
    memcpy(p, s, n + 1);
    return p;
}

static char *join(const char *a, const char *sep, const char *b) {
    size_t na = strlen(a), ns = strlen(sep), nb = strlen(b);
    char *p = xmalloc(na + ns + nb + 1);
    memcpy(p, a, na);
    memcpy(p + na, sep, ns);
    memcpy(p + na + ns, b, nb + 1);
    return p;
}

/* Reads a whole file; *len gets its size. The buffer has one extra NUL byte. */
static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    char *buf;
    size_t cap = 4096, n = 0;
    if (f == NULL) {
        fprintf(stderr, "cannot open %s\n", path);
        exit(2);
    }
    buf = xmalloc(cap);
    for (;;) {
        size_t got;
        if (cap - n < 4096) {
            char *bigger;
            cap *= 2;
            bigger = realloc(buf, cap);
            if (bigger == NULL) {
                free(buf);
                fclose(f);
                fprintf(stderr, "out of memory reading %s\n", path);
                exit(2);
            }
            buf = bigger;
        }
        got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) break;
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

static const char *get(const bad_case *c, const char *key, const char *interface) {
    size_t i, klen = strlen(key);
    for (i = 0; i < c->n_keys; ++i)
        if (strncmp(c->keys[i], key, klen) == 0 && c->keys[i][klen] == '.' && strcmp(c->keys[i] + klen + 1, interface) == 0)
            return c->values[i];
    for (i = 0; i < c->n_keys; ++i)
        if (strcmp(c->keys[i], key) == 0) return c->values[i];
    return NULL;
}

static int has_key(const bad_case *c, const char *key) {
    size_t i;
    for (i = 0; i < c->n_keys; ++i)
        if (strcmp(c->keys[i], key) == 0) return 1;
    return 0;
}

static void parse_expect(bad_case *c, const char *path) {
    size_t len;
    char *line;
    c->expect_buf = read_file(path, &len);
    c->n_keys = 0;
    line = c->expect_buf;
    while (*line != '\0') {
        char *end = strchr(line, '\n');
        char *eq;
        if (end != NULL) *end = '\0';
        if (line[0] != '\0' && line[0] != '#') {
            eq = strchr(line, '=');
            if (eq == NULL || c->n_keys == MAX_KEYS) {
                fprintf(stderr, "%s: bad line \"%s\"\n", path, line);
                exit(2);
            }
            *eq = '\0';
            c->keys[c->n_keys] = line;
            c->values[c->n_keys] = eq + 1;
            ++c->n_keys;
        }
        if (end == NULL) break;
        line = end + 1;
    }
}

static int compare_strings(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Appends the cases of one kind (in name order) to *cases. */
static void load_kind(const char *data_dir, const char *kind, bad_case **cases, size_t *n, size_t *cap) {
    char *dir = join(data_dir, "/", kind);
    DIR *d = opendir(dir);
    char **names = NULL;
    size_t n_names = 0, cap_names = 0, i;
    struct dirent *e;
    if (d == NULL) {
        free(dir);
        return;
    }
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        if (n_names == cap_names) {
            char **bigger;
            cap_names = cap_names ? cap_names * 2 : 64;
            bigger = realloc(names, cap_names * sizeof *names);
            if (bigger == NULL) exit(2);
            names = bigger;
        }
        names[n_names++] = xstrdup(e->d_name);
    }
    closedir(d);
    qsort(names, n_names, sizeof *names, compare_strings);
    for (i = 0; i < n_names; ++i) {
        size_t stem_len, j;
        bad_case *c;
        char *path;
        if (!ends_with(names[i], ".expect")) continue;
        stem_len = strlen(names[i]) - strlen(".expect");
        if (*n == *cap) {
            bad_case *bigger;
            *cap = *cap ? *cap * 2 : 256;
            bigger = realloc(*cases, *cap * sizeof **cases);
            if (bigger == NULL) exit(2);
            *cases = bigger;
        }
        c = &(*cases)[(*n)++];
        memset(c, 0, sizeof *c);
        c->kind = xstrdup(kind);
        c->name = xmalloc(stem_len + 1);
        memcpy(c->name, names[i], stem_len);
        c->name[stem_len] = '\0';
        c->dir = xstrdup(dir);
        for (j = 0; j < n_names; ++j)
            if (j != i && strncmp(names[j], c->name, stem_len) == 0 && names[j][stem_len] == '.' &&
                strchr(names[j] + stem_len + 1, '.') == NULL) {
                if (c->input != NULL) {
                    fprintf(stderr, "%s/%s: more than one input file\n", dir, c->name);
                    exit(2);
                }
                c->input = xstrdup(names[j]);
            }
        if (c->input == NULL) {
            fprintf(stderr, "%s/%s: no input file\n", dir, c->name);
            exit(2);
        }
        path = join(dir, "/", names[i]);
        parse_expect(c, path);
        free(path);
    }
    for (i = 0; i < n_names; ++i) free(names[i]);
    free(names);
    free(dir);
}

/* The input bytes (NUL-terminated, *len without the NUL), generated when the case says so. */
static char *case_data(const bad_case *c, size_t *len) {
    char *path = join(c->dir, "/", c->input);
    size_t raw_len;
    char *raw = read_file(path, &raw_len);
    const char *fill = get(c, "fill", "capi");
    const char *marker = "@@FILL@@";
    char *at, *out;
    size_t repeat, fill_len, before, after, k;
    free(path);
    if (fill == NULL) {
        *len = raw_len;
        return raw;
    }
    repeat = (size_t)strtoul(get(c, "repeat", "capi") ? get(c, "repeat", "capi") : "0", NULL, 10);
    at = strstr(raw, marker);
    if (at == NULL) {
        fprintf(stderr, "%s/%s: no %s marker\n", c->kind, c->name, marker);
        exit(2);
    }
    fill_len = strlen(fill);
    before = (size_t)(at - raw);
    after = raw_len - before - strlen(marker);
    *len = before + fill_len * repeat + after;
    out = xmalloc(*len + 1);
    memcpy(out, raw, before);
    for (k = 0; k < repeat; ++k) memcpy(out + before + k * fill_len, fill, fill_len);
    memcpy(out + before + fill_len * repeat, at + strlen(marker), after);
    out[*len] = '\0';
    free(raw);
    return out;
}

static int32_t status_code(const char *name) {
    if (name == NULL) return 1;
    if (strcmp(name, "parse") == 0) return ZJC_EPARSE;
    if (strcmp(name, "validation") == 0) return ZJC_EVALIDATION;
    if (strcmp(name, "overflow") == 0) return ZJC_EOVERFLOW;
    if (strcmp(name, "not_found") == 0) return ZJC_ENOTFOUND;
    if (strcmp(name, "io") == 0) return ZJC_EIO;
    return 1;
}

/* Whether s[0..n) is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF). */
static int valid_utf8(const unsigned char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        unsigned char b = s[i];
        size_t len, k;
        unsigned long cp;
        if (b < 0x80) {
            ++i;
            continue;
        }
        if ((b & 0xE0) == 0xC0) {
            len = 2;
            cp = b & 0x1F;
        } else if ((b & 0xF0) == 0xE0) {
            len = 3;
            cp = b & 0x0F;
        } else if ((b & 0xF8) == 0xF0) {
            len = 4;
            cp = b & 0x07;
        } else {
            return 0;
        }
        if (i + len > n) return 0;
        for (k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += len;
    }
    return 1;
}

static int problems;

static void problem(const bad_case *c, const char *what, const char *detail) {
    if (problems == 0) printf("FAIL %s/%s (%s)\n", c->kind, c->name, get(c, "why", "capi") ? get(c, "why", "capi") : "");
    printf("    %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    ++problems;
}

/* `text` with "{file}" replaced by `file` (a new string). */
static char *with_file(const char *text, const char *file) {
    const char *at = strstr(text, "{file}");
    char *head, *out;
    if (at == NULL) return join(text, "", "");
    head = xmalloc((size_t)(at - text) + 1);
    memcpy(head, text, (size_t)(at - text));
    head[at - text] = '\0';
    out = join(head, file, at + strlen("{file}"));
    free(head);
    return out;
}

/* The name a `table` case's input is given under: "input" and its extension. */
static char *table_file_name(const bad_case *c) {
    const char *dot = strrchr(c->input, '.');
    return join("input", "", dot != NULL ? dot : "");
}

/* A `table` case's options JSON (a new string): its `options`, with
 * "repayments" added when a <name>.repayments.csv is beside the input. */
static char *table_options(const bad_case *c) {
    const char *options = get(c, "options", "capi");
    char *stem = join(c->dir, "/", c->name), *path = join(stem, "", ".repayments.csv"), *out;
    FILE *f = fopen(path, "rb");
    free(stem);
    if (f == NULL) {
        free(path);
        return join(options != NULL ? options : "", "", "");
    }
    fclose(f);
    if (strchr(path, '"') != NULL || strchr(path, '\\') != NULL) {
        fprintf(stderr, "%s: a path with a quote or a backslash\n", path);
        exit(2);
    }
    {
        char *key = join("{\"repayments\": \"", path, "\"");
        const char *rest = options != NULL ? strchr(options, '{') : NULL;
        int none = rest == NULL || rest[1 + strspn(rest + 1, " ")] == '}';
        out = join(key, none ? "" : ", ", rest != NULL ? rest + 1 : "}");
        free(key);
    }
    free(path);
    return out;
}

/* Appends the UTF-8 encoding of code point cp at *o. */
static void put_utf8(char **o, unsigned long cp) {
    unsigned char *u = (unsigned char *)*o;
    if (cp < 0x80) {
        *u++ = (unsigned char)cp;
    } else if (cp < 0x800) {
        *u++ = (unsigned char)(0xC0 | (cp >> 6));
        *u++ = (unsigned char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *u++ = (unsigned char)(0xE0 | (cp >> 12));
        *u++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        *u++ = (unsigned char)(0x80 | (cp & 0x3F));
    } else {
        *u++ = (unsigned char)(0xF0 | (cp >> 18));
        *u++ = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        *u++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        *u++ = (unsigned char)(0x80 | (cp & 0x3F));
    }
    *o = (char *)u;
}

static char *string_after(const char *json, const char *section, const char *key);

/*
 * The first row's "error" in zjc_subsidy_table's JSON, its escapes decoded
 * (a new string), or NULL when it is null. A key in the JSON is the only
 * place `"error":` can occur (inside a string its quotes are escaped), and
 * the first row's comes first.
 */
static char *first_row_error(const char *json) { return string_after(json, "\"rows\"", "\"error\":"); }

/*
 * The first string value of `key` ("\"error\":") after `section` in a
 * result's JSON, its escapes decoded (a new string), the first entry when
 * the value is an array; NULL when absent or not a string (null).
 */
static char *string_after(const char *json, const char *section, const char *key) {
    const char *p = strstr(json, section);
    char *out, *o;
    if (p == NULL || (p = strstr(p, key)) == NULL) return NULL;
    p += strlen(key);
    p += strspn(p, " \t\r\n[");
    if (*p != '"') return NULL;
    out = o = xmalloc(strlen(p) + 1);
    for (++p; *p != '\0' && *p != '"'; ++p) {
        if (*p != '\\') {
            *o++ = *p;
            continue;
        }
        ++p;
        if (*p == 'u') {
            unsigned long cp = strtoul((char[]){p[1], p[2], p[3], p[4], '\0'}, NULL, 16);
            p += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && p[1] == '\\' && p[2] == 'u') {
                unsigned long low = strtoul((char[]){p[3], p[4], p[5], p[6], '\0'}, NULL, 16);
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                p += 6;
            }
            put_utf8(&o, cp);
        } else if (*p == 'n') {
            *o++ = '\n';
        } else if (*p == 't') {
            *o++ = '\t';
        } else if (*p == 'r') {
            *o++ = '\r';
        } else if (*p == 'b') {
            *o++ = '\b';
        } else if (*p == 'f') {
            *o++ = '\f';
        } else if (*p != '\0') {
            *o++ = *p; /* \" \\ \/ */
        } else {
            break;
        }
    }
    *o = '\0';
    return out;
}

/* `data` as the text of a JSON string, quotes included (a new string). */
static char *json_quoted(const char *data, size_t len) {
    char *out = xmalloc(len * 6 + 3), *o = out;
    size_t i;
    *o++ = '"';
    for (i = 0; i < len; ++i) {
        unsigned char ch = (unsigned char)data[i];
        if (ch == '"' || ch == '\\') {
            *o++ = '\\';
            *o++ = (char)ch;
        } else if (ch < 0x20) {
            sprintf(o, "\\u%04x", ch);
            o += 6;
        } else {
            *o++ = (char)ch;
        }
    }
    *o++ = '"';
    *o = '\0';
    return out;
}

/* The string value of `key` in a case's flat options JSON (a new string; "" when absent). */
static char *option_value(const char *options, const char *key) {
    char needle[64];
    const char *p, *end;
    char *out;
    sprintf(needle, "\"%s\"", key);
    p = options != NULL ? strstr(options, needle) : NULL;
    if (p == NULL) return join("", "", "");
    p = strchr(strchr(p + strlen(needle), ':'), '"') + 1;
    end = strchr(p, '"');
    out = xmalloc((size_t)(end - p) + 1);
    memcpy(out, p, (size_t)(end - p));
    out[end - p] = '\0';
    return out;
}

/* A `screen` case through zjc_screen_tables: its file as CSV text named "input.csv". */
static int32_t call_screen(const bad_case *c, const char *data, size_t len, char **out_text) {
    const char *options = get(c, "options", "capi");
    char *text = json_quoted(data, len), *lender = option_value(options, "lender"),
         *period = option_value(options, "period"), *tables, *screen_options, *head;
    int32_t status;
    head = join("[{\"name\": \"input.csv\", \"text\": ", text, "");
    if (*lender != '\0') {
        char *with = join(head, ", \"lender\": \"", lender);
        free(head);
        head = join(with, "\"", "");
        free(with);
    }
    tables = join(head, "}]", "");
    screen_options = *period != '\0' ? join("{\"period\": \"", period, "\"}") : join("{}", "", "");
    status = zjc_screen_tables(NULL, tables, screen_options, out_text);
    free(text);
    free(lender);
    free(period);
    free(head);
    free(tables);
    free(screen_options);
    return status;
}

/* A `screen` case's first listing's "error" (a new string, NULL when null). */
static char *screen_text(const char *json) { return string_after(json, "\"loans\": {", "\"error\":"); }

/* A `sandbox` case through zjc_seek_tables or zjc_whatif_tables (its `call`):
 * its file as CSV text named "input.csv", its `request` as the options. */
static int32_t call_sandbox(const bad_case *c, const char *data, size_t len, char **out_text) {
    const char *call_name = get(c, "call", "capi"), *request = get(c, "request", "capi");
    char *text = json_quoted(data, len), *tables = join("[{\"name\": \"input.csv\", \"text\": ", text, "}]");
    int32_t status = ZJC_OK;
    if (call_name != NULL && strcmp(call_name, "seek") == 0)
        status = zjc_seek_tables(NULL, tables, request != NULL ? request : "{}", out_text);
    else if (call_name != NULL && strcmp(call_name, "whatif") == 0)
        status = zjc_whatif_tables(NULL, tables, request != NULL ? request : "{}", out_text);
    else
        problem(c, "call must be seek or whatif", call_name);
    free(text);
    free(tables);
    return status;
}

/* Calls the kind's entry point; returns its status. *out_text is any string it returned. */
static int32_t call(const bad_case *c, const char *data, size_t len, const char *ledger, char **out_text) {
    const char *k = c->kind;
    *out_text = NULL;
    if (strcmp(k, "amount") == 0) {
        int64_t fen = 0x5A5A5A5A;
        int32_t status = zjc_amount_parse(&fen, data, ZJC_ROUND_EXACT);
        if (status != ZJC_OK && fen != 0x5A5A5A5A) problem(c, "*out_fen was written on failure", NULL);
        return status;
    }
    if (strcmp(k, "plan") == 0) {
        zjc_plan *plan = NULL;
        int32_t status = zjc_plan_load_json(&plan, data, len);
        if (status != ZJC_OK && plan != NULL) problem(c, "*out was written on failure", NULL);
        zjc_plan_free(plan);
        return status;
    }
    if (strcmp(k, "month") == 0) return zjc_ledger_check(NULL, ledger, data, out_text);
    if (strcmp(k, "ledger") == 0) return zjc_ledger_check(NULL, data, "2022-09", out_text);
    if (strcmp(k, "subsidy") == 0) return zjc_first_loan_subsidy(NULL, data, out_text);
    if (strcmp(k, "reward") == 0) return zjc_receivables_reward(NULL, data, out_text);
    if (strcmp(k, "award") == 0) return zjc_listing_award(NULL, data, out_text);
    if (strcmp(k, "assess") == 0) return zjc_assess(NULL, data, out_text);
    if (strcmp(k, "budget") == 0) return zjc_budget_allocate(NULL, data, out_text);
    if (strcmp(k, "screen") == 0) return call_screen(c, data, len, out_text);
    if (strcmp(k, "sandbox") == 0) return call_sandbox(c, data, len, out_text);
    if (strcmp(k, "table") == 0) {
        char *name = table_file_name(c), *options = table_options(c);
        int32_t status = zjc_subsidy_table(NULL, data, len, name, options, out_text);
        free(name);
        free(options);
        return status;
    }
    if (strcmp(k, "register") == 0) {
        /* A register is a file, opened where it lies (the case's input). */
        char *path = join(c->dir, "/", c->input);
        int32_t status = zjc_register_verify(path, out_text);
        free(path);
        return status;
    }
    if (strcmp(k, "ledger_file") == 0) {
        char *name = table_file_name(c);
        int32_t status = zjc_ledger_read(NULL, data, len, name, out_text);
        free(name);
        return status;
    }
    problem(c, "no C entry point for this kind", k);
    return ZJC_OK;
}

/*
 * The light calls (zjc_first_loan_subsidy_amount, zjc_receivables_reward_amount)
 * on a subsidy or reward case: the same status, field and message as the JSON
 * call just made (`status`, `field`, `message`: copies), and no output written.
 */
static void check_light_call(const bad_case *c, const char *data, int32_t status, const char *field,
                             const char *message) {
    const int64_t fen_mark = 0x5A5A5A5A;
    int64_t fen = fen_mark;
    int32_t eligible = 7;
    uint32_t reasons = 0xA5A5u;
    int32_t got;
    char buf[128];
    if (strcmp(c->kind, "subsidy") == 0)
        got = zjc_first_loan_subsidy_amount(NULL, data, &fen, &eligible, &reasons);
    else if (strcmp(c->kind, "reward") == 0)
        got = zjc_receivables_reward_amount(NULL, data, &fen, &eligible, &reasons);
    else
        return;
    if (got != status) {
        sprintf(buf, "%s, the JSON call %s", zjc_status_name(got), zjc_status_name(status));
        problem(c, "light call: status", buf);
    }
    if (strcmp(zjc_last_error_field(), field) != 0)
        problem(c, "light call: field differs from the JSON call's", zjc_last_error_field());
    if (strcmp(zjc_last_error(), message) != 0)
        problem(c, "light call: message differs from the JSON call's", zjc_last_error());
    if (got != ZJC_OK && (fen != fen_mark || eligible != 7 || reasons != 0xA5A5u))
        problem(c, "light call: an output was written on failure", NULL);
}

/* A `level=loan` table case: the call succeeds and its first row carries the error. */
static int run_loan_level(const bad_case *c, const char *ledger, size_t max_message) {
    size_t len, i, n_messages = 0;
    char *data = case_data(c, &len);
    char *out = NULL, *error, *file = table_file_name(c), *want_field;
    const char *own_key = "message.capi";
    int own = has_key(c, own_key);
    int32_t got;

    problems = 0;
    got = call(c, data, len, ledger, &out);
    free(data);
    if (got != ZJC_OK) {
        problem(c, "the call failed (the whole table refused), expected the first row's error", zjc_last_error());
        free(file);
        return 0;
    }
    error = out == NULL ? NULL : strcmp(c->kind, "screen") == 0 ? screen_text(out) : first_row_error(out);
    zjc_string_free(out);
    if (error == NULL) {
        problem(c, "the first row has no error", NULL);
        free(file);
        return 0;
    }
    want_field = with_file(get(c, "field", "capi") ? get(c, "field", "capi") : "", file);
    if (strstr(error, want_field) == NULL) problem(c, "the first row's error does not name the field", want_field);
    for (i = 0; i < c->n_keys; ++i) {
        char *want;
        if (strcmp(c->keys[i], own ? own_key : "message") != 0) continue;
        ++n_messages;
        want = with_file(c->values[i], file);
        if (strstr(error, want) == NULL) problem(c, "the first row's error lacks", want);
        free(want);
    }
    if (n_messages == 0) problem(c, "the case names no message", NULL);
    if (!valid_utf8((const unsigned char *)error, strlen(error))) problem(c, "the error is not valid UTF-8", NULL);
    if (strlen(error) > max_message) problem(c, "the first row's error is longer than the case allows", NULL);
    if (problems > 0) printf("    the first row's error was: \"%.1000s\"\n", error);
    free(want_field);
    free(error);
    free(file);
    return problems == 0;
}

/* Runs one case; returns 1 when it passed. */
static int run(const bad_case *c, const char *ledger) {
    size_t len, i, n_messages = 0;
    char *data = case_data(c, &len);
    char *out = NULL;
    int32_t want = status_code(get(c, "status", "capi"));
    int32_t got;
    const char *message, *field;
    size_t max_message = get(c, "max_message", "capi") ? (size_t)strtoul(get(c, "max_message", "capi"), NULL, 10)
                                                        : DEFAULT_MAX_MESSAGE;
    char buf[128];
    const char *own_key = "message.capi";
    int own = has_key(c, own_key);
    char *file, *want_field;

    if ((strcmp(c->kind, "table") == 0 && get(c, "level", "capi") != NULL && strcmp(get(c, "level", "capi"), "loan") == 0) ||
        (strcmp(c->kind, "screen") == 0 && get(c, "level", "capi") != NULL && strcmp(get(c, "level", "capi"), "table") != 0)) {
        free(data);
        return run_loan_level(c, ledger, max_message);
    }
    problems = 0;
    got = call(c, data, len, ledger, &out);
    message = zjc_last_error();
    field = zjc_last_error_field();
    if (got == ZJC_OK) {
        problem(c, "no error: the call succeeded", NULL);
        zjc_string_free(out);
        free(data);
        return 0;
    }
    file = strcmp(c->kind, "table") == 0 || strcmp(c->kind, "screen") == 0 || strcmp(c->kind, "ledger_file") == 0
               ? table_file_name(c)
               : join("input.csv", "", "");
    want_field = get(c, "field", "capi") != NULL ? with_file(get(c, "field", "capi"), file) : NULL;
    if (out != NULL) {
        problem(c, "*out was written on failure", NULL);
        zjc_string_free(out);
    }
    if (got != want) {
        sprintf(buf, "%s, expected %s", zjc_status_name(got), zjc_status_name(want));
        problem(c, "status", buf);
    }
    if (zjc_last_status() != got) problem(c, "zjc_last_status() differs from the returned status", NULL);
    if (want_field == NULL || strstr(field, want_field) == NULL) problem(c, "zjc_last_error_field() lacks", want_field);
    for (i = 0; i < c->n_keys; ++i) {
        char *want;
        if (strcmp(c->keys[i], own ? own_key : "message") != 0) continue;
        ++n_messages;
        want = with_file(c->values[i], file);
        if (strstr(message, want) == NULL) problem(c, "message lacks", want);
        free(want);
    }
    free(want_field);
    free(file);
    if (n_messages == 0) problem(c, "the case names no message", NULL);
    if (strlen(message) > max_message) {
        sprintf(buf, "%lu bytes, more than %lu", (unsigned long)strlen(message), (unsigned long)max_message);
        problem(c, "message too long", buf);
    }
    if (!valid_utf8((const unsigned char *)message, strlen(message))) problem(c, "message is not valid UTF-8", NULL);
    if (!valid_utf8((const unsigned char *)field, strlen(field))) problem(c, "field is not valid UTF-8", NULL);
    if (problems > 0) {
        printf("    field was: \"%s\"\n", field);
        printf("    message was: \"%.1000s\"\n", message);
    }
    {
        /* Copies: the light call replaces the thread's error record. */
        char *message_copy = join(message, "", ""), *field_copy = join(field, "", "");
        check_light_call(c, data, got, field_copy, message_copy);
        free(message_copy);
        free(field_copy);
    }
    free(data);
    return problems == 0;
}

static int matches(const bad_case *c, int n_filters, char **filters) {
    int i;
    char *id;
    int found = 0;
    if (n_filters == 0) return 1;
    id = join(c->kind, "/", c->name);
    for (i = 0; i < n_filters && !found; ++i) found = strstr(id, filters[i]) != NULL;
    free(id);
    return found;
}

int main(int argc, char **argv) {
    bad_case *cases = NULL;
    size_t n = 0, cap = 0, i, ledger_len;
    size_t counted = 0, counted_passed = 0, extra = 0, extra_passed = 0;
    char *ledger_path, *ledger;
    const size_t n_counted_kinds = sizeof counted_kinds / sizeof *counted_kinds;
    const size_t n_extra_kinds = sizeof extra_kinds / sizeof *extra_kinds;
    if (argc < 2) {
        fprintf(stderr, "usage: %s DATA_DIR [NAME_FILTER...]\n", argv[0]);
        return 2;
    }
    for (i = 0; i < n_counted_kinds; ++i) load_kind(argv[1], counted_kinds[i], &cases, &n, &cap);
    for (i = 0; i < n_extra_kinds; ++i) load_kind(argv[1], extra_kinds[i], &cases, &n, &cap);
    ledger_path = join(argv[1], "/", "month/ledger.json");
    ledger = read_file(ledger_path, &ledger_len);
    free(ledger_path);

    for (i = 0; i < n; ++i) {
        size_t k;
        int is_extra = 0, passed;
        if (!matches(&cases[i], argc - 2, argv + 2)) continue;
        for (k = 0; k < n_extra_kinds; ++k) is_extra |= strcmp(cases[i].kind, extra_kinds[k]) == 0;
        passed = run(&cases[i], ledger);
        if (is_extra) {
            ++extra;
            extra_passed += (size_t)passed;
        } else {
            ++counted;
            counted_passed += (size_t)passed;
        }
    }
    printf("  extra cases (not counted): %lu through C ABI, %lu passed, %lu failed\n", (unsigned long)extra,
           (unsigned long)extra_passed, (unsigned long)(extra - extra_passed));
    printf("bad-input catalogue: %lu cases through C ABI, %lu passed, %lu failed\n", (unsigned long)counted,
           (unsigned long)counted_passed, (unsigned long)(counted - counted_passed));

    for (i = 0; i < n; ++i) {
        free(cases[i].kind);
        free(cases[i].name);
        free(cases[i].dir);
        free(cases[i].input);
        free(cases[i].expect_buf);
    }
    free(cases);
    free(ledger);
    if (counted_passed != counted || extra_passed != extra) return 1;
    if (argc == 2 && counted < MIN_CASES) {
        printf("the catalogue must hold at least %d cases, it holds %lu\n", MIN_CASES, (unsigned long)counted);
        return 1;
    }
    return 0;
}
