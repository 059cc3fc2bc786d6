#include "ui/ChartCatalog.h"

#include "record/Target.h"

#include <QCoreApplication>

#include <array>

namespace vigil::ui {

namespace {
// Titles and units are marked for lupdate here and translated when shown.
const std::array kCatalog = {
    ChartSpec{.series = "rpc.latency_ms",
              .title = QT_TRANSLATE_NOOP("ChartCatalog", "RPC latency per endpoint"),
              .unit = QT_TRANSLATE_NOOP("ChartCatalog", "ms")},
    ChartSpec{.series = "rpc.error_rate",
              .title = QT_TRANSLATE_NOOP("ChartCatalog", "RPC error rate per endpoint"),
              .unit = QT_TRANSLATE_NOOP("ChartCatalog", "% of calls"),
              .scale = 100.0,
              .ceiling = 100.0},
    ChartSpec{.series = "gas.price_gwei",
              .title = QT_TRANSLATE_NOOP("ChartCatalog", "Gas price per chain"),
              .unit = QT_TRANSLATE_NOOP("ChartCatalog", "gwei (log scale)"),
              .zeroBased = false,
              .logScale = true},
    ChartSpec{.series = "worker.queue_depth",
              .title = QT_TRANSLATE_NOOP("ChartCatalog", "Worker queue depth per pool"),
              .unit = QT_TRANSLATE_NOOP("ChartCatalog", "queued tasks"),
              .integral = true},
    ChartSpec{.series = "tx.pending",
              .title = QT_TRANSLATE_NOOP("ChartCatalog", "Pending transactions per chain"),
              .unit = QT_TRANSLATE_NOOP("ChartCatalog", "transactions"),
              .integral = true},
    ChartSpec{.series = "net.latency_ms",
              .title = QT_TRANSLATE_NOOP("ChartCatalog", "Network latency per host"),
              .unit = QT_TRANSLATE_NOOP("ChartCatalog", "ms")},
    // Hosts scraped from a Prometheus node exporter (collect.yaml's scrape targets).
    ChartSpec{.series = "node_load1",
              .title = QT_TRANSLATE_NOOP("ChartCatalog", "Load average (1 min) per host"),
              .unit = QT_TRANSLATE_NOOP("ChartCatalog", "runnable tasks")},
    ChartSpec{.series = "node_memory_MemAvailable_bytes",
              .title = QT_TRANSLATE_NOOP("ChartCatalog", "Available memory per host"),
              .unit = QT_TRANSLATE_NOOP("ChartCatalog", "GiB"),
              .scale = 1.0 / 1073741824.0},
    // api.latency_ms has one line per agent (a dozen): too busy for a small chart.
};
}  // namespace

QString ChartSpec::titleText() const { return QCoreApplication::translate("ChartCatalog", title); }
QString ChartSpec::unitText() const { return QCoreApplication::translate("ChartCatalog", unit); }

std::span<const ChartSpec> chartCatalog() { return kCatalog; }

const ChartSpec* findChart(std::string_view series) {
    for (const ChartSpec& c : kCatalog)
        if (c.series == series) return &c;
    return nullptr;
}

QString targetLabel(std::string_view target) {
    const std::string_view shown = targetName(target);
    return QString::fromUtf8(shown.data(), static_cast<qsizetype>(shown.size()));
}

}  // namespace vigil::ui
