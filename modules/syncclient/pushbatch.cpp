#include "syncclient/pushbatch.h"

#include <QSet>

namespace XinDai::SyncClient {

QVector<Store::Outbox::Operation> PushBatch::next(const Store::Outbox &outbox, int limit)
{
    QVector<Store::Outbox::Operation> batch;
    QSet<QString> rows;
    // The outbox is small in practice (edits since the last push); read it whole.
    for (const Store::Outbox::Operation &op : outbox.pending(1000000)) {
        if (batch.size() >= limit)
            break;
        const QString key = op.entity + QLatin1Char('/') + op.rowId;
        if (rows.contains(key))
            continue;
        rows.insert(key);
        if (op.lastError.isEmpty())
            batch.append(op);
    }
    return batch;
}

} // namespace XinDai::SyncClient
