#include "report/reportassembler.h"

#include "scoring/featureextractor.h"
#include "scoring/modelregistry.h"
#include "store/applicationrepository.h"
#include "store/database.h"
#include "store/enterpriserepository.h"
#include "store/firmdatarepository.h"
#include "store/referencerepository.h"

namespace XinDai::Report {

namespace {

using MK = Core::MonthlyValue::Kind;
using RK = Core::CreditRecord::Kind;

void addSource(ReportData &data, SourceKind kind, const QVector<QDate> &dates)
{
    ReportData::Source s;
    s.kind = kind;
    s.rows = int(dates.size());
    for (const QDate &d : dates) {
        if (d.isValid() && (!s.asOf.isValid() || d > s.asOf))
            s.asOf = d;
    }
    data.sources.append(s);
}

QVector<QDate> seriesDates(const ReportData &data, std::initializer_list<MK> kinds)
{
    QVector<QDate> out;
    for (const Core::MonthlyValue &v : data.series) {
        if (std::find(kinds.begin(), kinds.end(), v.kind) != kinds.end())
            out.append(v.month);
    }
    return out;
}

QVector<QDate> recordDates(const ReportData &data, std::initializer_list<RK> kinds)
{
    QVector<QDate> out;
    for (const Core::CreditRecord &r : data.records) {
        if (std::find(kinds.begin(), kinds.end(), r.kind) != kinds.end())
            out.append(r.date);
    }
    return out;
}

} // namespace

std::optional<ReportData> ReportAssembler::assemble(Store::Database &db, const QString &enterpriseId,
                                                    const Core::Institution &institution,
                                                    const QString &purpose, QDate asOf, QString *error)
{
    Store::EnterpriseRepository enterprises(db);
    const std::optional<Core::Enterprise> enterprise = enterprises.byId(enterpriseId);
    if (!enterprise) {
        if (error)
            *error = tr("No report: the enterprise %1 is not in the store.").arg(enterpriseId);
        return std::nullopt;
    }
    ReportData data;
    data.asOf = asOf;
    data.enterprise = *enterprise;
    data.institution = institution;
    data.purpose = purpose;

    Store::ReferenceRepository reference(db);
    if (!enterprise->parkId.isEmpty()) {
        if (const auto park = reference.park(enterprise->parkId))
            data.parkName = park->name;
    }
    for (const Core::Institution &i : reference.institutions())
        data.institutionNames.insert(i.meta.id, i.name);

    const QDate monthEnd(asOf.year(), asOf.month(), 1);
    const QDate monthStart = monthEnd.addMonths(-24);
    Store::FirmDataRepository firmData(db);
    const QVector<Core::MonthlyValue> allSeries = firmData.allSeries(enterpriseId);
    for (const Core::MonthlyValue &v : allSeries) {
        if (v.month >= monthStart && v.month < monthEnd && !v.meta.deleted)
            data.series.append(v);
    }
    const QVector<Core::CreditRecord> allRecords = firmData.records(enterpriseId);
    for (const Core::CreditRecord &r : allRecords) {
        if (r.date.isValid() && r.date <= asOf && !r.meta.deleted)
            data.records.append(r);
    }

    Store::ApplicationRepository applications(db);
    Store::ApplicationRepository::Filter filter;
    filter.enterpriseId = enterpriseId;
    for (const Core::Application &a : applications.applications(filter)) {
        if (!a.meta.deleted && (!a.createdAt.isValid() || a.createdAt.toUTC().date() <= asOf))
            data.applications.append(a);
    }
    std::sort(data.applications.begin(), data.applications.end(),
              [](const auto &a, const auto &b) { return a.createdAt > b.createdAt; });

    // Score on all stored data up to the as-of day (the extractor itself ignores months at or after it).
    QString modelError;
    const std::optional<Scoring::Scorecard> model = Scoring::ModelRegistry::commercial(&modelError);
    if (model) {
        const Scoring::FirmFeatures features
            = Scoring::FeatureExtractor::extract(data.enterprise, allSeries, data.records, asOf);
        const Scoring::ScoreResult result = model->score(features);
        data.score.available = true;
        data.score.score = result.score;
        data.score.grade = result.grade;
        data.score.modelId = model->info().id;
        data.score.modelVersion = model->info().version;
        data.score.modelName = model->info().name;
        for (const auto &r : result.reasons)
            data.score.reasons.append({model->factors().at(r.factor).label, r.pointsLost});
        for (const auto &i : result.improvements)
            data.score.improvements.append({model->factors().at(i.factor).label, i.pointsGained});
    } else {
        data.score.error = modelError;
    }

    QVector<QDate> registration;
    registration.append(enterprise->meta.updatedAt.isValid()
                            ? qMin(enterprise->meta.updatedAt.toUTC().date(), asOf)
                            : enterprise->established);
    addSource(data, SourceKind::Registration, registration);
    QVector<QDate> tax = seriesDates(data, {MK::TaxPaid});
    tax += recordDates(data, {RK::TaxGrade});
    addSource(data, SourceKind::Tax, tax);
    addSource(data, SourceKind::Social, seriesDates(data, {MK::SocialInsuranceHeadcount, MK::HousingFund}));
    addSource(data, SourceKind::Electricity, seriesDates(data, {MK::Electricity}));
    addSource(data, SourceKind::Bank, seriesDates(data, {MK::BankInflow, MK::BankOutflow}));
    addSource(data, SourceKind::Procurement,
              recordDates(data, {RK::Procurement, RK::PublicResourceContract}));
    addSource(data, SourceKind::Subsidy, recordDates(data, {RK::Subsidy}));
    addSource(data, SourceKind::Qualification, recordDates(data, {RK::Qualification, RK::Patent}));
    addSource(data, SourceKind::Judicial, recordDates(data, {RK::Penalty, RK::DishonestDebtor}));
    QVector<QDate> platform;
    for (const Core::Application &a : std::as_const(data.applications))
        platform.append(a.createdAt.toUTC().date());
    addSource(data, SourceKind::Platform, platform);
    addSource(data, SourceKind::Scoring, data.score.available ? QVector<QDate>{asOf} : QVector<QDate>{});
    return data;
}

} // namespace XinDai::Report
