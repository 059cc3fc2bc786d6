#include "ui/EvidenceChart.h"

#include "ui/ChartPalette.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QStackedLayout>
#include <QValueAxis>

#include <algorithm>
#include <limits>

namespace vigil::ui {

namespace {
constexpr double kEpochMsFloor = 1e11;  // below: offsets from the window's start (~1973 as epoch ms)
}

EvidenceChart::EvidenceChart(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("evidenceChart"));
    setAccessibleName(tr("Chart of the metric window that triggered the request"));
    view_ = new QChartView(this);  // raster painting: never setUseOpenGL (no GPU under Xvfb)
    view_->setRenderHint(QPainter::Antialiasing);
    view_->setMinimumHeight(220);
    note_ = new QLabel(this);
    note_->setAlignment(Qt::AlignCenter);
    note_->setWordWrap(true);
    stack_ = new QStackedLayout(this);
    stack_->setContentsMargins(0, 0, 0, 0);
    stack_->addWidget(view_);
    stack_->addWidget(note_);
}

void EvidenceChart::changeEvent(QEvent* e) {
    if (e->type() == QEvent::PaletteChange) applyPalette(view_->chart(), palette());
    QWidget::changeEvent(e);
}

QString EvidenceChart::note() const { return stack_->currentWidget() == note_ ? note_->text() : QString(); }

int EvidenceChart::showWindow(const QString& json) {
    if (json.isEmpty()) {  // no request selected: a blank panel, not a parse error
        note_->clear();
        stack_->setCurrentWidget(note_);
        return 0;
    }
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &err);
    const QJsonObject o = doc.object();
    const QJsonArray points = o.value(QStringLiteral("points")).toArray();
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        note_->setText(tr("The metric window could not be read (%1).").arg(err.errorString()));
        stack_->setCurrentWidget(note_);
        return 0;
    }
    auto* line = new QLineSeries;
    double lo = std::numeric_limits<double>::infinity(), hi = -lo, t0 = lo, t1 = -lo;
    for (const QJsonValue& p : points) {
        const QJsonArray xy = p.toArray();
        if (xy.size() < 2 || !xy[0].isDouble() || !xy[1].isDouble()) continue;
        const double t = xy[0].toDouble(), v = xy[1].toDouble();
        line->append(t, v);
        lo = std::min(lo, v), hi = std::max(hi, v), t0 = std::min(t0, t), t1 = std::max(t1, t);
    }
    if (line->count() == 0) {
        delete line;
        note_->setText(tr("No metric window was attached to this request."));
        stack_->setCurrentWidget(note_);
        return 0;
    }
    const QString series = o.value(QStringLiteral("series")).toString();
    const QString target = o.value(QStringLiteral("target")).toString();
    line->setName(target.isEmpty() ? series : target);

    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTitle(series);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    chart->setLocalizeNumbers(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->addSeries(line);
    QAbstractAxis* x = nullptr;
    if (t0 >= kEpochMsFloor) {
        auto* dt = new QDateTimeAxis;
        dt->setFormat(QStringLiteral("HH:mm:ss"));
        dt->setTickCount(5);
        dt->setRange(QDateTime::fromMSecsSinceEpoch(qint64(t0)), QDateTime::fromMSecsSinceEpoch(qint64(std::max(t1, t0 + 1000))));
        x = dt;
    } else {
        // Offsets: show seconds from the window's start.
        QList<QPointF> secs = line->points();
        for (QPointF& p : secs) p.setX((p.x() - t0) / 1000.0);
        line->replace(secs);
        auto* v = new QValueAxis;
        v->setTitleText(tr("s into the window"));
        v->setRange(0, std::max(1.0, (t1 - t0) / 1000.0));
        x = v;
    }
    auto* y = new QValueAxis;
    // A flat line gets a readable band around it (a flat 0 had a ±1e-9 axis: "-0.0000" labels).
    const double pad = hi > lo ? (hi - lo) * 0.1 : hi != 0 ? std::abs(hi) * 0.1 : 1.0;
    // A window that never goes below zero (an age, a count, a rate) keeps its axis
    // at zero: a band reaching -5 000 ms of pending age reads as nonsense.
    y->setRange(lo >= 0 ? std::max(0.0, lo - pad) : lo - pad, hi + pad);
    y->applyNiceNumbers();
    // Enough decimals for the tick step (Qt 6.4 elides labels it cannot fit, as "…").
    const double step = (y->max() - y->min()) / std::max(1, y->tickCount() - 1);
    const int decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : step >= 0.01 ? 2 : 4;
    y->setLabelFormat(QStringLiteral("%.%1f").arg(decimals));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    line->attachAxis(x);
    line->attachAxis(y);
    applyPalette(chart, palette());
    QChart* old = view_->chart();
    view_->setChart(chart);
    delete old;
    stack_->setCurrentWidget(view_);
    return int(line->count());
}

}  // namespace vigil::ui
