#include "report/reportdiff.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace XinDai;
using namespace Qt::StringLiterals;
using Report::ReportDiff;
using RK = Core::CreditRecord::Kind;

namespace {

const QDate asOf(2026, 11, 20);

Core::CreditRecord record(const QString &id, RK kind, QDate date, const QString &title,
                          const QString &authority, qint64 fen = 0, QDate validTo = {})
{
    Core::CreditRecord r;
    r.meta.id = id;
    r.kind = kind;
    r.date = date;
    r.title = title;
    r.authority = authority;
    r.amount = Core::Money::fromFen(fen);
    r.validTo = validTo;
    return r;
}

/// The fixture firm at the previous report: score 712 (A), tax grade A for 2024, one penalty, one active
/// dishonest-debtor listing, one of each counted record kind and one application.
Report::ReportData base()
{
    Report::ReportData d;
    d.asOf = asOf;
    d.score.available = true;
    d.score.score = 712.4;
    d.score.grade = u"A"_s;
    d.records = {
        record(u"pen1"_s, RK::Penalty, QDate(2025, 3, 10), u"未按期申报纳税"_s, u"长沙市岳麓区税务局"_s,
               200000),
        record(u"dis1"_s, RK::DishonestDebtor, QDate(2025, 6, 1), u"（2025）湘0104执123号"_s,
               u"长沙市岳麓区人民法院"_s),
        record(u"tax2024"_s, RK::TaxGrade, QDate(2024, 1, 1), u"A"_s, u"国家税务总局湖南省税务局"_s),
        record(u"q1"_s, RK::Qualification, QDate(2023, 12, 1), u"高新技术企业"_s, u"湖南省科学技术厅"_s),
        record(u"pat1"_s, RK::Patent, QDate(2022, 5, 6), u"一种节能烘干装置"_s, u"国家知识产权局"_s),
        record(u"pro1"_s, RK::Procurement, QDate(2025, 8, 1), u"办公设备采购"_s, u"长沙市政府采购中心"_s,
               1500000),
        record(u"sub1"_s, RK::Subsidy, QDate(2025, 4, 1), u"稳岗补贴"_s, u"长沙市人社局"_s, 3000000),
    };
    d.applications.resize(1);
    return d;
}

QJsonObject summary(const Report::ReportData &d)
{
    return ReportDiff::summaryOf(d);
}

Report::ReportData withRecord(Report::ReportData d, const Core::CreditRecord &r)
{
    d.records.append(r);
    return d;
}

Report::ReportData withoutRecord(Report::ReportData d, const QString &id)
{
    d.records.erase(std::remove_if(d.records.begin(), d.records.end(),
                                   [&](const Core::CreditRecord &r) { return r.meta.id == id; }),
                    d.records.end());
    return d;
}

Report::ReportData delisted(Report::ReportData d, QDate removed)
{
    for (Core::CreditRecord &r : d.records) {
        if (r.meta.id == u"dis1")
            r.validTo = removed;
    }
    return d;
}

/// What a summary written before ReportDiff existed holds: score, grade, record ids, series only.
QJsonObject oldFormat(const QJsonObject &full)
{
    QJsonObject s;
    for (const QString &key : {u"score"_s, u"grade"_s, u"records"_s, u"series"_s}) {
        if (full.contains(key))
            s.insert(key, full.value(key));
    }
    return s;
}

const Core::CreditRecord newPenalty = record(u"pen2"_s, RK::Penalty, QDate(2026, 9, 15),
                                             u"环保设施未正常运行"_s, u"长沙市生态环境局"_s, 5000000);

} // namespace

class TestReportDiff : public QObject
{
    Q_OBJECT

private slots:
    void summaryContent();
    void compare_data();
    void compare();
    void chineseSentences();
    void orderOfChanges();
};

void TestReportDiff::summaryContent()
{
    const QJsonObject s = summary(base());
    // The keys ReportGenerator's own comparison reads are kept: rounded score, grade, every record id.
    QCOMPARE(s.value(u"score").toInt(), 712);
    QCOMPARE(s.value(u"grade").toString(), u"A"_s);
    QCOMPARE(s.value(u"records").toArray().size(), 7);
    QCOMPARE(s.value(u"series").toObject().size(), 6);
    QCOMPARE(s.value(u"taxGrade").toObject(), (QJsonObject{{u"grade"_s, u"A"_s}, {u"year"_s, 2024}}));
    QCOMPARE(s.value(u"penalties").toArray(),
             (QJsonArray{QJsonObject{{u"id"_s, u"pen1"_s},
                                     {u"title"_s, u"未按期申报纳税"_s},
                                     {u"authority"_s, u"长沙市岳麓区税务局"_s},
                                     {u"date"_s, u"2025-03-10"_s},
                                     {u"amount"_s, 200000}}}));
    // Listed and not removed: "removed" is empty.
    QCOMPARE(s.value(u"dishonest").toArray().at(0).toObject().value(u"removed").toString(), QString());
    // One each: qualification, patent, procurement, subsidy, application.
    QCOMPARE(s.value(u"counts").toObject(), (QJsonObject{{u"qualifications"_s, 1},
                                                         {u"patents"_s, 1},
                                                         {u"procurement"_s, 1},
                                                         {u"subsidies"_s, 1},
                                                         {u"applications"_s, 1}}));
    // A removal date after the as-of day has not happened yet for this report.
    const QJsonObject future = summary(delisted(base(), asOf.addDays(1)));
    QCOMPARE(future.value(u"dishonest").toArray().at(0).toObject().value(u"removed").toString(), QString());
    const QJsonObject past = summary(delisted(base(), QDate(2026, 10, 8)));
    QCOMPARE(past.value(u"dishonest").toArray().at(0).toObject().value(u"removed").toString(),
             u"2026-10-08"_s);
}

