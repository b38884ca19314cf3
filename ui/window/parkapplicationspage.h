#pragma once

#include "common/workspacepage.h"

#include <QDate>

class QComboBox;

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

class ApplicationListWidget;

/// The service window's queue: applications of the park with activity today (or in a chosen period).
class ParkApplicationsPage : public WorkspacePage
{
    Q_OBJECT

public:
    enum class Period { Today, Last7Days, Last30Days, All };

    /// \a parkId empty = every park (administrators).
    ParkApplicationsPage(Store::Database &db, const QString &parkId, QWidget *parent = nullptr);

    void setPeriod(Period period);
    /// The date "today" is taken from; defaults to the current date (tests fix it).
    void setToday(QDate today);
    ApplicationListWidget *list() const { return m_list; }

protected:
    void refresh() override;

private:
    Store::Database &m_db;
    QString m_parkId;
    QDate m_today;
    QComboBox *m_period = nullptr;
    ApplicationListWidget *m_list = nullptr;
};

} // namespace XinDai::Ui
