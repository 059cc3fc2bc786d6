// A valid silence on one target for the silence tests: a reason and an author, as
// the table and the matcher require.
#pragma once

#include "silence/Silence.h"

namespace vigil::silence {

inline Silence silenceOn(const std::string& target, TimestampMs starts, TimestampMs ends) {
    Silence s;
    s.id = 1;
    s.target = target;
    s.starts = starts;
    s.ends = ends;
    s.reason = "provider maintenance";
    s.createdBy = "alice";
    return s;
}

}  // namespace vigil::silence
