#include "importdialog.h"

#include "importerrormodel.h"
#include "intake/csvparser.h"
#include "intake/errorreport.h"

#include <QApplication>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace XinDai::Ui {

using Intake::ColumnMapping;
using Intake::CsvImporter;
using Intake::TextEncoding;
using Field = ColumnMapping::Field;

namespace {

/// "统一社会信用代码 (uscc)": the Chinese header and the English key of \a field.
QString fieldLabel(Field field)
{
    return ColumnMapping::chineseName(field) + QStringLiteral(" (") + ColumnMapping::key(field) + u')';
}

QLabel *errorLabel()
{
    auto *label = new QLabel;
    label->setWordWrap(true);
    label->setProperty("role", QStringLiteral("error"));
    label->setStyleSheet(QStringLiteral("color: #b3261e;"));
    return label;
}

} // namespace

ImportDialog::ImportDialog(Store::Database &db, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
{
    setWindowTitle(tr("Import data"));
    setObjectName(QStringLiteral("importDialog"));
    m_openChooser = [this] {
        return QFileDialog::getOpenFileName(this, tr("Choose the CSV file to import"), QString(),
                                            tr("CSV files (*.csv *.txt);;All files (*)"));
    };
    m_saveChooser = [this] {
        return QFileDialog::getSaveFileName(this, tr("Export the import errors"), tr("import-errors.csv"),
                                            tr("CSV files (*.csv)"));
    };

    m_stack = new QStackedWidget;
    m_stack->addWidget(buildFilePage());
    m_stack->addWidget(buildMappingPage());
    m_stack->addWidget(buildValidationPage());
    m_stack->addWidget(buildImportPage());

    m_back = new QPushButton(tr("< &Back"));
    m_next = new QPushButton(tr("&Next >"));
    m_import = new QPushButton;
    m_cancel = new QPushButton(tr("Cancel import"));
    m_close = new QPushButton(tr("Close"));
    m_next->setDefault(true);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    for (QPushButton *b : {m_back, m_next, m_import, m_cancel, m_close})
        buttons->addWidget(b);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack, 1);
    layout->addLayout(buttons);

    connect(m_back, &QPushButton::clicked, this, [this] {
        if (step() != Step::File && step() != Step::Import)
            setStep(Step(int(step()) - 1));
    });
    connect(m_next, &QPushButton::clicked, this, [this] {
        if (step() == Step::File)
            setStep(Step::Mapping);
        else if (step() == Step::Mapping)
            validate();
    });
    connect(m_import, &QPushButton::clicked, this, [this] { runImport(); });
    connect(m_cancel, &QPushButton::clicked, this, [this] { cancelImport(); });
    connect(m_close, &QPushButton::clicked, this, &ImportDialog::reject);

    resize(820, 560);
    setStep(Step::File);
}

ImportDialog::~ImportDialog() = default;

QWidget *ImportDialog::buildFilePage()
{
    auto *page = new QWidget;
    m_pathEdit = new QLineEdit;
    m_pathEdit->setReadOnly(true);
    m_pathEdit->setPlaceholderText(tr("No file chosen"));
    auto *choose = new QPushButton(tr("&Choose…"));
    choose->setObjectName(QStringLiteral("chooseFileButton"));
    connect(choose, &QPushButton::clicked, this, [this] { chooseFile(); });
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_pathEdit, 1);
    pathRow->addWidget(choose);

    m_kindCombo = new QComboBox;
    m_kindCombo->addItem(tr("Firm roster (one firm per row)"), int(ColumnMapping::Kind::Firms));
    m_kindCombo->addItem(tr("Monthly series (one monthly value per row)"), int(ColumnMapping::Kind::Series));
    m_encodingCombo = new QComboBox;
    m_encodingCombo->addItem(tr("Detect automatically"), int(TextEncoding::Encoding::Auto));
    m_encodingCombo->addItem(tr("UTF-8"), int(TextEncoding::Encoding::Utf8));
    m_encodingCombo->addItem(tr("GB18030 (GBK, Chinese Excel)"), int(TextEncoding::Encoding::Gb18030));
    m_encodingLabel = new QLabel;
    m_fileError = errorLabel();

    auto *form = new QFormLayout;
    form->addRow(tr("File:"), pathRow);
    form->addRow(tr("Data:"), m_kindCombo);
    form->addRow(tr("Encoding:"), m_encodingCombo);
    form->addRow(QString(), m_encodingLabel);
    auto *layout = new QVBoxLayout(page);
    auto *intro = new QLabel(tr("Choose a CSV file exported from Excel or another system. Headers may be "
                                "in Chinese or English; the formats are described in the user guide."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_fileError);
    layout->addStretch();

    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, [this] { reread(); });
    connect(m_encodingCombo, &QComboBox::currentIndexChanged, this, [this] { reread(); });
    return page;
}

