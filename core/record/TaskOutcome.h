// Which task events are outcomes: a task's end, good or bad, what failure ratios and
// task durations are made of. A start is not one, nor an agent's retirement. Asked by
// the failure-ratio detector and the pool load alike, so they cannot disagree.
#pragma once

#include "record/Record.h"

namespace vigil {

constexpr bool isOutcome(TaskState s) { return s == TaskState::Succeeded || s == TaskState::Failed; }

}  // namespace vigil