void TestReportDiff::compare_data()
{
    QTest::addColumn<QJsonObject>("previous");
    QTest::addColumn<QJsonObject>("current");
    QTest::addColumn<QStringList>("expected"); // English sentences (no translator loaded)

    const QJsonObject before = summary(base());

    // Same snapshot: nothing to report.
    QTest::newRow("unchanged") << before << before << QStringList();

    // A penalty dated after the previous report: named with authority, date and amount (CNY 50,000 is
    // below one million, so it is written in yuan).
    QTest::newRow("penalty added")
        << before << summary(withRecord(base(), newPenalty))
        << QStringList{
               u"New administrative penalty: \"环保设施未正常运行\" by 长沙市生态环境局 on 2026-09-15, "
               "amount CNY 50,000.00."_s};

    // A penalty without an amount: the sentence leaves the amount out rather than saying "CNY 0.00".
    {
        Core::CreditRecord warning = newPenalty;
        warning.meta.id = u"pen3"_s;
        warning.amount = Core::Money();
        QTest::newRow("penalty without amount")
            << before << summary(withRecord(base(), warning))
            << QStringList{
                   u"New administrative penalty: \"环保设施未正常运行\" by 长沙市生态环境局 on 2026-09-15."_s};
    }

    // The previous report's penalty is gone from the records (e.g. revoked on review).
    QTest::newRow("penalty removed") << before << summary(withoutRecord(base(), u"pen1"_s))
                                     << QStringList{u"The administrative penalty \"未按期申报纳税\" by "
                                                    u"长沙市岳麓区税务局 of 2025-03-10 shown in the "
                                                    "previous report is no longer on record."_s};

    // Score and grade move together; each is its own sentence, score first.
    {
        Report::ReportData d = base();
        d.score.score = 655.0;
        d.score.grade = u"BBB"_s;
        QTest::newRow("score and grade") << before << summary(d)
                                         << QStringList{u"The credit score changed from 712 to 655."_s,
                                                        u"The credit grade changed from A to BBB."_s};
    }

    // 712.4 and 711.6 both round to 712: the report shows the same score, so no change is listed.
    {
        Report::ReportData d = base();
        d.score.score = 711.6;
        QTest::newRow("score rounds equal") << before << summary(d) << QStringList();
    }

    // The listing's removal date passed between the reports.
    QTest::newRow("listing removed from the list")
        << before << summary(delisted(base(), QDate(2026, 10, 8)))
        << QStringList{
               u"The dishonest-debtor listing \"（2025）湘0104执123号\" by 长沙市岳麓区人民法院 was removed "
               "from the list on 2026-10-08."_s};

    // A removal date after the as-of day: still listed, nothing changed yet.
    QTest::newRow("removal still ahead")
        << before << summary(delisted(base(), asOf.addDays(30))) << QStringList();

    // A new listing.
    QTest::newRow("new listing")
        << before
        << summary(withRecord(base(), record(u"dis2"_s, RK::DishonestDebtor, QDate(2026, 8, 3),
                                             u"（2026）湘0105执88号"_s, u"长沙市开福区人民法院"_s)))
        << QStringList{u"New dishonest-debtor listing: \"（2026）湘0105执88号\" by 长沙市开福区人民法院 on "
                       "2026-08-03."_s};

    // The listing vanished from the records altogether (not the same as being taken off the list).
    QTest::newRow("listing no longer on record")
        << before << summary(withoutRecord(base(), u"dis1"_s))
        << QStringList{u"The dishonest-debtor listing \"（2025）湘0104执123号\" by 长沙市岳麓区人民法院 of "
                       u"2025-06-01 "
                       "shown in the previous report is no longer on record."_s};

    // The 2025 evaluation (B) is newer than the 2024 one (A): the newest grade is compared.
    QTest::newRow("tax grade")
        << before
        << summary(withRecord(base(), record(u"tax2025"_s, RK::TaxGrade, QDate(2025, 1, 1), u"B"_s,
                                             u"国家税务总局湖南省税务局"_s)))
        << QStringList{u"The tax credit grade changed from A to B (evaluation of 2025)."_s};

    // A new evaluation with the same grade is not a change of grade.
    QTest::newRow("tax grade confirmed")
        << before
        << summary(withRecord(base(), record(u"tax2025"_s, RK::TaxGrade, QDate(2025, 1, 1), u"A"_s,
                                             u"国家税务总局湖南省税务局"_s)))
        << QStringList();

    // No tax grade at the previous report (a full summary, so its absence is known), one now.
    QTest::newRow("first tax grade")
        << summary(withoutRecord(base(), u"tax2024"_s)) << before
        << QStringList{u"A tax credit grade is on record for the first time: A (evaluation of 2024)."_s};

    // Counted kinds: a second subsidy and a second application; qualifications fell from 1 to 0.
    {
        Report::ReportData d = withoutRecord(base(), u"q1"_s);
        d.records.append(
            record(u"sub2"_s, RK::Subsidy, QDate(2026, 6, 1), u"研发费用补助"_s, u"湖南省财政厅"_s, 800000));
        d.applications.resize(2);
        QTest::newRow("counts") << before << summary(d)
                                << QStringList{
                                       u"The number of qualifications changed from 1 to 0."_s,
                                       u"The number of subsidies changed from 1 to 2."_s,
                                       u"The number of financing applications on the platform changed "
                                       "from 1 to 2."_s};
    }

    // A public-resource contract counts with procurement awards.
    QTest::newRow("public contract counts as procurement")
        << before
        << summary(withRecord(base(), record(u"prc1"_s, RK::PublicResourceContract, QDate(2026, 2, 2),
                                             u"道路维修工程"_s, u"长沙市公共资源交易中心"_s, 9000000)))
        << QStringList{
               u"The number of procurement awards and public-resource contracts changed from 1 to 2."_s};

    // An older summary (ids only): a penalty whose id it did not hold is new; counts, tax grade and
    // removals cannot be compared and are not guessed.
    {
        Report::ReportData d = withRecord(withoutRecord(base(), u"dis1"_s), newPenalty);
        d.applications.resize(3);
        QTest::newRow("old-format previous")
            << oldFormat(before) << summary(d)
            << QStringList{
                   u"New administrative penalty: \"环保设施未正常运行\" by 长沙市生态环境局 on 2026-09-15, "
                   "amount CNY 50,000.00."_s};
    }

    // With an older summary, the old penalty's id is known, so it is not reported as new.
    QTest::newRow("old-format previous, nothing new") << oldFormat(before) << before << QStringList();
}

