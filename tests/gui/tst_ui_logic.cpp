// Plain value classes of the desktop shell: login lock-out, park KPIs, role navigation, labels.
#include "common/domainlabels.h"
#include "park/parkkpis.h"
#include "shell/loginthrottle.h"
#include "shell/navigation.h"

#include <QTest>

using namespace XinDai;
using namespace Qt::StringLiterals;
using Ui::LoginThrottle;
using State = Core::Application::State;

class TestUiLogic : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void throttleLocksAfterFiveFailures()
    {
        LoginThrottle t;
        for (int i = 1; i <= 4; ++i) {
            t.recordFailure(1000 * i);
            QVERIFY(!t.isLocked(1000 * i)); // failures 1–4: still allowed
            QCOMPARE(t.failuresInARow(), i);
        }
        t.recordFailure(5000); // the 5th in a row locks for 30 s from now
        QVERIFY(t.isLocked(5000));
        QCOMPARE(t.secondsLeft(5000), 30);
        QCOMPARE(t.secondsLeft(5001), 30); // 29.999 s rounds up: never show "0 s" while locked
        QCOMPARE(t.secondsLeft(34000), 1);
        QVERIFY(t.isLocked(34999));
        QVERIFY(!t.isLocked(35000)); // exactly 30 s later the lock is over
        QCOMPARE(t.secondsLeft(35000), 0);
        QCOMPARE(t.failuresInARow(), 0); // and a fresh series of 5 starts
    }

    void throttleFailuresWhileLockedDontExtend()
    {
        LoginThrottle t;
        for (int i = 0; i < 5; ++i)
            t.recordFailure(0);
        t.recordFailure(10000); // while locked: ignored, the lock still ends at 30 s
        QVERIFY(!t.isLocked(30000));
    }

    void throttleSuccessResets()
    {
        LoginThrottle t;
        for (int i = 0; i < 4; ++i)
            t.recordFailure(0);
        t.recordSuccess(); // "in a row": a success breaks the series
        t.recordFailure(0);
        QVERIFY(!t.isLocked(0));
        QCOMPARE(t.failuresInARow(), 1);
    }

    void approvalRate_data()
    {
        QTest::addColumn<int>("approved");
        QTest::addColumn<int>("disbursed");
        QTest::addColumn<int>("settled");
        QTest::addColumn<int>("rejected");
        QTest::addColumn<int>("submitted");
        QTest::addColumn<int>("expected"); // per mille, -1 = no decision yet

        // 3 approved of 4 decided = 750 ‰; submitted ones are undecided and don't count.
        QTest::newRow("plain") << 3 << 0 << 0 << 1 << 9 << 750;
        // Disbursed and settled applications were approved first: (1+1+1)/(3+3) = 500 ‰.
        QTest::newRow("later states count as approved") << 1 << 1 << 1 << 3 << 0 << 500;
        // 2/3 = 666.67 ‰ rounds half up to 667.
        QTest::newRow("rounding") << 2 << 0 << 0 << 1 << 0 << 667;
        // 1/6 = 166.67 ‰ → 167.
        QTest::newRow("rounding down side") << 1 << 0 << 0 << 5 << 0 << 167;
        QTest::newRow("all rejected") << 0 << 0 << 0 << 4 << 2 << 0;
        // Nothing decided: no rate rather than a division by zero or a misleading 0 %.
        QTest::newRow("no decision") << 0 << 0 << 0 << 0 << 5 << -1;
    }

    void approvalRate()
    {
        QFETCH(int, approved);
        QFETCH(int, disbursed);
        QFETCH(int, settled);
        QFETCH(int, rejected);
        QFETCH(int, submitted);
        QFETCH(int, expected);
        Ui::ParkKpis k;
        k.applicationsByState = {{State::Approved, approved},
                                 {State::Disbursed, disbursed},
                                 {State::Settled, settled},
                                 {State::Rejected, rejected},
                                 {State::Submitted, submitted}};
        const std::optional<int> rate = k.approvalRatePermille();
        QCOMPARE(rate.has_value(), expected >= 0);
        if (rate)
            QCOMPARE(*rate, expected);
    }

    void creditGrantedSumsApprovedStatesOnly()
    {
        auto app = [](State s, qint64 approvedFen) {
            Core::Application a;
            a.state = s;
            a.approvedAmount = Core::Money::fromFen(approvedFen);
            return a;
        };
        // Rejected / submitted amounts are not credit granted even if a number is stored.
        const QVector<Core::Application> list
            = {app(State::Approved, 100), app(State::Disbursed, 2000), app(State::Settled, 30000),
               app(State::Rejected, 99999), app(State::Submitted, 77777)};
        QCOMPARE(Ui::ParkKpis::sumGranted(list).fen(), qint64(32100));
    }

    void navigationPerRole_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<QStringList>("keys");
        // Every role ends with the sync conflicts page: everybody edits offline and can lose a field.
        // Window staff serve firms at the counter (walk-in wizard), find the firms a policy fits, and handle
        // the park's queue.
        QTest::newRow("window staff")
            << int(Core::Role::WindowStaff)
            << QStringList{u"page.firms"_s,       u"page.walkIn"_s,          u"page.policyMatching"_s,
                           u"page.policyFirms"_s, u"page.productMatching"_s, u"page.parkApplications"_s,
                           u"page.conflicts"_s};
        // Park managers add the overview and the credit index of their park, and find firms for a policy.
        QTest::newRow("park manager")
            << int(Core::Role::ParkManager)
            << QStringList{u"page.dashboard"_s,   u"page.parkIndex"_s,        u"page.firms"_s,
                           u"page.policyFirms"_s, u"page.parkApplications"_s, u"page.conflicts"_s};
        // Bank officers start from their inbox; no park queue, no admin tables.
        QTest::newRow("bank officer") << int(Core::Role::BankOfficer)
                                      << QStringList{u"page.inbox"_s, u"page.firms"_s, u"page.conflicts"_s};
        // Administrators see all parks (overview, credit index) and the reference tables, but no bank inbox.
        QTest::newRow("admin") << int(Core::Role::Admin)
                               << QStringList{u"page.dashboard"_s,   u"page.parkIndex"_s,
                                              u"page.firms"_s,       u"page.policyMatching"_s,
                                              u"page.policyFirms"_s, u"page.productMatching"_s,
                                              u"page.users"_s,       u"page.institutions"_s,
                                              u"page.products"_s,    u"page.policies"_s,
                                              u"page.ruleEditor"_s,  u"page.conflicts"_s};
    }

    void navigationPerRole()
    {
        QFETCH(int, role);
        QFETCH(QStringList, keys);
        QStringList actual;
        for (Ui::Navigation::Page p : Ui::Navigation::pagesFor(static_cast<Core::Role>(role))) {
            actual.append(Ui::Navigation::key(p));
            QVERIFY(!Ui::Navigation::title(p).isEmpty());
        }
        QCOMPARE(actual, keys);
    }

    void seriesValueFormatting_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<qint64>("value");
        QTest::addColumn<QString>("expected");
        // Money series are fen: 123456789 fen = 1,234,567.89 yuan, formatted with integer arithmetic.
        QTest::newRow("tax fen") << int(Core::MonthlyValue::Kind::TaxPaid) << qint64(123456789)
                                 << u"1,234,567.89"_s;
        // A single fen keeps its leading zero.
        QTest::newRow("one fen") << int(Core::MonthlyValue::Kind::BankInflow) << qint64(1) << u"0.01"_s;
        QTest::newRow("negative") << int(Core::MonthlyValue::Kind::BankOutflow) << qint64(-250) << u"-2.50"_s;
        // Head counts and kWh are plain integers.
        QTest::newRow("headcount") << int(Core::MonthlyValue::Kind::SocialInsuranceHeadcount) << qint64(1234)
                                   << u"1,234"_s;
        QTest::newRow("kWh") << int(Core::MonthlyValue::Kind::Electricity) << qint64(98765) << u"98,765"_s;
    }

    void seriesValueFormatting()
    {
        QFETCH(int, kind);
        QFETCH(qint64, value);
        QFETCH(QString, expected);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(Ui::DomainLabels::seriesValue(static_cast<Core::MonthlyValue::Kind>(kind), value), expected);
    }

    void rateFormatting()
    {
        QCOMPARE(Ui::DomainLabels::rateBp(435), u"4.35%"_s); // 435 bp = 4.35 %
        QCOMPARE(Ui::DomainLabels::rateBp(5), u"0.05%"_s);   // leading zero of the hundredths kept
    }
};

QTEST_GUILESS_MAIN(TestUiLogic)
#include "tst_ui_logic.moc"
