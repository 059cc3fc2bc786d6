#include "ui/MainWindow.h"
namespace vigil::ui {
MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) { setWindowTitle(tr("Vigil")); }
}  // namespace vigil::ui
