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
    nlohmann-json3-dev libxlsxwriter-dev \
    python3 python3-pytest python3-hypothesis python3-openpyxl \
    abigail-tools binutils

.PHONY: all deps configure build demo test install clean

all: build

deps:
	@sh cmake/install-debian-packages.sh $(PACKAGES)

configure: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DCMAKE_INSTALL_PREFIX=$(PREFIX)

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

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# Installs into $(PREFIX): the C library and headers, the CMake package,
# zjcredit.pc, the zjcredit program and the Python package. Through sudo when
# $(PREFIX) is not writable; then refreshes the dynamic loader's cache.
install: build
	@if [ -w "$(PREFIX)" ] || { [ ! -e "$(PREFIX)" ] && [ -w "$$(dirname "$(PREFIX)")" ]; }; \
	then as_root=""; else as_root="sudo"; fi; \
	echo "$$as_root cmake --install $(BUILD)"; $$as_root cmake --install $(BUILD) || exit 1; \
	if [ "$$(id -u)" -eq 0 ] || [ -n "$$as_root" ]; then $$as_root ldconfig; fi

clean:
	rm -rf $(BUILD)
