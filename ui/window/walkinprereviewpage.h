#pragma once

#include "prereview/prereviewresult.h"

#include <QWizardPage>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace XinDai::Ui {

class WalkInWizard;

/// Step 5 of the walk-in wizard: the pre-review (资料预审, Prereview::Prereviewer) of an application to
/// the chosen product, findings by severity with how to fix them. A Block finding stops the wizard here;
/// the "bring these next visit" slip can be printed or saved in either case.
class WalkInPrereviewPage : public QWizardPage
{
    Q_OBJECT

public:
    enum Column { SeverityColumn, FieldColumn, MessageColumn, FixColumn, ColumnCount };

    explicit WalkInPrereviewPage(WalkInWizard &wizard);

    /// The last pre-review run (when the step was entered).
    const Prereview::PrereviewResult &result() const { return m_result; }
    /// The slip text as shown.
    QString slipText() const;
    /// Writes the slip as UTF-8 text to \a path; false with \a error set (translated) on failure.
    bool saveSlip(const QString &path, QString *error) const;

    QTableWidget *findingsTable() const { return m_table; }

    void initializePage() override;
    bool isComplete() const override;

private:
    void printSlip();

    WalkInWizard &m_wizard;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    QPlainTextEdit *m_slip = nullptr;
    QPushButton *m_print = nullptr;
    QPushButton *m_save = nullptr;
    Prereview::PrereviewResult m_result;
};

} // namespace XinDai::Ui
