#include "ConsoleWhatIf.h"

#include "common/ShippedPolicy.h"
#include "common/WhatIfRuns.h"

#include <QFile>
#include <QFileInfo>

vigil::ui::WhatIfRunner consoleWhatIf() {
    return [](const QString& log, const QString& policyB, vigil::ui::WhatIfRuns& out, QString& error) {
        vigil::app::WhatIfSide a, b;
        std::string why;
        vigil::remedy::Policy pa, pb;
        if (!vigil::app::loadPolicy({}, pa, why) ||
            !vigil::app::loadPolicy(QFile::encodeName(policyB).toStdString(), pb, why)) {
            error = QString::fromStdString(why);
            return false;
        }
        a.policy = std::move(pa);
        a.label = "shipped policy";
        b.policy = std::move(pb);
        b.label = QFileInfo(policyB).fileName().toStdString();
        vigil::app::WhatIfResult r;
        if (!vigil::app::runWhatIf(QFile::encodeName(log).toStdString(), a, b, r, why)) {
            error = QString::fromStdString(why);
            return false;
        }
        out.a = std::move(r.runs[0]);
        out.b = std::move(r.runs[1]);
        out.diff = std::move(r.diff);
        return true;
    };
}
