// What kind of fault an anomaly is evidence of, and which target an action
// should touch. Only specific detectors count (a stuck transaction, a growing
// queue, a level shift of an endpoint's errors): the incident's "likely cause"
// can name a bystander, the signature names where the fault is.
#pragma once

#include "record/Record.h"

#include <optional>
#include <string>

namespace vigil::remedy {

struct Signature {
    std::string kind;      // policy incident kind: rpc-outage, latency-spike, stuck-tx, worker-overload, failed-tx-burst, wallet-drain
    std::string target;    // the action's target, e.g. "rpc:eth-main-a"
    std::string detector;  // the detector that gave it away
    std::optional<TimestampMs> timeToBreachMs;  // a prediction's expected time to breach (Anomaly::time_to_breach_ms)
    bool operator==(const Signature&) const = default;
};

// nullopt for anomalies that say nothing specific (ensemble outliers, logs).
std::optional<Signature> signatureOf(const Anomaly& a);

}  // namespace vigil::remedy
