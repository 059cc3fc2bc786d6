#include "ui/MainWindow.h"
#include <QApplication>
int main(int argc, char** argv) {
    QApplication app(argc, argv);
    vigil::ui::MainWindow w;
    w.show();
    return app.exec();
}
