#include "ui/ReplayBar.h"

#include "replay/ReplayController.h"
#include "ui/ReplayDroppedText.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

namespace vigil::ui {

namespace {
constexpr int kSliderSteps = 1000;
constexpr int kRefreshMs = 100;
}  // namespace

QList<double> ReplayBar::speeds() { return {1, 10, 100, 1000, 0}; }

ReplayBar::ReplayBar(ReplayController& replay, QWidget* parent) : QWidget(parent), replay_(replay) {
    setObjectName(QStringLiteral("replayBar"));
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(4, 2, 4, 2);

    play_ = new QToolButton(this);
    play_->setObjectName(QStringLiteral("replayPlay"));
    play_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(play_, &QToolButton::clicked, this, &ReplayBar::togglePlay);
    row->addWidget(play_);

    speed_ = new QComboBox(this);
    speed_->setObjectName(QStringLiteral("replaySpeed"));
    for (double s : speeds())
        speed_->addItem(s > 0 ? tr("%1×").arg(s) : tr("As fast as possible"), s);
    speed_->setToolTip(tr("Replay speed: multiples of the recorded time"));
    connect(speed_, &QComboBox::activated, this, [this](int i) { replay_.setSpeed(speed_->itemData(i).toDouble()); });
    row->addWidget(speed_);

    nextAnomaly_ = new QToolButton(this);
    nextAnomaly_->setText(tr("Next anomaly"));
    nextAnomaly_->setIcon(style()->standardIcon(QStyle::SP_MediaSkipForward));
    nextAnomaly_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    nextAnomaly_->setToolTip(tr("Replay as fast as possible to the next anomaly, then pause"));
    connect(nextAnomaly_, &QToolButton::clicked, this, [this] { replay_.stepTo(ReplayStep::Anomaly); });
    row->addWidget(nextAnomaly_);
    nextIncident_ = new QToolButton(this);
    nextIncident_->setText(tr("Next incident"));
    nextIncident_->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    nextIncident_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    nextIncident_->setToolTip(tr("Replay as fast as possible to the next new incident, then pause"));
    connect(nextIncident_, &QToolButton::clicked, this, [this] { replay_.stepTo(ReplayStep::Incident); });
    row->addWidget(nextIncident_);

    slider_ = new QSlider(Qt::Horizontal, this);
    slider_->setObjectName(QStringLiteral("replaySeek"));
    slider_->setRange(0, kSliderSteps);
    slider_->setMinimumWidth(240);
    slider_->setEnabled(false);  // until the recording's end time is known
    slider_->setToolTip(tr("Seek: drag to any time of the recording"));
    connect(slider_, &QSlider::sliderReleased, this, &ReplayBar::seekToSlider);
    connect(slider_, &QSlider::actionTriggered, this, [this](int action) {
        // Clicks and keys move the slider without a drag: seek there too.
        if (action != QAbstractSlider::SliderMove) QTimer::singleShot(0, this, &ReplayBar::seekToSlider);
    });
    row->addWidget(slider_, 1);

    position_ = new QLabel(this);
    position_->setObjectName(QStringLiteral("replayPosition"));
    row->addWidget(position_);
    problems_ = new QLabel(this);
    problems_->setObjectName(QStringLiteral("replayProblems"));
    row->addWidget(problems_);
    dropped_ = new QLabel(this);
    dropped_->setObjectName(QStringLiteral("replayDropped"));
    row->addWidget(dropped_);

    timer_.setInterval(kRefreshMs);
    connect(&timer_, &QTimer::timeout, this, &ReplayBar::refresh);
    timer_.start();
    setSpeed(replay_.progress().speed);
    refresh();
}

void ReplayBar::setSpeed(double multiple) {
    int best = 0;
    for (int i = 0; i < speed_->count(); ++i) {
        const double s = speed_->itemData(i).toDouble();
        if ((multiple <= 0 && s <= 0) || (multiple > 0 && s > 0 && std::abs(s - multiple) < std::abs(speed_->itemData(best).toDouble() - multiple)))
            best = i;
    }
    speed_->setCurrentIndex(best);
    replay_.setSpeed(speed_->itemData(best).toDouble());
}

void ReplayBar::togglePlay() {
    if (playing_)
        replay_.pause();
    else
        replay_.play();
    playing_ = !playing_;  // shown at once; the next refresh says what the replay does
}

void ReplayBar::seekToSlider() {
    const auto p = replay_.progress();
    if (p.first == ReplayProgress::kUnknown || p.last == ReplayProgress::kUnknown || p.last <= p.first) return;
    const auto t = p.first + TimestampMs(double(p.last - p.first) * slider_->value() / kSliderSteps);
    replay_.seek(t);
}

QString ReplayBar::duration(double seconds) {
    const qint64 s = qint64(seconds + 0.5);
    if (s >= 3600) return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    if (s >= 60) return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("%1 s").arg(s);
}

void ReplayBar::refresh() {
    const auto p = replay_.progress();
    playing_ = p.playing;
    play_->setText(p.playing ? tr("Pause") : p.finished ? tr("Ended") : tr("Play"));
    play_->setIcon(style()->standardIcon(p.playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    play_->setEnabled(!p.finished || p.playing);
    nextAnomaly_->setEnabled(!p.finished);
    nextIncident_->setEnabled(!p.finished);
    const bool timeline = p.first != ReplayProgress::kUnknown && p.last != ReplayProgress::kUnknown && p.last > p.first;
    slider_->setEnabled(timeline);
    if (!slider_->isSliderDown()) {
        const QSignalBlocker block(slider_);
        slider_->setValue(int(p.fraction * kSliderSteps + 0.5));
    }
    QString where = p.now == ReplayProgress::kUnknown
                        ? tr("at the start")
                        : QDateTime::fromMSecsSinceEpoch(p.now, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
    where += QStringLiteral(" · ") + tr("%1 %").arg(int(p.fraction * 100));
    if (p.finished)
        where += QStringLiteral(" · ") + tr("end of recording");
    else if (p.playing && p.secondsLeft >= 0)
        where += QStringLiteral(" · ") + tr("%1 left").arg(duration(p.secondsLeft));
    position_->setText(where);
    QStringList wrong;
    if (p.malformed) wrong << tr("%n malformed line(s)", nullptr, int(p.malformed));
    if (p.late) wrong << tr("%n out of order", nullptr, int(p.late));
    if (!p.error.empty()) wrong << tr("recording cut short");
    problems_->setText(wrong.join(QStringLiteral(", ")));
    problems_->setToolTip(QString::fromStdString(p.error));
    dropped_->setText(ReplayDroppedText::line(p));
    dropped_->setToolTip(ReplayDroppedText::tip(p));
    dropped_->setVisible(!dropped_->text().isEmpty());
}

}  // namespace vigil::ui
