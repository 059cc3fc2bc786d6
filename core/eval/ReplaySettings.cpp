#include "eval/ReplaySettings.h"

#include "engine/FixedSensitivity.h"
#include "remedy/PolicyLoader.h"

namespace vigil {

std::string replaySettingKeys() {
    return "detect.metrics, detect.events, detect.logs (on|off), detect.sensitivity (low|normal|high), "
           "correlate.group_window, correlate.quiet_to_resolve (a duration such as 90s or 5m)";
}

bool applyReplaySetting(const std::string& keyValue, PipelineConfig& cfg, std::string& error) {
    const auto eq = keyValue.find('=');
    if (eq == std::string::npos || eq == 0) {
        error = "setting '" + keyValue + "': expected KEY=VALUE with KEY one of " + replaySettingKeys();
        return false;
    }
    const std::string key = keyValue.substr(0, eq), value = keyValue.substr(eq + 1);
    if (key == "detect.sensitivity") {  // as the console's setting: one level for the whole run
        const auto s = sensitivityFromName(value);
        if (!s) {
            error = "setting " + key + ": '" + value + "' must be low, normal or high";
            return false;
        }
        cfg.correlate.sensitivity = pipelineAtSensitivity(*s).correlate.sensitivity;
        return true;
    }
    bool* flag = key == "detect.metrics"  ? &cfg.detect.metrics
                 : key == "detect.events" ? &cfg.detect.events
                 : key == "detect.logs"   ? &cfg.detect.logs
                                          : nullptr;
    if (flag) {
        if (value != "on" && value != "off") {
            error = "setting " + key + ": '" + value + "' must be on or off";
            return false;
        }
        *flag = value == "on";
        return true;
    }
    TimestampMs* span = key == "correlate.group_window"       ? &cfg.correlate.groupWindowMs
                        : key == "correlate.quiet_to_resolve" ? &cfg.correlate.quietToResolveMs
                                                              : nullptr;
    if (!span) {
        error = "setting '" + key + "': unknown key; known are " + replaySettingKeys();
        return false;
    }
    TimestampMs ms = 0;
    if (!remedy::parseDuration(value, ms) || ms <= 0) {
        error = "setting " + key + ": '" + value + "' is not a positive duration (90s, 5m, 2h)";
        return false;
    }
    *span = ms;
    return true;
}

}  // namespace vigil
