#pragma once

#include <QWidget>

#include <functional>

class QChartView;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineSeries;
class QPushButton;
class QTabWidget;
class QTableView;

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

class ApplicationTableModel;
class FirmScoreWidget;
class RecordTableModel;
class ReportViewer;
class SeriesTableModel;

/// Everything known about one firm: a header (name, USCC decoded, size class, park) and five tabs —
/// registration, qualifications & records, monthly data (table + trend chart), financing applications,
/// credit score (computed when that tab is shown).
class FirmProfileWidget : public QWidget
{
    Q_OBJECT

public:
    enum Tab { RegistrationTab, RecordsTab, SeriesTab, ApplicationsTab, ScoreTab, TabCount };

    explicit FirmProfileWidget(Store::Database &db, QWidget *parent = nullptr);

    /// Loads the firm \a enterpriseId; returns false (and shows a message) when it does not exist.
    bool showEnterprise(const QString &enterpriseId);
    void clear();
    QString enterpriseId() const { return m_enterpriseId; }

    QTabWidget *tabs() const { return m_tabs; }
    SeriesTableModel *seriesModel() const { return m_seriesModel; }
    RecordTableModel *recordModel() const { return m_recordModel; }
    ApplicationTableModel *applicationModel() const { return m_applicationModel; }
    QComboBox *chartSeriesCombo() const { return m_chartCombo; }
    /// The 信用评分 tab; it scores the firm when the tab is shown, not when the profile loads.
    FirmScoreWidget *scoreWidget() const { return m_scoreWidget; }
    /// "Credit report…": asks for institution and purpose (CreditReportDialog), then generateCreditReport().
    QPushButton *creditReportButton() const { return m_reportButton; }

    /// Login of the signed-in user, recorded as the report's generatedBy.
    void setCurrentUser(const QString &login) { m_userLogin = login; }
    /// Where to save a generated report: gets a suggested file name, returns the chosen path or an empty
    /// string to cancel. Default: a QFileDialog. Tests inject a fixed path.
    void setSavePathProvider(std::function<QString(const QString &suggestedName)> provider);
    /// Generates the credit report of the shown firm for  institutionId and  purpose
    /// (Report::ReportGenerator with the suite's signing key); a refusal (no, expired, revoked …
    /// authorization) or an error is shown in a message box, otherwise the signed PDF is saved where the
    /// save path provider says and its number and verification code are shown. Returns true when a PDF
    /// was written. The text shown is in lastReportMessage().
    bool generateCreditReport(const QString &institutionId, const QString &purpose);
    /// The button's flow after the institution/purpose dialog: generates the report of the shown firm
    /// for \a institutionId and \a purpose and opens it in a ReportViewer (deleted on close); a refusal
    /// or an error is shown as generateCreditReport() shows it and nullptr is returned.
    ReportViewer *openCreditReport(const QString &institutionId, const QString &purpose);
    /// The last message the credit report flow showed (refusal, error, or number and verification code).
    QString lastReportMessage() const { return m_lastReportMessage; }
    /// Points of the chart's line (one per month with a value of the chosen series).
    int chartPointCount() const;

private:
    QWidget *buildRegistrationTab();
    QWidget *buildRecordsTab();
    QWidget *buildSeriesTab();
    QWidget *buildApplicationsTab();
    void updateChart();
    void setField(const QString &key, const QString &value);
    void askForCreditReport();
    void showReportMessage(bool problem, const QString &text);

    Store::Database &m_db;
    QString m_enterpriseId;
    QLabel *m_name = nullptr;
    QLabel *m_uscc = nullptr;
    QLabel *m_size = nullptr;
    QLabel *m_park = nullptr;
    QLabel *m_empty = nullptr;
    QWidget *m_content = nullptr;
    QTabWidget *m_tabs = nullptr;
    QHash<QString, QLabel *> m_fields;
    SeriesTableModel *m_seriesModel = nullptr;
    RecordTableModel *m_recordModel = nullptr;
    ApplicationTableModel *m_applicationModel = nullptr;
    QComboBox *m_chartCombo = nullptr;
    QChartView *m_chartView = nullptr;
    QLineSeries *m_line = nullptr;
    QPushButton *m_reportButton = nullptr;
    FirmScoreWidget *m_scoreWidget = nullptr;
    QString m_userLogin;
    QString m_lastReportMessage;
    std::function<QString(const QString &)> m_savePathProvider;
};

} // namespace XinDai::Ui
