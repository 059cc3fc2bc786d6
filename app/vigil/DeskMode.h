// `vigil --desk URL`: the console as an approver's station (docs/signoff.md):
// a DeskWindow over a RemoteApprovalSource, no engine, no store.
#pragma once

#include "ConsoleOptions.h"

// Runs the desk until its window closes; the exit code. A token file or
// client option that cannot be used is exit 2 with one line on stderr.
int runDesk(const ConsoleOptions::Desk& desk);
