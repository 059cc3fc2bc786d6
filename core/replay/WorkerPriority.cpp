#include "replay/WorkerPriority.h"

#if defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#endif

namespace vigil {

#if defined(__linux__)
namespace {
id_t thisThreadId() { return id_t(::syscall(SYS_gettid)); }
}  // namespace

int thisThreadNice() {
    errno = 0;
    const int n = ::getpriority(PRIO_PROCESS, thisThreadId());
    return errno ? 0 : n;
}

bool lowerThisThreadPriority(int increment) {
    if (increment <= 0) return true;
    // On Linux PRIO_PROCESS with a thread id sets that thread alone.
    return ::setpriority(PRIO_PROCESS, thisThreadId(), thisThreadNice() + increment) == 0;
}
#else
int thisThreadNice() { return 0; }
bool lowerThisThreadPriority(int) { return true; }
#endif

}  // namespace vigil
