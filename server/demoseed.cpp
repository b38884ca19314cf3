#include "server/demoseed.h"

#include "demo/demogenerator.h"
#include "server/referencedocs.h"
#include "server/rowstore.h"
#include "server/serverdatabase.h"
#include "store/database.h"
#include "sync/entitycatalog.h"
#include "sync/row.h"

#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>

namespace XinDai::Server {

std::optional<DemoSeed::Counts> DemoSeed::run(ServerDatabase &db, int firms, QString *errorMessage,
                                              int passwordIterations)
{
    auto fail = [errorMessage](const QString &message) {
        if (errorMessage)
            *errorMessage = message;
        return std::nullopt;
    };
    if (firms < 0)
        return fail(tr("The number of demo firms must be zero or more."));
    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(tr("No temporary folder could be created for the demo data: %1.").arg(dir.errorString()));
    const QString path = dir.filePath(QStringLiteral("demo.db"));
    Demo::DemoGenerator::Options options;
    options.firms = firms;
    options.passwordIterations = passwordIterations;
    QString error;
    if (!Demo::DemoGenerator::createDatabase(path, options, &error))
        return fail(tr("The demo data could not be generated: %1").arg(error));
    Store::Database local;
    if (!local.open(path, &error, Store::Database::OpenMode::MustExist))
        return fail(tr("The generated demo data could not be opened: %1").arg(error));

    Counts counts;
    RowStore rows(db);
    if (!db.transaction())
        return fail(tr("The demo seed could not start a transaction on the server's database."));
    for (const Sync::EntitySpec &entity : Sync::EntityCatalog::entities()) {
        QSet<QString> localColumns;
        {
            QSqlQuery info(local.sql());
            if (info.exec(QStringLiteral("PRAGMA table_info(%1)").arg(entity.name))) {
                while (info.next())
                    localColumns.insert(info.value(1).toString());
            }
        }
        if (localColumns.isEmpty())
            continue; // an entity the local store does not have: nothing to copy
        QList<const Sync::FieldSpec *> fields;
        QStringList select{QStringLiteral("id"), QStringLiteral("deleted")};
        for (const Sync::FieldSpec &f : entity.fields) {
            if (localColumns.contains(f.name)) {
                fields.append(&f);
                select.append(f.name);
            }
        }
        QSqlQuery q(local.sql());
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY id").arg(select.join(u", "), entity.name))) {
            db.rollback();
            return fail(
                tr("The demo table %1 could not be read: %2.").arg(entity.name, q.lastError().text()));
        }
        const bool users = entity.name == QLatin1String("app_user");
        while (q.next()) {
            const QString id = q.value(0).toString();
            QJsonObject values;
            for (int i = 0; i < fields.size(); ++i)
                values.insert(fields.at(i)->name, Sync::EntityCatalog::toJson(*fields.at(i), q.value(i + 2)));
            // A user that exists keeps its password: the demo hash has a fresh salt on every run.
            if (users && rows.load(entity.name, id))
                values.remove(QStringLiteral("password_hash"));
            std::optional<RowStore::Written> written = rows.upsert(entity.name, id, values, &error);
            if (written && q.value(1).toInt() != 0)
                written = rows.remove(entity.name, id, &error);
            if (!written) {
                db.rollback();
                return fail(tr("The demo row %1 of %2 could not be stored: %3").arg(id, entity.name, error));
            }
            if (written->created)
                ++counts.created;
            else if (written->changed)
                ++counts.updated;
            else
                ++counts.unchanged;
        }
    }
    // The built-in holiday calendar and scoring models, as reference documents for the clients.
    const std::optional<QList<RowStore::Written>> docs = ReferenceDocs(db).storeBuiltins(&error);
    if (!docs) {
        db.rollback();
        return fail(tr("The built-in reference documents could not be stored: %1").arg(error));
    }
    for (const RowStore::Written &written : *docs) {
        if (written.created)
            ++counts.created;
        else if (written.changed)
            ++counts.updated;
        else
            ++counts.unchanged;
    }
    if (!db.commit()) {
        db.rollback();
        return fail(tr("The demo seed could not be committed; nothing was written."));
    }
    return counts;
}

} // namespace XinDai::Server