QWidget *ImportDialog::buildMappingPage()
{
    auto *page = new QWidget;
    m_mappingTable = new QTableWidget(0, 3);
    m_mappingTable->setObjectName(QStringLiteral("mappingTable"));
    m_mappingTable->setHorizontalHeaderLabels(
        {tr("Column in the file"), tr("Imported as"), tr("First value")});
    m_mappingTable->horizontalHeader()->setStretchLastSection(true);
    m_mappingTable->verticalHeader()->hide();
    m_mappingTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_mappingLabel = errorLabel();
    m_preview = new QTableWidget;
    m_preview->setObjectName(QStringLiteral("previewTable"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *duplicates = new QGroupBox(tr("Firms whose USCC is already stored"));
    m_update = new QRadioButton(tr("&Update them with the file's values"));
    m_skip = new QRadioButton(tr("&Skip them (leave the stored firm unchanged)"));
    m_update->setChecked(true);
    auto *dupLayout = new QVBoxLayout(duplicates);
    dupLayout->addWidget(m_update);
    dupLayout->addWidget(m_skip);
    m_duplicateBox = duplicates;

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(tr("Choose the field each column of the file is imported as:")));
    layout->addWidget(m_mappingTable, 2);
    layout->addWidget(m_mappingLabel);
    layout->addWidget(new QLabel(tr("Preview of the first rows:")));
    layout->addWidget(m_preview, 1);
    layout->addWidget(duplicates);
    return page;
}

QWidget *ImportDialog::buildValidationPage()
{
    auto *page = new QWidget;
    m_validationLabel = new QLabel;
    m_validationLabel->setWordWrap(true);
    m_errorModel = new ImportErrorModel(this);
    m_errorView = new QTableView;
    m_errorView->setObjectName(QStringLiteral("errorView"));
    m_errorView->setModel(m_errorModel);
    m_errorView->horizontalHeader()->setStretchLastSection(true);
    m_errorView->verticalHeader()->hide();
    m_errorView->setWordWrap(true);
    m_export = new QPushButton(tr("&Export errors…"));
    connect(m_export, &QPushButton::clicked, this, [this] { exportErrors(); });
    auto *exportRow = new QHBoxLayout;
    exportRow->addStretch();
    exportRow->addWidget(m_export);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_validationLabel);
    layout->addWidget(m_errorView, 1);
    layout->addLayout(exportRow);
    return page;
}

QWidget *ImportDialog::buildImportPage()
{
    auto *page = new QWidget;
    m_progressLabel = new QLabel;
    m_progress = new QProgressBar;
    m_progress->setRange(0, 1000);
    m_resultLabel = new QLabel;
    m_resultLabel->setWordWrap(true);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_progressLabel);
    layout->addWidget(m_progress);
    layout->addWidget(m_resultLabel);
    layout->addStretch();
    return page;
}

void ImportDialog::setOpenFileChooser(FileChooser chooser)
{
    m_openChooser = std::move(chooser);
}

void ImportDialog::setSaveFileChooser(FileChooser chooser)
{
    m_saveChooser = std::move(chooser);
}

void ImportDialog::setProgressObserver(ProgressObserver observer)
{
    m_observer = std::move(observer);
}

