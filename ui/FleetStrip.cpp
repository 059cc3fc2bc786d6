#include "ui/FleetStrip.h"

#include "ui/FleetStatusModel.h"
#include "ui/Palette.h"

#include <QPainter>
#include <QSortFilterProxyModel>

#include <QStyledItemDelegate>

#include <algorithm>

namespace vigil::ui {

namespace {

QSize chipSize(const QFontMetrics& fm) {
    return {fm.horizontalAdvance(QStringLiteral("agent-000")) + fm.height() + 24, fm.height() + 10};
}

// Paints one agent as a rounded chip: a dot in the health colour, and the name.
class AgentChipDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem& opt, const QModelIndex&) const override { return chipSize(opt.fontMetrics); }

    void paint(QPainter* p, const QStyleOptionViewItem& opt, const QModelIndex& index) const override {
        const QColor health = index.data(FleetStatusModel::HealthColorRole).value<QColor>();
        const QRectF r = QRectF(opt.rect).adjusted(2, 2, -2, -2);
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        // Tinted from the palette's Base, so the name stays readable on a dark palette too.
        const QColor base = opt.palette.color(QPalette::Base);
        p->setPen(opt.state & QStyle::State_Selected ? QPen(opt.palette.highlight(), 2) : QPen(palette::blend(health, base, 0.7)));
        p->setBrush(palette::blend(health, base, 0.25));
        p->drawRoundedRect(r, r.height() / 2, r.height() / 2);
        // Status dot, then the name.
        const qreal d = r.height() * 0.5;
        const QRectF dot(r.left() + r.height() * 0.35, r.center().y() - d / 2, d, d);
        p->setPen(Qt::NoPen);
        p->setBrush(health);
        p->drawEllipse(dot);
        p->setPen(opt.palette.color(QPalette::Text));
        p->setFont(opt.font);
        const QRectF text = r.adjusted(dot.right() - r.left() + 6, 0, -6, 0);
        p->drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
                    opt.fontMetrics.elidedText(index.data(FleetStatusModel::AgentRole).toString(), Qt::ElideRight,
                                               int(text.width())));
        p->restore();
    }
};

// The model's rows less the retired agents, worst health first; rows leave, come back
// and move as their health changes (an agent seen again after retiring is in the
// fleet again).
class InFleetFilter : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override {
        const QModelIndex i = sourceModel()->index(row, 0, parent);
        return i.data(FleetStatusModel::HealthRole).toInt() != int(FleetStatusModel::Health::Retired);
    }
    bool lessThan(const QModelIndex& a, const QModelIndex& b) const override {
        const int ra = urgency(a), rb = urgency(b);
        if (ra != rb) return ra < rb;
        return a.data(FleetStatusModel::AgentRole).toString() < b.data(FleetStatusModel::AgentRole).toString();
    }

private:
    // Lower comes first: a silent agent may be down, so it ranks above a degraded one.
    static int urgency(const QModelIndex& i) {
        using H = FleetStatusModel::Health;
        switch (static_cast<H>(i.data(FleetStatusModel::HealthRole).toInt())) {
        case H::Failing: return 0;
        case H::Silent: return 1;
        case H::Degraded: return 2;
        case H::Healthy: return 3;
        case H::Retired: break;
        }
        return 4;
    }
};

}  // namespace

FleetStrip::FleetStrip(FleetStatusModel* model, QWidget* parent) : QListView(parent) {
    setObjectName(QStringLiteral("fleetStrip"));
    auto* inFleet = new InFleetFilter(this);
    inFleet->setSourceModel(model);
    // Re-filters a row when its data changes (health among it), not only on inserts.
    inFleet->setDynamicSortFilter(true);
    inFleet->sort(FleetStatusModel::AgentCol);
    setModel(inFleet);
    setModelColumn(FleetStatusModel::AgentCol);
    setItemDelegate(new AgentChipDelegate(this));
    setViewMode(QListView::ListMode);
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setResizeMode(QListView::Adjust);
    setUniformItemSizes(true);
    setSpacing(1);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setAutoFillBackground(false);
    setAccessibleName(tr("Fleet health"));
    // As agents come and go the strip asks for as many rows as it needs.
    connect(inFleet, &QAbstractItemModel::rowsInserted, this, &QWidget::updateGeometry);
    connect(inFleet, &QAbstractItemModel::rowsRemoved, this, &QWidget::updateGeometry);
    connect(inFleet, &QAbstractItemModel::modelReset, this, &QWidget::updateGeometry);
}

int FleetStrip::chipCount() const { return model()->rowCount(); }

QSize FleetStrip::sizeHint() const {
    const QSize chip = chipSize(fontMetrics()) + QSize(2 * spacing(), 2 * spacing());
    const int width = std::max(viewport()->width(), 600);
    const int perRow = std::max(1, width / chip.width());
    const int rows = std::clamp((std::max(model()->rowCount(), 1) + perRow - 1) / perRow, 1, 4);
    return {perRow * chip.width(), rows * chip.height() + 2 * frameWidth() + 2};
}

QSize FleetStrip::minimumSizeHint() const {
    const QSize chip = chipSize(fontMetrics()) + QSize(2 * spacing(), 2 * spacing());
    return {chip.width(), chip.height() + 2 * frameWidth() + 2};
}

}  // namespace vigil::ui
