#pragma once
#include <QMainWindow>
namespace vigil::ui {
// Placeholder; the console's panels are being written.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
};
}  // namespace vigil::ui
