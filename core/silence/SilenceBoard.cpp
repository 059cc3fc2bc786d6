#include "silence/SilenceBoard.h"

namespace vigil::silence {

void SilenceBoard::publish(std::vector<Silence> silences) {
    std::lock_guard lk(mutex_);
    if (current_->all() == silences) return;
    current_ = std::make_shared<const SilenceSet>(std::move(silences));
    generation_.fetch_add(1, std::memory_order_acq_rel);
}

std::shared_ptr<const SilenceSet> SilenceBoard::current() const {
    std::lock_guard lk(mutex_);
    return current_;
}

const SilenceSet& SilenceView::set() {
    const auto g = board_->generation();
    if (g != seen_ || !set_) {
        set_ = board_->current();
        seen_ = g;
    }
    return *set_;
}

}  // namespace vigil::silence