ImportDialog::Step ImportDialog::step() const
{
    return Step(m_stack->currentIndex());
}

void ImportDialog::setStep(Step step)
{
    m_stack->setCurrentIndex(int(step));
    updateButtons();
}

void ImportDialog::updateButtons()
{
    const Step s = step();
    m_back->setVisible(s == Step::Mapping || s == Step::Validation);
    m_back->setEnabled(!m_running);
    m_next->setVisible(s == Step::File || s == Step::Mapping);
    m_next->setText(s == Step::Mapping ? tr("&Validate >") : tr("&Next >"));
    if (s == Step::File)
        m_next->setEnabled(!m_header.isEmpty() && m_error.isEmpty());
    else if (s == Step::Mapping)
        m_next->setEnabled(m_mappingProblem.isEmpty());
    const qint64 rows = m_validation.imported;
    m_import->setVisible(s == Step::Validation);
    m_import->setText(tr("&Import %n valid row(s)", nullptr, int(rows)));
    m_import->setEnabled(s == Step::Validation && m_validation.fatalError.isEmpty() && rows > 0);
    m_export->setEnabled(!m_validation.errors.isEmpty());
    m_cancel->setVisible(s == Step::Import && m_running);
    m_close->setText(m_done ? tr("Close") : tr("Cancel"));
    m_close->setEnabled(!m_running);
}

bool ImportDialog::chooseFile()
{
    const QString path = m_openChooser ? m_openChooser() : QString();
    if (path.isEmpty())
        return false;
    return openFile(path);
}

bool ImportDialog::openFile(const QString &path)
{
    m_path = path;
    m_pathEdit->setText(QDir::toNativeSeparators(path));
    m_bytes.clear();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_header.clear();
        m_previewRows.clear();
        m_error = tr("The file %1 cannot be read: %2.").arg(QFileInfo(path).fileName(), file.errorString());
        m_fileError->setText(m_error);
        m_encodingLabel->clear();
        fillMapping();
        updateButtons();
        return false;
    }
    m_bytes = file.readAll();
    reread();
    return m_error.isEmpty();
}

void ImportDialog::setKind(ColumnMapping::Kind kind)
{
    m_kindCombo->setCurrentIndex(m_kindCombo->findData(int(kind)));
}

ColumnMapping::Kind ImportDialog::kind() const
{
    return ColumnMapping::Kind(m_kindCombo->currentData().toInt());
}

void ImportDialog::setEncoding(TextEncoding::Encoding encoding)
{
    m_encodingCombo->setCurrentIndex(m_encodingCombo->findData(int(encoding)));
}

void ImportDialog::setOnDuplicate(CsvImporter::OnDuplicate onDuplicate)
{
    (onDuplicate == CsvImporter::OnDuplicate::Skip ? m_skip : m_update)->setChecked(true);
}

CsvImporter::OnDuplicate ImportDialog::onDuplicate() const
{
    return m_skip->isChecked() ? CsvImporter::OnDuplicate::Skip : CsvImporter::OnDuplicate::Update;
}

void ImportDialog::reread()
{
    m_header.clear();
    m_previewRows.clear();
    m_error.clear();
    m_decodedEncoding = TextEncoding::Encoding::Auto;
    m_encodingLabel->clear();
    m_duplicateBox->setVisible(kind() == ColumnMapping::Kind::Firms);
    if (m_path.isEmpty()) {
        fillMapping();
        updateButtons();
        return;
    }
    const auto requested = TextEncoding::Encoding(m_encodingCombo->currentData().toInt());
    const TextEncoding::Decoded decoded = TextEncoding::decode(m_bytes, requested);
    if (!decoded.ok) {
        m_error = decoded.error;
    } else {
        m_decodedEncoding = decoded.used;
        const QString name
            = decoded.used == TextEncoding::Encoding::Gb18030 ? tr("GB18030 (GBK)") : tr("UTF-8");
        m_encodingLabel->setText(requested == TextEncoding::Encoding::Auto
                                     ? tr("Detected encoding: %1.").arg(name)
                                     : tr("Read as %1.").arg(name));
        Intake::CsvParser parser(decoded.text);
        Intake::CsvRecord record;
        if (!parser.next(&record)) {
            m_error = tr("The file is empty: it has no header row.");
        } else if (!record.error.isEmpty()) {
            m_error = tr("The header row (line %1) cannot be read: %2").arg(record.line).arg(record.error);
        } else {
            m_header = record.fields;
            if (!m_header.isEmpty() && m_header.first().startsWith(QChar(0xFEFF)))
                m_header.first().remove(0, 1);
            while (m_previewRows.size() < PreviewRows && parser.next(&record))
                m_previewRows.append(record.fields);
        }
    }
    m_fileError->setText(m_error);
    if (!m_error.isEmpty())
        m_header.clear();
    fillMapping();
    updateButtons();
}

