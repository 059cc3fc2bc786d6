// The latest state of each incident, by id, for whoever shows or compares them
// (the snapshot for the UI, a replay's outputs), at most `cap` of them however
// long Vigil runs: beyond it the oldest resolved incident leaves first (else the
// oldest opened), counted. An incident that updates after it left comes back.
#pragma once

#include "record/Record.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

namespace vigil {

// Keeps `inc` as its id's latest state; true when the id was not kept before.
bool keepLatestIncident(std::map<std::string, Incident>& kept, const Incident& inc, std::size_t cap,
                        std::int64_t& dropped);

}  // namespace vigil
