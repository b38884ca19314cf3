#include "core/recordsummary.h"

#include <QTest>

using namespace XinDai::Core;

class TestRecordSummary : public QObject
{
    Q_OBJECT

private:
    static CreditRecord record(CreditRecord::Kind kind, QDate date, const QString &title = {},
                               QDate validTo = {}, const QString &firm = QStringLiteral("f1"))
    {
        CreditRecord r;
        r.enterpriseId = firm;
        r.kind = kind;
        r.date = date;
        r.title = title;
        r.validTo = validTo;
        return r;
    }

private Q_SLOTS:
    void summarisesAsOfTheDay()
    {
        using K = CreditRecord::Kind;
        const QDate day(2026, 11, 20);
        const QVector<CreditRecord> records{
            record(K::TaxGrade, QDate(2024, 1, 1), QStringLiteral("B")),
            record(K::TaxGrade, QDate(2025, 1, 1), QStringLiteral(" A ")), // latest dated grade wins, trimmed
            record(K::TaxGrade, QDate(2027, 1, 1), QStringLiteral("D")),   // after the day: ignored
            record(K::Penalty, QDate(2023, 11, 20)), // exactly 3 years before: outside (day − 3y, day]
            record(K::Penalty, QDate(2023, 11, 21)), // one day inside the window
            record(K::Penalty, QDate(2026, 11, 20)), // on the day: inside
            record(K::Procurement, QDate(2025, 6, 1)),
            record(K::DishonestDebtor, QDate(2022, 1, 1), {}, QDate(2023, 1, 1)), // removed before the day
            record(K::Qualification, QDate(2023, 1, 1), QStringLiteral("高新技术企业"),
                   QDate(2026, 11, 20)), // valid through the day
            record(K::Qualification, QDate(2022, 1, 1), QStringLiteral("专精特新中小企业"),
                   QDate(2025, 12, 31)), // expired
            record(K::Qualification, QDate(2024, 1, 1),
                   QStringLiteral("高新技术企业")), // duplicate title: once
            record(K::Patent, QDate(2020, 5, 1)),
            record(K::Patent, QDate(2021, 5, 1)),
            record(K::Patent, QDate(2021, 5, 1), {}, {}, QStringLiteral("other-firm")), // another firm's
            record(K::Penalty, QDate()),                                                // undated: ignored
        };
        const RecordSummary s = RecordSummary::of(QStringLiteral("f1"), records, day);
        QCOMPARE(s.taxGrade, QStringLiteral("A"));
        QCOMPARE(s.taxGradeDate, QDate(2025, 1, 1));
        QCOMPARE(s.penalties3y, 2);
        QCOMPARE(s.procurements3y, 1);
        QCOMPARE(s.dishonest, false);
        QCOMPARE(s.qualifications, QStringList{QStringLiteral("高新技术企业")});
        QCOMPARE(s.patents, 2);
    }

    void dishonestListingStillInForce()
    {
        using K = CreditRecord::Kind;
        const QDate day(2026, 11, 20);
        // Listed without removal date, or removed only after the day: in force on the day.
        QVERIFY(RecordSummary::of(QStringLiteral("f1"), {record(K::DishonestDebtor, QDate(2026, 1, 1))}, day)
                    .dishonest);
        QVERIFY(RecordSummary::of(QStringLiteral("f1"),
                                  {record(K::DishonestDebtor, QDate(2026, 1, 1), {}, QDate(2026, 11, 21))},
                                  day)
                    .dishonest);
        // Removed on the day itself: no longer listed.
        QVERIFY(!RecordSummary::of(QStringLiteral("f1"),
                                   {record(K::DishonestDebtor, QDate(2026, 1, 1), {}, QDate(2026, 11, 20))},
                                   day)
                     .dishonest);
    }

    void emptyRecords()
    {
        const RecordSummary s = RecordSummary::of(QStringLiteral("f1"), {}, QDate(2026, 11, 20));
        QVERIFY(s.taxGrade.isEmpty());
        QVERIFY(!s.taxGradeDate.isValid());
        QCOMPARE(s.penalties3y, 0);
        QVERIFY(s.qualifications.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRecordSummary)
#include "tst_recordsummary.moc"
