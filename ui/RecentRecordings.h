// The recordings opened lately (QSettings "replay/recent"), newest first, for
// File → Recent recordings.
#pragma once

#include <QStringList>

namespace vigil::ui {

struct RecentRecordings {
    static constexpr int kMax = 8;
    static QStringList list();
    static void add(const QString& path);  // moves it to the front
    static void clear();
};

}  // namespace vigil::ui
