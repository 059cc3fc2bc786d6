// The learned model of a database handed to a running engine (issue #12): at
// start and on every refresh() (the app calls it from a timer or after a
// `learn` command), the changes in force are read on this object's own
// read-only connection; when they differ from what was handed over, the cuts
// are published to the correlator's SeriesCutBoard (thread-safe, picked up at
// the engine's next anomaly) and the orders are handed to `onOrders` for the
// policy (learn::applyOrders onto LivePolicy's next policy). One thread.
#pragma once

#include "correlate/SeriesCuts.h"
#include "learn/LearnChange.h"
#include "store/Result.h"

#include <functional>
#include <memory>
#include <string>

namespace vigil::learn {

class ModelHandOver {
public:
    using OrdersListener = std::function<void(const LearnedModel&)>;
    ModelHandOver(std::string dbPath, std::shared_ptr<SeriesCutBoard> board, OrdersListener onOrders = {});

    // True when a new model was handed over; an unreadable database is an
    // error (the model in force stays).
    store::Result<bool> refresh();
    const LearnedModel& model() const { return model_; }

private:
    std::string path_;
    std::shared_ptr<SeriesCutBoard> board_;
    OrdersListener onOrders_;
    LearnedModel model_;
    bool handedOver_ = false;
};

}  // namespace vigil::learn
