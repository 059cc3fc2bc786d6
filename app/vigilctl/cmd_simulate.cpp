#include "vigilctl/Commands.h"

namespace vigilctl {
// Placeholder until core/sim lands (being written).
int cmdSimulate(const QStringList&) { return usageError(QStringLiteral("simulate: not built yet")); }
}  // namespace vigilctl
