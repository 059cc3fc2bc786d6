#include "learn/ModelFile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstdio>
#include <tuple>

namespace vigil::learn {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

std::string fixed(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", v);
    return buf;
}

// The latest change in force per subject. Keyed by the subject's parts, not its
// text: "a b"/"c" and "a"/"b c", or series "rule" on target "r" and rule "r",
// read the same as text and one of them was lost (fuzz_modelfile).
using SubjectKey = std::tuple<ChangeKind, std::string, std::string, std::string>;
std::map<SubjectKey, const LearnChange*> inForce(const std::vector<LearnChange>& changes) {
    std::map<SubjectKey, const LearnChange*> latest;
    for (const LearnChange& c : changes) {
        if (c.reverted()) continue;
        const LearnChange*& slot = latest[c.kind == ChangeKind::SeriesCut ? SubjectKey{c.kind, c.series, c.target, {}}
                                                                          : SubjectKey{c.kind, {}, {}, c.rule}];
        if (!slot || slot->id < c.id) slot = &c;
    }
    return latest;
}

bool validKind(const QString& s) {
    if (s.isEmpty() || s.size() > 64) return false;
    for (const QChar c : s)
        if (!(c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.')) return false;
    return true;
}

}  // namespace

std::string exportModel(const std::vector<LearnChange>& changes, TimestampMs exportedAt) {
    QJsonArray cuts, orders;
    for (const auto& [subject, c] : inForce(changes)) {
        if (c->kind == ChangeKind::SeriesCut && c->cutAfter > 0)
            cuts.append(QJsonObject{{"series", q(c->series)}, {"target", q(c->target)}, {"cut", c->cutAfter},
                                    {"reason", q(c->reason)}});
        else if (c->kind == ChangeKind::PlaybookOrder && !c->orderAfter.empty()) {
            QJsonArray order;
            for (const auto& k : c->orderAfter) order.append(q(k));
            orders.append(QJsonObject{{"rule", q(c->rule)}, {"order", order}, {"reason", q(c->reason)}});
        }
    }
    QJsonObject root{{"format", kModelFormat},        {"version", kModelVersion},
                     {"exported_at", static_cast<qint64>(exportedAt)},
                     {"series_cuts", cuts},           {"playbook_orders", orders}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString();
}

ImportResult importModel(const std::string& text, const std::string& file, const std::vector<LearnChange>& history,
                         TimestampMs now, const std::map<SeriesKey, double>& realScores, const LearnConfig& cfg) {
    ImportResult r;
    auto fail = [&](const std::string& field, const std::string& why) {
        r.ok = false;
        r.error = file + ": " + field + ": " + why;
        r.changes.clear();
        return r;
    };
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &perr);
    if (perr.error != QJsonParseError::NoError)
        return fail("offset " + std::to_string(perr.offset), "not JSON: " + perr.errorString().toStdString());
    if (!doc.isObject()) return fail("(top level)", "must be an object");
    const QJsonObject root = doc.object();
    for (const QString& key : root.keys())
        if (key != "format" && key != "version" && key != "exported_at" && key != "series_cuts" && key != "playbook_orders")
            return fail(key.toStdString(), "unknown field");
    if (root.value("format").toString() != kModelFormat)
        return fail("format", std::string("must be \"") + kModelFormat + "\"");
    if (!root.value("version").isDouble() || root.value("version").toDouble() != kModelVersion)
        return fail("version", "must be " + std::to_string(kModelVersion));
    if (root.contains("exported_at") && !root.value("exported_at").isDouble())
        return fail("exported_at", "must be a number (ms since the epoch)");
    for (const char* list : {"series_cuts", "playbook_orders"})
        if (root.contains(list) && !root.value(list).isArray()) return fail(list, "must be an array");

    const LearnedModel model = modelOf(history);
    const std::string from = "imported from " + file + ": ";
    const QJsonArray cuts = root.value("series_cuts").toArray();
    for (qsizetype i = 0; i < cuts.size(); ++i) {
        const std::string at = "series_cuts[" + std::to_string(i) + "]";
        if (!cuts[i].isObject()) return fail(at, "must be an object");
        const QJsonObject o = cuts[i].toObject();
        for (const QString& key : o.keys())
            if (key != "series" && key != "target" && key != "cut" && key != "reason")
                return fail(at + "." + key.toStdString(), "unknown field");
        for (const char* f : {"series", "target"})
            if (!o.value(f).isString() || o.value(f).toString().isEmpty())
                return fail(at + "." + f, "must be a non-empty string");
        if (o.contains("reason") && !o.value("reason").isString()) return fail(at + ".reason", "must be a string");
        const double cut = o.value("cut").toDouble(-1);
        if (!o.value("cut").isDouble() || !std::isfinite(cut) || cut <= 0 || cut > cfg.cap)
            return fail(at + ".cut", "must be a number in (0, " + fixed(cfg.cap) + "] (the global cap)");
        LearnChange c;
        c.ts = now;
        c.kind = ChangeKind::SeriesCut;
        c.series = o.value("series").toString().toStdString();
        c.target = o.value("target").toString().toStdString();
        c.cutAfter = std::round(cut * 10000.0) / 10000.0;
        c.reason = from + o.value("reason").toString().toStdString();
        if (const auto real = realScores.find({c.series, c.target});
            real != realScores.end() && c.cutAfter > real->second - cfg.margin) {
            c.cutAfter = std::round(std::max(0.0, real->second - cfg.margin) * 10000.0) / 10000.0;
            c.reason += " (held at " + fixed(c.cutAfter) + ", below an incident confirmed real here at " +
                        fixed(real->second) + ")";
        }
        const auto cur = model.cuts.find({c.series, c.target});
        c.cutBefore = cur == model.cuts.end() ? 0.0 : cur->second;
        c.by = "import:" + file;
        if (std::abs(c.cutAfter - c.cutBefore) < 1e-9) ++r.unchanged;
        else r.changes.push_back(std::move(c));
    }
    const QJsonArray orders = root.value("playbook_orders").toArray();
    for (qsizetype i = 0; i < orders.size(); ++i) {
        const std::string at = "playbook_orders[" + std::to_string(i) + "]";
        if (!orders[i].isObject()) return fail(at, "must be an object");
        const QJsonObject o = orders[i].toObject();
        for (const QString& key : o.keys())
            if (key != "rule" && key != "order" && key != "reason")
                return fail(at + "." + key.toStdString(), "unknown field");
        if (!o.value("rule").isString() || o.value("rule").toString().isEmpty())
            return fail(at + ".rule", "must be a non-empty string");
        if (o.contains("reason") && !o.value("reason").isString()) return fail(at + ".reason", "must be a string");
        if (!o.value("order").isArray() || o.value("order").toArray().isEmpty())
            return fail(at + ".order", "must be a non-empty array of action kinds");
        LearnChange c;
        c.ts = now;
        c.kind = ChangeKind::PlaybookOrder;
        c.rule = o.value("rule").toString().toStdString();
        const QJsonArray order = o.value("order").toArray();
        for (qsizetype k = 0; k < order.size(); ++k) {
            const QString kind = order[k].toString();
            if (!order[k].isString() || !validKind(kind))
                return fail(at + ".order[" + std::to_string(k) + "]",
                            "must be an action kind (letters, digits, '_', '-', '.')");
            c.orderAfter.push_back(kind.toStdString());
        }
        const auto cur = model.orders.find(c.rule);
        if (cur != model.orders.end()) c.orderBefore = cur->second;
        c.reason = from + o.value("reason").toString().toStdString();
        c.by = "import:" + file;
        if (c.orderAfter == c.orderBefore) ++r.unchanged;
        else r.changes.push_back(std::move(c));
    }
    r.ok = true;
    return r;
}

}  // namespace vigil::learn
