// The incident report of a replay: every incident in its final state, in id
// order, with the anomalies' detectors counted. Built only from the engine's
// outputs (which derive from record time), so the same log gives the same bytes.
#pragma once

#include "record/NdjsonCodec.h"

#include <QString>

#include <map>
#include <string>
#include <vector>

namespace vigilctl {

class ReplayReport {
public:
    void add(const std::vector<vigil::Record>& outputs);
    // Writes JSON, or HTML when the path ends in .html. False with error set.
    bool write(const QString& path, const QString& log, const vigil::DecodeStats& input, QString& error) const;

private:
    std::map<std::string, vigil::Incident> incidents_;
    std::map<std::string, std::int64_t> anomaliesByDetector_;
    std::int64_t anomalies_ = 0;
};

}  // namespace vigilctl
