// The what-if difference of two replays (eval/RunComparison) in words for the
// terminal and as JSON for tools and the report. Times are record time in UTC,
// so the same two runs give the same bytes.
#pragma once

#include "eval/RunComparison.h"

#include <QJsonObject>
#include <QString>

namespace vigil::app {

QString whatIfText(const RunDiff& d);
QJsonObject whatIfJson(const RunDiff& d);

// "2026-11-30 01:02:03Z" from record time.
QString recordTime(TimestampMs ts);
// "+12 s", "-1 min 30 s", "same time".
QString signedDuration(TimestampMs ms);
// "rpc-outage on rpc:eth-main-a", or the cause when no specific detector named the kind.
QString incidentWords(const RunIncident& i);

}  // namespace vigil::app
