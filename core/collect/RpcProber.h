// Chain RPC prober: every interval, for every configured chain and each of its
// endpoints (primary and backups), calls eth_chainId, eth_blockNumber,
// eth_gasPrice and eth_feeHistory at once, each with its own deadline, and
// hands the round's records (RpcProbeRound.h) to the sink. A node that accepts
// and never answers costs one deadline per round and shows as timeouts; the
// other endpoints' answers are not held up beyond that deadline.
// All work runs on a strand of the given io_context; counters() and health()
// may be read from any thread.
#pragma once

#include "collect/EndpointHealth.h"
#include "collect/RecordSink.h"
#include "collect/RpcProbeOptions.h"
#include "collect/SourceCounters.h"
#include "record/Clock.h"

#include <memory>
#include <string>
#include <vector>

namespace boost::asio {
class io_context;
}

namespace vigil::collect {

class RpcProber {
public:
    // Throws std::invalid_argument with check()'s first problem.
    RpcProber(boost::asio::io_context& io, RpcProbeOptions options, RecordSink& sink, const Clock& clock);
    ~RpcProber();
    RpcProber(const RpcProber&) = delete;
    RpcProber& operator=(const RpcProber&) = delete;

    void start();  // first round at once, then every interval
    void stop();   // no further rounds or offers; calls in flight end within their deadline

    SourceCountersSnapshot counters() const;
    std::vector<EndpointHealth> health() const;  // every endpoint of every chain, in configured order
    std::uint64_t rounds() const;                // rounds completed and handed to the sink

    // Problems with the options, each naming its field ("chains[0].endpoints[1].url: ..."); empty if fine.
    static std::vector<std::string> check(const RpcProbeOptions& options);

private:
    class Impl;
    std::shared_ptr<Impl> impl_;
};

}  // namespace vigil::collect
