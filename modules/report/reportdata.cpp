#include "report/reportdata.h"

#include "security/crypto.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace XinDai::Report {

QVector<Core::MonthlyValue> ReportData::seriesOf(Core::MonthlyValue::Kind kind) const
{
    QVector<Core::MonthlyValue> out;
    for (const Core::MonthlyValue &v : series) {
        if (v.kind == kind)
            out.append(v);
    }
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.month < b.month; });
    return out;
}

QVector<Core::CreditRecord> ReportData::recordsOf(Core::CreditRecord::Kind kind) const
{
    QVector<Core::CreditRecord> out;
    for (const Core::CreditRecord &r : records) {
        if (r.kind == kind)
            out.append(r);
    }
    return out;
}

qint64 ReportData::last12Sum(Core::MonthlyValue::Kind kind) const
{
    const QDate end(asOf.year(), asOf.month(), 1);
    const QDate start = end.addMonths(-12);
    qint64 sum = 0;
    for (const Core::MonthlyValue &v : series) {
        if (v.kind == kind && v.month >= start && v.month < end)
            sum += v.value;
    }
    return sum;
}

QString ReportData::verificationCode() const
{
    if (contentHash.isEmpty())
        return {};
    return number + QLatin1Char('-') + contentHash.left(16);
}

QByteArray ReportData::canonicalJson() const
{
    QJsonObject root;
    root.insert(u"number", number);
    root.insert(u"generatedAt", generatedAt.toUTC().toString(Qt::ISODateWithMs));
    root.insert(u"asOf", asOf.toString(Qt::ISODate));
    root.insert(u"generatedBy", generatedBy);
    root.insert(u"institution", institution.meta.id);
    root.insert(u"purpose", purpose);
    root.insert(u"authorization", authorizationId);

    const Core::Enterprise &e = enterprise;
    root.insert(u"enterprise", QJsonObject{{u"id"_s, e.meta.id},
                                           {u"uscc"_s, e.uscc},
                                           {u"name"_s, e.name},
                                           {u"kind"_s, int(e.kind)},
                                           {u"legalRep"_s, e.legalRep},
                                           {u"established"_s, e.established.toString(Qt::ISODate)},
                                           {u"capital"_s, QString::number(e.registeredCapital.fen())},
                                           {u"industry"_s, e.industryCode},
                                           {u"region"_s, e.regionCode},
                                           {u"park"_s, parkName},
                                           {u"employees"_s, e.employees},
                                           {u"revenue"_s, QString::number(e.annualRevenue.fen())},
                                           {u"assets"_s, QString::number(e.totalAssets.fen())},
                                           {u"address"_s, e.address}});
    QJsonArray s;
    for (const Core::MonthlyValue &v : series)
        s.append(QJsonArray{int(v.kind), v.month.toString(Qt::ISODate), QString::number(v.value)});
    root.insert(u"series", s);
    QJsonArray r;
    for (const Core::CreditRecord &c : records)
        r.append(QJsonArray{c.meta.id, int(c.kind), c.date.toString(Qt::ISODate),
                            c.validTo.toString(Qt::ISODate), c.title, c.authority,
                            QString::number(c.amount.fen()), c.detail});
    root.insert(u"records", r);
    QJsonArray a;
    for (const Core::Application &app : applications)
        a.append(QJsonArray{app.number, app.institutionId, int(app.state), QString::number(app.amount.fen()),
                            QString::number(app.approvedAmount.fen())});
    root.insert(u"applications", a);
    QJsonArray reasons;
    for (const auto &p : score.reasons)
        reasons.append(QJsonArray{p.first, qRound(p.second)});
    root.insert(u"score", QJsonObject{{u"available"_s, score.available},
                                      {u"score"_s, qRound(score.score)},
                                      {u"grade"_s, score.grade},
                                      {u"model"_s, score.modelId},
                                      {u"version"_s, score.modelVersion},
                                      {u"reasons"_s, reasons}});
    QJsonArray src;
    for (const Source &so : sources)
        src.append(QJsonArray{int(so.kind), so.asOf.toString(Qt::ISODate), so.rows});
    root.insert(u"sources", src);
    root.insert(u"previous", changes.previousNumber);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QString ReportData::newNumber(QDate day)
{
    QByteArray random = Security::Crypto::randomBytes(4);
    if (random.size() != 4) // CSPRNG failure: fall back to the clock, the number still has the right form
        random = QByteArray::number(QDateTime::currentMSecsSinceEpoch(), 16).right(8).rightJustified(8, '0');
    const QString hex
        = random.size() == 4 ? QString::fromLatin1(random.toHex()) : QString::fromLatin1(random);
    return QStringLiteral("XDR-") + day.toString(QStringLiteral("yyyyMMdd")) + QLatin1Char('-') + hex;
}

} // namespace XinDai::Report
