#pragma once

// The dataset of the sync benchmarks (xindai-bench-sync seeds it into a server, xindai-bench-pullapply
// builds pull pages of it): one park, bank and product, four admin users, per firm one enterprise row
// and its monthly series, then the applications. Deterministic ids, so a rerun changes nothing.

#include <QDate>
#include <QJsonObject>
#include <QString>

#include <algorithm>
#include <functional>

namespace XinDai::Bench {

enum IdKind { ParkId = 1, InstitutionId, ProductId, UserId, FirmId, SeriesId, ApplicationId };

/// An id in the store's form (lower-case UUID) made of \a kind and \a n.
inline QString uuidFor(IdKind kind, qint64 n)
{
    using namespace Qt::StringLiterals;
    return u"%1-0000-4000-8000-%2"_s.arg(int(kind), 8, 16, QChar(u'0')).arg(n, 12, 10, QChar(u'0'));
}

struct DatasetSize
{
    qint64 firms = 50000;
    qint64 seriesPerFirm = 10;
    qint64 applications = 20000;
};

/// Calls \a row(entity, id, fields) for every row of the dataset, in order; stops when it returns false
/// (and returns false). The users get \a userFields on top of login, display name and role (e.g. a
/// password hash on the server).
inline bool
forEachDatasetRow(const DatasetSize &size, const QJsonObject &userFields,
                  const std::function<bool(const QString &, const QString &, const QJsonObject &)> &row)
{
    using namespace Qt::StringLiterals;
    const QString park = uuidFor(ParkId, 1);
    const QString bank = uuidFor(InstitutionId, 1);
    const QString product = uuidFor(ProductId, 1);
    if (!row(u"park"_s, park,
             {{u"code"_s, u"CSHX"_s}, {u"name"_s, u"长沙高新区"_s}, {u"region_code"_s, u"430104"_s}})
        || !row(u"institution"_s, bank,
                {{u"code"_s, u"BENCH"_s}, {u"name"_s, u"基准银行"_s}, {u"type"_s, u"bank"_s}})
        || !row(u"product"_s, product,
                {{u"institution_id"_s, bank},
                 {u"name"_s, u"基准贷"_s},
                 {u"max_amount"_s, 1000000000},
                 {u"max_term_months"_s, 36}}))
        return false;
    for (int u = 0; u < 4; ++u) {
        QJsonObject fields = userFields;
        fields.insert(u"login"_s, u"bench%1"_s.arg(u));
        fields.insert(u"display_name"_s, u"Bench %1"_s.arg(u));
        fields.insert(u"role"_s, u"admin"_s);
        if (!row(u"app_user"_s, uuidFor(UserId, u), fields))
            return false;
    }
    static const char *kinds[]
        = {"tax_paid",    "social_insurance_headcount", "housing_fund", "electricity", "bank_inflow",
           "bank_outflow"};
    for (qint64 f = 0; f < size.firms; ++f) {
        const QString firm = uuidFor(FirmId, f);
        // A syntactically plausible 18-character code; the server stores what it is given.
        if (!row(u"enterprise"_s, firm,
                 {{u"uscc"_s, u"91430100%1"_s.arg(f, 10, 10, QChar(u'0'))},
                  {u"name"_s, u"长沙基准企业%1有限公司"_s.arg(f)},
                  {u"kind"_s, u"company"_s},
                  {u"park_id"_s, park},
                  {u"region_code"_s, u"430104"_s},
                  {u"industry_code"_s, u"C34"_s},
                  {u"employees"_s, 10 + f % 300},
                  {u"annual_revenue"_s, (f % 1000 + 1) * 1000000}}))
            return false;
        for (qint64 s = 0; s < size.seriesPerFirm; ++s) {
            const QDate month = QDate(2026, 10, 1).addMonths(-int(s / 6));
            if (!row(u"monthly_value"_s, uuidFor(SeriesId, f * size.seriesPerFirm + s),
                     {{u"enterprise_id"_s, firm},
                      {u"kind"_s, QString::fromLatin1(kinds[s % 6])},
                      {u"month"_s, month.toString(Qt::ISODate)},
                      {u"value"_s, (f * 7 + s * 13) % 100000}}))
                return false;
        }
    }
    for (qint64 a = 0; a < size.applications; ++a) {
        if (!row(u"application"_s, uuidFor(ApplicationId, a),
                 {{u"number"_s, u"XD-2026-%1"_s.arg(a + 1, 7, 10, QChar(u'0'))},
                  {u"enterprise_id"_s, uuidFor(FirmId, a % std::max<qint64>(1, size.firms))},
                  {u"product_id"_s, product},
                  {u"institution_id"_s, bank},
                  {u"park_id"_s, park},
                  {u"amount"_s, 100000000 + a % 50 * 1000000},
                  {u"term_months"_s, 12},
                  {u"state"_s, u"draft"_s},
                  {u"created_at"_s, u"2026-11-20T08:00:00.000Z"_s}}))
            return false;
    }
    return true;
}

} // namespace XinDai::Bench
