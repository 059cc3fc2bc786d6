#include "ui/StoredSettingsUse.h"

#include <QCoreApplication>

namespace vigil::ui {

Engine::Sink sensitivityLatch(std::shared_ptr<SensitivityDial> dial) {
    return [dial = std::move(dial)](const std::vector<Record>&, const std::vector<Record>&) { dial->latch(); };
}

Sensitivity sensitivityOf(const ConsoleSettings& settings) {
    return sensitivityFromName(settings.sensitivity.toStdString()).value_or(Sensitivity::Normal);
}

QString fillDeskFromSettings(QString& url, QString& tokenFile, const ConsoleSettings& settings) {
    if (url == QLatin1String("settings")) {
        if (settings.signoffUrl.isEmpty())
            return QCoreApplication::translate(
                "DeskOptionNames", "--desk settings: no sign-off service address is stored (File → Settings)");
        url = settings.signoffUrl;
    }
    if (tokenFile.isEmpty()) tokenFile = settings.tokenFile;
    if (tokenFile.isEmpty())
        return QCoreApplication::translate(
            "DeskOptionNames", "--desk needs --token-file FILE (your bearer token), or one stored in File → Settings");
    return {};
}

}  // namespace vigil::ui
