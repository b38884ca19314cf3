#pragma once

#include "core/domain/application.h"

#include <QVector>
#include <QWidget>

#include <optional>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

class ApplicationTableModel;

/// A sortable table of applications with a state filter; double-click asks for the firm's profile.
class ApplicationListWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ApplicationListWidget(Store::Database &db, QWidget *parent = nullptr);

    /// Replaces the list (names are looked up in the store); the state filter then applies.
    void setApplications(const QVector<Core::Application> &applications);
    /// Shows only \a state, or every state when empty.
    void setStateFilter(std::optional<Core::Application::State> state);

    QComboBox *stateCombo() const { return m_stateCombo; }
    QTableView *view() const { return m_view; }
    ApplicationTableModel *model() const { return m_model; }
    /// Row for extra filter widgets, left of the state filter.
    QHBoxLayout *toolbarLayout() const { return m_toolbar; }
    int visibleCount() const;

Q_SIGNALS:
    void firmRequested(const QString &enterpriseId);

private:
    void applyFilter();

    Store::Database &m_db;
    QVector<Core::Application> m_all;
    QHBoxLayout *m_toolbar = nullptr;
    QComboBox *m_stateCombo = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_view = nullptr;
    ApplicationTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
};

} // namespace XinDai::Ui
