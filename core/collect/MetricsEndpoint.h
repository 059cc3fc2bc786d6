// Vigil's own /metrics (Prometheus text format 0.0.4) on a loopback port, on a
// thread of its own (Boost.Beast). What it says comes from `render`, called on
// that thread for each scrape: the app composes engine and source counters
// there, so core/collect needs to know neither.
#pragma once

#include <functional>
#include <memory>
#include <string>

namespace vigil::collect {

class MetricsEndpoint {
public:
    using Render = std::function<std::string()>;
    MetricsEndpoint(std::string address, int port, Render render);  // port 0: any free port
    ~MetricsEndpoint();
    MetricsEndpoint(const MetricsEndpoint&) = delete;
    MetricsEndpoint& operator=(const MetricsEndpoint&) = delete;

    std::string start();  // "" or why it cannot listen
    void stop();
    int port() const;     // the bound port

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace vigil::collect
