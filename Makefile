# Thin driver for the commands in the README (demo, test, install). Everything real lives in
# CMakeLists.txt; this file only installs Debian packages, configures, builds
# and runs.

BUILD ?= build
BUILD_TYPE ?= RelWithDebInfo
PREFIX ?= /usr/local
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

# Every Debian package the build, the tests and the demo need, in one place.
PACKAGES := g++ make cmake pkg-config \
    libboost-dev libboost-date-time-dev libmsgsl-dev doctest-dev \
    nlohmann-json3-dev libsimdjson-dev libxlsxwriter-dev libzip-dev libexpat1-dev \
    libsqlite3-dev libssl-dev sqlite3 \
    python3 python3-pytest python3-hypothesis python3-openpyxl python3-numpy python3-pandas python3-dask \
    abigail-tools binutils \
    chromium fonts-wqy-microhei \
    man-db groff-base python3-venv python3-pip python3-build python3-setuptools python3-wheel python3-mypy

# Only `make docs` needs this.
DOCS_PACKAGES := doxygen

# Only `make package` and `make package-test` need these.
PACKAGE_PACKAGES := dpkg-dev lintian

# Only `make bench` needs these (time: GNU time, for the CLI's peak RSS).
BENCH_PACKAGES := libbenchmark-dev time

# Only `make fuzz` needs these: clang 14 and its libFuzzer/sanitizer runtimes.
FUZZ_PACKAGES := clang libclang-rt-14-dev

.PHONY: all deps configure build demo test check sanitize install fuzz docs package package-test clean

all: build

deps:
	@sh cmake/install-debian-packages.sh $(PACKAGES)

# Warnings are errors in every build `make test` runs (ZJCREDIT_WERROR is
# off by default, for packagers' builds on other compilers).
WERROR := -DZJCREDIT_WERROR=ON

configure: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DCMAKE_INSTALL_PREFIX=$(PREFIX) $(WERROR)

build: configure
	cmake --build $(BUILD) -j $(JOBS)

# The main job: the CLI on the embedded 2022 plan.
demo: build
	@echo "== zjcredit plan"; $(BUILD)/zjcredit plan
	@echo; echo "== zjcredit lint"; $(BUILD)/zjcredit lint
	@echo; echo "== zjcredit assess docs/examples/observations.csv"; \
	    $(BUILD)/zjcredit assess docs/examples/observations.csv
	@echo; echo "== zjcredit subsidy docs/examples/loans.csv"; \
	    $(BUILD)/zjcredit subsidy docs/examples/loans.csv

# Everything CI runs: the suite as built for use, then again under sanitizers,
# the reference pages (no Doxygen warning) and the Debian packages installed
# and tried against /usr (the Release build a packager makes).
test: check sanitize docs package-test

# The suite on the $(BUILD_TYPE) build only (the quick loop while working).
check: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The test suite under sanitizers (part of `make test`):
#  1. $(ASAN_BUILD): every target (library, libzjcredit.so, CLI, tests) built
#     with AddressSanitizer + UndefinedBehaviorSanitizer (cmake/ZjcreditSanitize.cmake);
#     the whole ctest suite runs, LeakSanitizer on, and any report of the
#     three fails its test (UBSan: -fno-sanitize-recover=all and halt_on_error).
#  2. $(TSAN_BUILD): ThreadSanitizer, and tests/concurrency with 8 threads x
#     $(CONCURRENCY_N) calls on one shared plan handle plus per-thread plans.
# Both are -O1 -g with assertions on (RelWithDebInfo without -DNDEBUG): at -O0
# the instrumented rules_diff alone takes most of its 600 s timeout.
ASAN_BUILD ?= build-asan
TSAN_BUILD ?= build-tsan
CONCURRENCY_N ?= 100000
SANITIZE_CONFIGURE := -DCMAKE_BUILD_TYPE=RelWithDebInfo $(WERROR) \
    "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -g" "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g"
ASAN_ENV := ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# No test is excluded, but these run in a second ctest pass: their process is
# not built by us (CPython loading the instrumented libzjcredit.so.0 through
# ctypes; the consumer programs, built like a user's without sanitizers, linked
# to it), and the ASan runtime must come first in such a process, so it is
# preloaded. libstdc++ is preloaded with it: CPython does not link it, and
# loaded later it leaves ASan's __cxa_throw interceptor without the real one
# ("CHECK failed: real___cxa_throw != 0" on the first C++ exception). Leak
# detection is off in this pass (detect_leaks=0): LeakSanitizer reports
# CPython's own allocations, which it keeps until exit by design (even
# `python3 -c 'print(1)'` reports leaks), and the tools these tests run
# (cmake, the compiler) are not ours. Our code's leaks are caught by the first
# pass, which runs every C and C++ test, the C ABI ones included, with
# detect_leaks=1.
ASAN_PRELOADED_TESTS := ^(python_tests|bad_input_python|consumers_find_package|consumers_pkg_config|consumers_python|consumers_python_library|consumers_python_site|python_wheel)$$
ASAN_PRELOAD := $(shell $(or $(CC),gcc) -print-file-name=libasan.so 2>/dev/null) \
    $(shell $(or $(CXX),g++) -print-file-name=libstdc++.so 2>/dev/null)

