// What the stored console settings (ConsoleSettings, File → Settings) change
// outside the settings dialog, in one place the app and the tests share:
// the detector sensitivity becomes the engine's SensitivityDial (read by the
// correlator on the engine thread), and the stored sign-off address and token
// file are what `vigil --desk` uses when they are not given.
#pragma once

#include "correlate/Sensitivity.h"
#include "engine/Engine.h"
#include "ui/ConsoleSettings.h"

#include <QString>

#include <memory>

namespace vigil::ui {

// The engine sink that takes a requested sensitivity between batches (added before
// the engine starts): File → Settings never waits for the engine, and each batch
// is judged at one level.
Engine::Sink sensitivityLatch(std::shared_ptr<SensitivityDial> dial);

// The dial level for the stored sensitivity (normal when the stored value is
// not a level; ConsoleSettings::check() names it).
Sensitivity sensitivityOf(const ConsoleSettings& settings);

// `vigil --desk URL --token-file F` with parts left out: URL "settings" takes
// the stored sign-off address, no token file takes the stored one. Returns why
// that is not possible ("" when url and tokenFile are now set).
QString fillDeskFromSettings(QString& url, QString& tokenFile, const ConsoleSettings& settings);

}  // namespace vigil::ui
