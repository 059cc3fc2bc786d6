# VIGIL_SANITIZE=ON: the core libraries, vigilctl and their tests built with
# AddressSanitizer + UndefinedBehaviorSanitizer (clang), plus the libFuzzer targets
# of tests/fuzz. Meant for its own build directory (build-asan, see tools/sanitize.sh
# and docs/reliability.md); the GUI, ui tests and benchmarks are left out so the
# build stays small.
if(NOT VIGIL_SANITIZE)
  return()
endif()
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "VIGIL_SANITIZE needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++-14")
endif()

set(VIGIL_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=undefined
    -fno-omit-frame-pointer)
add_compile_options(${VIGIL_SANITIZER_FLAGS})
add_link_options(${VIGIL_SANITIZER_FLAGS})
set(VIGIL_BUILD_BENCH OFF CACHE BOOL "Build the Google Benchmark targets" FORCE)

# What every sanitized process gets from CTest (tools/sanitize.sh exports the same):
# stop at the first report, with a stack; LSan ignores only the leaks listed, each
# with its reason, in tests/fuzz/lsan.supp.
set(VIGIL_SANITIZER_ENV
    "ASAN_OPTIONS=abort_on_error=0:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1"
    "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1"
    "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/fuzz/lsan.supp:print_suppressions=0")
