#include "ui/EngineActivityFeed.h"

#include "remedy/SimFleetActuator.h"

#include <algorithm>
#include <iterator>

namespace vigil::ui {

EngineActivityFeed::EngineActivityFeed(int pollMs, QObject* parent) : QObject(parent), pollMs_(pollMs) {
    connect(&timer_, &QTimer::timeout, this, &EngineActivityFeed::poll);
    timer_.start(pollMs);
}

namespace {
bool isActivity(const Record& r) {
    return std::holds_alternative<Action>(r) || std::holds_alternative<Approval>(r) ||
           std::holds_alternative<Outcome>(r);
}
}  // namespace

void EngineActivityFeed::Pending::add(std::vector<Record>&& kept) {
    if (kept.empty()) return;
    std::lock_guard lk(mutex);
    records.insert(records.end(), std::make_move_iterator(kept.begin()), std::make_move_iterator(kept.end()));
}

Engine::Sink EngineActivityFeed::replaySink() {
    return [pending = pending_](const std::vector<Record>&, const std::vector<Record>& out) {
        std::vector<Record> kept;
        for (const Record& r : out) {
            if (const auto* a = std::get_if<Action>(&r)) kept.emplace_back(markedSimulated(*a));
            else if (isActivity(r)) kept.push_back(r);
        }
        pending->add(std::move(kept));
    };
}

Engine::Sink EngineActivityFeed::liveSink() {
    return [pending = pending_](const std::vector<Record>& in, const std::vector<Record>& out) {
        std::vector<Record> kept;
        for (const auto* records : {&in, &out})
            for (const Record& r : *records)
                if (isActivity(r)) kept.push_back(r);
        pending->add(std::move(kept));
    };
}

std::size_t EngineActivityFeed::backlog() const {
    std::lock_guard lk(pending_->mutex);
    return pending_->records.size() - pending_->readAt;
}

void EngineActivityFeed::poll() {
    std::vector<Record> batch;
    bool more = false;
    {
        std::lock_guard lk(pending_->mutex);
        auto& q = pending_->records;
        std::size_t& at = pending_->readAt;
        const std::size_t n = std::min(q.size() - at, kSliceRecords);
        const auto from = q.begin() + std::ptrdiff_t(at);
        batch.assign(std::make_move_iterator(from), std::make_move_iterator(from + std::ptrdiff_t(n)));
        at += n;
        more = at < q.size();
        if (!more) {
            q.clear();
            at = 0;
        } else if (at >= kCompactAfter && at * 2 >= q.size()) {
            // A long backlog the engine keeps adding to: drop what was read now and
            // then (at most as many moves as were read), so it cannot grow without end.
            q.erase(q.begin(), q.begin() + std::ptrdiff_t(at));
            at = 0;
        }
    }
    timer_.setInterval(more ? std::min(kBacklogPollMs, pollMs_) : pollMs_);
    if (!batch.empty()) emit records(batch);
}

bool isSimulatedReplay(const Action& a) { return remedy::jsonField(a.params, "replay") == "true"; }

Action markedSimulated(Action a) {
    if (isSimulatedReplay(a)) return a;
    const auto open = a.params.find('{');
    if (open == std::string::npos) a.params = R"({"replay":"true"})";
    else {
        const bool empty = a.params.find_first_not_of(" \t\r\n", open + 1) == a.params.find('}', open);
        a.params.insert(open + 1, empty ? R"("replay":"true")" : R"("replay":"true",)");
    }
    return a;
}

}  // namespace vigil::ui
