#include "store/database.h"
#include "syncclient/syncclienttr_p.h"
#include "syncclient/uncheckedtransaction_p.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace XinDai::SyncClient::Internal {

UncheckedTransaction::UncheckedTransaction(Store::Database &db)
    : m_db(db)
    , m_pragma(db.sql())
{
    m_pragma.exec(u"PRAGMA foreign_keys = OFF"_s);
}

UncheckedTransaction::~UncheckedTransaction()
{
    if (m_open)
        m_db.rollback();
    m_pragma.exec(u"PRAGMA foreign_keys = ON"_s);
}

bool UncheckedTransaction::begin(QString *errorMessage)
{
    m_open = m_db.transaction();
    if (!m_open && errorMessage)
        *errorMessage = Tr::tr("Could not start a transaction in the local store: %1")
                            .arg(m_db.sql().lastError().text());
    return m_open;
}

bool UncheckedTransaction::commit()
{
    if (!m_db.commit())
        return false;
    m_open = false;
    return true;
}

void UncheckedTransaction::rollback()
{
    if (m_open)
        m_db.rollback();
    m_open = false;
}

} // namespace XinDai::SyncClient::Internal
