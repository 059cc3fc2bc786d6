// The time span of a recording, for the replay's timeline and time left: the
// timestamp of its last decodable line. A plain file is read from its end; a gzip
// file has to be decompressed through (about a second per GB), so callers run
// this off the GUI thread.
#pragma once

#include "record/Record.h"

#include <string>

namespace vigil {

// False when no line near the end decodes (or the file cannot be read).
bool lastTimestampOf(const std::string& path, TimestampMs& out);

}  // namespace vigil
