// The replay's controls: play/pause, speed (1x..1000x, as fast as possible), step
// to the next anomaly or incident, a seek slider over the recording's time, and
// where the replay is (record time, percent, time left, what was wrong with the
// recording, what it counted but did not keep). It polls the controller's progress on a GUI timer; every button
// only posts a command, so the GUI never waits on the replay thread.
#pragma once

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace vigil {
class ReplayController;
struct ReplayProgress;
}  // namespace vigil

namespace vigil::ui {

class ReplayBar : public QWidget {
    Q_OBJECT
public:
    // `replay` must outlive the bar.
    explicit ReplayBar(ReplayController& replay, QWidget* parent = nullptr);

    // The speed choices, in the combo box's order (0: as fast as possible).
    static QList<double> speeds();
    void setSpeed(double multiple);  // picks the closest choice and tells the replay

    QToolButton* playButton() const { return play_; }
    QSlider* slider() const { return slider_; }
    QLabel* positionLabel() const { return position_; }
    QLabel* problemsLabel() const { return problems_; }
    QLabel* droppedLabel() const { return dropped_; }

public slots:
    void refresh();  // one timer step: read the progress, show it

private:
    void togglePlay();
    void seekToSlider();
    static QString duration(double seconds);

    ReplayController& replay_;
    QToolButton* play_;
    QComboBox* speed_;
    QToolButton* nextAnomaly_;
    QToolButton* nextIncident_;
    QSlider* slider_;
    QLabel* position_;
    QLabel* problems_;
    QLabel* dropped_;  // what the replay counted but did not keep
    QTimer timer_;
    bool playing_ = false;
};

}  // namespace vigil::ui
