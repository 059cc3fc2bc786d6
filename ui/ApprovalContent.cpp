#include "ui/ApprovalContent.h"

#include "approve/CanonicalJson.h"
#include "remedy/Wei.h"

#include <QCoreApplication>

namespace vigil::ui {

namespace {

QString tr(const char* s) { return QCoreApplication::translate("ApprovalContent", s); }

// A canonical value: strings keep their quotes (CanonicalJson.h).
QString unquoted(const std::string& v) {
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') return QString::fromStdString(v.substr(1, v.size() - 2));
    return QString::fromStdString(v);
}

QString weiAs(const QString& digits, const char* unit, remedy::Wei per) {
    remedy::Wei w = 0;
    if (!remedy::parseWei(digits.toStdString(), w)) return digits;
    const remedy::Wei whole = w / per, frac = w % per;
    // formatEth divides by 10^18; scale so it prints the value in `unit`.
    const std::string shown = remedy::formatEth(whole * remedy::kWeiPerEth + frac * (remedy::kWeiPerEth / per));
    return QStringLiteral("%1 %2 (%3 wei)").arg(QString::fromStdString(shown), QLatin1String(unit), digits);
}

}  // namespace

QList<QPair<QString, QString>> describeContent(const std::string& canonicalJson) {
    QList<QPair<QString, QString>> out;
    const auto fields = approve::readFlatObject(canonicalJson);
    if (!fields) return out;
    constexpr remedy::Wei kGwei = 1'000'000'000ULL;
    struct Known {
        const char* key;
        const char* label;
        int unit;  // 0 as is, 1 ETH, 2 gwei
    };
    static const Known known[] = {
        {"action", QT_TRANSLATE_NOOP("ApprovalContent", "Action"), 0},
        {"chain", QT_TRANSLATE_NOOP("ApprovalContent", "Chain"), 0},
        {"from", QT_TRANSLATE_NOOP("ApprovalContent", "From"), 0},
        {"to", QT_TRANSLATE_NOOP("ApprovalContent", "To"), 0},
        {"value_wei", QT_TRANSLATE_NOOP("ApprovalContent", "Value"), 1},
        {"max_fee_per_gas_wei", QT_TRANSLATE_NOOP("ApprovalContent", "Max fee per gas"), 2},
        {"max_priority_fee_per_gas_wei", QT_TRANSLATE_NOOP("ApprovalContent", "Priority fee per gas"), 2},
        {"gas_limit", QT_TRANSLATE_NOOP("ApprovalContent", "Gas limit"), 0},
        {"nonce", QT_TRANSLATE_NOOP("ApprovalContent", "Nonce"), 0},
        {"data", QT_TRANSLATE_NOOP("ApprovalContent", "Calldata"), 0},
        {"target", QT_TRANSLATE_NOOP("ApprovalContent", "Target"), 0},
    };
    std::map<std::string, std::string> rest = *fields;
    for (const Known& k : known) {
        const auto it = rest.find(k.key);
        if (it == rest.end()) continue;
        QString v = unquoted(it->second);
        if (k.unit == 1) v = weiAs(v, "ETH", remedy::kWeiPerEth);
        else if (k.unit == 2) v = weiAs(v, "gwei", kGwei);
        else if (v.isEmpty()) v = QCoreApplication::translate("ApprovalContent", "(none)");
        out.append({tr(k.label), v});
        rest.erase(it);
    }
    for (const auto& [k, v] : rest) out.append({QString::fromStdString(k), unquoted(v)});
    return out;
}

}  // namespace vigil::ui
