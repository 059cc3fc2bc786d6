#include "record/Clock.h"

#include <chrono>

namespace vigil {

TimestampMs SystemClock::now() const {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace vigil