void ImportDialog::fillMapping()
{
    const ColumnMapping::Kind k = kind();
    const ColumnMapping detected = ColumnMapping::detect(k, m_header);
    const QVector<Field> fields = ColumnMapping::fields(k);
    m_mappingTable->setRowCount(0);
    m_mappingTable->setRowCount(int(m_header.size()));
    for (int c = 0; c < m_header.size(); ++c) {
        m_mappingTable->setItem(c, 0, new QTableWidgetItem(m_header.at(c)));
        auto *combo = new QComboBox;
        combo->addItem(tr("(ignore this column)"), -1);
        for (Field f : fields)
            combo->addItem(fieldLabel(f), int(f));
        for (Field f : fields) {
            if (detected.column(f) == c)
                combo->setCurrentIndex(combo->findData(int(f)));
        }
        connect(combo, &QComboBox::currentIndexChanged, this, [this] { updateMapping(); });
        m_mappingTable->setCellWidget(c, 1, combo);
        const QString first = m_previewRows.isEmpty() || c >= m_previewRows.first().size()
                                  ? QString()
                                  : m_previewRows.first().at(c);
        m_mappingTable->setItem(c, 2, new QTableWidgetItem(first));
    }
    m_mappingTable->resizeColumnsToContents();

    m_preview->clear();
    m_preview->setColumnCount(int(m_header.size()));
    m_preview->setHorizontalHeaderLabels(m_header);
    m_preview->setRowCount(int(m_previewRows.size()));
    for (int r = 0; r < m_previewRows.size(); ++r) {
        for (int c = 0; c < m_previewRows.at(r).size() && c < m_header.size(); ++c)
            m_preview->setItem(r, c, new QTableWidgetItem(m_previewRows.at(r).at(c)));
    }
    updateMapping();
}

void ImportDialog::updateMapping()
{
    m_mapping = ColumnMapping(kind(), m_header);
    QSet<int> seen;
    QStringList twice;
    for (int c = 0; c < m_header.size(); ++c) {
        const int f = mappingCombo(c) ? mappingCombo(c)->currentData().toInt() : -1;
        if (f < 0)
            continue;
        if (seen.contains(f)) {
            twice.append(fieldLabel(Field(f)));
            continue;
        }
        seen.insert(f);
        m_mapping.setColumn(Field(f), c);
    }
    QStringList missing;
    for (Field f : m_mapping.missingRequired())
        missing.append(fieldLabel(f));
    QStringList problems;
    if (!missing.isEmpty())
        problems.append(tr("These required fields are not mapped to any column: %1.")
                            .arg(missing.join(QStringLiteral(", "))));
    if (!twice.isEmpty())
        problems.append(
            tr("These fields are mapped to more than one column: %1.").arg(twice.join(QStringLiteral(", "))));
    m_mappingProblem = m_header.isEmpty() ? QString() : problems.join(u' ');
    m_mappingLabel->setText(m_mappingProblem);
    updateButtons();
}

QComboBox *ImportDialog::mappingCombo(int column) const
{
    return qobject_cast<QComboBox *>(m_mappingTable->cellWidget(column, 1));
}