sanitize: deps
	cmake -S . -B $(ASAN_BUILD) -DZJCREDIT_SANITIZE=address $(SANITIZE_CONFIGURE)
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && $(ASAN_ENV) ctest --output-on-failure -j $(JOBS) -E '$(ASAN_PRELOADED_TESTS)'
	cd $(ASAN_BUILD) && LD_PRELOAD="$(ASAN_PRELOAD)" $(subst detect_leaks=1,detect_leaks=0,$(ASAN_ENV)) \
	    ctest --output-on-failure -j $(JOBS) -R '$(ASAN_PRELOADED_TESTS)'
	cmake -S . -B $(TSAN_BUILD) -DZJCREDIT_SANITIZE=thread $(SANITIZE_CONFIGURE) \
	    -DZJCREDIT_CONCURRENCY_N=$(CONCURRENCY_N)
	cmake --build $(TSAN_BUILD) -j $(JOBS) --target concurrency_test
	cd $(TSAN_BUILD) && TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
	    ctest --output-on-failure -R '^concurrency_test$$'

# Installs into $(PREFIX): the C library, libzjcredit_io.a and the headers, the CMake package,
# zjcredit.pc and zjcredit-io.pc, the zjcredit program and the Python package. Through sudo when
# $(PREFIX) is not writable; then refreshes the dynamic loader's cache.
install: build
	@if [ -w "$(PREFIX)" ] || { [ ! -e "$(PREFIX)" ] && [ -w "$$(dirname "$(PREFIX)")" ]; }; \
	then as_root=""; else as_root="sudo"; fi; \
	echo "$$as_root cmake --install $(BUILD)"; $$as_root cmake --install $(BUILD) || exit 1; \
	if [ "$$(id -u)" -eq 0 ] || [ -n "$$as_root" ]; then $$as_root ldconfig; fi

# Benchmarks with ratios against references measured in the same run;
# every figure also goes to $(BUILD)/bench/summary.json. Not part of `make test`.
bench: deps
	@sh cmake/install-debian-packages.sh $(BENCH_PACKAGES)
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DZJCREDIT_BENCH=ON
	cmake --build $(BUILD) -j $(JOBS) --target zjcredit_bench zjcredit_capi zjcredit_cli
	/usr/bin/python3 tests/bench/run_bench.py --bench-binary $(BUILD)/tests/bench/zjcredit_bench \
	    --capi-lib $(BUILD)/capi/libzjcredit.so.0 --cli $(BUILD)/zjcredit \
	    --out $(BUILD)/bench/summary.json

# libFuzzer targets (tests/fuzz) built with clang, -fsanitize=fuzzer,address,undefined,
# the library with ASan + UBSan + fuzzer-no-link. For every target:
# the regression and seed inputs once, then FUZZ_SECONDS of fuzzing
# (FUZZ_PARALLEL targets at a time); a summary table at the end and per-target
# stats in $(FUZZ_BUILD)/logs. Fails if any target finds a crash. Not part of
# `make test`.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_PARALLEL ?= 1
FUZZ_ARGS ?=
fuzz: deps
	@sh cmake/install-debian-packages.sh $(FUZZ_PACKAGES)
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -DZJCREDIT_FUZZ=ON -DZJCREDIT_TEST=ON \
	    -DZJCREDIT_INSTALL=OFF -DZJCREDIT_SANITIZE=address $(SANITIZE_CONFIGURE) \
	    -DCMAKE_C_FLAGS=-fsanitize=fuzzer-no-link -DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target zjcredit_fuzz
	/usr/bin/python3 tests/fuzz/run_fuzz.py --build $(FUZZ_BUILD) --seconds $(FUZZ_SECONDS) \
	    --parallel $(FUZZ_PARALLEL) $(FUZZ_ARGS)

# Reference pages into $(BUILD)/docs: the C ABI and the C++ headers (Doxygen,
# docs/Doxyfile; any warning fails) and the Python package (pydoc). Seconds;
# part of `make test`.
docs: build
	@sh cmake/install-debian-packages.sh $(DOCS_PACKAGES)
	cmake -S . -B $(BUILD)
	cmake --build $(BUILD) --target docs

# The Debian packages (cmake/ZjcreditPackage.cmake) into $(PACKAGE_BUILD):
# a Release build for /usr without the tests, CPack's DEB generator, then
# lintian (any error fails). package-test installs them on this machine
# (as root), runs the consumers against /usr and removes them again
# (tests/packages/check_debs.sh), through sudo when not run as root.
# package-test is part of `make test`: its Release build is the one a
# packager makes, so CI builds it warning-free too.
PACKAGE_BUILD ?= build-deb
package: deps
	@sh cmake/install-debian-packages.sh $(PACKAGE_PACKAGES)
	cmake -S . -B $(PACKAGE_BUILD) -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
	    -DZJCREDIT_TEST=OFF $(WERROR)
	cmake --build $(PACKAGE_BUILD) -j $(JOBS)
	rm -f $(PACKAGE_BUILD)/*.deb
	cd $(PACKAGE_BUILD) && cpack -G DEB
	lintian --fail-on error $(PACKAGE_BUILD)/*.deb

package-test: package
	@if [ "$$(id -u)" -eq 0 ]; then as_root=""; else as_root="sudo"; fi; \
	echo "$$as_root sh tests/packages/check_debs.sh $(PACKAGE_BUILD) ."; \
	$$as_root sh tests/packages/check_debs.sh $(PACKAGE_BUILD) .

clean:
	rm -rf $(BUILD)
