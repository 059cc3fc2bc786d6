// NAB's label file combined_windows.json: {"<category>/<name>.csv": [[start, end], ...]}.
#pragma once

#include "detect/nab/NabScorer.h"

#include <map>
#include <string>
#include <vector>

namespace vigil::nab {

// Returns false with `fatal` naming the file (and the key or field) on any problem,
// including a file that lists no files and a window that ends before it starts.
bool readWindows(const std::string& path, std::map<std::string, std::vector<Window>>& out, std::string& fatal);

}  // namespace vigil::nab
