#include "report/reportdiff.h"

#include "core/money.h"

#include <QHash>
#include <QJsonArray>
#include <QLocale>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace XinDai::Report {

namespace {

using RK = Core::CreditRecord::Kind;
using MK = Core::MonthlyValue::Kind;
using Kind = ReportDiff::Change::Kind;

/// Chinese given explicitly (the report is a zh_CN document whatever the UI state), English through
/// the translation context of ReportDiff.
QString pick(ReportLanguage language, const char *english, const char16_t *chinese)
{
    if (language == ReportLanguage::Chinese)
        return QString::fromUtf16(chinese);
    return QCoreApplication::translate("XinDai::Report::ReportDiff", english);
}

QString isoDate(QDate day)
{
    return day.isValid() ? day.toString(Qt::ISODate) : QString();
}

/// One penalty or listing as a summary keeps it.
struct Item
{
    QString id;
    QString title;
    QString authority;
    QDate date;
    QDate removed; ///< listings: removal from the list; invalid while listed
    qint64 amountFen = 0;
    bool active() const { return !removed.isValid(); }
};

QJsonObject itemJson(const Core::CreditRecord &r, QDate asOf, bool listing)
{
    QJsonObject o{{u"id"_s, r.meta.id},
                  {u"title"_s, r.title},
                  {u"authority"_s, r.authority},
                  {u"date"_s, isoDate(r.date)}};
    if (listing)
        o.insert(u"removed"_s, r.validTo.isValid() && r.validTo <= asOf ? isoDate(r.validTo) : QString());
    else
        o.insert(u"amount"_s, double(r.amount.fen()));
    return o;
}

QVector<Item> items(const QJsonObject &summary, const QString &key)
{
    QVector<Item> out;
    for (const QJsonValue &v : summary.value(key).toArray()) {
        const QJsonObject o = v.toObject();
        Item item;
        item.id = o.value(u"id").toString();
        item.title = o.value(u"title").toString();
        item.authority = o.value(u"authority").toString();
        item.date = QDate::fromString(o.value(u"date").toString(), Qt::ISODate);
        item.removed = QDate::fromString(o.value(u"removed").toString(), Qt::ISODate);
        item.amountFen = qint64(o.value(u"amount").toDouble());
        out.append(item);
    }
    // Oldest first, then by id: a stable order whatever order the summary was written in.
    std::sort(out.begin(), out.end(),
              [](const Item &a, const Item &b) { return a.date != b.date ? a.date < b.date : a.id < b.id; });
    return out;
}

QSet<QString> recordIds(const QJsonObject &summary)
{
    QSet<QString> ids;
    for (const QJsonValue &v : summary.value(u"records").toArray())
        ids.insert(v.toString());
    return ids;
}

ReportDiff::Change itemChange(Kind kind, const Item &item, QDate date)
{
    ReportDiff::Change c;
    c.kind = kind;
    c.subject = item.title;
    c.detail = item.authority;
    c.date = date;
    c.amountFen = item.amountFen;
    return c;
}

} // namespace

QString ReportDiff::countKey(Count count)
{
    switch (count) {
    case Count::Qualifications:
        return u"qualifications"_s;
    case Count::Patents:
        return u"patents"_s;
    case Count::Procurement:
        return u"procurement"_s;
    case Count::Subsidies:
        return u"subsidies"_s;
    case Count::Applications:
        return u"applications"_s;
    case Count::CountCount:
        break;
    }
    return {};
}

QString ReportDiff::countName(Count count, ReportLanguage language)
{
    switch (count) {
    case Count::Qualifications:
        return pick(language, QT_TRANSLATE_NOOP("XinDai::Report::ReportDiff", "qualifications"), u"资质认定");
    case Count::Patents:
        return pick(language, QT_TRANSLATE_NOOP("XinDai::Report::ReportDiff", "patents"), u"专利");
    case Count::Procurement:
        return pick(language,
                    QT_TRANSLATE_NOOP("XinDai::Report::ReportDiff",
                                      "procurement awards and public-resource contracts"),
                    u"政府采购与公共资源交易合同");
    case Count::Subsidies:
        return pick(language, QT_TRANSLATE_NOOP("XinDai::Report::ReportDiff", "subsidies"), u"财政补贴");
    case Count::Applications:
        return pick(language,
                    QT_TRANSLATE_NOOP("XinDai::Report::ReportDiff", "financing applications on the platform"),
                    u"平台融资申请");
    case Count::CountCount:
        break;
    }
    return {};
}

