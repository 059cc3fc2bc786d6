#include "TerminationSignals.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {
int pipeFds[2] = {-1, -1};

void handler(int) {
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(pipeFds[0], &c, 1);  // async-signal-safe
}
}  // namespace

void onTerminationSignal(std::function<void()> onSignal) {
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, pipeFds) != 0) return;  // then signals keep their default
    auto* notifier = new QSocketNotifier(pipeFds[1], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, notifier, [notifier, onSignal = std::move(onSignal)] {
        char c;
        [[maybe_unused]] const auto n = ::read(pipeFds[1], &c, 1);
        notifier->setEnabled(false);  // once is enough; a second signal finds the default again
        onSignal();
    });
    struct sigaction sa = {};
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART | SA_RESETHAND;  // a second Ctrl+C kills at once
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
}
