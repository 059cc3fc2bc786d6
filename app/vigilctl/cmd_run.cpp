#include "vigilctl/Commands.h"

namespace vigilctl {
// Placeholder until core/sim lands (being written).
int cmdRun(const QStringList&) { return usageError(QStringLiteral("run: not built yet")); }
}  // namespace vigilctl
