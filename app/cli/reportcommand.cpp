#include "commands.h"
#include "report/pdfsignature.h"
#include "report/reportgenerator.h"
#include "report/reportlog.h"
#include "security/crypto.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>

namespace XinDai::Cli {

namespace {

struct ReportTr
{
    Q_DECLARE_TR_FUNCTIONS(ReportCommand)
};

/// "--name value" pairs after the subcommand; positional arguments under the empty key.
bool parseOptions(const QStringList &args, const QStringList &known, QHash<QString, QString> *options,
                  QStringList *positional, QString *error)
{
    for (int i = 1; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (!arg.startsWith(QLatin1String("--"))) {
            positional->append(arg);
            continue;
        }
        if (!known.contains(arg)) {
            *error = ReportTr::tr("Unknown option %1.").arg(arg);
            return false;
        }
        if (i + 1 >= args.size()) {
            *error = ReportTr::tr("The option %1 needs a value.").arg(arg);
            return false;
        }
        options->insert(arg, args.at(++i));
    }
    return true;
}

int render(const QStringList &args)
{
    const QString usage = ReportTr::tr(
        "Usage: report render --db FILE.db --firm USCC --institution ID|CODE --purpose TEXT --out FILE.pdf "
        "[--key PEM] [--as-of YYYY-MM-DD] [--language zh|en] [--user NAME].");
    QHash<QString, QString> o;
    QStringList positional;
    QString error;
    if (!parseOptions(args,
                      {QStringLiteral("--db"), QStringLiteral("--firm"), QStringLiteral("--institution"),
                       QStringLiteral("--purpose"), QStringLiteral("--out"), QStringLiteral("--key"),
                       QStringLiteral("--as-of"), QStringLiteral("--language"), QStringLiteral("--user")},
                      &o, &positional, &error))
        return usageError(error + QLatin1Char(' ') + usage);
    for (const char *required : {"--db", "--firm", "--institution", "--purpose", "--out"}) {
        if (o.value(QLatin1String(required)).isEmpty())
            return usageError(ReportTr::tr("The option %1 is required. ").arg(QLatin1String(required))
                              + usage);
    }
    Report::ReportGenerator::Request request;
    request.firm = o.value(QStringLiteral("--firm"));
    request.institution = o.value(QStringLiteral("--institution"));
    request.purpose = o.value(QStringLiteral("--purpose"));
    request.generatedBy = o.value(QStringLiteral("--user"), QStringLiteral("xindai-cli"));
    if (o.contains(QStringLiteral("--as-of"))) {
        request.asOf = QDate::fromString(o.value(QStringLiteral("--as-of")), Qt::ISODate);
        if (!request.asOf.isValid())
            return usageError(ReportTr::tr("The option --as-of needs a date in the form YYYY-MM-DD."));
    }
    const QString language = o.value(QStringLiteral("--language"), QStringLiteral("zh"));
    if (language == QLatin1String("en"))
        request.language = Report::ReportLanguage::English;
    else if (language != QLatin1String("zh"))
        return usageError(ReportTr::tr("The option --language accepts zh or en."));

    QTextStream err(stderr);
    const QString keyPath = o.value(QStringLiteral("--key"), Report::ReportGenerator::defaultKeyPath());
    const Security::Signer key = o.contains(QStringLiteral("--key"))
                                     ? Security::Signer::load(keyPath, &error)
                                     : Report::ReportGenerator::loadOrCreateKey(keyPath, &error);
    if (!key.hasPrivateKey()) {
        err << "xindai-cli: "
            << (error.isEmpty() ? ReportTr::tr("The key %1 holds no private key.").arg(keyPath) : error)
            << "\n";
        return 1;
    }
    Store::Database db;
    if (!db.open(o.value(QStringLiteral("--db")), &error, Store::Database::OpenMode::MustExist)) {
        err << "xindai-cli: " << error << "\n";
        return 1;
    }
    const Report::ReportGenerator::Outcome outcome = Report::ReportGenerator::generate(db, request, key);
    if (!outcome.ok) {
        err << "xindai-cli: " << outcome.error << "\n";
        return 1;
    }
    QSaveFile file(o.value(QStringLiteral("--out")));
    if (!file.open(QIODevice::WriteOnly) || file.write(outcome.pdf) != outcome.pdf.size() || !file.commit()) {
        err << "xindai-cli: "
            << ReportTr::tr("The report file %1 cannot be written: %2.")
                   .arg(file.fileName(), file.errorString())
            << "\n";
        return 1;
    }
    QTextStream(stdout) << outcome.data.number << '\t' << outcome.data.verificationCode() << '\t'
                        << outcome.pageCount << "\n";
    return 0;
}

int verify(const QStringList &args)
{
    const QString usage = ReportTr::tr(
        "Usage: report verify FILE.pdf [--pubkey PEM] [--db FILE.db] (checks the record too).");
    QHash<QString, QString> o;
    QStringList positional;
    QString error;
    if (!parseOptions(args, {QStringLiteral("--pubkey"), QStringLiteral("--db")}, &o, &positional, &error))
        return usageError(error + QLatin1Char(' ') + usage);
    if (positional.size() != 1)
        return usageError(usage);
    QTextStream out(stdout);
    QFile file(positional.first());
    if (!file.open(QIODevice::ReadOnly)) {
        out << "tampered: "
            << ReportTr::tr("the file %1 cannot be read: %2").arg(file.fileName(), file.errorString())
            << "\n";
        return 1;
    }
    const QByteArray bytes = file.readAll();
    const QString keyPath = o.value(QStringLiteral("--pubkey"), Report::ReportGenerator::defaultKeyPath());
    const Security::Signer trusted = Report::ReportGenerator::trustedKey(keyPath, &error);
    const Report::PdfSignature::Verification v = Report::PdfSignature::verify(bytes, trusted);
    if (!v.valid) {
        out << "tampered: " << v.reason;
        if (trusted.isNull())
            out << " (" << error << ")";
        out << "\n";
        return 1;
    }
    if (o.contains(QStringLiteral("--db"))) {
        Store::Database db;
        if (!db.open(o.value(QStringLiteral("--db")), &error, Store::Database::OpenMode::MustExist)) {
            QTextStream(stderr) << "xindai-cli: " << error << "\n";
            return 2;
        }
        const std::optional<Report::ReportLogEntry> entry = Report::ReportLog(db).byNumber(v.number);
        if (!entry) {
            out << "tampered: " << ReportTr::tr("the report %1 is not in the suite's records").arg(v.number)
                << "\n";
            return 1;
        }
        if (entry->contentHash != v.contentHash || entry->fileSha256 != Security::Crypto::sha256Hex(bytes)) {
            out << "tampered: "
                << ReportTr::tr("the report %1 differs from the one the suite recorded").arg(v.number)
                << "\n";
            return 1;
        }
    }
    out << "valid " << v.number << "\n";
    return 0;
}

} // namespace

// xindai-cli report render … | report verify FILE.pdf …
int runReportCommand(const QStringList &args)
{
    if (!args.isEmpty() && args.first() == QLatin1String("render"))
        return render(args);
    if (!args.isEmpty() && args.first() == QLatin1String("verify"))
        return verify(args);
    return usageError(ReportTr::tr("Usage: report render … | report verify FILE.pdf [--pubkey PEM]."));
}

} // namespace XinDai::Cli
