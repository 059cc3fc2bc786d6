#include "remedy/IncidentSignature.h"

namespace vigil::remedy {
namespace {
bool startsWith(const std::string& s, const char* p) { return s.rfind(p, 0) == 0; }
}  // namespace

std::optional<Signature> signatureOf(const Anomaly& a) {
    const std::string& d = a.detector;
    const std::string& t = a.target;
    if (d == "tx.stuck" && startsWith(t, "agent:")) return Signature{"stuck-tx", t, d, {}};
    if (d == "tx.failure_ratio" && startsWith(t, "agent:")) return Signature{"failed-tx-burst", t, d, {}};
    if (d == "worker.queue_growth" && startsWith(t, "pool:")) return Signature{"worker-overload", t, d, {}};
    // Predictions: act before the breach (scale before the overload, fund before the drain).
    if (d == "forecast.breach") {
        if (a.series == "worker.queue_depth" && startsWith(t, "pool:"))
            return Signature{"worker-overload", t, d, a.time_to_breach_ms};
        if (a.series == "wallet.balance_eth" && startsWith(t, "agent:"))
            return Signature{"wallet-drain", t, d, a.time_to_breach_ms};
    }
    if (d == "level.shift" && startsWith(t, "rpc:")) {
        if (a.series == "rpc.error_rate") return Signature{"rpc-outage", t, d, {}};
        if (a.series == "rpc.latency_ms") return Signature{"latency-spike", t, d, {}};
    }
    return std::nullopt;
}

}  // namespace vigil::remedy
