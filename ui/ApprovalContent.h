// The canonical content of an approval request in words for the dialog: each
// field with a label people know ("From", "Max fee"), wei amounts also in ETH or
// gwei. Unknown fields are listed too, under their own key: what is approved is
// shown whole.
#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace vigil::ui {

// (label, value) in display order; empty when the content is not a flat object.
QList<QPair<QString, QString>> describeContent(const std::string& canonicalJson);

}  // namespace vigil::ui
