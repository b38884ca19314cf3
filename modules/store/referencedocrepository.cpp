#include "store/referencedocrepository.h"

#include "core/workcalendar.h"
#include "store/database.h"

#include <QSqlQuery>
#include <QVariant>

namespace XinDai::Store {

namespace {

ReferenceDoc readDoc(const QSqlQuery &q)
{
    ReferenceDoc doc;
    doc.id = q.value(0).toString();
    doc.version = q.value(1).toLongLong();
    doc.kind = q.value(2).toString();
    doc.name = q.value(3).toString();
    doc.content = q.value(4).toString().toUtf8();
    return doc;
}

const char *const selectColumns = "SELECT id, version, kind, name, content FROM reference_doc ";

} // namespace

ReferenceDocRepository::ReferenceDocRepository(Database &db)
    : m_db(db)
{}

std::optional<ReferenceDoc> ReferenceDocRepository::referenceDoc(const QString &kind,
                                                                 const QString &name) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(QLatin1String(selectColumns)
              + QLatin1String("WHERE deleted = 0 AND kind = ? AND name = ? ORDER BY version DESC LIMIT 1"));
    q.addBindValue(kind);
    q.addBindValue(name);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readDoc(q);
}

QVector<ReferenceDoc> ReferenceDocRepository::referenceDocs(const QString &kind) const
{
    QVector<ReferenceDoc> docs;
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    q.prepare(QLatin1String(selectColumns)
              + QLatin1String("WHERE deleted = 0 AND kind = ? ORDER BY name, id"));
    q.addBindValue(kind);
    if (!q.exec())
        return docs;
    while (q.next())
        docs.append(readDoc(q));
    return docs;
}

bool ReferenceDocRepository::installSyncedCalendar() const
{
    const std::optional<ReferenceDoc> doc = referenceDoc(holidayCalendarKind(), holidayCalendarName());
    if (!doc) {
        Core::WorkCalendar::clearSynced(); // none, or deleted on the server since it was installed
        return false;
    }
    return Core::WorkCalendar::setSynced(doc->content);
}

} // namespace XinDai::Store
