// vigilctl feedback INCIDENT --false-alarm|--real|--action-helped|--action-useless
//                  --as USER [--action ID] [--comment C] [--db DB]
// An operator's word on an incident (issue #12): stored in the database's
// feedback table and appended to its audit log with the engine's key; `vigilctl
// learn update` then learns from it. The incident (and the action) must be in
// the database. Exit 0; 2 for bad usage, an unknown incident or action, or an
// unreadable database.
#include "vigilctl/Commands.h"
#include "vigilctl/LearnDatabase.h"

#include "common/DefaultPaths.h"

#include <QCommandLineParser>
#include <QDateTime>

#include <algorithm>
#include <cstdio>

namespace vigilctl {
namespace {

struct FeedbackOptions {
    QString db, incident, user, comment, action;
    vigil::learn::Verdict verdict = vigil::learn::Verdict::Real;
};

std::optional<int> parseFeedback(const QStringList& args, FeedbackOptions& o) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Tell Vigil whether an incident was a false alarm or real, and whether "
                                               "its action helped; stored and audited."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("INCIDENT"), QStringLiteral("incident id (as vigilctl and the console show it)"));
    p.addOption({QStringLiteral("false-alarm"), QStringLiteral("the incident was not a real problem")});
    p.addOption({QStringLiteral("real"), QStringLiteral("the incident was a real problem")});
    p.addOption({QStringLiteral("action-helped"), QStringLiteral("the action taken fixed it")});
    p.addOption({QStringLiteral("action-useless"), QStringLiteral("the action taken did not help")});
    p.addOption({QStringLiteral("action"), QStringLiteral("the action judged (default: every action of the incident)"),
                 QStringLiteral("ID")});
    p.addOption({QStringLiteral("as"), QStringLiteral("who says so (required)"), QStringLiteral("USER")});
    p.addOption({QStringLiteral("comment"), QStringLiteral("why, in words"), QStringLiteral("C")});
    p.addOption({QStringLiteral("db"), QStringLiteral("SQLite database (default: the XDG data location)"), QStringLiteral("DB")});
    if (auto rc = parseArguments(p, args, "feedback")) return rc;
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1) return usageError(QStringLiteral("feedback: give exactly one INCIDENT id"));
    o.incident = pos.first();
    int verdicts = 0;
    const std::pair<const char*, vigil::learn::Verdict> flags[] = {
        {"false-alarm", vigil::learn::Verdict::FalseAlarm},
        {"real", vigil::learn::Verdict::Real},
        {"action-helped", vigil::learn::Verdict::ActionHelped},
        {"action-useless", vigil::learn::Verdict::ActionUseless}};
    for (const auto& [flag, v] : flags)
        if (p.isSet(QString::fromLatin1(flag))) {
            ++verdicts;
            o.verdict = v;
        }
    if (verdicts != 1)
        return usageError(QStringLiteral("feedback: give exactly one of --false-alarm, --real, --action-helped, --action-useless"));
    if (!p.isSet(QStringLiteral("as")) || p.value(QStringLiteral("as")).trimmed().isEmpty())
        return usageError(QStringLiteral("feedback: --as USER is required (who gives the feedback)"));
    o.user = p.value(QStringLiteral("as")).trimmed();
    o.comment = p.value(QStringLiteral("comment"));
    o.action = p.value(QStringLiteral("action"));
    if (!o.action.isEmpty() && o.verdict != vigil::learn::Verdict::ActionHelped &&
        o.verdict != vigil::learn::Verdict::ActionUseless)
        return usageError(QStringLiteral("feedback: --action goes with --action-helped or --action-useless"));
    o.db = p.isSet(QStringLiteral("db")) ? p.value(QStringLiteral("db")) : vigil::app::defaultDatabasePath();
    return std::nullopt;
}

}  // namespace

int cmdFeedback(const QStringList& args) {
    FeedbackOptions o;
    if (auto rc = parseFeedback(args, o)) return *rc;
    QString error;
    auto learnStore = openLearnStore(o.db, error);
    if (!learnStore) return usageError(QStringLiteral("feedback: %1").arg(error));
    const auto ev = readEvidence(o.db, error);
    if (!ev) return usageError(QStringLiteral("feedback: %1").arg(error));
    const std::string incident = o.incident.toStdString();
    if (std::none_of(ev->incidents.begin(), ev->incidents.end(), [&](const auto& i) { return i.id == incident; }))
        return usageError(QStringLiteral("feedback: INCIDENT: no incident '%1' in %2").arg(o.incident, o.db));
    if (!o.action.isEmpty()) {
        const std::string action = o.action.toStdString();
        const auto a = std::find_if(ev->actionRecords.begin(), ev->actionRecords.end(),
                                    [&](const auto& r) { return r.id == action; });
        if (a == ev->actionRecords.end() || a->incident_id != incident)
            return usageError(QStringLiteral("feedback: --action: no action '%1' of incident '%2' in %3")
                                  .arg(o.action, o.incident, o.db));
    }
    vigil::learn::Feedback f;
    f.ts = QDateTime::currentMSecsSinceEpoch();  // people decide in wall-clock time
    f.incidentId = incident;
    f.verdict = o.verdict;
    f.actionId = o.action.toStdString();
    f.user = o.user.toStdString();
    f.comment = o.comment.toStdString();
    const auto stored = learnStore->addFeedback(f);
    if (!stored) return usageError(QStringLiteral("feedback: %1").arg(QString::fromStdString(stored.error())));
    std::printf("feedback %lld: %s %s by %s (audited)\n", static_cast<long long>(stored->seq), incident.c_str(),
                std::string(vigil::learn::toString(o.verdict)).c_str(), f.user.c_str());
    return kOk;
}

}  // namespace vigilctl
