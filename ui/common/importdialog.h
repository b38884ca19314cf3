#pragma once

#include "intake/columnmapping.h"
#include "intake/csvimporter.h"
#include "intake/importresult.h"
#include "intake/textencoding.h"

#include <QByteArray>
#include <QDate>
#include <QDialog>
#include <QStringList>
#include <QVector>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QStackedWidget;
class QTableView;
class QTableWidget;

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

class ImportErrorModel;

/// "Import data…": a firm roster or monthly series from CSV into the store (formats:
/// docs/import-formats.md), in four steps:
///  1. File: the file, the kind of data and the encoding (detected, overridable);
///  2. Mapping: a field (or "ignore") per column of the file, the required fields that are still
///     unmapped (they block the next step), a preview of the first rows, and what to do with firms
///     whose USCC is already stored (update or skip);
///  3. Validation: a dry run (Intake::CsvImporter::Options::dryRun, nothing written) with the counts
///     and the row-level errors, which can be exported as CSV (Intake::ErrorReport);
///  4. Import: the confirmed import with a progress bar and Cancel (a cancel writes nothing), then
///     the counts. imported() is emitted after a committed import so that views reload.
/// A file that cannot be decoded, has no header or has broken quoting in its header is refused on
/// step 1 with the reason; the store never changes before the user confirms step 3.
class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    /// The steps, in order; also the index of the step's page.
    enum class Step { File, Mapping, Validation, Import };

    /// Returns a path, or an empty string when the user cancelled.
    using FileChooser = std::function<QString()>;
    /// Called from the import's progress callback (work done, work total; arbitrary units).
    using ProgressObserver = std::function<void(qint64 done, qint64 total)>;

    /// Number of data rows shown in the preview.
    static constexpr int PreviewRows = 5;

    explicit ImportDialog(Store::Database &db, QWidget *parent = nullptr);
    ~ImportDialog() override;

    /// Where "Choose…" reads the file to import from. Default: a QFileDialog.
    void setOpenFileChooser(FileChooser chooser);
    /// Where "Export errors…" writes to. Default: a QFileDialog.
    void setSaveFileChooser(FileChooser chooser);
    /// Observes the import's progress (tests click Cancel from here).
    void setProgressObserver(ProgressObserver observer);
    /// "Today" for the future-date checks; invalid (the default) = the current local date.
    void setToday(const QDate &today) { m_today = today; }
    /// Window staff and park managers: the firms imported must be of this park
    /// (CsvImporter::Options::ownPark). Empty (the default): any park.
    void setOwnPark(const QString &parkId) { m_ownPark = parkId; }

    Step step() const;

    /// Step 1: reads \a path and detects its encoding and mapping; false with errorText() when the
    /// file cannot be read, decoded or has no usable header (then the next step stays blocked).
    bool openFile(const QString &path);
    /// Asks the file chooser for a file and opens it; false when cancelled or refused.
    bool chooseFile();
    void setKind(Intake::ColumnMapping::Kind kind);
    Intake::ColumnMapping::Kind kind() const;
    /// The encoding asked for (Auto by default).
    void setEncoding(Intake::TextEncoding::Encoding encoding);
    /// The encoding the file was decoded with (Utf8 or Gb18030), Auto when no file is open.
    Intake::TextEncoding::Encoding decodedEncoding() const { return m_decodedEncoding; }
    /// Translated reason why the file was refused; empty when it was read.
    QString errorText() const { return m_error; }

    /// The file's header cells, as written.
    QStringList header() const { return m_header; }
    /// The mapping built from the combos of step 2.
    Intake::ColumnMapping mapping() const { return m_mapping; }
    /// The combo of column \a column (0-based) of the file; item data = int(Field), -1 = ignore.
    QComboBox *mappingCombo(int column) const;
    QTableWidget *mappingTable() const { return m_mappingTable; }
    QTableWidget *previewTable() const { return m_preview; }
    /// Translated sentence naming the required fields still unmapped (or mapped twice); empty when
    /// the mapping is complete.
    QString mappingProblem() const { return m_mappingProblem; }
    void setOnDuplicate(Intake::CsvImporter::OnDuplicate onDuplicate);
    Intake::CsvImporter::OnDuplicate onDuplicate() const;

    /// Step 3: the dry run with the current choices; false when the file as a whole was refused
    /// (validation().fatalError says why).
    bool validate();
    const Intake::ImportResult &validation() const { return m_validation; }
    ImportErrorModel *errorModel() const { return m_errorModel; }
    /// Translated counts of the dry run, e.g. "2 valid rows, 2 invalid rows …".
    QString validationText() const;
    /// Writes the dry run's errors through the save chooser; false when cancelled or failed.
    bool exportErrors();

    /// Step 4: the import the user confirmed; returns the result (also result()).
    const Intake::ImportResult &runImport();
    const Intake::ImportResult &result() const { return m_result; }
    /// Translated outcome of the import (counts, or why nothing was written).
    QString resultText() const;
    /// Asks the running import to stop at its next progress report (nothing is then written).
    void cancelImport() { m_cancelRequested = true; }

    QPushButton *backButton() const { return m_back; }
    QPushButton *nextButton() const { return m_next; }
    QPushButton *importButton() const { return m_import; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *exportButton() const { return m_export; }
    QPushButton *closeButton() const { return m_close; }
    QProgressBar *progressBar() const { return m_progress; }

public Q_SLOTS:
    void reject() override;

Q_SIGNALS:
    /// A committed import changed the store (\a result.completed).
    void imported(const XinDai::Intake::ImportResult &result);

private:
    QWidget *buildFilePage();
    QWidget *buildMappingPage();
    QWidget *buildValidationPage();
    QWidget *buildImportPage();
    void setStep(Step step);
    void reread();
    void fillMapping();
    void updateMapping();
    void updateButtons();
    Intake::CsvImporter::Options options() const;

    Store::Database &m_db;
    FileChooser m_openChooser;
    FileChooser m_saveChooser;
    ProgressObserver m_observer;
    QDate m_today;
    QString m_ownPark;

    QString m_path;
    QByteArray m_bytes;
    Intake::TextEncoding::Encoding m_decodedEncoding = Intake::TextEncoding::Encoding::Auto;
    QString m_error;
    QStringList m_header;
    QVector<QStringList> m_previewRows;
    Intake::ColumnMapping m_mapping;
    QString m_mappingProblem;
    Intake::ImportResult m_validation;
    Intake::ImportResult m_result;
    bool m_running = false;
    bool m_cancelRequested = false;
    bool m_done = false;

    QStackedWidget *m_stack = nullptr;
    QLineEdit *m_pathEdit = nullptr;
    QComboBox *m_kindCombo = nullptr;
    QComboBox *m_encodingCombo = nullptr;
    QLabel *m_encodingLabel = nullptr;
    QLabel *m_fileError = nullptr;
    QTableWidget *m_mappingTable = nullptr;
    QLabel *m_mappingLabel = nullptr;
    QTableWidget *m_preview = nullptr;
    QWidget *m_duplicateBox = nullptr;
    QRadioButton *m_update = nullptr;
    QRadioButton *m_skip = nullptr;
    QLabel *m_validationLabel = nullptr;
    ImportErrorModel *m_errorModel = nullptr;
    QTableView *m_errorView = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_resultLabel = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_next = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace XinDai::Ui
