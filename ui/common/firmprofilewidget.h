#pragma once

#include <QWidget>

class QChartView;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineSeries;
class QTabWidget;
class QTableView;

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

class ApplicationTableModel;
class RecordTableModel;
class SeriesTableModel;

/// Everything known about one firm: a header (name, USCC decoded, size class, park) and four tabs —
/// registration, qualifications & records, monthly data (table + trend chart), financing applications.
class FirmProfileWidget : public QWidget
{
    Q_OBJECT

public:
    enum Tab { RegistrationTab, RecordsTab, SeriesTab, ApplicationsTab, TabCount };

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
    /// Points of the chart's line (one per month with a value of the chosen series).
    int chartPointCount() const;

private:
    QWidget *buildRegistrationTab();
    QWidget *buildRecordsTab();
    QWidget *buildSeriesTab();
    QWidget *buildApplicationsTab();
    void updateChart();
    void setField(const QString &key, const QString &value);

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
};

} // namespace XinDai::Ui
