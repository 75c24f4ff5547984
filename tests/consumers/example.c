/* The C ABI: C99, libzjcredit.so.0, target zjcredit::capi or pkg-config zjcredit. */
#include <zjcredit.h>

#include <stdio.h>

int main(void) {
    int64_t fen = 0;
    char *words = NULL;

    if (zjc_abi_version() != ZJC_ABI_VERSION) return 1; /* built and loaded ABI agree */
    if (zjc_amount_parse(&fen, "2.2亿元", ZJC_ROUND_EXACT) != ZJC_OK ||
        zjc_amount_format(&words, fen, ZJC_FORMAT_WORDS) != ZJC_OK) {
        fprintf(stderr, "%s: %s\n", zjc_status_name(zjc_last_status()), zjc_last_error());
        return 1;
    }
    printf("zjcredit %s: %lld 分 = %s\n", zjc_version(), (long long)fen, words);
    zjc_string_free(words);

    /* Bad input is a status and a message, never a crash. */
    if (zjc_amount_parse(&fen, "2.2亿亿", ZJC_ROUND_EXACT) == ZJC_EPARSE)
        printf("%s: %s\n", zjc_status_name(ZJC_EPARSE), zjc_last_error());
    return fen == 22000000000 ? 0 : 1;
}
