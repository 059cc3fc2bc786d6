// Timeline paint time with 10 000 items (issue #10's goal: <= 16 ms a frame):
// a TimelineView 1400 x 220 px rendered into an image, all items in view (a day
// zoomed out) and a 10-minute window of it; and the model taking the 10 000
// records. Offscreen platform, raster painting (what a desktop without GL gets).
#include "OffscreenBenchmarkMain.h"
#include "ui/TimelineModel.h"
#include "ui/TimelineView.h"

#include <QImage>
#include <QPainter>

#include <benchmark/benchmark.h>

namespace {

constexpr vigil::TimestampMs T0 = 1'790'000'000'000;
constexpr vigil::TimestampMs kDay = 24 * 3'600'000LL;

// 10 000 records over a day: mostly anomalies, then actions, approvals,
// outcomes, and incidents spanning minutes (like a bad day's share).
std::vector<vigil::Record> dayOfItems(int n) {
    std::vector<vigil::Record> out;
    out.reserve(std::size_t(n));
    std::uint64_t x = 88172645463325252ULL;  // xorshift: the same day every run
    auto next = [&x] { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x; };
    for (int k = 0; k < n; ++k) {
        const vigil::TimestampMs ts = T0 + vigil::TimestampMs(next() % std::uint64_t(kDay));
        const std::string id = std::to_string(k);
        switch (k % 10) {
        case 0: {
            vigil::Incident i;
            i.id = "INC-" + id;
            i.opened = ts;
            i.ts = ts + vigil::TimestampMs(next() % 1'800'000);
            // The correlator keeps few incidents active: the newest few are open.
            i.state = k >= n - 50 ? vigil::IncidentState(k % 2) : vigil::IncidentState::Resolved;
            i.cause = "rpc:eth-main-a";
            out.emplace_back(i);
            break;
        }
        case 1:
        case 2: {
            vigil::Action a;
            a.id = "act-" + id;
            a.ts = ts;
            a.kind = "failover_rpc";
            a.target = "rpc:eth-main-a";
            a.status = vigil::ActionStatus(k % 7);
            out.emplace_back(a);
            break;
        }
        case 3: out.emplace_back(vigil::Approval{ts, "apr-" + id, "act-" + id, "vigil", "alice", vigil::ApprovalDecision(k % 4), ts, ""}); break;
        case 4: out.emplace_back(vigil::Outcome{ts, "act-" + id, k % 3 != 0, "done"}); break;
        default: {
            vigil::Anomaly a;
            a.id = "an-" + id;
            a.ts = ts;
            a.detector = "metric.ensemble";
            a.target = "rpc:eth-main-a";
            out.emplace_back(a);
        }
        }
    }
    return out;
}

struct Fixture {
    vigil::ui::TimelineModel model;
    vigil::ui::TimelineView view{&model};
    QImage frame{1400, 220, QImage::Format_ARGB32_Premultiplied};
    explicit Fixture(int n) {
        model.addRecords(dayOfItems(n));
        model.setNow(T0 + kDay);
        view.resize(frame.size());
    }
    void paint() {
        QPainter p(&frame);
        view.render(&p);
    }
};

void BM_TimelinePaintWholeDay(benchmark::State& state) {
    Fixture f(int(state.range(0)));
    f.view.setSpan(kDay);
    for (auto _ : state) f.paint();
    state.counters["items"] = double(f.model.rowCount());
}
BENCHMARK(BM_TimelinePaintWholeDay)->Arg(10'000)->Unit(benchmark::kMillisecond);

void BM_TimelinePaintTenMinutes(benchmark::State& state) {
    Fixture f(int(state.range(0)));
    f.view.setSpan(10 * 60'000);
    for (auto _ : state) f.paint();
    state.counters["items"] = double(f.model.rowCount());
}
BENCHMARK(BM_TimelinePaintTenMinutes)->Arg(0)->Arg(10'000)->Unit(benchmark::kMillisecond);

void BM_TimelineModelIngest(benchmark::State& state) {
    const auto records = dayOfItems(int(state.range(0)));
    for (auto _ : state) {
        vigil::ui::TimelineModel m;
        m.addRecords(records);
        m.laneOrder(vigil::ui::Lane::Anomalies);
        benchmark::DoNotOptimize(m.rowCount());
    }
}
BENCHMARK(BM_TimelineModelIngest)->Arg(10'000)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) { return vigil::bench::runOffscreenBenchmarks(argc, argv); }