CsvImporter::Options ImportDialog::options() const
{
    CsvImporter::Options o;
    o.kind = kind();
    o.encoding = m_decodedEncoding;
    o.onDuplicate = onDuplicate();
    o.mapping = m_mapping;
    o.today = m_today;
    o.ownPark = m_ownPark;
    return o;
}

bool ImportDialog::validate()
{
    if (m_header.isEmpty() || !m_mappingProblem.isEmpty())
        return false;
    CsvImporter::Options o = options();
    o.dryRun = true;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    m_validation = CsvImporter(m_db).importBytes(m_bytes, o);
    QApplication::restoreOverrideCursor();
    m_errorModel->setErrors(m_validation.errors);
    m_errorView->resizeColumnsToContents();
    m_validationLabel->setText(validationText());
    setStep(Step::Validation);
    return m_validation.fatalError.isEmpty();
}

QString ImportDialog::validationText() const
{
    const Intake::ImportResult &v = m_validation;
    if (!v.fatalError.isEmpty())
        return tr("The file cannot be imported: %1 Nothing was written.").arg(v.fatalError);
    QString text
        = tr("Checked without writing anything: %n valid row(s)", nullptr, int(v.imported + v.skipped)) + u' '
          + tr("and %n invalid row(s).", nullptr, int(v.rejected));
    if (v.skipped > 0)
        text += u' '
                + tr("%n row(s) name a firm already stored and will be skipped.", nullptr, int(v.skipped));
    if (v.updated > 0)
        text += u' ' + tr("%n row(s) will update a firm already stored.", nullptr, int(v.updated));
    if (v.rejected > 0)
        text += u' ' + tr("Invalid rows are never imported, not even in part; they are listed below.");
    return text;
}

bool ImportDialog::exportErrors()
{
    const QString path = m_saveChooser ? m_saveChooser() : QString();
    if (path.isEmpty())
        return false;
    QString error;
    if (!Intake::ErrorReport::writeCsv(path, m_validation.errors, &error)) {
        m_validationLabel->setText(validationText() + u'\n' + error);
        return false;
    }
    return true;
}

const Intake::ImportResult &ImportDialog::runImport()
{
    m_result = {};
    m_cancelRequested = false;
    m_running = true;
    m_progress->setValue(0);
    m_progressLabel->setText(tr("Importing %1…").arg(QFileInfo(m_path).fileName()));
    m_resultLabel->clear();
    setStep(Step::Import);
    const CsvImporter::Progress progress = [this](qint64 done, qint64 total) {
        m_progress->setValue(total > 0 ? int(done * 1000 / total) : 1000);
        if (m_observer)
            m_observer(done, total);
        QCoreApplication::processEvents();
        return !m_cancelRequested;
    };
    m_result = CsvImporter(m_db).importBytes(m_bytes, options(), progress);
    m_running = false;
    m_done = true;
    m_progressLabel->clear();
    m_resultLabel->setText(resultText());
    updateButtons();
    if (m_result.completed)
        Q_EMIT imported(m_result);
    return m_result;
}

QString ImportDialog::resultText() const
{
    const Intake::ImportResult &r = m_result;
    if (r.cancelled)
        return tr("The import was cancelled; nothing was written.");
    if (!r.fatalError.isEmpty())
        return tr("The import failed: %1 Nothing was written.").arg(r.fatalError);
    if (!r.completed)
        return {};
    if (r.mapping.kind() == ColumnMapping::Kind::Series)
        return tr("Imported: %1 monthly values. Rejected: %2 rows.").arg(r.imported).arg(r.rejected);
    return tr("Imported: %1 firms (of which %2 updated a stored firm). Skipped: %3 firms already stored. "
              "Rejected: %4 rows.")
        .arg(r.imported)
        .arg(r.updated)
        .arg(r.skipped)
        .arg(r.rejected);
}

void ImportDialog::reject()
{
    if (m_running) {
        cancelImport();
        return;
    }
    QDialog::reject();
}

} // namespace XinDai::Ui
