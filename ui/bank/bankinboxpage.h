#pragma once

#include "common/workspacepage.h"

#include <QSet>

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

class ApplicationListWidget;

/// A bank officer's inbox: applications addressed to their institution, filtered by state
/// (submitted by default, the ones waiting for acceptance). Double-click opens the firm's profile.
class BankInboxPage : public WorkspacePage
{
    Q_OBJECT

public:
    BankInboxPage(Store::Database &db, const QString &institutionId, QWidget *parent = nullptr);

    ApplicationListWidget *list() const { return m_list; }
    /// Firms with at least one application to \a institutionId (a bank officer's firm scope).
    static QSet<QString> firmsInScope(Store::Database &db, const QString &institutionId);

protected:
    void refresh() override;

private:
    Store::Database &m_db;
    QString m_institutionId;
    ApplicationListWidget *m_list = nullptr;
};

} // namespace XinDai::Ui
