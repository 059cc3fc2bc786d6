// One report chart (eval/IncidentReport) drawn with Qt Charts into an image:
// the metric as a line, its anomalies as red marks, time as minutes from the
// incident's opening (record time, so the picture does not depend on the
// machine's time zone). Needs a QApplication (Qt Charts' items are widgets);
// renders offscreen through a QGraphicsScene, never OpenGL.
#pragma once

#include "eval/IncidentReport.h"

#include <QImage>
#include <QSize>

namespace vigil::report {

QImage renderChart(const ReportChart& chart, TimestampMs opened, QSize size = {900, 300});

}  // namespace vigil::report
