#include "commands.h"
#include "core/workcalendar.h"
#include "prereview/prereviewer.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>

namespace XinDai::Cli {

namespace {

struct PrereviewTr
{
    Q_DECLARE_TR_FUNCTIONS(PrereviewCommand)
};

} // namespace

// xindai-cli prereview --db FILE.db --application ID|NUMBER [--lang zh|en] [--as-of YYYY-MM-DD]
// Exit code: 0 passed, 1 blocked, 2 usage error, unreadable store or unknown application.
int runPrereviewCommand(const QStringList &args)
{
    const QString usage = PrereviewTr::tr(
        "Usage: prereview --db FILE.db --application ID|NUMBER [--lang zh|en] [--as-of YYYY-MM-DD].");
    const QStringList known{QStringLiteral("--db"), QStringLiteral("--application"), QStringLiteral("--lang"),
                            QStringLiteral("--as-of")};
    QHash<QString, QString> o;
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (!known.contains(arg))
            return usageError(PrereviewTr::tr("Unknown argument %1. ").arg(arg) + usage);
        if (i + 1 >= args.size())
            return usageError(PrereviewTr::tr("The option %1 needs a value. ").arg(arg) + usage);
        o.insert(arg, args.at(++i));
    }
    for (const char *required : {"--db", "--application"}) {
        if (o.value(QLatin1String(required)).isEmpty())
            return usageError(PrereviewTr::tr("The option %1 is required. ").arg(QLatin1String(required))
                              + usage);
    }
    const QString lang = o.value(QStringLiteral("--lang"), QStringLiteral("zh"));
    if (lang != QLatin1String("zh") && lang != QLatin1String("en"))
        return usageError(PrereviewTr::tr("The option --lang accepts zh or en."));
    QDate day = QDate::currentDate();
    if (o.contains(QStringLiteral("--as-of"))) {
        day = QDate::fromString(o.value(QStringLiteral("--as-of")), Qt::ISODate);
        if (!day.isValid())
            return usageError(PrereviewTr::tr("The option --as-of needs a date in the form YYYY-MM-DD."));
    }

    QTextStream err(stderr);
    QString error;
    Store::Database db;
    if (!db.open(o.value(QStringLiteral("--db")), &error, Store::Database::OpenMode::MustExist)) {
        err << "xindai-cli: " << error << "\n";
        return 2;
    }
    const std::optional<Prereview::PrereviewResult> result = Prereview::Prereviewer::review(
        db, o.value(QStringLiteral("--application")), day, Core::WorkCalendar::instance(), &error);
    if (!result) {
        err << "xindai-cli: " << error << "\n";
        return 2;
    }
    const Matching::Language language
        = lang == QLatin1String("en") ? Matching::Language::English : Matching::Language::Chinese;
    QTextStream out(stdout);
    out << QString::fromUtf8(QJsonDocument(result->toJson(language)).toJson(QJsonDocument::Compact)) << "\n";
    return result->passed ? 0 : 1;
}

} // namespace XinDai::Cli
