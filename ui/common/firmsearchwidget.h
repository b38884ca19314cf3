#pragma once

#include <QSet>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

class FirmSearchModel;

/// A search box over Store::EnterpriseRepository::search with a debounce, and the result table.
/// Emits firmActivated when a result is double-clicked or chosen with Enter.
class FirmSearchWidget : public QWidget
{
    Q_OBJECT

public:
    static constexpr int DebounceMs = 250;  ///< quiet time after the last key stroke before searching
    static constexpr int ResultLimit = 200; ///< rows asked from the store per search

    explicit FirmSearchWidget(Store::Database &db, QWidget *parent = nullptr);

    /// Restricts results to one park (window staff, park managers); empty = every park.
    void setParkFilter(const QString &parkId);
    /// Restricts results to these firms (bank officers: firms behind their institution's applications).
    /// clearAllowedFirms() lifts the restriction.
    void setAllowedFirms(const QSet<QString> &enterpriseIds);
    void clearAllowedFirms();

    QLineEdit *searchEdit() const { return m_edit; }
    QTableView *resultView() const { return m_view; }
    FirmSearchModel *model() const { return m_model; }

    /// Runs the search now (skipping the debounce), e.g. from tests and automation.
    void searchNow();

Q_SIGNALS:
    void firmActivated(const QString &enterpriseId);
    void searchFinished(int resultCount);

private:
    void activateRow(int row);

    Store::Database &m_db;
    QLineEdit *m_edit = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_summary = nullptr;
    QTimer *m_debounce = nullptr;
    FirmSearchModel *m_model = nullptr;
    QString m_parkId;
    QSet<QString> m_allowed;
    bool m_restricted = false;
    QHash<QString, QString> m_parkNames;
};

} // namespace XinDai::Ui
