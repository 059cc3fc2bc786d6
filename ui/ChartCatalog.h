// Which metric series the console charts, and how: a small table, so a new series
// gets a chart by adding a line here. Every target that appears for a listed series
// gets its own line in that chart.
#pragma once

#include <QString>

#include <span>
#include <string_view>

namespace vigil::ui {

struct ChartSpec {
    std::string_view series;  // engine series name, e.g. "rpc.latency_ms"
    const char* title;        // untranslated; shown through titleText()
    const char* unit;         // untranslated axis unit; shown through unitText()
    double scale = 1.0;       // multiplies values for display (ratio -> percent)
    bool zeroBased = true;    // y axis starts at 0 (false: fit to the data)
    bool integral = false;    // counts: whole-number axis labels
    bool logScale = false;    // targets differ by orders of magnitude (gas on L1 vs L2)
    double ceiling = 0.0;     // the axis never goes past this (100 for percentages); 0: none

    QString titleText() const;
    QString unitText() const;
};

// The charts in display order.
std::span<const ChartSpec> chartCatalog();
const ChartSpec* findChart(std::string_view series);

// Legend text for a target: "rpc:eth-main-a" -> "eth-main-a" (the chart already
// says what kind of target it is).
QString targetLabel(std::string_view target);

}  // namespace vigil::ui
