#include "record/ThreadName.h"

#include <cstring>

#if defined(__linux__)
#include <pthread.h>
#endif

namespace vigil {

void nameThisThread(const char* name) {
#if defined(__linux__)
    char cut[16] = {};  // pthread_setname_np refuses names over 15 bytes instead of cutting them
    std::strncpy(cut, name, sizeof cut - 1);
    pthread_setname_np(pthread_self(), cut);
#else
    (void)name;
#endif
}

std::string thisThreadName() {
#if defined(__linux__)
    char buf[16] = {};
    if (pthread_getname_np(pthread_self(), buf, sizeof buf) == 0) return buf;
#endif
    return {};
}

}  // namespace vigil
