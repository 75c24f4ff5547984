// zjcredit version: the place the version is written. CMake parses these
// macros; capi/zjcredit.h repeats them for C users who take that header
// alone, and the library does not compile when the two differ
// (capi/src/version.cpp). The wheel takes its version from zjc_version().
#ifndef ZJCREDIT_VERSION_HPP
#define ZJCREDIT_VERSION_HPP

#define ZJCREDIT_VERSION_MAJOR 0
#define ZJCREDIT_VERSION_MINOR 2
#define ZJCREDIT_VERSION_PATCH 0

// major * 10000 + minor * 100 + patch, for preprocessor comparisons.
#define ZJCREDIT_VERSION \
    (ZJCREDIT_VERSION_MAJOR * 10000 + ZJCREDIT_VERSION_MINOR * 100 + ZJCREDIT_VERSION_PATCH)

#define ZJCREDIT_STRINGIFY_(x) #x
#define ZJCREDIT_STRINGIFY(x) ZJCREDIT_STRINGIFY_(x)
#define ZJCREDIT_VERSION_STRING                                     \
    ZJCREDIT_STRINGIFY(ZJCREDIT_VERSION_MAJOR)                      \
    "." ZJCREDIT_STRINGIFY(ZJCREDIT_VERSION_MINOR) "." ZJCREDIT_STRINGIFY( \
        ZJCREDIT_VERSION_PATCH)

#endif
