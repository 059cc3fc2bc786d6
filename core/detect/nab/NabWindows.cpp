#include "detect/nab/NabWindows.h"

#include "detect/nab/NabTime.h"

#include <simdjson.h>

namespace vigil::nab {

bool readWindows(const std::string& path, std::map<std::string, std::vector<Window>>& out, std::string& fatal) {
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    if (auto err = parser.load(path).get(doc)) {
        fatal = path + ": " + simdjson::error_message(err);
        return false;
    }
    simdjson::dom::object files;
    if (doc.get_object().get(files)) {
        fatal = path + ": top level must be an object of file -> windows";
        return false;
    }
    for (auto [key, value] : files) {
        const std::string name(key);
        simdjson::dom::array list;
        if (value.get_array().get(list)) {
            fatal = path + ": \"" + name + "\": expected a list of [start, end]";
            return false;
        }
        std::vector<Window>& windows = out[name];
        for (simdjson::dom::element pair : list) {
            simdjson::dom::array se;
            std::string_view a, b;
            Window w;
            if (pair.get_array().get(se) || se.size() != 2 || se.at(0).get_string().get(a) ||
                se.at(1).get_string().get(b) || !parseTimestamp(a, w.start_ms) || !parseTimestamp(b, w.end_ms)) {
                fatal = path + ": \"" + name + "\": window must be [\"start\", \"end\"] timestamps";
                return false;
            }
            if (w.end_ms < w.start_ms) {
                fatal = path + ": \"" + name + "\": window " + std::to_string(windows.size() + 1) + " [\"" +
                        std::string(a) + "\", \"" + std::string(b) + "\"] ends before it starts";
                return false;
            }
            windows.push_back(w);
        }
    }
    // An empty object scores nothing and would print a meaningless 0 or NaN.
    if (out.empty()) {
        fatal = path + ": lists no files (expected {\"<category>/<name>.csv\": [[start, end], ...], ...})";
        return false;
    }
    return true;
}

}  // namespace vigil::nab