QJsonObject ReportDiff::summaryOf(const ReportData &data)
{
    QJsonArray ids;
    for (const Core::CreditRecord &r : data.records)
        ids.append(r.meta.id);
    QJsonObject series;
    for (MK kind : {MK::TaxPaid, MK::SocialInsuranceHeadcount, MK::HousingFund, MK::Electricity,
                    MK::BankInflow, MK::BankOutflow})
        series.insert(QString::number(int(kind)), QString::number(data.last12Sum(kind)));
    QJsonObject s{{u"records"_s, ids}, {u"series"_s, series}};
    if (data.score.available) {
        s.insert(u"score", qRound(data.score.score));
        s.insert(u"grade", data.score.grade);
    }
    // The newest evaluation, whatever order the records come in.
    const Core::CreditRecord *taxGrade = nullptr;
    for (const Core::CreditRecord &r : data.records) {
        if (r.kind == RK::TaxGrade && (!taxGrade || r.date > taxGrade->date))
            taxGrade = &r;
    }
    if (taxGrade)
        s.insert(u"taxGrade", QJsonObject{{u"grade"_s, taxGrade->title}, {u"year"_s, taxGrade->date.year()}});
    QJsonArray penalties;
    for (const Core::CreditRecord &r : data.recordsOf(RK::Penalty))
        penalties.append(itemJson(r, data.asOf, false));
    s.insert(u"penalties", penalties);
    QJsonArray listings;
    for (const Core::CreditRecord &r : data.recordsOf(RK::DishonestDebtor))
        listings.append(itemJson(r, data.asOf, true));
    s.insert(u"dishonest", listings);
    const QJsonObject counts{
        {countKey(Count::Qualifications), int(data.recordsOf(RK::Qualification).size())},
        {countKey(Count::Patents), int(data.recordsOf(RK::Patent).size())},
        {countKey(Count::Procurement),
         int(data.recordsOf(RK::Procurement).size() + data.recordsOf(RK::PublicResourceContract).size())},
        {countKey(Count::Subsidies), int(data.recordsOf(RK::Subsidy).size())},
        {countKey(Count::Applications), int(data.applications.size())}};
    s.insert(u"counts", counts);
    return s;
}

