// Names the calling thread for the operating system, so `top -H`, `ps -L`, perf, gdb
// and tools/thread-cpu.sh tell Vigil's threads apart ("vigil-engine" rather than the
// program's name for each). Linux keeps at most 15 bytes; longer names are cut.
// Elsewhere a no-op.
#pragma once

#include <string>

namespace vigil {

void nameThisThread(const char* name);
// The calling thread's name as the operating system has it; empty where unknown.
std::string thisThreadName();

}  // namespace vigil
