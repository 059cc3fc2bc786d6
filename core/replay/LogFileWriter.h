// The writing twin of LogFileReader: plain or gzip (when the name ends in ".gz")
// behind one interface, for `vigilctl simulate --out` and File → Record. gzopen
// writes no file name or modification time, so the bytes depend only on the
// content. Errors read "PATH: reason".
#pragma once

#include <cstdio>
#include <string>

namespace vigil {

class LogFileWriter {
public:
    LogFileWriter() = default;
    ~LogFileWriter();  // close(), its error dropped: call close() to see it
    LogFileWriter(const LogFileWriter&) = delete;
    LogFileWriter& operator=(const LogFileWriter&) = delete;

    bool open(const std::string& path, std::string& error);  // creates (truncates)
    bool write(const std::string& bytes, std::string& error);
    bool close(std::string& error);  // the gzip trailer; true when nothing was open

private:
    std::string path_;
    void* gz_ = nullptr;         // gzFile, when gzip
    std::FILE* file_ = nullptr;  // plain
};

}  // namespace vigil