QVector<ReportDiff::Change> ReportDiff::compare(const QJsonObject &previous, const QJsonObject &current)
{
    QVector<Change> out;
    // A summary with "counts" is a full one; older ones hold only score, grade, record ids and series.
    const bool detailed = previous.contains(u"counts");
    const QSet<QString> knownIds = recordIds(previous);

    if (previous.contains(u"score") && current.contains(u"score")) {
        const int before = previous.value(u"score").toInt();
        const int after = current.value(u"score").toInt();
        if (before != after) {
            Change c;
            c.kind = Kind::Score;
            c.before = QString::number(before);
            c.after = QString::number(after);
            out.append(c);
        }
    }
    const QString gradeBefore = previous.value(u"grade").toString();
    const QString gradeAfter = current.value(u"grade").toString();
    if (!gradeBefore.isEmpty() && !gradeAfter.isEmpty() && gradeBefore != gradeAfter) {
        Change c;
        c.kind = Kind::Grade;
        c.before = gradeBefore;
        c.after = gradeAfter;
        out.append(c);
    }

    const QJsonObject taxBefore = previous.value(u"taxGrade").toObject();
    const QJsonObject taxAfter = current.value(u"taxGrade").toObject();
    if (!taxAfter.isEmpty() && (!taxBefore.isEmpty() || detailed)) {
        const QString before = taxBefore.value(u"grade").toString();
        const QString after = taxAfter.value(u"grade").toString();
        if (before != after) {
            Change c;
            c.kind = Kind::TaxGrade;
            c.before = before;
            c.after = after;
            c.date = QDate(taxAfter.value(u"year").toInt(), 1, 1);
            out.append(c);
        }
    }

    // Penalties: added ones are those the previous report did not show; with an older summary, those
    // whose id was not among its records. Removed ones can only be named from a detailed summary.
    const QVector<Item> penaltiesBefore = items(previous, u"penalties"_s);
    const QVector<Item> penaltiesAfter = items(current, u"penalties"_s);
    QSet<QString> penaltyIdsBefore;
    for (const Item &i : penaltiesBefore)
        penaltyIdsBefore.insert(i.id);
    QSet<QString> penaltyIdsAfter;
    for (const Item &i : penaltiesAfter) {
        penaltyIdsAfter.insert(i.id);
        if (!(detailed ? penaltyIdsBefore.contains(i.id) : knownIds.contains(i.id)))
            out.append(itemChange(Kind::PenaltyAdded, i, i.date));
    }
    for (const Item &i : penaltiesBefore) {
        if (!penaltyIdsAfter.contains(i.id))
            out.append(itemChange(Kind::PenaltyRemoved, i, i.date));
    }

    // Listings: new active ones, ones taken off the list since, and ones gone from the records.
    const QVector<Item> listingsBefore = items(previous, u"dishonest"_s);
    const QVector<Item> listingsAfter = items(current, u"dishonest"_s);
    QHash<QString, Item> listingBefore;
    for (const Item &i : listingsBefore)
        listingBefore.insert(i.id, i);
    QSet<QString> listingIdsAfter;
    QVector<Change> delisted;
    for (const Item &i : listingsAfter) {
        listingIdsAfter.insert(i.id);
        const bool known = detailed ? listingBefore.contains(i.id) : knownIds.contains(i.id);
        if (!known) {
            // Unknown to the previous report: listed since (and possibly already taken off again).
            out.append(itemChange(Kind::DishonestListed, i, i.date));
            if (!i.active())
                delisted.append(itemChange(Kind::DishonestDelisted, i, i.removed));
        } else if (detailed) {
            const Item &before = listingBefore[i.id];
            if (!before.active() && i.active())
                out.append(itemChange(Kind::DishonestListed, i, i.date));
            else if (before.active() && !i.active())
                delisted.append(itemChange(Kind::DishonestDelisted, i, i.removed));
        }
    }
    std::stable_sort(delisted.begin(), delisted.end(),
                     [](const Change &a, const Change &b) { return a.date < b.date; });
    out.append(delisted);
    for (const Item &i : listingsBefore) {
        if (!listingIdsAfter.contains(i.id))
            out.append(itemChange(Kind::DishonestRemoved, i, i.date));
    }

    const QJsonObject countsBefore = previous.value(u"counts").toObject();
    const QJsonObject countsAfter = current.value(u"counts").toObject();
    for (int n = 0; n < int(Count::CountCount); ++n) {
        const QString key = countKey(Count(n));
        if (!countsBefore.contains(key) || !countsAfter.contains(key))
            continue;
        const int before = countsBefore.value(key).toInt();
        const int after = countsAfter.value(key).toInt();
        if (before == after)
            continue;
        Change c;
        c.kind = Kind::CountChanged;
        c.count = Count(n);
        c.before = QString::number(before);
        c.after = QString::number(after);
        out.append(c);
    }
    return out;
}

