#pragma once

// A migrated store in a temporary folder with one park, one institution, one firm and one draft
// application, written WITHOUT outbox entries (as a pull or the bulk loader would), plus helpers to
// read rows back with plain SQL.

#include "../store/storefixtures.h"
#include "core/domain/application.h"
#include "store/applicationrepository.h"
#include "store/database.h"
#include "store/enterpriserepository.h"
#include "store/referencerepository.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace XinDai::SyncClient::Test {

struct SyncFixture
{
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<Store::Database> db;
    Core::Park park;
    Core::Institution institution;
    Core::Enterprise firm;
    Core::Application application;

    /// False (with a QTest failure recorded) when the store cannot be made.
    bool create()
    {
        dir = std::make_unique<QTemporaryDir>();
        db = std::make_unique<Store::Database>();
        QString error;
        if (!db->open(dir->filePath(QStringLiteral("store.db")), &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        db->setRecordChanges(false);
        park = Store::Test::makePark();
        institution = Store::Test::makeInstitution();
        Store::ReferenceRepository refs(*db);
        if (!refs.save(park, &error) || !refs.save(institution, &error))
            return false;
        firm = Store::Test::makeEnterprise(QStringLiteral("91430104MA4L123456"),
                                           QStringLiteral("湖南湘江新材料有限公司"), park.meta.id);
        firm.meta.version = 5;
        if (!Store::EnterpriseRepository(*db).save(firm, &error))
            return false;
        application.number = QStringLiteral("XD-2026-0000001");
        application.enterpriseId = firm.meta.id;
        application.institutionId = institution.meta.id;
        application.parkId = park.meta.id;
        application.amount = Core::Money::fromWan(300);
        application.termMonths = 12;
        application.purpose = QStringLiteral("购买原材料");
        application.state = Core::Application::State::Draft;
        application.createdAt = Store::Test::utc(2026, 11, 20);
        application.meta.version = 40;
        if (!Store::ApplicationRepository(*db).save(application, &error))
            return false;
        db->setRecordChanges(true);
        return true;
    }

    QVariant scalar(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery q(db->sql());
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec() || !q.next())
            return QVariant();
        return q.value(0);
    }

    bool exec(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery q(db->sql());
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        return q.exec();
    }

    int count(const QString &table) const
    {
        return scalar(QStringLiteral("SELECT count(*) FROM ") + table).toInt();
    }
};

} // namespace XinDai::SyncClient::Test
