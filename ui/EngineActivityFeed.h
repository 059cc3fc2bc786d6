// An engine's actions, approvals and outcomes for the timeline, the action log and
// the escalations, where no store feeds them: a replay stores nothing, and a live
// console may run without a database (`vigil --no-store`); with one, they come from
// the store (StoreActivityFeed). The sink goes on the engine and keeps them on the
// engine thread; poll() (a GUI timer) hands over what is new.
// replaySink(): the engine's outputs, every action marked simulated ("replay": "true"
// in its params), so the timeline and the log say nothing was sent. After a seek back
// the engine plans the same actions again under the same ids: they update their rows,
// not add new ones.
// liveSink(): the same kinds as they are, from the engine's inputs too (the demo's
// healing hands the actions it carried out and their outcomes back as input).
// A poll hands over at most kSliceRecords (each is a row insert or update in
// three models and their views): a burst — a seek back, a busy stretch as fast
// as possible — arrives in slices every kBacklogPollMs, so no single GUI event
// grows with it.
#pragma once

#include "engine/Engine.h"
#include "ui/RecordsMetaType.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <mutex>
#include <vector>

namespace vigil::ui {

class EngineActivityFeed : public QObject {
    Q_OBJECT
public:
    static constexpr std::size_t kSliceRecords = 256;
    static constexpr int kBacklogPollMs = 20;
    static constexpr std::size_t kCompactAfter = 16 * kSliceRecords;  // records read before the front is dropped

    explicit EngineActivityFeed(int pollMs = 250, QObject* parent = nullptr);

    // For the engine (engine thread); safe to outlive the feed. One of them per feed.
    Engine::Sink replaySink();
    Engine::Sink liveSink();

    // Records taken from the engine, not handed over yet.
    std::size_t backlog() const;

public slots:
    void poll();

signals:
    void records(const std::vector<vigil::Record>& batch);

private:
    // Taken from the front by a read index, not erased: a slice moves only its own
    // records, and the buffer is emptied (capacity kept) once all is read.
    struct Pending {
        mutable std::mutex mutex;
        std::vector<Record> records;
        std::size_t readAt = 0;                // records before it are handed over
        void add(std::vector<Record>&& kept);  // from the engine thread
    };
    std::shared_ptr<Pending> pending_ = std::make_shared<Pending>();
    QTimer timer_;
    int pollMs_;
};

// The action with "replay": "true" added to its params (once).
Action markedSimulated(Action a);
bool isSimulatedReplay(const Action& a);

}  // namespace vigil::ui
