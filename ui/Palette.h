// The console's status colours in one place, so "bad" is the same red in the fleet
// table, the incident list and the anomaly feed, and the one std::string -> QString
// helper the models share.
#pragma once

#include "engine/Snapshot.h"

#include <QColor>
#include <QString>

#include <string>

namespace vigil::ui {

namespace palette {
inline QColor good() { return {0x2e, 0x9d, 0x4f}; }
inline QColor warning() { return {0xe0, 0xa1, 0x00}; }
inline QColor bad() { return {0xd6, 0x45, 0x41}; }
inline QColor muted() { return {0x9e, 0x9e, 0x9e}; }  // silent agents, closed incidents
inline QColor info() { return {0x1f, 0x77, 0xb4}; }

// `over` laid on `base` with opacity alpha: tints that stay readable on a light or
// a dark palette (status chips take their fill from the palette's Base this way).
inline QColor blend(const QColor& over, const QColor& base, double alpha) {
    auto mix = [alpha](int a, int b) { return int(a * alpha + b * (1.0 - alpha) + 0.5); };
    return QColor(mix(over.red(), base.red()), mix(over.green(), base.green()), mix(over.blue(), base.blue()));
}

inline QColor of(AgentHealth h) {
    switch (h) {
    case AgentHealth::Healthy: return good();
    case AgentHealth::Degraded: return warning();
    case AgentHealth::Failing: return bad();
    case AgentHealth::Silent:
    case AgentHealth::Retired: return muted();
    }
    return {};
}

inline QColor of(Severity s) {
    switch (s) {
    case Severity::Info: return info();
    case Severity::Warning: return warning();
    case Severity::Critical: return bad();
    }
    return {};
}
}  // namespace palette

inline QString qs(const std::string& s) { return QString::fromStdString(s); }

}  // namespace vigil::ui
