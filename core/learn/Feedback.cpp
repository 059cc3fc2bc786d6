#include "learn/Feedback.h"

namespace vigil::learn {

std::string_view toString(Verdict v) {
    switch (v) {
    case Verdict::FalseAlarm: return "false_alarm";
    case Verdict::Real: return "real";
    case Verdict::ActionHelped: return "action_helped";
    case Verdict::ActionUseless: return "action_useless";
    }
    return "real";
}

bool fromString(std::string_view s, Verdict& out) {
    if (s == "false_alarm") out = Verdict::FalseAlarm;
    else if (s == "real") out = Verdict::Real;
    else if (s == "action_helped") out = Verdict::ActionHelped;
    else if (s == "action_useless") out = Verdict::ActionUseless;
    else return false;
    return true;
}

}  // namespace vigil::learn