void TestReportDiff::compare()
{
    QFETCH(QJsonObject, previous);
    QFETCH(QJsonObject, current);
    QFETCH(QStringList, expected);
    const QVector<ReportDiff::Change> changes = ReportDiff::compare(previous, current);
    QCOMPARE(ReportDiff::sentences(changes, Report::ReportLanguage::English), expected);
}

void TestReportDiff::chineseSentences()
{
    Report::ReportData d = delisted(withRecord(base(), newPenalty), QDate(2026, 10, 8));
    d.score.score = 655.0;
    d.score.grade = u"BBB"_s;
    d.applications.resize(2);
    const QVector<ReportDiff::Change> changes = ReportDiff::compare(summary(base()), summary(d));
    // Chinese is written out by the module (not the UI translation), amounts in 万元 from 1万 up.
    QCOMPARE(
        ReportDiff::sentences(changes, Report::ReportLanguage::Chinese),
        (QStringList{
            u"信用评分由 712 变为 655。"_s, u"信用等级由 A 变为 BBB。"_s,
            u"新增行政处罚：长沙市生态环境局 于 2026-09-15 作出的“环保设施未正常运行”，金额 5.00万元。"_s,
            u"长沙市岳麓区人民法院 列入的失信被执行人记录“（2025）湘0104执123号”已于 2026-10-08 移出名单。"_s,
            u"平台融资申请数量由 1 变为 2。"_s}));
}

void TestReportDiff::orderOfChanges()
{
    // Two penalties added out of date order: listed oldest first, whatever order the records came in.
    Core::CreditRecord early = newPenalty;
    early.meta.id = u"pen0"_s;
    early.date = QDate(2026, 1, 5);
    early.title = u"消防通道堵塞"_s;
    const Report::ReportData d = withRecord(withRecord(base(), newPenalty), early);
    const QVector<ReportDiff::Change> changes = ReportDiff::compare(summary(base()), summary(d));
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes.at(0).kind, ReportDiff::Change::Kind::PenaltyAdded);
    QCOMPARE(changes.at(0).subject, u"消防通道堵塞"_s);
    QCOMPARE(changes.at(0).date, QDate(2026, 1, 5));
    QCOMPARE(changes.at(0).amountFen, qint64(5000000));
    QCOMPARE(changes.at(1).subject, u"环保设施未正常运行"_s);
}

QTEST_GUILESS_MAIN(TestReportDiff)
#include "tst_reportdiff.moc"
