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
    return pending_->records.size();
}

void ReplayActivityFeed::poll() {
    std::vector<Record> batch;
    bool more = false;
    {
        std::lock_guard lk(pending_->mutex);
        auto& q = pending_->records;
        const auto n = std::ptrdiff_t(std::min(q.size(), kSliceRecords));
        batch.assign(std::make_move_iterator(q.begin()), std::make_move_iterator(q.begin() + n));
        q.erase(q.begin(), q.begin() + n);
        more = !q.empty();
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
