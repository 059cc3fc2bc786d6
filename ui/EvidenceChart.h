// The metric window that triggered an approval request, as a small chart (one of
// the few files that include Qt Charts). The window is the request's compact
// JSON: {"series":S,"target":T,"points":[[ts,value],...]}; times are ms since the
// epoch, or offsets from the window's start when small. Anything else shows a
// line saying the window could not be read, never nothing.
#pragma once

#include <QWidget>

QT_BEGIN_NAMESPACE
class QChartView;
class QLabel;
class QStackedLayout;
QT_END_NAMESPACE

namespace vigil::ui {

class EvidenceChart : public QWidget {
    Q_OBJECT
public:
    explicit EvidenceChart(QWidget* parent = nullptr);

    // Returns the number of points drawn (0 when the window is empty or unreadable).
    int showWindow(const QString& json);
    QString note() const;  // what is shown instead of a chart, if anything

protected:
    void changeEvent(QEvent* e) override;  // follows the palette

private:
    QChartView* view_ = nullptr;
    QLabel* note_ = nullptr;
    QStackedLayout* stack_ = nullptr;
};

}  // namespace vigil::ui
