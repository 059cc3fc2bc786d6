// Snapshots travel through signals as shared pointers to immutable data. Declared
// once here and included by every header that names the type in a signal or slot,
// so the declaration precedes any use moc makes of it.
#pragma once

#include "engine/Snapshot.h"

#include <QMetaType>

#include <memory>

Q_DECLARE_METATYPE(std::shared_ptr<const vigil::Snapshot>)