QString ReportDiff::sentence(const Change &c, ReportLanguage language)
{
    const QLocale locale = language == ReportLanguage::Chinese
                               ? QLocale(QLocale::Chinese, QLocale::China)
                               : QLocale(QLocale::English, QLocale::UnitedStates);
    const QString date = isoDate(c.date);
    switch (c.kind) {
    case Kind::Score:
        return pick(
                   language,
                   QT_TRANSLATE_NOOP("XinDai::Report::ReportDiff", "The credit score changed from %1 to %2."),
                   u"信用评分由 %1 变为 %2。")
            .arg(c.before, c.after);
    case Kind::Grade:
        return pick(
                   language,
                   QT_TRANSLATE_NOOP("XinDai::Report::ReportDiff", "The credit grade changed from %1 to %2."),
                   u"信用等级由 %1 变为 %2。")
            .arg(c.before, c.after);
    case Kind::TaxGrade:
        if (c.before.isEmpty())
            return pick(
                       language,
                       QT_TRANSLATE_NOOP("XinDai::Report::ReportDiff",
                                         "A tax credit grade is on record for the first time: %1 (evaluation "
                                         "of %2)."),
                       u"首次记录纳税信用等级：%1（%2 年度评价）。")
                .arg(c.after)
                .arg(c.date.year());
        return pick(language,
                    QT_TRANSLATE_NOOP("XinDai::Report::ReportDiff",
                                      "The tax credit grade changed from %1 to %2 (evaluation of %3)."),
                    u"纳税信用等级由 %1 变为 %2（%3 年度评价）。")
            .arg(c.before, c.after)
            .arg(c.date.year());
    case Kind::PenaltyAdded:
        if (c.amountFen != 0)
            return pick(language,
                        QT_TRANSLATE_NOOP("XinDai::Report::ReportDiff",
                                          "New administrative penalty: \"%1\" by %2 on %3, amount %4."),
                        u"新增行政处罚：%2 于 %3 作出的“%1”，金额 %4。")
                .arg(c.subject, c.detail, date,
                     Core::Money::fromFen(c.amountFen).format(Core::Money::Unit::Auto, locale));
        return pick(language,
                    QT_TRANSLATE_NOOP("XinDai::Report::ReportDiff",
                                      "New administrative penalty: \"%1\" by %2 on %3."),
                    u"新增行政处罚：%2 于 %3 作出的“%1”。")
            .arg(c.subject, c.detail, date);
    case Kind::PenaltyRemoved:
        return pick(language,
                    QT_TRANSLATE_NOOP("XinDai::Report::ReportDiff",
                                      "The administrative penalty \"%1\" by %2 of %3 shown in the previous "
                                      "report is no longer on record."),
                    u"上次报告所列 %2 于 %3 作出的行政处罚“%1”已不在记录中。")
            .arg(c.subject, c.detail, date);
    case Kind::DishonestListed:
        return pick(language,
                    QT_TRANSLATE_NOOP("XinDai::Report::ReportDiff",
                                      "New dishonest-debtor listing: \"%1\" by %2 on %3."),
                    u"新增失信被执行人记录：%2 于 %3 列入的“%1”。")
            .arg(c.subject, c.detail, date);
    case Kind::DishonestDelisted:
        return pick(
                   language,
                   QT_TRANSLATE_NOOP("XinDai::Report::ReportDiff",
                                     "The dishonest-debtor listing \"%1\" by %2 was removed from the list on "
                                     "%3."),
                   u"%2 列入的失信被执行人记录“%1”已于 %3 移出名单。")
            .arg(c.subject, c.detail, date);
    case Kind::DishonestRemoved:
        return pick(language,
                    QT_TRANSLATE_NOOP("XinDai::Report::ReportDiff",
                                      "The dishonest-debtor listing \"%1\" by %2 of %3 shown in the previous "
                                      "report is no longer on record."),
                    u"上次报告所列 %2 于 %3 列入的失信被执行人记录“%1”已不在记录中。")
            .arg(c.subject, c.detail, date);
    case Kind::CountChanged:
        return pick(
                   language,
                   QT_TRANSLATE_NOOP("XinDai::Report::ReportDiff", "The number of %1 changed from %2 to %3."),
                   u"%1数量由 %2 变为 %3。")
            .arg(countName(c.count, language), c.before, c.after);
    }
    return {};
}

QStringList ReportDiff::sentences(const QVector<Change> &changes, ReportLanguage language)
{
    QStringList out;
    out.reserve(changes.size());
    for (const Change &c : changes)
        out.append(sentence(c, language));
    return out;
}

} // namespace XinDai::Report
