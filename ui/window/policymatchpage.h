#pragma once

#include "common/workspacepage.h"
#include "matching/policymatch.h"
#include "rules/value.h"

#include <QString>
#include <QVector>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QTableView;

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

class FirmSearchWidget;
class PolicyMatchModel;

/// 政策匹配: a firm picker (search scoped to the park) on the left; on the right every policy assessed for
/// the chosen firm today (eligible first) and, for the selected policy, the explanation sentences (in the
/// UI's language) and the required materials. Above the table, 即将截止: the open policies the firm is
/// eligible for whose window closes within ReminderWorkdays working days, with the working days left.
class PolicyMatchPage : public WorkspacePage
{
    Q_OBJECT

public:
    /// Horizon of the deadline reminders, working days.
    static constexpr int ReminderWorkdays = 10;

    /// \a parkId restricts the firm search to one park; empty = every park (admin).
    PolicyMatchPage(Store::Database &db, const QString &parkId, QWidget *parent = nullptr);

    /// Matches the firm \a enterpriseId; false (and a message in the page) when it does not exist.
    bool setFirm(const QString &enterpriseId);
    QString firmId() const { return m_firmId; }

    FirmSearchWidget *searchWidget() const { return m_search; }
    PolicyMatchModel *model() const { return m_model; }
    QTableView *tableView() const { return m_table; }
    /// Explanation and materials of the selected policy, as plain text.
    QPlainTextEdit *detailView() const { return m_detail; }
    /// Deadline reminders of the current firm (PolicyMatcher::deadlineReminders, ReminderWorkdays), soonest
    /// first; one list item per reminder.
    const QVector<Matching::PolicyMatch> &reminders() const { return m_reminders; }
    QListWidget *reminderList() const { return m_reminderList; }

protected:
    void refresh() override;

private:
    void showDetail(int row);
    void showReminders(const QVector<Matching::PolicyMatch> &reminders);

    Store::Database &m_db;
    QString m_firmId;
    Rules::Value m_facts; ///< facts of the firm, for display context in the sentences
    FirmSearchWidget *m_search = nullptr;
    QLabel *m_firmLabel = nullptr;
    QLabel *m_summary = nullptr;
    QVector<Matching::PolicyMatch> m_reminders;
    QLabel *m_reminderTitle = nullptr;
    QListWidget *m_reminderList = nullptr;
    PolicyMatchModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QPlainTextEdit *m_detail = nullptr;
};

} // namespace XinDai::Ui
