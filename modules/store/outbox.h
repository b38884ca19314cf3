#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QVector>

namespace XinDai::Store {

class Database;

/// Local mutations waiting to be pushed to the server (the sync issue builds on this).
class Outbox
{
public:
    struct Operation
    {
        QString opId;   ///< UUID, the server's idempotency key
        QString entity; ///< table name, e.g. "application"
        QString rowId;
        QString kind; ///< upsert | delete
        QJsonObject payload;
        QDateTime createdAt;
        int attempts = 0;
    };

    explicit Outbox(Database &db);
    bool enqueue(Operation &op, QString *errorMessage); ///< fills opId and createdAt when empty
    QVector<Operation> pending(int limit = 100) const;  ///< oldest first
    bool remove(const QString &opId);
    int count() const;

private:
    Database &m_db;
};

} // namespace XinDai::Store
