// A replay's reader and engine threads run as fast as they can; in the console
// they share two cores with the GUI thread, which then waits for a core (wall
// stalls of 60-110 ms at equal priority, the GUI's own work being 20-40 ms).
// Lowering the workers' priority (a higher nice value, allowed without
// privileges) lets the scheduler give the GUI thread a core the moment it wakes;
// the replay only slows by what the GUI actually uses. Priority never changes
// what a replay produces.
#pragma once

namespace vigil {

// Raises the calling thread's nice value by `increment` (Linux: per thread);
// nothing for 0 or where unsupported. False when the system refused.
bool lowerThisThreadPriority(int increment);
// The calling thread's nice value (0 where unsupported).
int thisThreadNice();

}  // namespace vigil
