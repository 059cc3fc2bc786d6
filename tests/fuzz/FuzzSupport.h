// Shared by the libFuzzer targets: a check that aborts (libFuzzer saves the input
// as a crash) and a scratch file per process for readers that only take a path.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unistd.h>

#define FUZZ_CHECK(cond)                                                                  \
    do {                                                                                  \
        if (!(cond)) {                                                                    \
            std::fprintf(stderr, "fuzz check failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
            std::abort();                                                                 \
        }                                                                                 \
    } while (0)

namespace vigil::fuzz {

// A file in $TMPDIR (or /tmp) named after this process, rewritten for every input
// and removed at exit, so parallel fuzzers (-jobs) do not share one.
class ScratchFile {
public:
    explicit ScratchFile(std::string_view suffix) {
        const char* dir = std::getenv("TMPDIR");
        path_ = std::string(dir && *dir ? dir : "/tmp") + "/vigil-fuzz-" + std::to_string(::getpid()) +
                std::string(suffix);
    }
    ~ScratchFile() { std::remove(path_.c_str()); }
    const std::string& write(std::string_view bytes) {
        std::FILE* f = std::fopen(path_.c_str(), "wb");
        FUZZ_CHECK(f != nullptr);
        FUZZ_CHECK(std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size());
        FUZZ_CHECK(std::fclose(f) == 0);
        return path_;
    }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

}  // namespace vigil::fuzz
