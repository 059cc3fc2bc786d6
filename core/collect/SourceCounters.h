// Counters every pull source keeps (prober, scraper, query reader, log follower),
// written on the source's io_context thread and readable from any other thread
// (the console, Vigil's own /metrics) without a lock.
#pragma once

#include <atomic>
#include <cstdint>

namespace vigil::collect {

struct SourceCountersSnapshot {
    std::uint64_t requests = 0;        // requests sent (RPC calls, scrapes, queries) or files polled
    std::uint64_t refused = 0;         // connection refused
    std::uint64_t timeouts = 0;        // deadline passed
    std::uint64_t network = 0;         // reset, closed early, unreachable
    std::uint64_t httpErrors = 0;      // non-2xx answers
    std::uint64_t rpcErrors = 0;       // JSON-RPC error objects
    std::uint64_t malformed = 0;       // answers or lines that did not parse (each counted once)
    std::uint64_t wrongChain = 0;      // eth_chainId other than the configured one
    std::uint64_t backwards = 0;       // a chain's head went lower than before (restarted node)
    std::uint64_t recordsOffered = 0;  // records accepted by the sink
    std::uint64_t offersRefused = 0;   // offers the sink refused (the batch was kept and re-offered)
    std::uint64_t dropped = 0;         // records or lines dropped by a limit (counted, reason kept)
};

class SourceCounters {
public:
    std::atomic<std::uint64_t> requests{0}, refused{0}, timeouts{0}, network{0}, httpErrors{0},
        rpcErrors{0}, malformed{0}, wrongChain{0}, backwards{0}, recordsOffered{0}, offersRefused{0},
        dropped{0};

    static void bump(std::atomic<std::uint64_t>& c, std::uint64_t n = 1) { c.fetch_add(n, std::memory_order_relaxed); }

    SourceCountersSnapshot snapshot() const {
        auto r = [](const std::atomic<std::uint64_t>& c) { return c.load(std::memory_order_relaxed); };
        return {r(requests), r(refused),  r(timeouts),       r(network),       r(httpErrors), r(rpcErrors),
                r(malformed), r(wrongChain), r(backwards), r(recordsOffered), r(offersRefused), r(dropped)};
    }
};

}  // namespace vigil::collect
