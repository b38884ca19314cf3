#include "reportviewer.h"

#include "report/reportdiff.h"
#include "report/reportlabels.h"

#include <QBuffer>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfSelection>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace XinDai::Ui {

namespace {

using K = Report::ReportLabels::Key;

/// The navigation entries after the cover, in the order the renderer writes the sections.
constexpr K sectionKeys[]
    = {K::Summary,         K::Registration, K::LegalRep,  K::Qualifications, K::TaxGrades,
       K::SocialInsurance, K::Utilities,    K::BankFlows, K::Procurement,    K::Subsidies,
       K::Financing,       K::Judicial,     K::Score,     K::Sources,        K::Statement};

/// Pixels between pages and around them in the page area.
constexpr int pageGap = 12;
/// Pixels left above a section title when scrolling to it.
constexpr int titleMargin = 8;
/// Highest resolution pages are rendered at for printing: enough for text, and bounded in memory
/// (an A4 page at 300 dpi is 2480 × 3508 pixels).
constexpr int maxPrintDpi = 300;

/// Page \a page of \a document at \a pixels, on white paper (QtPdf renders onto transparency).
QImage renderPage(QPdfDocument *document, int page, QSize pixels)
{
    QImage paper(pixels, QImage::Format_RGB32);
    paper.fill(Qt::white);
    QPainter painter(&paper);
    painter.drawImage(QPoint(0, 0), document->render(page, pixels));
    painter.end();
    return paper;
}

} // namespace

ReportViewer::ReportViewer(Report::ReportGenerator::Outcome outcome,
                           std::optional<Report::ReportLogEntry> previous, Report::ReportLanguage language,
                           QWidget *parent)
    : QDialog(parent)
    , m_outcome(std::move(outcome))
    , m_previous(std::move(previous))
    , m_language(language)
    , m_document(new QPdfDocument(this))
{
    setObjectName(QStringLiteral("reportViewer"));
    setWindowTitle(tr("Credit report %1 — %2").arg(m_outcome.data.number, m_outcome.data.enterprise.name));
    resize(1000, 760);

    // QtPdf reads the document from the device as it needs it: the buffer lives as long as the viewer.
    auto *buffer = new QBuffer(this);
    buffer->setData(m_outcome.pdf);
    buffer->open(QIODevice::ReadOnly);
    m_document->load(buffer);

    auto *layout = new QVBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);

    m_sectionList = new QListWidget(splitter);
    m_sectionList->setObjectName(QStringLiteral("reportSectionList"));
    m_sectionList->setMinimumWidth(180);

    auto *right = new QSplitter(Qt::Vertical, splitter);
    m_pageArea = new QScrollArea(right);
    m_pageArea->setObjectName(QStringLiteral("reportPageArea"));
    m_pageArea->setBackgroundRole(QPalette::Dark);
    m_pageArea->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_pageContainer = new QWidget;
    auto *pagesLayout = new QVBoxLayout(m_pageContainer);
    pagesLayout->setContentsMargins(pageGap, pageGap, pageGap, pageGap);
    pagesLayout->setSpacing(pageGap);
    pagesLayout->setSizeConstraint(QLayout::SetFixedSize);
    m_pageArea->setWidget(m_pageContainer);

    m_comparisonPanel = new QWidget(right);
    auto *panelLayout = new QVBoxLayout(m_comparisonPanel);
    panelLayout->setContentsMargins(0, 0, 0, 0);
    m_comparisonTitle = new QLabel(m_comparisonPanel);
    m_comparisonTitle->setObjectName(QStringLiteral("reportComparisonTitle"));
    m_comparisonTitle->setProperty("role", QStringLiteral("title"));
    m_comparisonList = new QListWidget(m_comparisonPanel);
    m_comparisonList->setObjectName(QStringLiteral("reportComparisonList"));
    m_comparisonList->setWordWrap(true);
    panelLayout->addWidget(m_comparisonTitle);
    panelLayout->addWidget(m_comparisonList, 1);
    m_comparisonPanel->hide();
    right->setStretchFactor(0, 4);
    right->setStretchFactor(1, 1);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    auto *bottom = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("reportStatusLabel"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bottom->addWidget(m_status, 1);
    m_compareButton = new QPushButton(tr("Compare with previous report"), this);
    m_compareButton->setObjectName(QStringLiteral("reportCompareButton"));
    m_compareButton->setCheckable(true);
    m_printButton = new QPushButton(tr("Print…"), this);
    m_printButton->setObjectName(QStringLiteral("reportPrintButton"));
    m_saveButton = new QPushButton(tr("Save PDF…"), this);
    m_saveButton->setObjectName(QStringLiteral("reportSaveButton"));
    auto *close = new QPushButton(tr("Close"), this);
    bottom->addWidget(m_compareButton);
    bottom->addWidget(m_printButton);
    bottom->addWidget(m_saveButton);
    bottom->addWidget(close);
    layout->addLayout(bottom);

    connect(m_compareButton, &QPushButton::toggled, this, &ReportViewer::toggleComparison);
    connect(m_printButton, &QPushButton::clicked, this, &ReportViewer::print);
    connect(m_saveButton, &QPushButton::clicked, this, &ReportViewer::saveAs);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_sectionList, &QListWidget::currentRowChanged, this, &ReportViewer::showSection);

    if (m_document->status() != QPdfDocument::Status::Ready || m_document->pageCount() == 0) {
        m_status->setText(
            tr("The report %1 cannot be displayed: its PDF could not be read.").arg(m_outcome.data.number));
        m_printButton->setEnabled(false);
        return;
    }
    buildPages();
    findSections();
    for (const Section &s : std::as_const(m_sections)) {
        auto *item = new QListWidgetItem(s.title, m_sectionList);
        if (s.page < 0)
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    }
    m_status->setText(tr("Report %1 · verification code %2 · %n page(s)", nullptr, pageCount())
                          .arg(m_outcome.data.number, m_outcome.data.verificationCode()));
}

