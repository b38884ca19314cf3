#include "walkinprereviewpage.h"

#include "common/domainlabels.h"
#include "walkinwizard.h"

#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTableWidget>
#include <QTextDocument>
#include <QVBoxLayout>

namespace XinDai::Ui {

namespace {

QString severityLabel(Prereview::Finding::Severity severity)
{
    switch (severity) {
    case Prereview::Finding::Severity::Block:
        return WalkInPrereviewPage::tr("Blocks submission");
    case Prereview::Finding::Severity::Warn:
        return WalkInPrereviewPage::tr("Warning");
    case Prereview::Finding::Severity::Info:
        return WalkInPrereviewPage::tr("Note");
    }
    return {};
}

} // namespace

WalkInPrereviewPage::WalkInPrereviewPage(WalkInWizard &wizard)
    : m_wizard(wizard)
    , m_summary(new QLabel)
    , m_table(new QTableWidget(0, ColumnCount))
    , m_slip(new QPlainTextEdit)
    , m_print(new QPushButton(tr("Print the slip…")))
    , m_save(new QPushButton(tr("Save the slip…")))
{
    setObjectName(QStringLiteral("walkInPrereviewPage"));
    setTitle(tr("5. Pre-review"));
    setSubTitle(tr("Completeness, validity, product limits and eligibility of the application."));

    m_summary->setObjectName(QStringLiteral("prereviewSummary"));
    m_summary->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("findings"));
    m_table->setHorizontalHeaderLabels({tr("Severity"), tr("Field"), tr("Finding"), tr("How to fix it")});
    m_table->horizontalHeader()->setSectionResizeMode(MessageColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(FixColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_slip->setObjectName(QStringLiteral("slip"));
    m_slip->setReadOnly(true);
    m_print->setObjectName(QStringLiteral("printSlip"));
    m_save->setObjectName(QStringLiteral("saveSlip"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(new QLabel(tr("“Bring these next visit” slip:")));
    buttons->addStretch(1);
    buttons->addWidget(m_print);
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 2);
    layout->addLayout(buttons);
    layout->addWidget(m_slip, 1);

    connect(m_print, &QPushButton::clicked, this, &WalkInPrereviewPage::printSlip);
    connect(m_save, &QPushButton::clicked, this, [this] {
        const QString path = m_wizard.chooseSaveFile(this, tr("Save the slip"), tr("Text files (*.txt)"));
        if (path.isEmpty())
            return;
        QString error;
        if (!saveSlip(path, &error))
            QMessageBox::warning(this, tr("Save the slip"), error);
    });
}

void WalkInPrereviewPage::initializePage()
{
    const std::optional<Core::FinancingProduct> product = m_wizard.product(m_wizard.session().productId);
    m_result = product ? m_wizard.prereview(*product) : Prereview::PrereviewResult();
    const Matching::Language language = DomainLabels::explanationLanguage();

    m_table->setRowCount(int(m_result.findings.size()));
    for (int row = 0; row < m_result.findings.size(); ++row) {
        const Prereview::Finding &f = m_result.findings.at(row);
        auto *severity = new QTableWidgetItem(severityLabel(f.severity));
        severity->setData(Qt::UserRole, Prereview::Finding::severityCode(f.severity));
        m_table->setItem(row, SeverityColumn, severity);
        m_table->setItem(row, FieldColumn, new QTableWidgetItem(f.field));
        auto *message = new QTableWidgetItem(f.message(language));
        message->setData(Qt::UserRole, f.code);
        m_table->setItem(row, MessageColumn, message);
        m_table->setItem(row, FixColumn, new QTableWidgetItem(f.fix(language)));
    }
    m_table->resizeRowsToContents();

    const int blocks = m_result.count(Prereview::Finding::Severity::Block);
    const int warnings = m_result.count(Prereview::Finding::Severity::Warn);
    if (!product) {
        m_summary->setText(tr("No product is chosen: go back to the documents step and choose one."));
    } else if (blocks > 0) {
        m_summary->setText(tr("Submission is blocked by %n finding(s). Fix them, or print the slip for the "
                              "firm's next visit.",
                              nullptr, blocks));
    } else {
        m_summary->setText(tr("The application can be submitted (%n warning(s)).", nullptr, warnings));
    }
    m_slip->setPlainText(m_result.slip(language).join(QLatin1Char('\n')));
    Q_EMIT completeChanged();
}

bool WalkInPrereviewPage::isComplete() const
{
    return m_result.passed && !m_wizard.session().productId.isEmpty();
}

QString WalkInPrereviewPage::slipText() const
{
    return m_slip->toPlainText();
}

bool WalkInPrereviewPage::saveSlip(const QString &path, QString *error) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)
        || file.write(slipText().toUtf8() + '\n') < 0) {
        if (error)
            *error = tr("The slip cannot be saved to “%1”: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void WalkInPrereviewPage::printSlip()
{
    QPrinter printer;
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QTextDocument doc;
    doc.setDefaultFont(QFont(QStringLiteral("WenQuanYi Micro Hei"), 11));
    doc.setPlainText(slipText());
    doc.print(&printer);
}

} // namespace XinDai::Ui
