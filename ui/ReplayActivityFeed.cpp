#include "ui/ReplayActivityFeed.h"

#include "remedy/SimFleetActuator.h"

#include <algorithm>
#include <iterator>

namespace vigil::ui {

ReplayActivityFeed::ReplayActivityFeed(int pollMs, QObject* parent) : QObject(parent), pollMs_(pollMs) {
    connect(&timer_, &QTimer::timeout, this, &ReplayActivityFeed::poll);
    timer_.start(pollMs);
}

Engine::Sink ReplayActivityFeed::sink() {
    return [pending = pending_](const std::vector<Record>&, const std::vector<Record>& out) {
        std::vector<Record> kept;
        for (const Record& r : out) {
            if (const auto* a = std::get_if<Action>(&r)) kept.emplace_back(markedSimulated(*a));
            else if (std::holds_alternative<Approval>(r) || std::holds_alternative<Outcome>(r)) kept.push_back(r);
        }
        if (kept.empty()) return;
        std::lock_guard lk(pending->mutex);
        pending->records.insert(pending->records.end(), std::make_move_iterator(kept.begin()),
                                std::make_move_iterator(kept.end()));
    };
}

std::size_t ReplayActivityFeed::backlog() const {
    std::lock_guard lk(pending_->mutex);
    return pending_->records.size() - pending_->readAt;
}

void ReplayActivityFeed::poll() {
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
