#include "commands.h"
#include "core/domain/authorization.h"
#include "store/applicationrepository.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/enterpriserepository.h"
#include "store/referencerepository.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace XinDai::Cli {

namespace {

struct AuthorizationTr
{
    Q_DECLARE_TR_FUNCTIONS(AuthorizationCommand)
};

} // namespace

// xindai-cli authorization grant --db FILE.db --firm USCC --institution ID|CODE --purpose TEXT --days N
//                                [--from YYYY-MM-DD]
int runAuthorizationCommand(const QStringList &args)
{
    const QString usage = AuthorizationTr::tr(
        "Usage: authorization grant --db FILE.db --firm USCC --institution ID|CODE --purpose TEXT --days N "
        "[--from YYYY-MM-DD].");
    if (args.isEmpty() || args.first() != QLatin1String("grant"))
        return usageError(usage);
    QString db_, firm, institution, purpose, days, from;
    for (int i = 1; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (i + 1 >= args.size())
            return usageError(AuthorizationTr::tr("The option %1 needs a value. ").arg(arg) + usage);
        const QString value = args.at(++i);
        if (arg == QLatin1String("--db"))
            db_ = value;
        else if (arg == QLatin1String("--firm"))
            firm = value;
        else if (arg == QLatin1String("--institution"))
            institution = value;
        else if (arg == QLatin1String("--purpose"))
            purpose = value.trimmed();
        else if (arg == QLatin1String("--days"))
            days = value;
        else if (arg == QLatin1String("--from"))
            from = value;
        else
            return usageError(AuthorizationTr::tr("Unknown option %1. ").arg(arg) + usage);
    }
    if (db_.isEmpty() || firm.isEmpty() || institution.isEmpty() || purpose.isEmpty() || days.isEmpty())
        return usageError(usage);
    bool ok = false;
    const int n = days.toInt(&ok);
    if (!ok || n < 1 || n > 3660)
        return usageError(
            AuthorizationTr::tr("The option --days needs a whole number of days from 1 to 3660."));
    const QDate start = from.isEmpty() ? QDate::currentDate() : QDate::fromString(from, Qt::ISODate);
    if (!start.isValid())
        return usageError(AuthorizationTr::tr("The option --from needs a date in the form YYYY-MM-DD."));

    QTextStream err(stderr);
    QString error;
    Store::Database db;
    if (!db.open(db_, &error, Store::Database::OpenMode::MustExist)) {
        err << "xindai-cli: " << error << "\n";
        return 1;
    }
    Store::EnterpriseRepository enterprises(db);
    std::optional<Core::Enterprise> enterprise = enterprises.byUscc(firm.trimmed().toUpper());
    if (!enterprise)
        enterprise = enterprises.byId(firm);
    if (!enterprise) {
        err << "xindai-cli: "
            << AuthorizationTr::tr("No enterprise with the code or id %1 is in the store.").arg(firm) << "\n";
        return 1;
    }
    Store::ReferenceRepository reference(db);
    std::optional<Core::Institution> inst = reference.institution(institution);
    if (!inst) {
        for (const Core::Institution &i : reference.institutions()) {
            if (i.code.compare(institution, Qt::CaseInsensitive) == 0)
                inst = i;
        }
    }
    if (!inst) {
        err << "xindai-cli: "
            << AuthorizationTr::tr("No institution with the id or code %1 is in the store.").arg(institution)
            << "\n";
        return 1;
    }
    Core::Authorization authorization;
    authorization.enterpriseId = enterprise->meta.id;
    authorization.institutionIds = {inst->meta.id};
    authorization.purpose = purpose;
    authorization.validFrom = start;
    authorization.validTo = start.addDays(n - 1); // N days including the first
    if (!Store::ApplicationRepository(db).save(authorization, &error)) {
        err << "xindai-cli: " << error << "\n";
        return 1;
    }
    Store::AuditEntry entry;
    entry.userId = QStringLiteral("xindai-cli");
    entry.action = QStringLiteral("authorization.grant");
    entry.entity = QStringLiteral("authorization");
    entry.rowId = authorization.meta.id;
    entry.detail = enterprise->meta.id + QLatin1Char(' ') + inst->meta.id + QLatin1Char(' ') + purpose;
    Store::AuditLog(db).append(entry);
    QTextStream(stdout) << authorization.meta.id << "\n";
    return 0;
}

} // namespace XinDai::Cli
