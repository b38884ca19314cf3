#include "server/pgpipeline.h"

#include "server/serverdatabase.h"
#include "server/servertr_p.h"

#include <QSqlQuery>

#include <charconv>
#include <libpq-fe.h>

using namespace Qt::StringLiterals;

namespace XinDai::Server {

using Internal::Tr;

PgRows::PgRows(const PGresult *result)
    : m_result(result)
    , m_count(result ? PQntuples(result) : 0)
{}

bool PgRows::isNull(int column) const
{
    return PQgetisnull(m_result, m_row, column) != 0;
}

qint64 PgRows::integer(int column) const
{
    const char *text = PQgetvalue(m_result, m_row, column);
    const int length = PQgetlength(m_result, m_row, column);
    if (length == 1 && (text[0] == 't' || text[0] == 'f'))
        return text[0] == 't' ? 1 : 0;
    qint64 value = 0;
    std::from_chars(text, text + length, value);
    return value;
}

QUtf8StringView PgRows::text(int column) const
{
    return QUtf8StringView(PQgetvalue(m_result, m_row, column), PQgetlength(m_result, m_row, column));
}

PgPipeline::PgPipeline(ServerDatabase &db)
    : m_db(db)
{}

PgPipeline::~PgPipeline()
{
    for (PGresult *result : m_results)
        PQclear(result);
}

void PgPipeline::beginRead()
{
    add(u"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"_s);
    m_begins = true;
}

void PgPipeline::commit()
{
    add(u"COMMIT"_s);
    m_commits = true;
}

int PgPipeline::add(const QString &sql, const QVariantList &binds)
{
    Queued q;
    q.sql = sql;
    q.params.reserve(size_t(binds.size()));
    for (const QVariant &b : binds) {
        q.null.push_back(b.isNull());
        if (b.typeId() == QMetaType::LongLong || b.typeId() == QMetaType::Int)
            q.params.push_back(QByteArray::number(b.toLongLong()));
        else
            q.params.push_back(b.toString().toUtf8());
    }
    // Named once per connection (a name is never given twice: one whose statement failed to prepare
    // is dropped with it); a statement queued twice before its first run is prepared once.
    auto it = m_db.m_pgStatements.constFind(sql);
    if (it == m_db.m_pgStatements.constEnd()) {
        it = m_db.m_pgStatements.insert(sql, "xindai_" + QByteArray::number(m_db.m_pgNamed++));
        q.prepareFirst = true;
    }
    q.name = *it;
    m_queued.push_back(std::move(q));
    return int(m_queued.size()) - 1;
}

bool PgPipeline::run(QString *errorMessage)
{
    auto fail = [&](const QString &message) {
        if (errorMessage)
            *errorMessage = message.trimmed();
        return false;
    };
    PGconn *conn = m_db.pgConnection();
    if (!conn)
        return fail(Tr::tr("The database connection is not PostgreSQL."));
    if (m_queued.empty())
        return true;
    if (PQtransactionStatus(conn) == PQTRANS_ACTIVE) {
        // Qt's driver leaves the end of a finished statement's results (a forward-only query runs in
        // single-row mode) on the connection until its next statement: take it now.
        for (const auto &q : std::as_const(m_db.m_statements))
            q->finish();
        while (PGresult *pending = PQgetResult(conn))
            PQclear(pending);
    }
    if (PQtransactionStatus(conn) == PQTRANS_ACTIVE || PQenterPipelineMode(conn) != 1)
        return fail(
            Tr::tr("The PostgreSQL connection is busy: %1").arg(QString::fromUtf8(PQerrorMessage(conn))));

    bool sent = true;
    for (const Queued &q : m_queued) {
        const int count = int(q.params.size());
        std::vector<const char *> values(q.params.size());
        std::vector<int> lengths(q.params.size());
        for (size_t i = 0; i < q.params.size(); ++i) {
            values[i] = q.null[i] ? nullptr : q.params[i].constData();
            lengths[i] = int(q.params[i].size());
        }
        if (q.prepareFirst)
            sent = sent
                   && PQsendPrepare(conn, q.name.constData(), numberedPlaceholders(q.sql).constData(), count,
                                    nullptr);
        sent = sent
               && PQsendQueryPrepared(conn, q.name.constData(), count, values.data(), lengths.data(), nullptr,
                                      0);
        if (!sent)
            break;
    }
    sent = sent && PQpipelineSync(conn);

    QString error;
    m_results.assign(m_queued.size(), nullptr);
    // The results of what was sent, in order, each followed by a null; then the sync point.
    auto next = [&](ExecStatusType expected, PGresult **keep) {
        PGresult *result = PQgetResult(conn);
        const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
        const bool ok = result && (status == expected || status == PGRES_COMMAND_OK);
        if (!ok && error.isEmpty() && status != PGRES_PIPELINE_ABORTED)
            error = QString::fromUtf8(result ? PQresultErrorMessage(result) : PQerrorMessage(conn));
        if (ok && keep)
            *keep = result;
        else
            PQclear(result);
        while (result && (result = PQgetResult(conn))) // up to the null that ends this statement's results
            PQclear(result);
        return ok;
    };
    if (sent) {
        for (size_t i = 0; i < m_queued.size(); ++i) {
            const Queued &q = m_queued[i];
            if (q.prepareFirst && !next(PGRES_COMMAND_OK, nullptr))
                m_db.m_pgStatements.remove(q.sql); // prepared again next time
            if (next(PGRES_TUPLES_OK, &m_results[i])) {
                if (m_begins && i == 0)
                    m_db.m_inTransaction = true;
                if (m_commits && i + 1 == m_queued.size())
                    m_db.m_inTransaction = false;
            }
        }
        PGresult *sync = PQgetResult(conn);
        if (!sync || PQresultStatus(sync) != PGRES_PIPELINE_SYNC)
            error = error.isEmpty() ? QString::fromUtf8(PQerrorMessage(conn)) : error;
        PQclear(sync);
    } else {
        error = QString::fromUtf8(PQerrorMessage(conn));
        for (const Queued &q : m_queued) {
            if (q.prepareFirst)
                m_db.m_pgStatements.remove(q.sql);
        }
        while (PGresult *result = PQgetResult(conn))
            PQclear(result);
    }
    PQexitPipelineMode(conn);
    if (!error.isEmpty())
        return fail(Tr::tr("PostgreSQL reported: %1").arg(error));
    return true;
}

PgRows PgPipeline::rows(int index) const
{
    return PgRows(index >= 0 && size_t(index) < m_results.size() ? m_results[size_t(index)] : nullptr);
}

QByteArray PgPipeline::numberedPlaceholders(const QString &sql)
{
    const QByteArray utf8 = sql.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 16);
    char quote = 0;
    int number = 0;
    for (const char c : utf8) {
        if (quote) {
            if (c == quote)
                quote = 0;
            out += c;
        } else if (c == '\'' || c == '"') {
            quote = c;
            out += c;
        } else if (c == '?') {
            out += '$' + QByteArray::number(++number);
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace XinDai::Server
