#include "learn/ModelHandOver.h"

#include "store/Database.h"
#include "store/Statement.h"

namespace vigil::learn {

ModelHandOver::ModelHandOver(std::string dbPath, std::shared_ptr<SeriesCutBoard> board, OrdersListener onOrders)
    : path_(std::move(dbPath)), board_(std::move(board)), onOrders_(std::move(onOrders)) {}

store::Result<bool> ModelHandOver::refresh() {
    auto db = store::Database::open(path_, store::OpenMode::ReadOnly);
    if (!db) return store::Status::failure(db.error());
    std::string err;
    store::Statement q;
    if (!q.prepare(db->handle(),
                   "SELECT id, kind, series, target, cut_after, rule, order_after, reverted_ts FROM learn_changes "
                   "ORDER BY id",
                   err))
        return store::Status::failure(path_ + ": " + err);
    std::vector<LearnChange> changes;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) {
        LearnChange c;
        c.id = q.int64(0);
        fromString(q.textView(1), c.kind);
        c.series = q.text(2);
        c.target = q.text(3);
        c.cutAfter = q.real(4);
        c.rule = q.text(5);
        c.orderAfter = splitList(q.textView(6));
        c.revertedTs = q.int64(7);
        changes.push_back(std::move(c));
    }
    if (rc != SQLITE_DONE) return store::Status::failure(db->describe("cannot read learn_changes"));
    LearnedModel next = modelOf(changes);
    if (handedOver_ && next == model_) return false;
    const bool ordersChanged = !handedOver_ || next.orders != model_.orders;
    model_ = std::move(next);
    handedOver_ = true;
    if (board_) board_->publish(cutsOf(model_));
    if (ordersChanged && onOrders_) onOrders_(model_);
    return true;
}

}  // namespace vigil::learn
