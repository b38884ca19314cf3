#include "report/reportgenerator.h"

#include "report/pdfsignature.h"
#include "report/reportassembler.h"
#include "report/reportdiff.h"
#include "report/reportlog.h"
#include "report/reportrenderer.h"
#include "security/crypto.h"
#include "store/applicationrepository.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/enterpriserepository.h"
#include "store/referencerepository.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace XinDai::Report {

namespace {

using MK = Core::MonthlyValue::Kind;

void audit(Store::Database &db, const QString &user, const QString &action, const QString &enterpriseId,
           const QJsonObject &detail)
{
    Store::AuditEntry entry;
    entry.userId = user;
    entry.action = action;
    entry.entity = QStringLiteral("enterprise");
    entry.rowId = enterpriseId;
    entry.detail = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
    Store::AuditLog(db).append(entry);
}

QJsonObject summaryOf(const ReportData &data)
{
    // The full summary (penalties, listings, tax grade, counts) that ReportDiff compares.
    return ReportDiff::summaryOf(data);
}

void compare(ReportData &data, const ReportLogEntry &previous)
{
    ReportData::Changes &c = data.changes;
    c.previousNumber = previous.number;
    const QJsonObject s = previous.summary;
    if (s.contains(u"score"))
        c.previousScore = s.value(u"score").toDouble();
    c.previousGrade = s.value(u"grade").toString();
    QSet<QString> known;
    for (const QJsonValue &v : s.value(u"records").toArray())
        known.insert(v.toString());
    for (const Core::CreditRecord &r : data.records) {
        if (!known.contains(r.meta.id))
            c.newRecords[int(r.kind)] += 1;
    }
    const QJsonObject series = s.value(u"series").toObject();
    for (auto it = series.begin(); it != series.end(); ++it) {
        const qint64 before = it.value().toString().toLongLong();
        const qint64 now = data.last12Sum(MK(it.key().toInt()));
        if (before != now)
            c.seriesChanges.insert(it.key().toInt(), {before, now});
    }
}

} // namespace

ReportGenerator::Outcome ReportGenerator::generate(Store::Database &db, const Request &request,
                                                   const Security::Signer &key)
{
    Outcome outcome;
    const QDate asOf = request.asOf.isValid() ? request.asOf : QDate::currentDate();

    Store::EnterpriseRepository enterprises(db);
    std::optional<Core::Enterprise> firm = enterprises.byUscc(request.firm.trimmed().toUpper());
    if (!firm)
        firm = enterprises.byId(request.firm.trimmed());
    if (!firm) {
        outcome.error
            = tr("No report: no enterprise with the code or id %1 is in the store.").arg(request.firm);
        return outcome;
    }
    Store::ReferenceRepository reference(db);
    std::optional<Core::Institution> institution = reference.institution(request.institution);
    if (!institution) {
        for (const Core::Institution &i : reference.institutions()) {
            if (i.code.compare(request.institution, Qt::CaseInsensitive) == 0)
                institution = i;
        }
    }
    if (!institution) {
        outcome.error = tr("No report: no institution with the id or code %1 is in the store.")
                            .arg(request.institution);
        return outcome;
    }
    if (request.purpose.trimmed().isEmpty()) {
        outcome.error
            = tr("No report: the purpose of the query is empty; name the purpose the enterprise authorized.");
        return outcome;
    }
    if (!key.hasPrivateKey()) {
        outcome.error = tr("No report: no private signing key is loaded.");
        return outcome;
    }

    const AuthorizationCheck::Result check
        = AuthorizationCheck::check(Store::ApplicationRepository(db).authorizations(firm->meta.id),
                                    institution->meta.id, institution->name, request.purpose, asOf);
    outcome.verdict = check.verdict;
    if (!check.permitted()) {
        outcome.refused = true;
        outcome.error = check.message;
        audit(db, request.generatedBy, QStringLiteral("report.refuse"), firm->meta.id,
              {{u"institution"_s, institution->meta.id},
               {u"purpose"_s, request.purpose},
               {u"asOf"_s, asOf.toString(Qt::ISODate)},
               {u"verdict"_s, int(check.verdict)},
               {u"authorization"_s, check.authorizationId},
               {u"reason"_s, check.message}});
        return outcome;
    }

    QString error;
    std::optional<ReportData> data
        = ReportAssembler::assemble(db, firm->meta.id, *institution, request.purpose.trimmed(), asOf, &error);
    if (!data) {
        outcome.error = error;
        return outcome;
    }
    data->number = request.number.isEmpty() ? ReportData::newNumber(asOf) : request.number;
    data->generatedAt = QDateTime::currentDateTimeUtc();
    data->generatedBy = request.generatedBy;
    data->authorizationId = check.authorizationId;
    data->authorizationValidTo = check.validTo;

    ReportLog log(db);
    if (const std::optional<ReportLogEntry> previous = log.latestFor(firm->meta.id))
        compare(*data, *previous);
    data->contentHash = Security::Crypto::sha256Hex(data->canonicalJson());

    ReportRenderer::Options options;
    options.language = request.language;
    const QByteArray pdf = ReportRenderer::renderPdf(*data, options, &outcome.pageCount);
    if (pdf.isEmpty()) {
        outcome.error = tr("The report %1 could not be rendered to PDF.").arg(data->number);
        return outcome;
    }
    outcome.pdf = PdfSignature::sign(pdf, key, data->number, data->contentHash, &error);
    if (outcome.pdf.isEmpty()) {
        outcome.error = error;
        return outcome;
    }

    ReportLogEntry entry;
    entry.number = data->number;
    entry.enterpriseId = firm->meta.id;
    entry.institutionId = institution->meta.id;
    entry.purpose = data->purpose;
    entry.contentHash = data->contentHash;
    entry.fileSha256 = Security::Crypto::sha256Hex(outcome.pdf);
    entry.generatedBy = request.generatedBy;
    entry.generatedAt = data->generatedAt;
    entry.asOf = asOf;
    entry.summary = summaryOf(*data);
    if (!log.record(entry, &error)) {
        outcome.error = error;
        outcome.pdf.clear();
        return outcome;
    }
    audit(db, request.generatedBy, QStringLiteral("report.generate"), firm->meta.id,
          {{u"number"_s, data->number},
           {u"institution"_s, institution->meta.id},
           {u"purpose"_s, data->purpose},
           {u"authorization"_s, check.authorizationId},
           {u"contentHash"_s, data->contentHash}});
    outcome.data = std::move(*data);
    outcome.ok = true;
    return outcome;
}

QString ReportGenerator::defaultKeyPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/keys/report-signing.pem");
}

Security::Signer ReportGenerator::loadOrCreateKey(const QString &path, QString *error)
{
    if (QFileInfo::exists(path))
        return Security::Signer::load(path, error);
    Security::Signer key = Security::Signer::generate();
    if (key.isNull()) {
        if (error)
            *error = tr("A new report-signing key could not be generated.");
        return {};
    }
    if (!key.savePrivateKey(path, error))
        return {};
    return key;
}

Security::Signer ReportGenerator::trustedKey(const QString &path, QString *error)
{
    const Security::Signer key = Security::Signer::load(path, error);
    if (key.isNull())
        return key;
    return Security::Signer::fromRawPublicKey(key.rawPublicKey(), error);
}

} // namespace XinDai::Report