ReportViewer::~ReportViewer() = default;

ReportViewer *ReportViewer::generate(Store::Database &db, const Report::ReportGenerator::Request &request,
                                     const Security::Signer &key, QString *error, bool *refused,
                                     QWidget *parent)
{
    Report::ReportGenerator::Outcome outcome = Report::ReportGenerator::generate(db, request, key);
    if (refused)
        *refused = outcome.refused;
    if (!outcome.ok) {
        if (error)
            *error = outcome.error;
        return nullptr;
    }
    // The generator compared with the firm's latest report before recording this one: that entry is
    // the previous report.
    std::optional<Report::ReportLogEntry> previous;
    if (!outcome.data.changes.previousNumber.isEmpty())
        previous = Report::ReportLog(db).byNumber(outcome.data.changes.previousNumber);
    return new ReportViewer(std::move(outcome), std::move(previous), request.language, parent);
}

int ReportViewer::pageCount() const
{
    return m_document->pageCount();
}

double ReportViewer::scale() const
{
    // Points to screen pixels at 100 %.
    return logicalDpiX() / 72.0;
}

void ReportViewer::buildPages()
{
    const double s = scale();
    for (int p = 0; p < m_document->pageCount(); ++p) {
        const QSize pixels = (m_document->pagePointSize(p) * s).toSize();
        auto *label = new QLabel(m_pageContainer);
        label->setObjectName(QStringLiteral("reportPage%1").arg(p + 1));
        label->setFixedSize(pixels);
        // Rendered at the screen's device pixel ratio so that text stays sharp on high-dpi screens.
        const qreal ratio = devicePixelRatioF();
        QPixmap pixmap = QPixmap::fromImage(renderPage(m_document, p, (QSizeF(pixels) * ratio).toSize()));
        pixmap.setDevicePixelRatio(ratio);
        label->setPixmap(pixmap);
        m_pageContainer->layout()->addWidget(label);
        m_pages.append(label);
    }
    m_pageContainer->layout()->activate();
}

void ReportViewer::findSections()
{
    Section cover;
    // In the report's language like the section titles next to it (ReportLabels has no cover title).
    cover.title = m_language == Report::ReportLanguage::Chinese ? QString::fromUtf8("封面") : tr("Cover");
    cover.page = 0;
    m_sections.append(cover);
    // Titles are looked for in the PDF's own text, in section order, each from where the previous one
    // was found: the positions are those of the file the user sees and saves.
    int page = 0;
    int from = 0;
    for (K key : sectionKeys) {
        Section s;
        s.title = Report::ReportLabels::text(key, m_language);
        for (int p = page; p < m_document->pageCount() && s.page < 0; ++p) {
            const QString text = m_document->getAllText(p).text();
            const int at = text.indexOf(s.title, p == page ? from : 0);
            if (at < 0)
                continue;
            s.page = p;
            s.position
                = m_document->getSelectionAtIndex(p, at, int(s.title.size())).boundingRectangle().topLeft();
            page = p;
            from = at + int(s.title.size());
        }
        m_sections.append(s);
    }
}

