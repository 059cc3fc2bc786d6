#include "collect/IngestContext.h"

#include <openssl/crypto.h>

namespace vigil::collect {

bool IngestContext::tokenValid(std::string_view presented) const {
    bool ok = false;
    for (const auto& t : opts.tokens)
        if (t.size() == presented.size() && CRYPTO_memcmp(t.data(), presented.data(), t.size()) == 0) ok = true;
    return ok && !presented.empty();
}

bool IngestContext::admitConnection() {
    if (open >= opts.limits.maxConnections) {
        stats.add(stats.connectionsRefused);
        return false;
    }
    ++open;
    stats.add(stats.connectionsTotal);
    stats.add(stats.connectionsOpen);
    return true;
}

void IngestContext::releaseConnection() {
    --open;
    stats.add(stats.connectionsOpen, -1);
}

}  // namespace vigil::collect
