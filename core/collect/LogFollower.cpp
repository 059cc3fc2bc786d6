#include "collect/LogFollower.h"

#include "collect/BatchHandOff.h"
#include "collect/LogLineParser.h"

#include <boost/asio/post.hpp>

#include <cerrno>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <mutex>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace vigil::collect {

namespace asio = boost::asio;

namespace {
constexpr std::size_t kChunk = 64u << 10;
constexpr std::size_t kKeptErrors = 100;
}  // namespace

class LogFollower::Impl : public std::enable_shared_from_this<Impl> {
public:
    Impl(asio::io_context& io, LogFollowOptions options, RecordSink& sink, const Clock& clock)
        : strand_(asio::make_strand(io)), timer_(strand_), options_(std::move(options)), clock_(clock),
          handOff_(strand_, sink, counters_, options_.offerRetry) {
        for (const LogFileOptions& f : options_.files) {
            auto followed = std::make_unique<Followed>();
            followed->opt = f;
            followed->parser = std::make_unique<LogLineParser>(f);
            followed->status.path = f.path;
            files_.push_back(std::move(followed));
        }
        status_.resize(files_.size());
        publish();
    }
    ~Impl() {
        for (auto& f : files_)
            if (f->fd >= 0) ::close(f->fd);
    }

    void start() {
        asio::dispatch(strand_, [self = shared_from_this()] {
            if (self->stopped_ || self->started_) return;
            self->started_ = true;
            self->onTick();
        });
    }

    void stop() {
        asio::dispatch(strand_, [self = shared_from_this()] {
            self->stopped_ = true;
            self->timer_.cancel();
            self->handOff_.cancel();
        });
    }

    SourceCounters counters_;
    std::atomic<std::uint64_t> polls_{0};
    mutable std::mutex statusMutex_;
    std::vector<FollowedFileStatus> status_;
    std::deque<std::string> errors_;

private:
    struct Followed {
        LogFileOptions opt;
        std::unique_ptr<LogLineParser> parser;
        int fd = -1;
        dev_t dev = 0;
        ino_t ino = 0;
        std::uint64_t readOffset = 0;  // bytes of the current file read into buf
        std::string buf;               // read, not yet consumed
        bool skipping = false;         // inside a line over the limit
        std::uint64_t lineNo = 0;      // lines of the current file consumed
        bool first = true;             // the first file this path named (fromStart applies)
        bool missingReported = false;
        FollowedFileStatus status;
    };

