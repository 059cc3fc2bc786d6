// The console's Replay → Compare with policy…: the shipped policy (what replay
// windows run) as A, the chosen file as B, through app/common/WhatIfRuns, the
// same runs `vigilctl replay LOG --compare B.yaml` makes.
#pragma once

#include "ui/WhatIfCompare.h"

vigil::ui::WhatIfRunner consoleWhatIf();
