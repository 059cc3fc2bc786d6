#include "ui/report/ReportRender.h"

#include "common/ReportJson.h"
#include "ui/report/ReportChartImage.h"

#include <QApplication>
#include <QBuffer>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

#include <vector>

namespace vigil::report {
namespace {

QString imageName(int i, int j) { return QStringLiteral("chart-%1-%2.png").arg(i).arg(j); }

std::vector<std::vector<QImage>> chartImages(const IncidentReport& r) {
    std::vector<std::vector<QImage>> images;
    for (const auto& s : r.incidents) {
        images.emplace_back();
        for (const auto& c : s.charts) images.back().push_back(renderChart(c, s.run.incident.opened));
    }
    return images;
}

QByteArray png(const QImage& image) {
    QByteArray bytes;
    QBuffer buf(&bytes);
    buf.open(QIODevice::WriteOnly);
    image.save(&buf, "PNG");
    return bytes;
}

bool writePdf(const IncidentReport& r, const QString& path, QString& error) {
    const auto images = chartImages(r);
    QPdfWriter writer(path);
    writer.setResolution(96);  // one document pixel per writer pixel: the HTML's image widths hold
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                                     QPageLayout::Millimeter));
    writer.setTitle(QString::fromStdString(r.title));
    writer.setCreator(QStringLiteral("Vigil " VIGIL_VERSION));
    QTextDocument doc;
    doc.setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 8));
    for (std::size_t i = 0; i < images.size(); ++i)
        for (std::size_t j = 0; j < images[i].size(); ++j)
            doc.addResource(QTextDocument::ImageResource, QUrl(imageName(int(i), int(j))), images[i][j]);
    doc.setHtml(reportHtml(r, imageName));
    doc.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size());
    doc.print(&writer);
    if (QFileInfo(path).size() == 0) {
        error = path + QStringLiteral(": cannot write report (the PDF writer wrote nothing)");
        return false;
    }
    return true;
}

}  // namespace

bool renderReport(const IncidentReport& r, const QString& path, QString& error) {
    if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return app::writeReportFile(path, app::reportJson(r), error);
    if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        QFile probe(path);  // QPdfWriter says nothing when it cannot open the file
        if (!probe.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            error = path + QStringLiteral(": cannot write report (") + probe.errorString() + QStringLiteral(")");
            return false;
        }
        probe.close();
        return writePdf(r, path, error);
    }
    const auto images = chartImages(r);
    const QString html = reportHtml(r, [&images](int i, int j) {
        return QStringLiteral("data:image/png;base64,") +
               QString::fromLatin1(png(images[std::size_t(i)][std::size_t(j)]).toBase64());
    });
    return app::writeReportFile(path, html.toUtf8(), error);
}

std::unique_ptr<QCoreApplication> makeApplication(int& argc, char** argv, bool gui) {
    if (!gui) return std::make_unique<QCoreApplication>(argc, argv);
    // A command-line tool draws its charts without a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QApplication>(argc, argv);
}

}  // namespace vigil::report