    void onTick() {
        if (stopped_) return;
        timer_.expires_after(options_.poll);
        timer_.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
            if (!ec) self->onTick();
        });
        if (!handOff_.busy()) pollAll();
    }

    void pollAll() {
        if (stopped_) return;
        polls_.fetch_add(1, std::memory_order_relaxed);
        const TimestampMs now = clock_.now();
        std::vector<Record> batch;
        bool more = false;
        for (auto& f : files_) {
            more = pollFile(*f, now, batch) || more;
            f->status.open = f->fd >= 0;
        }
        publish();
        handOff_.offer(std::move(batch), [this, more] {
            // The batch filled up before the files' ends: go on at once, not a poll later.
            if (more && !stopped_) asio::post(strand_, [self = shared_from_this()] { self->pollAll(); });
        });
    }

    // Appends what the file has; true when it stopped at maxBatch with more to read.
    bool pollFile(Followed& f, TimestampMs now, std::vector<Record>& out) {
        if (f.fd < 0 && !open(f)) return false;
        struct stat st {};
        if (::fstat(f.fd, &st) == 0 && static_cast<std::uint64_t>(st.st_size) < f.readOffset) {
            ++f.status.truncations;  // copytruncate: what is there now is new
            f.readOffset = 0;
            f.buf.clear();
            f.skipping = false;
            f.lineNo = 0;
        }
        for (;;) {
            if (!consume(f, now, out)) return true;
            char chunk[kChunk];
            const ssize_t n = ::pread(f.fd, chunk, sizeof chunk, static_cast<off_t>(f.readOffset));
            if (n <= 0) break;
            f.readOffset += static_cast<std::uint64_t>(n);
            f.buf.append(chunk, static_cast<std::size_t>(n));
        }
        // At the end of the open file: has the path moved on to a new file?
        struct stat now_st {};
        if (::stat(f.opt.path.c_str(), &now_st) != 0 || (now_st.st_dev == f.dev && now_st.st_ino == f.ino)) return false;
        if (!f.buf.empty() && !f.skipping) line(f, f.buf, now, out);  // a rotated file is finished
        ::close(f.fd);
        f.fd = -1;
        f.buf.clear();
        f.skipping = false;
        ++f.status.rotations;
        return pollFile(f, now, out);
    }

    bool open(Followed& f) {
        const int fd = ::open(f.opt.path.c_str(), O_RDONLY | O_CLOEXEC);
        struct stat st {};
        if (fd < 0 || ::fstat(fd, &st) != 0) {
            if (fd >= 0) ::close(fd);
            if (!f.missingReported) error(f.opt.path + ": cannot open: " + std::strerror(errno) + " (waiting for it)");
            f.missingReported = true;
            return false;
        }
        f.fd = fd;
        f.dev = st.st_dev;
        f.ino = st.st_ino;
        f.readOffset = 0;
        f.lineNo = 0;
        f.missingReported = false;
        if (f.first && !f.opt.fromStart) skipExisting(f);
        f.first = false;
        return true;
    }

    // Starts at the end of what is there, counting its lines so reasons name true line numbers.
    void skipExisting(Followed& f) {
        char chunk[kChunk];
        ssize_t n;
        std::uint64_t lastNewline = 0;
        while ((n = ::pread(f.fd, chunk, sizeof chunk, static_cast<off_t>(f.readOffset))) > 0) {
            for (ssize_t i = 0; i < n; ++i)
                if (chunk[i] == '\n') {
                    ++f.lineNo;
                    lastNewline = f.readOffset + static_cast<std::uint64_t>(i) + 1;
                }
            f.readOffset += static_cast<std::uint64_t>(n);
        }
        f.readOffset = lastNewline;  // an unfinished last line is still to come: read it whole
    }

    // Takes complete lines from buf; false when the batch is full.
    bool consume(Followed& f, TimestampMs now, std::vector<Record>& out) {
        std::size_t at = 0;
        bool room = true;
        while (at < f.buf.size()) {
            if (out.size() >= options_.maxBatch) {
                room = false;
                break;
            }
            const std::size_t nl = f.buf.find('\n', at);
            if (nl == std::string::npos) break;
            if (f.skipping) {
                f.skipping = false;  // the over-long line ends here; it was counted when found
            } else {
                line(f, std::string_view(f.buf).substr(at, nl - at), now, out);
            }
            at = nl + 1;
        }
        f.buf.erase(0, at);
        f.status.offset = f.readOffset - f.buf.size();
        if (!f.skipping && f.buf.size() > options_.maxLineBytes) {
            ++f.lineNo;
            ++f.status.lines;
            SourceCounters::bump(counters_.dropped);
            error(f.opt.path + ":" + std::to_string(f.lineNo) + ": line is over the " +
                  std::to_string(options_.maxLineBytes) + "-byte limit, skipped");
            f.skipping = true;
        }
        if (f.skipping) f.buf.clear();
        return room;
    }

    void line(Followed& f, std::string_view text, TimestampMs now, std::vector<Record>& out) {
        ++f.lineNo;
        ++f.status.lines;
        if (text.find_first_not_of(" \t\r") == std::string_view::npos) return;  // blank: skipped, not counted
        SourceCounters::bump(counters_.requests);
        Record r;
        std::string why;
        if (f.parser->parse(text, now, r, why)) {
            out.push_back(std::move(r));
            return;
        }
        SourceCounters::bump(counters_.malformed);
        error(f.opt.path + ":" + std::to_string(f.lineNo) + ": " + why);
    }

    void error(std::string text) {
        std::lock_guard lock(statusMutex_);
        errors_.push_back(std::move(text));
        if (errors_.size() > kKeptErrors) errors_.pop_front();
    }

    void publish() {
        std::lock_guard lock(statusMutex_);
        for (std::size_t i = 0; i < files_.size(); ++i) status_[i] = files_[i]->status;
    }

    asio::strand<asio::io_context::executor_type> strand_;
    asio::steady_timer timer_;
    LogFollowOptions options_;
    const Clock& clock_;
    BatchHandOff handOff_;
    std::vector<std::unique_ptr<Followed>> files_;
    bool started_ = false, stopped_ = false;
};

std::vector<std::string> LogFollower::check(const LogFollowOptions& o) {
    std::vector<std::string> problems;
    if (o.poll.count() <= 0) problems.push_back("poll: must be positive");
    if (o.maxLineBytes == 0) problems.push_back("max_line_bytes: must be positive");
    if (o.maxBatch == 0) problems.push_back("max_batch: must be positive");
    for (std::size_t i = 0; i < o.files.size(); ++i) {
        const std::string at = "files[" + std::to_string(i) + "]";
        if (o.files[i].path.empty()) problems.push_back(at + ".path: missing");
        if (o.files[i].format == LogFileFormat::Regex && o.files[i].pattern.empty())
            problems.push_back(at + ".pattern: missing (format regex)");
        else if (auto why = LogLineParser::checkPattern(o.files[i]); !why.empty())
            problems.push_back(at + "." + why);
    }
    return problems;
}

LogFollower::LogFollower(asio::io_context& io, LogFollowOptions options, RecordSink& sink, const Clock& clock) {
    if (auto problems = check(options); !problems.empty()) throw std::invalid_argument(problems.front());
    impl_ = std::make_shared<Impl>(io, std::move(options), sink, clock);
}

LogFollower::~LogFollower() { stop(); }
void LogFollower::start() { impl_->start(); }
void LogFollower::stop() { impl_->stop(); }
SourceCountersSnapshot LogFollower::counters() const { return impl_->counters_.snapshot(); }
std::uint64_t LogFollower::polls() const { return impl_->polls_.load(std::memory_order_relaxed); }
std::vector<FollowedFileStatus> LogFollower::files() const {
    std::lock_guard lock(impl_->statusMutex_);
    return impl_->status_;
}
std::vector<std::string> LogFollower::lastErrors() const {
    std::lock_guard lock(impl_->statusMutex_);
    return {impl_->errors_.begin(), impl_->errors_.end()};
}

}  // namespace vigil::collect
