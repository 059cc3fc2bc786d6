#include "vigilctl/LearnDatabase.h"

#include "audit/AuditKey.h"
#include "record/NdjsonCodec.h"
#include "store/StoreReader.h"

#include <QFileInfo>

#include <algorithm>

namespace vigilctl {

std::unique_ptr<vigil::learn::LearnStore> openLearnStore(const QString& db, QString& error) {
    if (!QFileInfo(db).isFile()) {
        error = QStringLiteral("%1: no such database file").arg(db);
        return nullptr;
    }
    auto key = vigil::audit::loadOrCreateKey(vigil::audit::defaultKeyPath());
    if (!key) {
        error = QStringLiteral("audit key: %1").arg(QString::fromStdString(key.error()));
        return nullptr;
    }
    auto s = vigil::learn::LearnStore::open(db.toStdString(), std::move(key).value());
    if (!s) {
        error = QString::fromStdString(s.error());
        return nullptr;
    }
    return std::move(s).value();
}

std::optional<StoredEvidence> readEvidence(const QString& db, QString& error) {
    auto reader = vigil::store::StoreReader::open(db.toStdString());
    if (!reader) {
        error = QString::fromStdString(reader.error());
        return std::nullopt;
    }
    auto incidents = reader.value()->incidents();
    auto anomalies = reader.value()->anomalies();
    auto actions = reader.value()->actions();
    auto outcomes = reader.value()->outcomes();
    for (const std::string* e : {&incidents.error(), &anomalies.error(), &actions.error(), &outcomes.error()})
        if (!e->empty()) {
            error = QString::fromStdString(*e);
            return std::nullopt;
        }
    StoredEvidence ev;
    ev.incidents = std::move(incidents).value();
    ev.incidentSeries = vigil::learn::seriesOfIncidents(ev.incidents, anomalies.value());
    // The incidents table keeps each incident's latest state; the audit log (when
    // the engine audited) has every update, so "mitigated right after the fix"
    // is seen even when the incident resolved later.
    std::vector<vigil::Incident> updates;
    if (auto audit = reader.value()->audit(); audit) {
        vigil::NdjsonDecoder decoder;
        std::string why;
        for (const auto& e : *audit) {
            vigil::Record r;
            if (e.kind == "incident" && decoder.decodeCopy(e.body, r, why))
                if (auto* i = std::get_if<vigil::Incident>(&r)) updates.push_back(std::move(*i));
        }
    }
    updates.insert(updates.end(), ev.incidents.begin(), ev.incidents.end());
    std::stable_sort(updates.begin(), updates.end(), [](const auto& a, const auto& b) { return a.ts < b.ts; });
    ev.actions = vigil::learn::assessActions(actions.value(), outcomes.value(), updates);
    ev.actionRecords = std::move(actions).value();
    return ev;
}

std::map<vigil::learn::SeriesKey, double> realScores(const StoredEvidence& ev,
                                                     const std::vector<vigil::learn::Feedback>& feedback) {
    std::map<std::string, bool> real;  // latest verdict per incident
    for (const auto& f : feedback)
        if (f.verdict == vigil::learn::Verdict::Real || f.verdict == vigil::learn::Verdict::FalseAlarm)
            real[f.incidentId] = f.verdict == vigil::learn::Verdict::Real;
    std::map<vigil::learn::SeriesKey, double> out;
    for (const auto& [id, isReal] : real) {
        const auto it = ev.incidentSeries.find(id);
        if (!isReal || it == ev.incidentSeries.end()) continue;
        for (const auto& [key, score] : it->second)
            if (!out.count(key) || score < out[key]) out[key] = score;
    }
    return out;
}

}  // namespace vigilctl