int ReportViewer::sectionScrollPosition(int index) const
{
    if (index < 0 || index >= m_sections.size() || m_sections.at(index).page < 0)
        return -1;
    const Section &s = m_sections.at(index);
    m_pageContainer->layout()->activate();
    // The cover is the top of the first page; a title is shown with a small margin above it.
    const int y = index == 0 ? m_pages.at(s.page)->y() - pageGap
                             : m_pages.at(s.page)->y() + qRound(s.position.y() * scale()) - titleMargin;
    return std::clamp(y, 0, m_pageArea->verticalScrollBar()->maximum());
}

void ReportViewer::showSection(int index)
{
    const int y = sectionScrollPosition(index);
    if (y < 0)
        return;
    m_pageArea->verticalScrollBar()->setValue(y);
    if (m_sectionList->currentRow() != index)
        m_sectionList->setCurrentRow(index);
}

int ReportViewer::currentPage() const
{
    const int top = m_pageArea->verticalScrollBar()->value();
    int current = 0;
    for (int p = 0; p < m_pages.size(); ++p) {
        if (m_pages.at(p)->y() - pageGap <= top)
            current = p;
    }
    return current;
}

bool ReportViewer::printTo(QPrinter *printer)
{
    if (m_document->pageCount() == 0)
        return false;
    printer->setFullPage(true);
    printer->setDocName(m_outcome.data.number);
    QPainter painter;
    if (!painter.begin(printer))
        return false;
    const int dpi = std::min(printer->resolution(), maxPrintDpi);
    const QRectF paper = printer->pageLayout().fullRectPixels(printer->resolution());
    for (int p = 0; p < m_document->pageCount(); ++p) {
        if (p > 0 && !printer->newPage())
            return false;
        const QSizeF points = m_document->pagePointSize(p);
        const QImage image = renderPage(m_document, p, (points * dpi / 72.0).toSize());
        // The report is A4; on other paper the page is scaled to fit and centred.
        const QSizeF fitted = points.scaled(paper.size(), Qt::KeepAspectRatio);
        const QRectF target(paper.left() + (paper.width() - fitted.width()) / 2,
                            paper.top() + (paper.height() - fitted.height()) / 2, fitted.width(),
                            fitted.height());
        painter.drawImage(target, image);
    }
    return painter.end();
}

void ReportViewer::print()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print the credit report %1").arg(m_outcome.data.number));
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!printTo(&printer))
        m_status->setText(tr("The report %1 could not be printed: the printer did not accept the pages.")
                              .arg(m_outcome.data.number));
}

bool ReportViewer::savePdf(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_outcome.pdf) != m_outcome.pdf.size()
        || !file.commit()) {
        if (error)
            *error = tr("The report %1 could not be saved to %2: %3")
                         .arg(m_outcome.data.number, QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void ReportViewer::setSavePathProvider(std::function<QString(const QString &)> provider)
{
    m_savePathProvider = std::move(provider);
}

void ReportViewer::saveAs()
{
    const QString suggested = m_outcome.data.number + QStringLiteral(".pdf");
    const QString path = m_savePathProvider ? m_savePathProvider(suggested)
                                            : QFileDialog::getSaveFileName(this, tr("Save the credit report"),
                                                                           QDir::home().filePath(suggested),
                                                                           tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    m_lastMessage = savePdf(path, &error) ? tr("The signed report %1 was saved to %2.")
                                                .arg(m_outcome.data.number, QDir::toNativeSeparators(path))
                                          : error;
    m_status->setText(m_lastMessage);
}

QStringList ReportViewer::comparison() const
{
    using Report::ReportLabels;
    if (!m_previous)
        return {ReportLabels::text(K::ChangesFirst, m_language)};
    const QVector<Report::ReportDiff::Change> changes
        = Report::ReportDiff::compare(m_previous->summary, Report::ReportDiff::summaryOf(m_outcome.data));
    if (changes.isEmpty())
        return {ReportLabels::text(K::ChangesNone, m_language).arg(m_previous->number)};
    return Report::ReportDiff::sentences(changes, m_language);
}

void ReportViewer::toggleComparison()
{
    if (!m_compareButton->isChecked()) {
        m_comparisonPanel->hide();
        return;
    }
    m_comparisonTitle->setText(
        m_previous ? Report::ReportLabels::text(K::ChangesSince, m_language).arg(m_previous->number)
                   : Report::ReportLabels::text(K::Changes, m_language));
    m_comparisonList->clear();
    m_comparisonList->addItems(comparison());
    m_comparisonPanel->show();
}

} // namespace XinDai::Ui
