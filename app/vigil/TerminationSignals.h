// SIGINT/SIGTERM (Ctrl+C in the terminal that started `vigil`, or a service
// manager stopping it) close the main window like File ▸ Quit, so the layout is
// saved and the engine and store shut down in order instead of dying mid-commit.
#pragma once

#include <functional>

// Installs the handlers; `onSignal` runs on the GUI thread (through a self-pipe).
void onTerminationSignal(std::function<void()> onSignal);
