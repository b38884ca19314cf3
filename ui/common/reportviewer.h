#pragma once

#include "report/reportgenerator.h"
#include "report/reportlog.h"

#include <QDialog>
#include <QPointF>
#include <QVector>

#include <functional>
#include <optional>

class QLabel;
class QListWidget;
class QPdfDocument;
class QPrinter;
class QPushButton;
class QScrollArea;

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

/// Shows one generated credit report (企业综合信用报告): the pages of the signed PDF itself, rendered with
/// QtPdf, so the screen, the printout and the saved file are the same bytes (see docs/report.md). A list
/// on the left names the sections (cover, 一 summary … 十五 statement); choosing one scrolls to its title.
/// "Print…" prints those pages, "Save PDF…" writes the signed file, "Compare with previous report" lists
/// what changed since the firm's previous report (Report::ReportDiff).
class ReportViewer : public QDialog
{
    Q_OBJECT

public:
    /// One navigation entry: where its title is in the PDF.
    struct Section
    {
        QString title;    ///< as printed in the report ("二、登记信息")
        int page = -1;    ///< 0-based; -1 when the title was not found in the PDF's text
        QPointF position; ///< top-left of the title on the page, in points from the page's top-left
    };

    /// Shows \a outcome (an ok ReportGenerator outcome, rendered in \a language). \a previous is the
    /// firm's report log entry before this report (nothing: this is the firm's first report).
    ReportViewer(Report::ReportGenerator::Outcome outcome, std::optional<Report::ReportLogEntry> previous,
                 Report::ReportLanguage language, QWidget *parent = nullptr);
    ~ReportViewer() override;

    /// Generates a report with Report::ReportGenerator (authorization check, snapshot, signing, log) and
    /// returns a viewer for it; the log entry of the firm's previous report is read first, for the
    /// comparison. nullptr when no report was produced: \a error gets the translated reason and
    /// \a refused is true when the authorization check said no.
    static ReportViewer *generate(Store::Database &db, const Report::ReportGenerator::Request &request,
                                  const Security::Signer &key, QString *error, bool *refused = nullptr,
                                  QWidget *parent = nullptr);

    const Report::ReportData &data() const { return m_outcome.data; }
    /// The signed PDF as ReportGenerator produced it.
    QByteArray pdf() const { return m_outcome.pdf; }
    int pageCount() const;
    QVector<Section> sections() const { return m_sections; }

    /// Scrolls so that the title of section \a index is at the top of the view.
    void showSection(int index);
    /// The vertical scroll position that showSection(\a index) goes to, in pixels.
    int sectionScrollPosition(int index) const;
    /// The page whose area is at the top of the view (0-based).
    int currentPage() const;

    /// Prints every page to \a printer (no dialog); false when painting could not start. The pages are
    /// rendered at the printer's resolution, at most 300 dpi, and scaled to fit the paper.
    bool printTo(QPrinter *printer);
    /// Writes the signed PDF to \a path; false with a translated \a error on failure.
    bool savePdf(const QString &path, QString *error = nullptr) const;
    /// "What changed since the previous report" as sentences in the report's language; when there is no
    /// previous report or nothing changed, one sentence saying so.
    QStringList comparison() const;

    /// Where "Save PDF…" writes: gets the suggested file name, returns a path or an empty string to
    /// cancel. Default: a QFileDialog. Tests inject a fixed path.
    void setSavePathProvider(std::function<QString(const QString &suggestedName)> provider);

    QListWidget *sectionList() const { return m_sectionList; }
    QScrollArea *pageArea() const { return m_pageArea; }
    QPushButton *printButton() const { return m_printButton; }
    QPushButton *saveButton() const { return m_saveButton; }
    QPushButton *compareButton() const { return m_compareButton; }
    /// The comparison panel's list (one sentence per row), filled and shown by the compare button.
    QListWidget *comparisonList() const { return m_comparisonList; }
    /// The comparison panel's title ("与上次报告 XDR-… 相比的变化").
    QLabel *comparisonTitle() const { return m_comparisonTitle; }
    /// The last message of the save flow (saved to …, or why not).
    QString lastMessage() const { return m_lastMessage; }

private:
    void buildPages();
    void findSections();
    void print();
    void saveAs();
    void toggleComparison();
    double scale() const;

    Report::ReportGenerator::Outcome m_outcome;
    std::optional<Report::ReportLogEntry> m_previous;
    Report::ReportLanguage m_language;
    QPdfDocument *m_document = nullptr;
    QVector<Section> m_sections;
    QVector<QLabel *> m_pages;
    QListWidget *m_sectionList = nullptr;
    QScrollArea *m_pageArea = nullptr;
    QWidget *m_pageContainer = nullptr;
    QPushButton *m_printButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_compareButton = nullptr;
    QWidget *m_comparisonPanel = nullptr;
    QLabel *m_comparisonTitle = nullptr;
    QListWidget *m_comparisonList = nullptr;
    QLabel *m_status = nullptr;
    QString m_lastMessage;
    std::function<QString(const QString &)> m_savePathProvider;
};

} // namespace XinDai::Ui
