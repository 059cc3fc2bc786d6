// Batches of records cross threads (store reader -> GUI) through queued signals;
// declared once here, before moc sees a signal that carries them.
#pragma once

#include "record/Record.h"

#include <QMetaType>

#include <vector>

Q_DECLARE_METATYPE(std::vector<vigil::Record>)
