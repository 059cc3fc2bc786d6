// Every anomaly a detector emits carries its explanation as messages
// (detect/ExplanationMessages.h) whose English rendering is its explanation, byte
// for byte, so the UI can show it in the user's language. Called by the helpers
// that collect a detector's anomalies; a failure fails the running test.
#pragma once

#include "detect/ExplanationText.h"

#include <QTest>

namespace vigil {

inline void checkExplained(const Anomaly& a) {
    QTest::qVerify(!a.explanation_msgs.empty() && renderExplanation(a.explanation_msgs) == a.explanation,
                   "explanation_msgs render to explanation", (a.detector + ": " + a.explanation).c_str(), __FILE__,
                   __LINE__);
}

}  // namespace vigil
